#!/usr/bin/env bash
# Peak resident memory of the real binary on a generated 1 MB article:
# open it in tmux, go to the end, search, switch to the section-panes view,
# then read VmHWM. Usage: scripts/rss-1mb.sh  (needs tmux)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'tmux -L byline-rss kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT
cat > "$dir/gen.go" <<'GO'
package main

import (
	"os"

	"github.com/byline/byline/articles/articlestest"
)

func main() { os.WriteFile(os.Args[1], articlestest.Article(1<<20, 1), 0o644) }
GO
go run "$dir/gen.go" "$dir/big.txt"
go build -o "$dir/byline" .
tmux -L byline-rss new-session -d -s r -x 120 -y 40 "env TERM=xterm-256color $dir/byline $dir/big.txt; sleep 60"
sleep 4
pid=$(pgrep -f "^$dir/byline $dir/big.txt")
for keys in G "/ g a z a Enter" v "l l l"; do
  tmux -L byline-rss send-keys -t r $keys
  sleep 1.5
done
grep -E 'VmHWM|VmRSS' "/proc/$pid/status"
