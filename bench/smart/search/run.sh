#!/usr/bin/env sh
# Semantic search and the abstaining assistant on the demo knowledge base: recall@1/@5 of words alone (BM25), meaning
# alone (bge-small-zh vectors) and both fused (RRF) over the original and the spoken question sets, the assistant on
# in-base and out-of-base questions, embedding cost. Figures: bench/smart/search/last-run.txt,
# per-question signals: bench/smart/assistant/signals.tsv. Bounded by BENCH_TIMEOUT seconds (default 1800).
# BENCH_HELDOUT=false asks the development sets only (tuning runs leave the held-out sets closed).
set -e
cd "$(dirname "$0")/../../.."
timeout -k 60 "${BENCH_TIMEOUT:-1800}" ./mvnw -B -q -pl web,telephony,server test -Dskip.web=true \
  -Dtest=SemanticBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench=semantic -Dbench.lists="${BENCH_LISTS:-false}" \
  -Dbench.heldout="${BENCH_HELDOUT:-true}" \
  -Dsurefire.redirectTestOutputToFile=false -DenableAssertions=false
cat bench/smart/search/last-run.txt
