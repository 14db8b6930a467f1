#!/usr/bin/env bash
# First start of the demo platform on a fresh data directory, timed: prints the load average before, the seconds to
# each milestone read from the log (JVM up, Flyway done, Spring started, each demo seed and history step, the banner,
# the first demo login), then stops the platform and removes the data directory.
# Usage: bench/startup/first-start.sh [extra app arguments...]   (JAR=… to time another jar, KEEP=1 keeps the data)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${JAR:-server/target/openhotline.jar}
java=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
java=${java:-java}
dir=$(mktemp -d /tmp/openhotline-first-start.XXXXXX)
log=$dir/app.log
sip=$((20000 + RANDOM % 20000))
echo "load before: $(uptime)"
t0=$(date +%s.%N)
"$java" ${JAVA_OPTS:-} -jar "$jar" --hotline.data-dir="$dir/data" --server.port=0 --hotline.demo.password=Demo-Start-12345 \
  --hotline.sip.bind-address=127.0.0.1 --hotline.sip.port=$sip --hotline.sip.tls.enabled=false \
  --hotline.sip.rtp-min=$((sip + 2)) --hotline.sip.rtp-max=$((sip + 400)) "$@" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$dir"' EXIT
port=""
login=""
banner=""
while kill -0 $pid 2>/dev/null; do
  if [ -z "$port" ]; then
    port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -1)
  fi
  # every 4 s: failed logins (accounts not there yet) count towards the per-address throttle (20 a minute)
  if [ -n "$port" ] && [ -z "$login" ] && [ $(( $(date +%s) % 4 )) -lt 2 ]; then
    code=$(curl -s -o /dev/null -w '%{http_code}' -c "$dir/jar" -b "$dir/jar" "http://127.0.0.1:$port/api/auth/me" || true)
    token=$(sed -n 's/.*XSRF-TOKEN\t//p' "$dir/jar" 2>/dev/null | tail -1)
    code=$(curl -s -o /dev/null -w '%{http_code}' -c "$dir/jar" -b "$dir/jar" -H "X-XSRF-TOKEN: $token" \
      -H 'Content-Type: application/json' -d '{"username":"agent1","password":"Demo-Start-12345"}' \
      "http://127.0.0.1:$port/api/auth/login" || true)
    if [ "$code" = "200" ] || [ "$code" = "204" ]; then
      login=$(echo "$(date +%s.%N) - $t0" | bc)
      echo "first demo login (agent1) answered $code after ${login} s"
    fi
  fi
  if [ -z "$banner" ] && grep -q '热线平台已启动' "$log"; then
    banner=$(echo "$(date +%s.%N) - $t0" | bc)
    echo "banner after ${banner} s"
  fi
  if [ -n "$login" ] && grep -q 'Demo history .* rows in' "$log"; then
    break
  fi
  sleep 2
done
echo "--- milestones (log time) ---"
grep -E 'Starting HotlineApplication|Successfully applied|Migrating schema|Tomcat started|Started HotlineApplication|Demo (seed|history)|Embedded PostgreSQL|热线平台已启动' "$log" | cut -c1-400
echo "load after: $(uptime)"
