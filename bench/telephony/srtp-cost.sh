#!/bin/sh
# SRTP cost per packet against the G.711 encoding of the same frame (baseline). Usage: bench/telephony/srtp-cost.sh [packets]
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl telephony compile
./mvnw -B -q -pl telephony dependency:build-classpath -Dmdep.outputFile="$PWD/telephony/target/bench.cp" >/dev/null
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$JAVA" -cp "telephony/target/classes:$(cat telephony/target/bench.cp)" bench/telephony/SrtpCost.java "$@"
