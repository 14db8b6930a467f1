#!/bin/sh
# kill -9 drill (issue 15): ./bench/exchange/drill-kill9.sh [orders/min each way 1000] [minutes 2] [cycle s 30]
# The exchange bench with every stop a SIGKILL: the province and the city are killed in turn mid-stream while the
# other keeps creating and sending; prints lost / duplicated / lag and both sides' reconciliation (README.md).
cd "$(dirname "$0")" && EXCHANGE_BENCH_STOP=kill9 exec ./run.sh "${1:-1000}" "${2:-2}" "${3:-30}"
