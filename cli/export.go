package cli

import (
	"fmt"

	"github.com/byline/byline/articles"
)

// runExport is `byline export`: one JSON object per article per line, with
// the people and places recognised in it.
func runExport(args []string, e Env) int {
	fs := newFlagSet("export", e)
	pos, code, ok := parseCommand(fs, args, helpText(), e)
	if !ok {
		return code
	}
	l, ok := load(pos, e)
	if !ok {
		fmt.Fprintln(e.Stderr, "byline export: name at least one FILE (or pipe an article in)")
		return 2
	}
	articles.Recognize(l.Articles)
	for _, a := range l.Articles {
		if err := articles.WriteJSON(e.Stdout, a); err != nil {
			l.Problems = append(l.Problems, &articles.Error{Source: a.Source, Err: err})
		}
	}
	return reportProblems(l.Problems, e)
}
