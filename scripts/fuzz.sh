#!/usr/bin/env bash
# Runs every native fuzz target for a short, bounded time (FUZZTIME, default
# 10s each). A crash fails the run; go test writes the failing input under the
# package's testdata/fuzz/<Target>/, where it becomes a regression case once
# committed. CI (.ci/run) calls this after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-10s}"

# package target, one per line: every Fuzz function in the module.
targets=$(grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r f; do
  pkg="./$(dirname "${f#./}")"
  grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed 's/^func //' | while read -r name; do
    echo "$pkg $name"
  done
done)

n=0
while read -r pkg name; do
  [ -n "$pkg" ] || continue
  echo "fuzz $pkg $name ($fuzztime)"
  go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -fuzzminimizetime 1s "$pkg" 2>&1 | tail -n 3
  n=$((n + 1))
done <<< "$targets"
echo "fuzzed $n targets for $fuzztime each"
