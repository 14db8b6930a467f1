#!/usr/bin/env sh
# Portal submissions per second (goal ≥ 200/s) with the staff intake API as the baseline, in the same run.
# Usage: bench/channels/portal/run.sh [appeals per path, default 3000] [concurrent clients, default 16]
# Figures: bench/channels/portal/last-run.txt (and stdout). Killed after BENCH_TIMEOUT seconds (default 1200).
# BENCH_WARMUP: requests per path in a warm-up round (default 500); rounds go on until the JIT compiled for < 300 ms in one (at most BENCH_WARMUP_ROUNDS, default 30).
set -e
cd "$(dirname "$0")/../../.."
timeout -k 60 "${BENCH_TIMEOUT:-1200}" ./mvnw -B -q -pl web,telephony,server test -Dskip.web=true -Dtest=PortalBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench=portal -Dbench.n="${1:-3000}" -Dbench.concurrency="${2:-16}" -Dbench.warmup="${BENCH_WARMUP:-500}" -Dbench.warmup-rounds="${BENCH_WARMUP_ROUNDS:-30}" \
  -Dbench.out="$(pwd)/bench/channels/portal/last-run.txt" -Dsurefire.redirectTestOutputToFile=false
cat bench/channels/portal/last-run.txt
