#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through Playwright (a browser cannot be
# downloaded by Playwright here). Install it when missing, as root through apt.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests ..."
  bash "$(dirname "$0")/apt-update.sh"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "The browser tests need Debian's Chromium. Install it with:" >&2
echo "    sudo apt-get install chromium" >&2
if [ "${CI:-}" = "true" ]; then exit 1; fi
exit 0
