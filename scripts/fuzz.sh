#!/usr/bin/env bash
# Runs every fuzz target of the module briefly (go test runs one -fuzz target per
# invocation). BUDGET is go test's -fuzztime: a count such as 2000x, or a duration
# such as 10s.
#
# Note: `make test` and CI use a count budget. On Go 1.26 a duration budget can fail
# with "context deadline exceeded" and no failing input when the machine is loaded
# (Go issue 75804, fixed in Go 1.27): the coordinator's deadline races its workers.
# A count has no deadline to race, so a loaded machine only makes it slower.
# Duration budgets stay for exploratory runs (`make fuzz FUZZTIME=1m`).
set -euo pipefail
budget=${1:-2000x}
case "$budget" in
  *[0-9]x|*[0-9]s|*[0-9]m|*[0-9]h) ;;
  *) echo "fuzz.sh: budget must be a count (2000x) or a duration (10s, 1m): $budget" >&2; exit 2 ;;
esac
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for f in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "fuzz $pkg $f ($budget)"
    go test -run '^$' -fuzz "^$f\$" -fuzztime "$budget" "$pkg"
  done
done
