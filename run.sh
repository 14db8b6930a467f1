#!/usr/bin/env bash
# Builds what is missing and starts OpenHotline on http://localhost:8080 (HOTLINE_PORT changes it) with an
# embedded PostgreSQL whose data lives in ./data (HOTLINE_DATA_DIR changes it). Extra arguments go to the app.
set -euo pipefail
# Spring reads ./config/application.yml relative to the working directory; keep the caller's one in reach.
started_in=$(pwd)
cd "$(dirname "$0")"

jar=server/target/openhotline.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml server/pom.xml server/src/main web/pom.xml web/src web/index.html \
      web/package.json telephony/pom.xml telephony/src/main -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building OpenHotline (first run or sources changed)..."
  ./mvnw -B -q -DskipTests package
fi

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
java_bin=""
for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
    java_bin=$candidate
    break
  fi
done
if [ -z "$java_bin" ]; then
  echo "OpenHotline needs a JDK 25: set JAVA_HOME to one (none found under /usr/lib/jvm or on PATH)." >&2
  exit 1
fi
# JAVA_OPTS (e.g. -Xmx2g) passes JVM options through.
# config/application.yml is read from the checkout (Spring's ./config/) and from the directory run.sh was started in.
config=()
if [ "$started_in" != "$(pwd)" ]; then
  config=(--spring.config.additional-location="optional:file:$started_in/config/")
fi
exec "$java_bin" ${JAVA_OPTS:-} -jar "$jar" "${config[@]}" "$@"
