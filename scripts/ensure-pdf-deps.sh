#!/usr/bin/env bash
# The PDFs of leaflets and role descriptions are made by WeasyPrint, which
# needs Debian's Pango (and HarfBuzz for font subsetting); the PDFs use the
# Open Sans font from Debian, so nothing is fetched at build time. Noto's core
# fonts and its emoji print what Open Sans and DejaVu lack: the scripts of the
# languages leaflets for parents are written in (a leaflet's `language`):
# Arabic script for Arabic, Persian, Urdu (Noto Nastaliq Urdu), Sorani and
# Pashto, Hebrew, Ethiopic for Tigrinya and Amharic, Thai and most others, and
# emoji; Cyrillic (Ukrainian, Russian) and Latin (Somali, English, Turkish)
# are Open Sans's own. content/assets/print.css names each script's font by
# :lang(). check refuses a character no installed font has (generator/glyphs.py
# asks fontconfig's fc-list, so `make check` runs this too).
# Install what is missing, as root through apt; otherwise say what to install.
set -euo pipefail
PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-open-sans fonts-dejavu-core
          fonts-noto-core fonts-noto-color-emoji)
if ! command -v dpkg-query >/dev/null 2>&1; then
  exit 0  # not Debian: the build says whether WeasyPrint can be loaded
fi
missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the PDFs ..."
  bash "$(dirname "$0")/apt-update.sh"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "The PDFs (leaflets, role descriptions) need Pango and fonts from Debian. Install them with:" >&2
echo "    sudo apt-get install ${missing[*]}" >&2
if [ "${CI:-}" = "true" ]; then exit 1; fi
exit 0
