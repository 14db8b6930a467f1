#!/usr/bin/env sh
# SMS benchmark: N messages (default 5000) through the durable outbox and the scheduled sender over CMPP 3.0 into
# the SMSC simulator (test code), until all are SENT and DELIVERED; baselines: the bare CMPP client (window 16 and
# stop-and-wait) in the same run. Usage: bench/channels/sms/run.sh [messages]. Figures: bench/channels/sms/last-run.txt.
set -e
cd "$(dirname "$0")/../../.."
timeout -k 60 "${BENCH_TIMEOUT:-1200}" ./mvnw -B -q -pl web,telephony,server -Dskip.web=true test -Dtest=SmsOutboxBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench=sms -Dbench.messages="${1:-5000}" \
  -Dbench.out="$(pwd)/bench/channels/sms/last-run.txt" -Dsurefire.redirectTestOutputToFile=false
cat bench/channels/sms/last-run.txt
