#!/usr/bin/env bash
# ACD routing benchmark: event-driven ACD vs a 100 ms polling dispatcher, same process, same load.
# Usage: bench/callcenter/run.sh   (builds the server classes if needed; RUN_MS=20000 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d server/target/classes/org/openhotline/callcenter ] || ./mvnw -B -q -DskipTests -Dskip.web=true -pl server -am compile
# A JDK 25: JAVA_HOME if set, else the one under /usr/lib/jvm.
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/java}
[ -n "$java_bin" ] || java_bin=$(ls -d /usr/lib/jvm/*25*/bin/java | head -1)
out=$(mktemp -d)
"$(dirname "$java_bin")/javac" -d "$out" -cp server/target/classes bench/callcenter/AcdBench.java
"$java_bin" -DrunMs="${RUN_MS:-20000}" -cp "$out:server/target/classes" AcdBench
