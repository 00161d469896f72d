#!/usr/bin/env bash
# bench-scale.sh N [DIR]: measures the scale batch of N respondents (60 questions,
# 7 of them free text; written to DIR, default /tmp/midreview-scale-N, once) in
# one go: inflating the sheet XML alone, the sheet scanner alone (with and
# without its fast path), excelize's bare streaming read of its xlsx files and
# ingest (one `go test -bench` run, COUNT times each, default 3,
# so that the ratios hold on a shared machine), tabulation, the whole analysis,
# free text by distinct text and text by text, then `check` and
# `run -formats csv` under /usr/bin/time -v (wall time, CPU, peak RSS).
# docs/design.md "Performance" records the results.
set -euo pipefail
n=${1:?usage: bench-scale.sh RESPONDENTS [DIR]}
dir=${2:-/tmp/midreview-scale-$n}
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/midreview
go build -o "$bin" ./cmd/midreview
if [ ! -f "$dir/definitions.xlsx" ]; then
	"$bin" sample -out "$dir" -respondents "$n" -questions 60 -freetext 7 >/dev/null
fi
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for f in "$dir"/responses/*.xlsx "$dir"/baseline/*.xlsx; do
	[ -f "$f" ] && echo "$f: $(stat -c %s "$f") bytes, sheet XML $(unzip -l "$f" | awk '/worksheets\/sheet/{s+=$1} END{print s}') bytes"
done
export MIDREVIEW_BENCH_BATCH=$dir
bench() { go test -run '^$' -bench "$2" -benchmem -benchtime 1x -count "${3:-1}" "$1" | grep -E '^Benchmark'; }
count=${COUNT:-3}
bench ./ingest 'Inflate|SheetScan|ExcelizeStream|Ingest$' "$count"
bench ./analyze 'Tabulate|AnalyzeRun|TextDocs' 1
t() { /usr/bin/time -f "%C: %e s wall, %U s user, %S s sys, %M KB peak RSS" "$@" >/dev/null 2>"$dir.time" || true; tail -1 "$dir.time"; }
t "$bin" check -batch "$dir"
t "$bin" run -formats csv -batch "$dir" -out "$dir.out"
