#!/usr/bin/env sh
# The speed bench twice, back to back on the same machine: first without the Vector API module (Lucene's dot products
# in plain Java), then as the platform runs (--add-modules jdk.incubator.vector, ADR 017 decision 7).
#   ./bench/smart/search/speed-vector.sh [articles, default 50000]
# Figures: bench/smart/search/last-speed-run-no-vector-api.txt and last-speed-run.txt.
set -e
cd "$(dirname "$0")/../../.."
N=${1:-50000}
timeout -k 60 "${BENCH_TIMEOUT:-2400}" ./mvnw -B -q -pl web,telephony,server test -Dskip.web=true \
  -Dtest=SemanticSpeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench=semantic-speed \
  -Dbench.articles="$N" -Dsurefire.redirectTestOutputToFile=false -DenableAssertions=false -Dvector.module=
mv bench/smart/search/last-speed-run.txt bench/smart/search/last-speed-run-no-vector-api.txt
./bench/smart/search/speed.sh "$N"
echo; echo "without the Vector API module:"; cat bench/smart/search/last-speed-run-no-vector-api.txt
