#!/usr/bin/env sh
# Personal-data encryption benchmark (issue 19): HTTP create throughput as shipped (sealed), the storage step with
# plaintext vs sealed caller columns, and caller look-up latency p50/p95 by plaintext column vs blind index at M orders.
# Usage: bench/security/run.sh [orders for the look-up 1000000] [HTTP creates 2000] [stored rows 20000]
# Figures: stdout, and on top of bench/security/last-run.txt (earlier runs kept below). Unattended and bounded: killed after BENCH_TIMEOUT s (default 1800).
set -e
cd "$(dirname "$0")/../.."
mkdir -p target
timeout -k 60 "${BENCH_TIMEOUT:-1800}" ./mvnw -B -q -o -pl web,telephony,server test -Dskip.web=true -Dtest=PersonalDataBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench=security \
  -Dbench.orders="${1:-1000000}" -Dbench.creates="${2:-2000}" -Dbench.stored="${3:-20000}" \
  -Dbench.out="$(pwd)/target/security-bench.txt" -Dsurefire.redirectTestOutputToFile=false
# the newest run on top; the earlier runs (micro-benchmark, start-up) stay below it
{ echo "# $(date -u '+%Y-%m-%d %H:%M UTC') — bench/security/run.sh ${1:-1000000} ${2:-2000} ${3:-20000}"
  cat target/security-bench.txt; echo; cat bench/security/last-run.txt; } > target/security-last-run.txt
mv target/security-last-run.txt bench/security/last-run.txt
cat target/security-bench.txt
