package cli

import (
	"fmt"
	"strings"

	"github.com/byline/byline/articles"
)

// plural writes n and a noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// field makes s one tab-separated output field: sanitised like article
// text (a file name can hold escape sequences) and on one line.
func field(s string) string { return oneLine(articles.Sanitize(s)) }

// oneLine keeps a field on one line of tab-separated output.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
