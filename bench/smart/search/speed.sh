#!/usr/bin/env sh
# Hybrid knowledge search on N generated articles (default 100000) with vectors: index rebuild from the stored vectors,
# then spoken questions at 20 concurrent callers, embedding included, beside words alone (BM25), same run.
# Figures: bench/smart/search/last-speed-run.txt. BENCH_GATES=3,4,3,4 runs those gates (interleaved) instead of the usual phases. Bounded by BENCH_TIMEOUT seconds (default 2400).
set -e
cd "$(dirname "$0")/../../.."
timeout -k 60 "${BENCH_TIMEOUT:-2400}" ./mvnw -B -q -pl web,telephony,server test -Dskip.web=true \
  -Dtest=SemanticSpeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench=semantic-speed \
  -Dbench.articles="${1:-100000}" ${BENCH_GATES:+-Dbench.gates=$BENCH_GATES} -Dsurefire.redirectTestOutputToFile=false -DenableAssertions=false
cat bench/smart/search/last-speed-run.txt
