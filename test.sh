#!/usr/bin/env bash
# Runs every test (./mvnw -B verify) after making sure the Debian packages the tests drive are installed:
# as root it installs the missing ones; otherwise it names them and the apt-get line, and stops.
# Extra arguments go to Maven (e.g. ./test.sh -Dtest=RestartTest).
set -euo pipefail
cd "$(dirname "$0")"

# chromium (+ a Chinese font for readable screenshots): browser tests (Playwright drives /usr/bin/chromium);
# sip-tester (sipp), baresip-core and linphone-cli: real SIP peers; sox and espeak-ng: prompts and audio checks.
packages=(chromium fonts-wqy-microhei sip-tester baresip-core sox espeak-ng linphone-cli)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing the Debian packages the tests need: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The tests need these Debian packages, which are not installed: ${missing[*]}" >&2
    echo "Install them as root, then run ./test.sh again:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

exec ./mvnw -B verify "$@"
