#!/usr/bin/env bash
# Machine inspection benchmark: generates the corpus (once; delete bench/qc/corpus to rebuild it) and prints
# precision/recall per labelled rule beside a naive baseline, and the acoustic pass's speed on one core.
# Needs: espeak-ng, sox, python3-numpy (Debian packages) and a compiled server (./mvnw -B -q -pl web,telephony,server
# -Dskip.web=true -DskipTests compile).
set -euo pipefail
cd "$(dirname "$0")/../.."
CALLS=${1:-200}
SEED=${2:-12345}
CORPUS=bench/qc/corpus
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
if [ ! -f "$CORPUS/labels.tsv" ] || [ "$(ls "$CORPUS/calls" | wc -l)" != "$CALLS" ]; then
  rm -rf "$CORPUS/calls" "$CORPUS/transcripts" "$CORPUS/labels.tsv"
  python3 bench/qc/generate.py "$CORPUS" "$CALLS" "$SEED"
fi
"$JAVA" -cp server/target/classes bench/qc/QcBench.java "$CORPUS" | tee bench/qc/last-run.txt
