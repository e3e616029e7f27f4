#!/usr/bin/env bash
# Whole-process timings of `byline print` beside glow, in one sitting:
# the reference article and a generated 1 MB article, each as byline reads it
# (plain text) and as Markdown for glow (the same sections as # and ##
# headings). Runs alternate; prints the median wall time and peak RSS of each.
# Usage: bench/peers.sh [RUNS]   (needs ../shared/peers/glow; SHARED=dir
# names another shared directory, e.g. from a worktree; BASE=binary also
# times another byline build, for an A/B in the same sitting)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-11}"
shared="${SHARED:-../shared}"
glow="$shared/peers/glow"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/byline" .
cat > "$dir/gen.go" <<'GO'
package main

// Writes the reference article (or a generated 1 MB one) as plain text for
// byline and as Markdown for glow.
import (
	"os"
	"strings"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
)

func main() {
	var data []byte
	if os.Args[1] == "1mb" {
		data = articlestest.Article(1<<20, 1)
	} else {
		data, _ = os.ReadFile(os.Args[1])
	}
	os.WriteFile(os.Args[2]+".txt", data, 0o644)
	a, err := articles.ParseText("a.txt", data)
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	b.WriteString("# " + a.Title + "\n\n")
	for _, s := range a.Sections {
		if s.Heading != "" {
			b.WriteString("## " + s.Heading + "\n\n")
		}
		for _, p := range s.Paragraphs {
			b.WriteString(p + "\n\n")
		}
	}
	os.WriteFile(os.Args[2]+".md", []byte(b.String()), 0o644)
}
GO
ref="$shared/samples/000_65ddc96782ead899.txt"
[ -f "$ref" ] || ref=articles/testdata/reference.txt
go run "$dir/gen.go" "$ref" "$dir/ref"
go run "$dir/gen.go" 1mb "$dir/big"

measure() { # label command...
  local label=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$dir/t" "$@" </dev/null >/dev/null 2>"$dir/err" || { cat "$dir/err"; exit 1; }
  t1=$(date +%s%N)
  # label, wall s (to the microsecond), CPU s (user+system, to 10 ms), max RSS KB
  echo "$label $(( (t1 - t0) / 1000 ))e-6 $(awk '{print $1 + $2, $3}' "$dir/t")" >> "$dir/all"
}
: > "$dir/all"
labels="byline-ref-plain byline-ref-color glow-ref byline-1mb-plain glow-1mb"
[ -n "${BASE:-}" ] && labels="$labels base-ref-plain base-ref-color base-1mb-plain"
for i in $(seq "$runs"); do
  measure "byline-ref-plain" "$dir/byline" print --width 80 "$dir/ref.txt"
  measure "glow-ref" "$glow" -s dark -w 80 "$dir/ref.md"
  measure "byline-ref-color" "$dir/byline" print --color always --width 80 "$dir/ref.txt"
  measure "byline-1mb-plain" "$dir/byline" print --width 80 "$dir/big.txt"
  measure "glow-1mb" "$glow" -s dark -w 80 "$dir/big.md"
  if [ -n "${BASE:-}" ]; then
    measure "base-ref-plain" "$BASE" print --width 80 "$dir/ref.txt"
    measure "base-ref-color" "$BASE" print --color always --width 80 "$dir/ref.txt"
    measure "base-1mb-plain" "$BASE" print --width 80 "$dir/big.txt"
  fi
done
echo "glow: $($glow --version 2>&1 | head -1)"
echo "runs: $runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
median() { awk '{print $'"$2"'}' | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
printf '%-18s %10s %10s %10s %12s\n' what "wall s" "CPU s" "max RSS MB" "wall vs glow"
for k in $labels; do
  w=$(grep "^$k " "$dir/all" | median x 2)
  c=$(grep "^$k " "$dir/all" | median x 3)
  m=$(grep "^$k " "$dir/all" | median x 4)
  case $k in *ref*) g=glow-ref ;; *) g=glow-1mb ;; esac
  gw=$(grep "^$g " "$dir/all" | median x 2)
  printf '%-18s %10.3f %10.2f %10.1f %11.2fx\n' "$k" "$w" "$c" "$(echo "$m" | awk '{print $1/1024}')" "$(awk -v a="$w" -v b="$gw" 'BEGIN {print a/b}')"
done
