#!/bin/sh
# Runs the telephony engine alone (no server): extensions 1001-1004 (password demo<ext>), 12345 = IVR.
# Usage: telephony/tools/demo-switch.sh <ip phones reach> [sip-port] [trunk-ip]
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl telephony package -DskipTests
./mvnw -B -q -pl telephony dependency:build-classpath -Dmdep.outputFile="$PWD/telephony/target/demo.cp" >/dev/null
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
exec "$JAVA" -cp "telephony/target/classes:$(cat telephony/target/demo.cp)" org.openhotline.telephony.demo.DemoSwitch "$@"
