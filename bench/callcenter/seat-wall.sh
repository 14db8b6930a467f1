#!/usr/bin/env bash
# State change to screen: starts the platform on a scratch data directory, then measures seat-wall push latency.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f server/target/openhotline.jar ] || ./mvnw -B -q -DskipTests package
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/java}
[ -n "$java_bin" ] || java_bin=$(ls -d /usr/lib/jvm/*25*/bin/java | head -1)
data=$(mktemp -d)
port=${PORT:-18081}
HOTLINE_DATA_DIR=$data HOTLINE_PORT=$port HOTLINE_DEMO_PASSWORD=Bench-Pass-2026 HOTLINE_SIP_PORT=${SIP_PORT:-15060} \
  "$java_bin" -jar server/target/openhotline.jar > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null && break; sleep 1; done
out=$(mktemp -d)
"$(dirname "$java_bin")/javac" -d "$out" bench/callcenter/SeatWallPushBench.java
"$java_bin" -cp "$out" SeatWallPushBench "http://localhost:$port" Bench-Pass-2026 "${ROUNDS:-50}"
