#!/bin/sh
# Memory of the running platform with the demo year (JVM RSS + PostgreSQL PSS, shared buffers counted once):
#   JAVA_OPTS=-Xmx512m ./bench/reporting/memory.sh [data dir, default /tmp/openhotline-kill9-drill]
# Starts server/target/openhotline.jar on a data directory (one that holds the demo year — the kill -9 drill leaves one
# — or a new one: a first start, with HOTLINE_DEMO_PASSWORD set, which writes the demo year first), waits until it
# answers and the demo year is written, asks a year of KPIs and the big screen once, and prints the figures.
set -e
cd "$(dirname "$0")/../.."
dir=${1:-/tmp/openhotline-kill9-drill}
JAVA=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -1)}/bin/java
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18765)
"$JAVA" ${JAVA_OPTS:-} -jar server/target/openhotline.jar --hotline.data-dir="$dir" --server.port="$port" \
    --hotline.sip.enabled=false ${APP_ARGS:-} > "$dir-memory.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
i=0
until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do
  i=$((i + 1)); [ $i -lt 1200 ] || { echo "not up"; exit 1; }; sleep 0.5
done
# a first start writes the demo year in the background after it answers: measure once it is written
if grep -q "writing in the background" "$dir-memory.log"; then
  i=0
  until grep -q "every report shows the year now" "$dir-memory.log"; do
    i=$((i + 1)); [ $i -lt 2400 ] || { echo "demo year not written"; exit 1; }; sleep 0.5
  done
  echo "first start: $(grep -o 'Demo history [0-9-]* – [0-9-]*: [0-9]* rows in [0-9]* ms' "$dir-memory.log")"
fi
jar=$(mktemp)
curl -s -c "$jar" -b "$jar" "http://localhost:$port/api/auth/me" >/dev/null
token=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")
curl -s -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"manager\",\"password\":\"${DEMO_PASSWORD:-Drill-Pass-2026}\"}" "http://localhost:$port/api/auth/login" >/dev/null
to=$(date +%F); from=$(date -d '-365 days' +%F)
for p in "/api/reports/kpis?from=$from&to=$to" "/api/reports/kpis?from=$from&to=$to&groupBy=month" /api/reports/bigscreen; do
  curl -s -o /dev/null -w "$p %{http_code} %{time_total}s\n" -b "$jar" "http://localhost:$port$p"
done
sleep "${SETTLE:-5}" # SETTLE=30 gives a periodic collection time to give the heap back
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
pss() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
pm=$(head -1 "$dir/postgres/postmaster.pid")
pg_pss=0; pg_rss=0
for p in $pm $(pgrep -P "$pm"); do pg_pss=$((pg_pss + $(pss "$p"))); pg_rss=$((pg_rss + $(rss "$p"))); done
jvm=$(rss $pid)
echo "JAVA_OPTS='${JAVA_OPTS:-}': JVM RSS $((jvm / 1024)) MB + PostgreSQL PSS $((pg_pss / 1024)) MB = $(((jvm + pg_pss) / 1024)) MB (PostgreSQL RSS sum $((pg_rss / 1024)) MB); $(cut -d' ' -f1-3 /proc/loadavg)"
