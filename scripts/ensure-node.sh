#!/usr/bin/env bash
# The quality tests use two npm packages (axe-core, vnu-jar) run on Node and
# Java. Install Debian's nodejs/npm and a Java runtime when missing, as root
# through apt; otherwise say what to install.
set -euo pipefail
missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the quality tests ..."
  bash "$(dirname "$0")/apt-update.sh"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The quality tests need Node.js, npm and Java. Install them with:" >&2
echo "    sudo apt-get install ${missing[*]}" >&2
exit 1
