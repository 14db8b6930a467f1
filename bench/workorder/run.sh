#!/bin/sh
# Work-order benchmark, unattended and bounded (about 15 minutes on 2 quiet cores, 25 at most; the ILIKE baseline
# is measured in every search round):
#   ./bench/workorder/run.sh [orders 1000000] [HTTP creates 20000] [light deadlines 1000000] [window s 30]
# Builds the server classes, then runs WorkOrderBench (single-file Java 25) with the server's classpath. The generated
# database is kept in $WO_BENCH_DATA (default /tmp/openhotline-wo-bench) and reused; delete it to start over.
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl server -am package -DskipTests -Dskip.web=true \
    dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/server/target/bench-classpath.txt"
JAVA=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -1)}/bin/java
# SIGTERM after 25 minutes lets Spring stop the embedded PostgreSQL; SIGKILL 60 s later if it hangs (the next run
# then stops the left-over postmaster itself).
exec timeout -k 60 1500 "$JAVA" -Xmx2g -cp "server/target/classes:$(cat server/target/bench-classpath.txt)" \
    bench/workorder/WorkOrderBench.java "$@"
