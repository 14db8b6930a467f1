#!/bin/sh
# kill -9 drill (issue 11): ./bench/reporting/kill9.sh [burst ms 6000]
# Builds the jar if missing, starts it as a process on a fresh $DRILL_DATA (default /tmp/openhotline-kill9-drill) with
# the demo year, times the first start and measures JVM + PostgreSQL memory, kills it with SIGKILL during a burst of
# API orders, restarts it and compares every KPI with a full rebuild.
set -e
cd "$(dirname "$0")/../.."
[ -f server/target/openhotline.jar ] || ./mvnw -B -q -DskipTests package
[ -f server/target/bench-classpath.txt ] || ./mvnw -B -q -pl server -am -DskipTests -Dskip.web=true compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$PWD/server/target/bench-classpath.txt"
JAVA=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -1)}/bin/java
pg=$(tr ':' '\n' < server/target/bench-classpath.txt | grep '/postgresql-[0-9.]*\.jar$' | head -1)
exec timeout -k 60 1800 "$JAVA" -cp "$pg" bench/reporting/KillNineDrill.java server/target/openhotline.jar "$@"
