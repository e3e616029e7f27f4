package ansi

import (
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// byline: stripper stands in for bluemonday.StrictPolicy(), the only
// bluemonday policy glamour uses: bluemonday's package init compiles
// dozens of regular expressions (with its css package, ~2.4 ms of every
// byline start-up) and a policy is built for every render. Sanitize is
// bluemonday v1.0.27's sanitize loop for a policy that allows nothing;
// strip_test.go holds it to bluemonday's output.
type stripper struct{}

// skipContent is bluemonday's default set of elements whose content is
// dropped with them (addDefaultSkipElementContent).
var skipContent = map[string]bool{
	"frame": true, "frameset": true, "iframe": true, "noembed": true,
	"noframes": true, "noscript": true, "nostyle": true, "object": true,
	"script": true, "style": true, "title": true,
}

// Sanitize returns s without its tags, comments and doctype, its text
// HTML-escaped, and without the content of scripts, styles and the
// elements of skipContent; an input that is only space is returned as it
// is, and one the tokenizer fails on as "".
func (stripper) Sanitize(s string) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	var (
		b strings.Builder
		// As bluemonday: skipping is set at an opening skipContent tag and
		// cleared when the count of them open returns to zero, which a
		// stray closing tag can keep it from doing.
		skipping bool
		open     int64
		recent   string
	)
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		if z.Next() == html.ErrorToken {
			if z.Err() == io.EOF {
				return b.String()
			}
			return ""
		}
		tok := z.Token()
		switch tok.Type {
		case html.DoctypeToken, html.CommentToken, html.SelfClosingTagToken:
		case html.StartTagToken:
			recent = normaliseElementName(tok.Data)
			if recent == "script" || recent == "style" {
				continue
			}
			if skipContent[tok.Data] {
				skipping = true
				open++
			}
		case html.EndTagToken:
			name := normaliseElementName(tok.Data)
			if recent == name {
				recent = ""
			}
			if name == "script" || name == "style" {
				continue
			}
			if skipContent[tok.Data] {
				open--
				if open == 0 {
					skipping = false
				}
			}
		case html.TextToken:
			if !skipping && recent != "script" && recent != "style" {
				b.WriteString(tok.String())
			}
		default:
			return ""
		}
	}
}

// normaliseElementName is bluemonday's: the name lower-cased and quoted
// to ASCII, without the quotes.
func normaliseElementName(str string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(strconv.QuoteToASCII(str)), `"`), `"`)
}
