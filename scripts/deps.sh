#!/usr/bin/env bash
# Installs the Debian packages that the tests need when they are missing:
# poppler-utils (pdftotext, pdffonts, pdftoppm), chromium (dashboard browser test)
# and the Japanese fonts (embedded by assets.sh).
set -euo pipefail
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v chromium >/dev/null || need+=(chromium)
[ -f /usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf ] || need+=(fonts-morisawa-bizud-gothic)
[ -f /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf ] || need+=(fonts-ipaexfont-gothic)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "deps.sh: please install: ${need[*]}" >&2
  exit 1
fi
apt-get update -o DPkg::Lock::Timeout=600 -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${need[@]}" >/dev/null
