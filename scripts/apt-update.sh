#!/usr/bin/env bash
# apt-get update, unless Debian's package lists were read within the hour. make runs
# ensure-pdf-deps.sh, ensure-node.sh and ensure-chromium.sh one after the other, each of which
# may install, and a CI job would otherwise read the lists three times. The lists folder's own
# time changes whenever apt writes a list into it, so it tells when they were last read.
set -euo pipefail
lists=/var/lib/apt/lists
if compgen -G "$lists/*_Packages*" >/dev/null && [ -n "$(find "$lists" -maxdepth 0 -mmin -60)" ]; then
  exit 0
fi
apt-get update -qq
