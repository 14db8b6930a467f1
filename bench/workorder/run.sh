#!/bin/sh
# Work-order benchmark: ./bench/workorder/run.sh [bulk orders, default 200000] [HTTP creates, default 4000]
# Builds the server classes, then runs WorkOrderBench (single-file Java 25) with the server's classpath.
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl server -am package -DskipTests -Dskip.web=true
./mvnw -B -q -pl server dependency:build-classpath -Dmdep.outputFile="$PWD/server/target/bench-classpath.txt"
JAVA=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -1)}/bin/java
exec "$JAVA" -Xmx1g -cp "server/target/classes:$(cat server/target/bench-classpath.txt)" bench/workorder/WorkOrderBench.java "$@"
