#!/bin/sh
# Smart-dispatch evaluation: ./bench/smart/dispatch/run.sh [history orders drawn, default 30000]
# BENCH_APPEALS=bench/smart/dispatch/fresh-appeals.tsv asks the fresh held-out set instead of appeals.tsv.
# Builds the server classes, then runs DispatchBench (single-file Java 25) with the server's classpath. No database.
set -e
cd "$(dirname "$0")/../../.."
./mvnw -B -q -pl telephony,server -am package -DskipTests -Dskip.web=true \
    dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/server/target/bench-classpath.txt"
JAVA=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -1)}/bin/java
exec "$JAVA" -Xmx1g ${BENCH_APPEALS:+-Dappeals=$BENCH_APPEALS} -cp "server/target/classes:$(cat server/target/bench-classpath.txt)" bench/smart/dispatch/DispatchBench.java "$@"
