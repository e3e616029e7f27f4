package render

import "strings"

// Glamour turns addresses in text into links of its own (goldmark's
// linkify): it shows a link's address as goldmark gives it, "http://"
// added before "www." and, in plain text that byline escaped, "&#38;"
// for "&". So byline keeps addresses from reaching linkify: they stay
// text, shown exactly as written, and the view paints the article's links
// (model.Link) over them.

// linkPrefixes are what goldmark's linkify starts a link at.
var linkPrefixes = []string{"http:", "https:", "ftp:", "www."}

// linkifiable reports whether glamour would start a link at s[i] — an
// address or, at an "@", an e-mail address — so that escapeMarkdown writes
// that byte as a character reference, which linkify does not read.
func linkifiable(s string, i int) bool {
	if s[i] == '@' {
		return true
	}
	if s[i] != 'h' && s[i] != 'f' && s[i] != 'w' {
		return false
	}
	for _, p := range linkPrefixes {
		if strings.HasPrefix(s[i:], p) {
			return true
		}
	}
	return false
}

// unlinkWWW keeps linkify from adding "http://" to an address written
// "www.…" in a Markdown paragraph: its first "w" becomes a character
// reference where linkify would start a link (at the start of a line or
// after a blank, "*", "_", "~" or "("), but not in a code block or span
// nor in a link's destination, where a reference would show as written.
func unlinkWWW(p string) string {
	if !strings.Contains(p, "www.") {
		return p
	}
	if t := strings.TrimLeft(p, " "); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") ||
		strings.HasPrefix(p, "    ") || strings.HasPrefix(p, "\t") {
		return p // a code block
	}
	var b strings.Builder
	b.Grow(len(p) + 8)
	ticks := 0 // backticks on the line so far: odd inside a code span
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch c {
		case '\n':
			ticks = 0
		case '`':
			ticks++
		}
		if c == 'w' && ticks%2 == 0 && strings.HasPrefix(p[i:], "www.") && linkStart(p, i) {
			b.WriteString("&#119;")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// linkStart reports whether linkify would look for a link at p[i]: at
// the start of a line or after one of its trigger bytes, but not right
// after "](", a link's destination.
func linkStart(p string, i int) bool {
	if i == 0 || p[i-1] == '\n' {
		return true
	}
	switch p[i-1] {
	case ' ', '\t', '*', '_', '~':
		return true
	case '(':
		return i < 2 || p[i-2] != ']'
	}
	return false
}
