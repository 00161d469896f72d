#!/usr/bin/env bash
# usage: scripts/killtest.sh [BIN] [RESPONDENTS]
# Kills `midreview run` at ten points in time (kill -9, then SIGTERM and SIGINT
# at a few more), each into an OUT holding a good earlier run, then does one
# normal run and checks (issue 30): no .midreview-*, *.old-* or excelize-* file
# is left beside OUT or in the temporary folder, and OUT matches its manifest.
# The points are wall-clock delays spread over one run's duration, so where
# each kill lands varies from machine to machine; the Go test TestKilledRuns
# kills at fixed points (between the swap's renames included).
set -euo pipefail
bin=$(readlink -f "${1:-bin/midreview}")
n=${2:-3000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work/tmp
mkdir -p "$TMPDIR"
"$bin" sample -out "$work/batch" -respondents "$n" >/dev/null
start=$(date +%s.%N)
"$bin" run -batch "$work/batch" -out "$work/out" >/dev/null 2>&1
dur=$(echo "$(date +%s.%N) - $start" | bc)
echo "one run: ${dur}s"
kills=0
for frac in 0.05 0.15 0.25 0.35 0.45 0.55 0.65 0.75 0.85 0.95; do
  for sig in KILL TERM INT; do
    if [ "$sig" != KILL ] && [ "${frac#0.}" != 25 ] && [ "${frac#0.}" != 85 ]; then continue; fi
    "$bin" run -batch "$work/batch" -out "$work/out" >/dev/null 2>"$work/err" &
    pid=$!
    sleep "$(echo "$dur * $frac" | bc)"
    kill -s "$sig" "$pid" 2>/dev/null && kills=$((kills + 1)) || true
    code=0
    wait "$pid" 2>/dev/null || code=$?
    left=$(ls -A "$work" | grep -E '^\.midreview-|\.old-' | tr '\n' ' ' || true)
    [ -e "$work/out" ] || left="$left(OUT missing)"
    echo "  SIG$sig at ${frac} of a run: exit $code, left: ${left:-nothing}"
  done
done
echo "killed $kills runs"
"$bin" run -batch "$work/batch" -out "$work/out" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
fail=0
left=$(ls -A "$work" | grep -E '^\.midreview-|\.old-' || true)
if [ -n "$left" ]; then echo "FAIL: left beside OUT: $left"; fail=1; fi
tmpleft=$(ls -A "$TMPDIR")
if [ -n "$tmpleft" ]; then echo "FAIL: left in TMPDIR: $tmpleft"; fail=1; fi
python3 - "$work/out" <<'PY' || fail=1
import hashlib, json, os, sys
out = sys.argv[1]
m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
listed = {o["path"]: o for o in m["outputs"]}
found = set()
for d, _, fs in os.walk(out):
    for f in fs:
        p = os.path.relpath(os.path.join(d, f), out).replace(os.sep, "/")
        if p != "manifest.json":
            found.add(p)
bad = sorted(found ^ set(listed))
for p in sorted(found & set(listed)):
    data = open(os.path.join(out, p), "rb").read()
    if hashlib.sha256(data).hexdigest() != listed[p]["sha256"] or len(data) != listed[p]["size"]:
        bad.append(p)
if bad:
    print("FAIL: OUT does not match its manifest:", bad[:10])
    sys.exit(1)
print(f"OUT matches its manifest ({len(listed)} files)")
PY
[ $fail = 0 ] && echo "ok: no debris"
exit $fail
