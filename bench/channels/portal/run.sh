#!/usr/bin/env sh
# Portal submissions per second (goal ≥ 200/s) with the staff intake API as the baseline, in the same run.
# Usage: bench/channels/portal/run.sh [appeals per path, default 1000] [concurrent clients, default 16]
# Figures: bench/channels/portal/last-run.txt (and stdout). Killed after BENCH_TIMEOUT seconds (default 1200).
# BENCH_WARMUP: requests per path before timing (default 100; 1000 leaves the JIT's compiling out of the timed phases).
set -e
cd "$(dirname "$0")/../../.."
timeout -k 60 "${BENCH_TIMEOUT:-1200}" ./mvnw -B -q -pl web,telephony,server test -Dskip.web=true -Dtest=PortalBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench=portal -Dbench.n="${1:-1000}" -Dbench.concurrency="${2:-16}" -Dbench.warmup="${BENCH_WARMUP:-100}" \
  -Dbench.out="$(pwd)/bench/channels/portal/last-run.txt" -Dsurefire.redirectTestOutputToFile=false
cat bench/channels/portal/last-run.txt
