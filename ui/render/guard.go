package render

import "github.com/byline/byline/model"

// Limits beyond which a Markdown section is rendered as plain text: glamour
// (and goldmark under it) take time, memory or stack that grows faster than
// the input with deep nesting and long delimiter runs, and a stack overflow
// cannot be recovered from. Real articles stay far inside them.
const (
	maxMarkdownDepth  = 16 // nested block quotes and list markers on a line
	maxMarkdownIndent = 64 // leading blanks of a line
	maxDelimiterRun   = 64 // one of *_`~[]<>!| repeated
	maxBracketDepth   = 32 // unclosed [ or ( at once
)

// tooComplex reports whether a Markdown section is beyond the limits, so
// that it must be shown as plain text.
func tooComplex(s *model.Section) bool {
	if markdownTooComplex(s.Heading) {
		return true
	}
	for _, p := range s.Paragraphs {
		if markdownTooComplex(p) {
			return true
		}
	}
	return false
}

// markdownTooComplex checks one block of Markdown against the limits, in
// one pass.
func markdownTooComplex(md string) bool {
	lineStart := true
	depth, indent, brackets := 0, 0, 0
	var run byte
	runLen := 0
	for i := 0; i < len(md); i++ {
		c := md[i]
		if c == run {
			runLen++
		} else {
			run, runLen = c, 1
		}
		switch c {
		case '*', '_', '`', '~', '[', ']', '<', '>', '!', '|':
			if runLen > maxDelimiterRun {
				return true
			}
		}
		switch c {
		case '[', '(':
			brackets++
		case ']', ')':
			brackets = max(brackets-1, 0)
		}
		if brackets > maxBracketDepth {
			return true
		}
		if c == '\n' {
			lineStart, depth, indent = true, 0, 0
			continue
		}
		if !lineStart {
			continue
		}
		switch {
		case c == ' ' || c == '\t':
			indent++
		case c == '>':
			depth++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(md) && (md[i+1] == ' ' || md[i+1] == '\t'):
			depth++
		case c >= '0' && c <= '9':
			// An ordered list marker counts once, at its '.' or ')'.
		case (c == '.' || c == ')') && i > 0 && md[i-1] >= '0' && md[i-1] <= '9':
			depth++
		default:
			lineStart = false
		}
		if depth > maxMarkdownDepth || indent > maxMarkdownIndent {
			return true
		}
	}
	return false
}
