#!/usr/bin/env bash
# Fetches the third-party assets that the binary embeds (render/assets/), from the
# package registries only: the Japanese font from Debian's fonts-morisawa-bizud-gothic
# (OFL; IPAex Gothic from fonts-ipaexfont-gothic as fallback) and echarts' JavaScript
# from the npm package echarts 5.x. They are never committed (see .gitignore).
# It also copies kagome's IPA dictionary, as released in the Go module
# github.com/ikawaha/kagome-dict/ipa (the version go.mod names), into
# analyze/ipadict/ for that package to embed (analyze/ipadict/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}

# Note: `go mod download` fetches the module into the module cache on a fresh
# machine (through GOPROXY, checked against go.sum); the copy is refreshed
# whenever it differs, so a version bump in go.mod reaches the binary.
ipamod=github.com/ikawaha/kagome-dict/ipa
"$GO" mod download "$ipamod"
ipasrc="$("$GO" list -m -f '{{.Dir}}' "$ipamod")/ipa.dict"
ipadest=analyze/ipadict/ipa.dict
if ! cmp -s "$ipasrc" "$ipadest"; then
  install -m 644 "$ipasrc" "$ipadest"
fi
ls -l "$ipadest" >&2
dest=render/assets
mkdir -p "$dest"

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    [ -n "$(find /var/lib/apt/lists -name '*Packages*' -print -quit 2>/dev/null)" ] ||
      apt-get update -o DPkg::Lock::Timeout=600 -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$@" >/dev/null
  else
    echo "assets.sh: please install $* (Debian packages)" >&2
  fi
}

bizud=/usr/share/fonts/truetype/bizud-gothic
ipaex=/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf
if [ ! -f "$dest/BIZUDPGothic-Regular.ttf" ]; then
  [ -f "$bizud/BIZUDPGothic-Regular.ttf" ] || apt_install fonts-morisawa-bizud-gothic || true
  if [ -f "$bizud/BIZUDPGothic-Regular.ttf" ]; then
    cp "$bizud/BIZUDPGothic-Regular.ttf" "$bizud/BIZUDPGothic-Bold.ttf" "$dest/"
  else
    [ -f "$ipaex" ] || apt_install fonts-ipaexfont-gothic || true
    [ -f "$ipaex" ] && cp "$ipaex" "$dest/"
  fi
fi

ECHARTS_VERSION=5.6.0
if [ ! -f "$dest/echarts.min.js" ]; then
  # npm (Debian's npm, which brings nodejs) is installed when missing, as deps.sh
  # installs the test dependencies.
  command -v npm >/dev/null || apt_install nodejs npm || true
  if ! command -v npm >/dev/null; then
    echo "assets.sh: npm が見つかりません。Debian では root で apt-get install nodejs npm を実行してから make build をやり直してください" >&2
    exit 1
  fi
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "echarts@$ECHARTS_VERSION" >/dev/null && tar xzf "echarts-$ECHARTS_VERSION.tgz")
  cp "$tmp/package/dist/echarts.min.js" "$dest/echarts.min.js"
  cp "$tmp/package/LICENSE" "$dest/echarts.LICENSE"
  rm -rf "$tmp"
fi
ls -l "$dest" >&2
