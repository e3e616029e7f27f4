package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/fetch"
)

// load reads and parses the articles named by args: "-" is standard input,
// a URL is fetched, anything else is a file or directory. With no args it
// reads piped standard input, or returns ok=false when standard input is a
// terminal. People and places are not yet recognised: the app does that in
// the background, print and export call articles.Recognize.
func load(args []string, e Env) (l articles.Loaded, ok bool) {
	if len(args) == 0 {
		if e.StdinTerminal || e.Stdin == nil {
			return l, false
		}
		args = []string{"-"}
	}
	var paths []string
	flush := func() {
		if len(paths) > 0 {
			got := articles.Open(paths)
			l.Articles = append(l.Articles, got.Articles...)
			l.Problems = append(l.Problems, got.Problems...)
			paths = nil
		}
	}
	usedStdin := false
	for _, a := range args {
		if isURL(a) {
			flush()
			as, err := fetch.New(fetch.Options{Version: versionString()}).ParseURL(context.Background(), a)
			if err != nil {
				l.Problems = append(l.Problems, err)
			}
			l.Articles = append(l.Articles, as...)
			continue
		}
		if a != "-" {
			paths = append(paths, a)
			continue
		}
		flush()
		if usedStdin {
			continue
		}
		usedStdin = true
		as, err := articles.ParseReader("-", e.Stdin)
		if err != nil {
			l.Problems = append(l.Problems, err)
		}
		l.Articles = append(l.Articles, as...)
	}
	flush()
	if len(l.Articles) == 0 && len(l.Problems) == 0 {
		// An empty directory, or one with no file byline reads.
		l.Problems = append(l.Problems, fmt.Errorf("%s: no articles found (byline reads .txt, .md, .html and .xml files)", strings.Join(args, ", ")))
	}
	return l, true
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// reportProblems prints each problem on stderr and returns the exit code:
// 1 when there was any.
func reportProblems(problems []error, e Env) int {
	for _, err := range problems {
		fmt.Fprintf(e.Stderr, "byline: %s\n", articles.Sanitize(err.Error()))
	}
	if len(problems) > 0 {
		return 1
	}
	return 0
}
