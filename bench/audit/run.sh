#!/usr/bin/env bash
# The cost of the HMAC-SM3 audit chain on audit writes (issue 19). Usage: bench/audit/run.sh [writes 2000] [threads 4]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl telephony,server -Dskip.web=true -DskipTests compile
./mvnw -B -q -pl server -am -DskipTests -Dskip.web=true compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
exec timeout 900 "$JAVA" -cp "server/target/classes:$(cat server/target/bench-classpath.txt)" bench/audit/AuditChainBench.java "$@"
