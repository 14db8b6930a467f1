#!/bin/sh
# Reporting benchmark, unattended and bounded:
#   ./bench/reporting/run.sh [orders 1000000] [calls 5000000] [fact-lag seconds 30]
# Builds the server classes, then runs ReportingBench (single-file Java 25) with the server's classpath. The generated
# database is kept in $RPT_BENCH_DATA (default /tmp/openhotline-rpt-bench) and reused; delete it to start over.
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl server -am package -DskipTests -Dskip.web=true \
    dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/server/target/bench-classpath.txt"
JAVA=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -1)}/bin/java
# SIGTERM after 60 minutes lets Spring stop the embedded PostgreSQL; SIGKILL 60 s later if it hangs.
exec timeout -k 60 3600 "$JAVA" -Xmx2g -cp "server/target/classes:$(cat server/target/bench-classpath.txt)" \
    bench/reporting/ReportingBench.java "$@"
