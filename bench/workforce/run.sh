#!/usr/bin/env bash
# Workforce benchmark: forecast accuracy vs seasonal naive, month staffing time, 300-agent roster with Timefold vs greedy.
# Usage: bench/workforce/run.sh   (HOLDOUTS=dev: the 2025 development holdouts, HOLDOUTS=validation: 2026 windows clear of the test ones, HOLDOUTS=rolling: a window ending every Sunday clear of the test ones (EXPECTED=file from noise_floor.py: its error split), instead of the 2026 test ones; ROSTER=false: forecast only;
# AGENTS=300 SECONDS_LIMIT=45 by default: greedy start, solver set-up and 45 s of search stay under 60 s); writes bench/workforce/last-run.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d server/target/classes/org/openhotline/workforce ] || ./mvnw -B -q -DskipTests -Dskip.web=true -pl web,telephony,server compile
cp_file=$(mktemp)
./mvnw -B -q -pl server -am -DskipTests -Dskip.web=true compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
cp="server/target/classes:$(cat "$cp_file")"
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/java}
[ -n "$java_bin" ] || java_bin=$(ls -d /usr/lib/jvm/*25*/bin/java | head -1)
out=$(mktemp -d)
"$(dirname "$java_bin")/javac" -d "$out" -cp "$cp" bench/workforce/WorkforceBench.java
"$java_bin" -Dholdouts="${HOLDOUTS:-test}" ${EXPECTED:+-Dexpected="$EXPECTED"} -Droster="${ROSTER:-true}" -Ddays="${DAYS:-false}" -Dagents="${AGENTS:-300}" -Dseconds="${SECONDS_LIMIT:-45}" -cp "$out:$cp" WorkforceBench | tee "bench/workforce/last-run$([ -n "${HOLDOUTS:-}" ] && [ "${HOLDOUTS}" != test ] && echo "-${HOLDOUTS}").txt"
