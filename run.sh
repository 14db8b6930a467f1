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
  if ! command -v npm >/dev/null 2>&1; then
    echo "Building the web UI needs Node.js 22.12+ with npm, and npm is not on PATH." >&2
    exit 1
  fi
  node_version=$(node --version 2>/dev/null || echo v0)
  if [ "${node_version#v}" != "${node_version}" ] && [ "$(echo "${node_version#v}" | cut -d. -f1)" -lt 22 ]; then
    echo "Note: Node.js $node_version is older than the 22.12+ that the web UI's packages declare; the build"
    echo "      usually works all the same (npm may warn EBADENGINE). Install Node.js 22 if it fails."
  fi
  echo "Building OpenHotline (first run or sources changed; the first build takes a few minutes):"
  build_log="${TMPDIR:-/tmp}/openhotline-build.$$.log"
  # Maven's own output goes to the log; the console shows each step as it starts.
  set +e
  ./mvnw -B -ntp -DskipTests package 2>&1 | tee "$build_log" | awk '
    /^\[INFO\] Building .*\[[0-9]+\/[0-9]+\]/ { sub(/^\[INFO\] Building /, ""); gsub(/ +\[/, " ["); print "  " $0; fflush(); next }
    /--- exec:.*\(npm-install\)/ { print "    installing the web UI packages (npm install)"; fflush(); next }
    /--- exec:.*\(npm-build\)/ { print "    building the web UI (vite build)"; fflush(); next }
    /--- compiler:.*:compile / { print "    compiling the Java sources"; fflush(); next }
    /--- spring-boot:.*:repackage/ { print "    packaging server/target/openhotline.jar"; fflush(); next }'
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$build_log" >&2
    echo "The build failed; the whole Maven output is in $build_log" >&2
    exit "$status"
  fi
  rm -f "$build_log"
  echo "Build done."
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
# Everything the platform writes (database, recordings, search indexes, logs) is the service user's alone.
umask 077
echo "Starting OpenHotline with $java_bin (data in ${HOTLINE_DATA_DIR:-./data}; the first start seeds the demo city)..."
# JAVA_OPTS (e.g. -Xmx2g) passes JVM options through. Unset, the heap is capped at 512 MB and given back to the system
# when idle (a collection every 30 s if none ran, and at most 30 % of the heap kept free): the demo city with its year
# of history then runs in under 1 GB with its PostgreSQL, also right after the first start has written that year
# (bench/reporting/memory.sh). glibc keeps two malloc arenas instead of one per core and thread (the native memory of
# the embedding runtime). A city with millions of orders sets JAVA_OPTS=-Xmx2g or more (docs/deployment.md).
# JAVA_OPTS= (empty) leaves the JVM's own defaults.
default_opts="-Xmx512m -XX:MaxMetaspaceSize=256m -XX:G1PeriodicGCInterval=30000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# config/application.yml is read from the checkout (Spring's ./config/) and from the directory run.sh was started in.
config=()
if [ "$started_in" != "$(pwd)" ]; then
  config=(--spring.config.additional-location="optional:file:$started_in/config/")
fi
# Lucene's vector search (knowledge, similar orders) uses the CPU's SIMD units only with the Vector API's module
# readable (about 3x faster dot products; the JVM then warns once that an incubator module is in use). ADR 017.
exec "$java_bin" --add-modules jdk.incubator.vector ${JAVA_OPTS-$default_opts} -jar "$jar" "${config[@]}" "$@"
