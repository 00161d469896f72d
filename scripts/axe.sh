#!/usr/bin/env bash
# Fetches axe-core (npm, MPL-2.0) for the accessibility test of web/ only
# (render/web_test.go): `npm pack` into the cache folder .cache/axe-core/, the
# way assets.sh fetches echarts. It is never committed (see .gitignore) and
# never embedded in the binary: the test injects it into headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_VERSION=4.14.1
dest=.cache/axe-core
if [ -f "$dest/axe.min.js" ] && [ "$(cat "$dest/VERSION" 2>/dev/null)" = "$AXE_VERSION" ]; then
  exit 0
fi
if ! command -v npm >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  # Debian's npm (with nodejs), as assets.sh installs it.
  [ -n "$(find /var/lib/apt/lists -name '*Packages*' -print -quit 2>/dev/null)" ] ||
    apt-get update -o DPkg::Lock::Timeout=600 -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 nodejs npm >/dev/null
fi
mkdir -p "$dest"
tmp=$(mktemp -d)
(cd "$tmp" && npm pack --silent "axe-core@$AXE_VERSION" >/dev/null && tar xzf "axe-core-$AXE_VERSION.tgz")
cp "$tmp/package/axe.min.js" "$dest/axe.min.js"
cp "$tmp/package/LICENSE" "$dest/LICENSE"
echo "$AXE_VERSION" >"$dest/VERSION"
rm -rf "$tmp"
