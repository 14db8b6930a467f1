#!/bin/sh
# Telephony benchmark: concurrent bridged+recorded calls and call setup rate, driven by sipp.
# Usage: bench/telephony/run.sh [levels, e.g. 50,100,200,300,400,512]
# Needs: apt-get install -y sip-tester sox; JDK 25 (found like the build does, or JAVA_HOME).
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl telephony package -DskipTests
./mvnw -B -q -pl telephony dependency:build-classpath -Dmdep.outputFile="$PWD/telephony/target/bench.cp" >/dev/null
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
ulimit -n 65536 2>/dev/null || true
# ThreadPriorityPolicy=1 lets the mixer thread (MAX_PRIORITY) run at a lower nice value when allowed
# (root or CAP_SYS_NICE); elsewhere the JVM ignores it.
exec "$JAVA" -Xss512k -XX:+UseZGC -XX:ThreadPriorityPolicy=1 -cp "telephony/target/classes:$(cat telephony/target/bench.cp)" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn bench/telephony/TelephonyBench.java "$@"
