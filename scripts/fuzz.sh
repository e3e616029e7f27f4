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

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# fuzz PKG NAME: one bounded run; its whole output is shown when it fails.
fuzz() {
  go test -run '^$' -fuzz "^${2}\$" -fuzztime "$fuzztime" -fuzzminimizetime 1s "$1" >"$out" 2>&1
}
n=0
while read -r pkg name; do
  [ -n "$pkg" ] || continue
  echo "fuzz $pkg $name ($fuzztime)"
  if ! fuzz "$pkg" "$name"; then
    cat "$out"
    if grep -q "Failing input written to" "$out"; then
      echo "fuzz: $pkg $name found a failing input (above): commit it as a regression case and fix the cause"
      exit 1
    fi
    # No input to blame: the fuzzing engine itself failed (a worker that a
    # loaded machine starved). Once more; a second failure is a failure.
    echo "fuzz: $pkg $name failed without a failing input; running it again"
    if ! fuzz "$pkg" "$name"; then
      cat "$out"
      exit 1
    fi
  fi
  tail -n 3 "$out"
  n=$((n + 1))
done <<< "$targets"
echo "fuzzed $n targets for $fuzztime each"
