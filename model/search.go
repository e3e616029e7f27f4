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
// letters ignores case. An empty query finds nothing. In a Markdown
// article the paragraphs are searched as they read, without their inline
// syntax ("**harbour** would" matches "harbour would"); a match's offsets
// are in the source and may include syntax.
func (a *Article) Find(query string) []Match {
	if query == "" {
		return nil
	}
	sensitive := SmartCase(query)
	skip := asciiSkip(query)
	var out []Match
	for si := range a.Sections {
		s := &a.Sections[si]
		out = appendMatches(out, si, -1, s.Heading, query, sensitive, skip)
		for pi, p := range s.Paragraphs {
			if a.Format != Markdown {
				out = appendMatches(out, si, pi, p, query, sensitive, skip)
				continue
			}
			// Search what the reader sees, then point at the source.
			text, offs := visibleMarkdown(p)
			from := len(out)
			out = appendMatches(out, si, pi, text, query, sensitive, skip)
			for k := from; k < len(out); k++ {
				out[k].Start, out[k].End = offs[out[k].Start], offs[out[k].End-1]+1
			}
		}
	}
	return out
}

func appendMatches(out []Match, si, pi int, text, query string, sensitive bool, skip *[utf8.RuneSelf]bool) []Match {
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
	// An ASCII byte can only start a match if it is one of the (at most
	// two) ASCII runes that fold to the query's first rune: skip the rest
	// without decoding, which makes case-insensitive search on long
	// articles fast enough to run on every typed character.
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && skip[c] {
			i++
			continue
		}
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

// asciiSkip marks the ASCII bytes that cannot start a match of query under
// simple case folding.
func asciiSkip(query string) *[utf8.RuneSelf]bool {
	var skip [utf8.RuneSelf]bool
	first, _ := utf8.DecodeRuneInString(query)
	for c := range skip {
		r := rune(c)
		skip[c] = r != first && unicode.SimpleFold(r) != first && !equalFold(r, first)
	}
	return &skip
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
