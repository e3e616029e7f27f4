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
// Run `byline --help` for everything. The commands are in package cli.
package main

import (
	"os"

	"github.com/byline/byline/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.OSEnv()))
}
