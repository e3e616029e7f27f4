package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match is one search hit in an article's text.
type Match = Pos

// SmartCase reports whether query should be matched case-sensitively: only
// when it contains an upper-case letter ("smart case", as in vim and less).
func SmartCase(query string) bool {
	for _, r := range query {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// Find returns every non-overlapping occurrence of query in the article's
// headings and paragraphs, in reading order. A query without upper-case
// letters ignores case. An empty query finds nothing.
func (a *Article) Find(query string) []Match {
	if query == "" {
		return nil
	}
	sensitive := SmartCase(query)
	var out []Match
	for si := range a.Sections {
		s := &a.Sections[si]
		out = appendMatches(out, si, -1, s.Heading, query, sensitive)
		for pi, p := range s.Paragraphs {
			out = appendMatches(out, si, pi, p, query, sensitive)
		}
	}
	return out
}

func appendMatches(out []Match, si, pi int, text, query string, sensitive bool) []Match {
	if sensitive {
		for off := 0; ; {
			i := strings.Index(text[off:], query)
			if i < 0 {
				return out
			}
			out = append(out, Match{si, pi, off + i, off + i + len(query)})
			off += i + len(query)
		}
	}
	for i := 0; i < len(text); {
		if n := foldPrefix(text[i:], query); n > 0 {
			out = append(out, Match{si, pi, i, i + n})
			i += n
			continue
		}
		_, w := utf8.DecodeRuneInString(text[i:])
		i += w
	}
	return out
}

// foldPrefix returns the byte length of the prefix of text that equals query
// under simple case folding, or 0.
func foldPrefix(text, query string) int {
	i := 0
	for _, q := range query {
		if i >= len(text) {
			return 0
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if r != q && unicode.SimpleFold(r) != q && !equalFold(r, q) {
			return 0
		}
		i += w
	}
	return i
}

func equalFold(a, b rune) bool {
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}
