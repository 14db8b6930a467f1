#!/usr/bin/env sh
# Knowledge benchmark: recall@1/@5 of search and of the answer assistant over the evaluation set
# (server/src/test/resources/knowledge/eval-questions.tsv), then N generated articles (default 100000):
# index rebuild time and search latency at 20 concurrent queries, Lucene vs PostgreSQL ILIKE, same run.
# Usage: bench/knowledge/run.sh [articles]      Figures: bench/knowledge/last-run.txt (and stdout).
# Unattended and bounded: the whole run (build, embedded PostgreSQL, benchmark) is killed after BENCH_TIMEOUT
# seconds (default 1800); timeout signals its whole process group, so the test JVM and PostgreSQL stop with it.
# BENCH_ILIKE=false skips the PostgreSQL ILIKE baseline (the slowest part) when only Lucene is being tuned.
# Assertions are off (-DenableAssertions=false): Lucene checks its invariants with asserts that cost more than the search.
set -e
cd "$(dirname "$0")/../.."
timeout -k 60 "${BENCH_TIMEOUT:-1800}" ./mvnw -B -q -pl server -am test -Dskip.web=true -Dtest=KnowledgeBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=knowledge -Dbench.articles="${1:-100000}" -Dbench.ilike="${BENCH_ILIKE:-true}" -Dbench.jfr="${BENCH_JFR:-}" \
  -Dbench.out="$(pwd)/bench/knowledge/last-run.txt" \
  -Dsurefire.redirectTestOutputToFile=false -DenableAssertions=false
cat bench/knowledge/last-run.txt
