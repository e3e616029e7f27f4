package cli

import (
	"github.com/byline/byline/articles"
	"github.com/byline/byline/ui/render"
)

// plural writes n and a noun, with an s unless n is 1: "20,000 articles".
func plural(n int, noun string) string { return render.Plural(n, noun, noun+"s") }

// field makes s one tab-separated output field: sanitised like article
// text (a file name can hold escape sequences) and on one line.
func field(s string) string { return render.OneLine(articles.Sanitize(s)) }
