// Command byline is a terminal news reader: it opens plain-text, Markdown and
// HTML articles and feeds, shows each article's sections in panes, highlights
// the people and places named in it, and searches it.
//
// Usage:
//
//	byline [--style S] [FILE|DIR|URL|-]...   read articles (built-in samples without arguments)
//	byline print [--width N] FILE...         render articles to standard output
//	byline export FILE...                    one JSON object per article per line
//
// Run `byline --help` for everything.
package main

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the soft heap limit byline runs under unless GOMEMLIMIT
// says otherwise: the garbage collector works harder near it instead of
// letting the transient garbage of rendering and recognising a long article
// double the resident size (see BENCHMARKS.md).
const memoryLimit = 100 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:], env{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		getenv: os.Getenv,
	}))
}
