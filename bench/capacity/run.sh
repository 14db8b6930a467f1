#!/bin/sh
# Capacity benchmark (issue 17, one node), unattended and bounded:
#   ./bench/capacity/run.sh [seconds 60] [clients 64] [rate/s 0 = closed loop] [--platform.property=value …]
# 1. builds the server classes; 2. fills the database with 1,000,000 orders through bench/workorder's generator
# (only the missing ones; the data is kept in $CAP_BENCH_DATA, default /tmp/openhotline-capacity-bench); 3. runs
# CapacityBench (single-file Java 25, the platform in the same JVM) — with CAP_BEFORE set, first once with the
# properties in $CAP_BEFORE (the "before" of a change, e.g. CAP_BEFORE="--hotline.x=false"), then as shipped, back to
# back, so that both see the same machine. CAP_JFR=1 records a flight recording of each run next to this script.
# CAP_WARMUP: seconds of unmeasured load first (default a quarter of the run, 5–20 s; the JIT needs minutes).
set -e
cd "$(dirname "$0")/../.."
export CAP_BENCH_DATA=${CAP_BENCH_DATA:-/tmp/openhotline-capacity-bench}
export HOTLINE_DEMO_HISTORY=false
if [ -z "$CAP_SKIP_BUILD" ]; then
  ./mvnw -B -q -pl web,telephony,server -am package -DskipTests -Dskip.web=true \
      dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/server/target/bench-classpath.txt"
fi
JAVA=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -1)}/bin/java
# The bench runs on a copy of the classes: a build in the same worktree while it runs (tests, another bench) would
# otherwise delete classes the platform has not loaded yet (ClassNotFoundException in the middle of a run).
rm -rf "$CAP_BENCH_DATA/classes" && mkdir -p "$CAP_BENCH_DATA" && cp -r server/target/classes "$CAP_BENCH_DATA/classes"
CP="$CAP_BENCH_DATA/classes:$(cat server/target/bench-classpath.txt)"
ORDERS=${CAP_ORDERS:-1000000}
# CAP_ORDERS=0: the orders are known to be there (saves a start of the platform).
if [ "$ORDERS" != 0 ]; then
  WO_BENCH_DATA=$CAP_BENCH_DATA WO_BENCH_PHASES=none timeout -k 60 3000 "$JAVA" -Xmx2g -cp "$CP" \
      bench/workorder/WorkOrderBench.java "$ORDERS" 0 0
fi
# pg_stat_statements for the statement table each run prints: preloaded through the bench's own data directory
# (postgresql.auto.conf; the platform's settings come on the command line and do not name preload libraries).
AUTO=$CAP_BENCH_DATA/postgres/postgresql.auto.conf
if [ -f "$AUTO" ] && ! grep -q pg_stat_statements "$AUTO"; then
  echo "shared_preload_libraries = 'pg_stat_statements'" >> "$AUTO"
fi
# The JVM flags the platform runs with (run.sh's); CAP_JVM= runs without the Vector API module (the "before" of
# ADR 017 decision 7).
JVM_FLAGS=${CAP_JVM-"--add-modules jdk.incubator.vector"}
run() {
  label=$1; shift
  jfr=""
  if [ -n "$CAP_JFR" ]; then
    jfr="-XX:StartFlightRecording=filename=bench/capacity/$label.jfr,settings=profile"
  fi
  CAP_LABEL=$label timeout -k 60 1200 "$JAVA" -Xmx2g $JVM_FLAGS $jfr -cp "$CP" bench/capacity/CapacityBench.java "$@"
}
if [ -n "$CAP_BEFORE" ]; then
  # shellcheck disable=SC2086
  run before "$@" $CAP_BEFORE
fi
run after "$@"
