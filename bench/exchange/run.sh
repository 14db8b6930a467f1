#!/bin/sh
# Exchange benchmark (issue 15): ./bench/exchange/run.sh [orders/min each way 1000] [flapping minutes 4] [cycle s 30]
# Builds the jar, then runs two platforms (city JZ, province NJ) as processes on $EXCHANGE_BENCH_DATA (default
# /tmp/openhotline-exchange-bench, wiped at start), each forwarding orders to the other; the province is stopped
# (SIGTERM and kill -9 in turn) and started again every cycle. Prints lost / duplicated / lag p50, p99 for a baseline
# minute and for the flapping phase, and both sides' reconciliation of the day.
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl web,telephony,server -DskipTests package
JAVA=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -1)}/bin/java
exec timeout -k 60 3600 "$JAVA" bench/exchange/ExchangeBench.java server/target/openhotline.jar "$@"
