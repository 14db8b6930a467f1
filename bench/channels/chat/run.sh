#!/usr/bin/env sh
# Online chat: 500 concurrent chats (50 agents × 10), message delivery citizen → agent (goal p99 < 200 ms), with a
# ping → pong baseline over the same WebSockets in the same run.
# Usage: bench/channels/chat/run.sh [agents, default 50] [capacity, default 10] [lines per chat, default 5] [interval ms, default 2000]
# Figures: bench/channels/chat/last-run.txt (and stdout). Killed after BENCH_TIMEOUT seconds (default 1800).
set -e
cd "$(dirname "$0")/../../.."
timeout -k 60 "${BENCH_TIMEOUT:-1800}" ./mvnw -B -q -pl web,telephony,server -Dskip.web=true test -Dtest=ChatBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench=chat -Dbench.agents="${1:-50}" -Dbench.capacity="${2:-10}" \
  -Dbench.lines="${3:-5}" -Dbench.intervalMs="${4:-2000}" \
  -Dbench.out="$(pwd)/bench/channels/chat/last-run.txt" -Dsurefire.redirectTestOutputToFile=false
cat bench/channels/chat/last-run.txt
