package articles

import "strings"

// Limits beyond which goldmark is not asked about a Markdown text: its
// block parser takes time that grows faster than the input with deeply
// nested lists and quotes (a 3,000-level list took a minute), and its
// inline parser with long delimiter runs. Real articles stay far inside
// them; past them headings are found line by line (lineHeadings).
const (
	maxMarkdownDepth  = 16 // nested block quotes and list markers on a line
	maxMarkdownIndent = 64 // leading blanks before a quote or list marker
	maxDelimiterRun   = 64 // one of *_`~[]<>!| repeated, in a heading
	maxBracketDepth   = 32 // unclosed [ or ( at once, in a heading
)

// markdownTooDeep reports whether a Markdown text nests quotes and lists
// beyond the limits, in one pass over it.
func markdownTooDeep(md string) bool {
	lineStart := true
	depth, indent := 0, 0
	for i := 0; i < len(md); i++ {
		c := md[i]
		if c == '\n' {
			lineStart, depth, indent = true, 0, 0
			continue
		}
		if !lineStart {
			continue
		}
		marker := false
		switch {
		case c == ' ' || c == '\t':
			indent++
		case c == '>':
			depth++
			marker = true
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(md) || md[i+1] == ' ' || md[i+1] == '\t'):
			depth++
			marker = true
		case c >= '0' && c <= '9':
			// An ordered list marker counts once, at its '.' or ')'.
		case (c == '.' || c == ')') && i > 0 && md[i-1] >= '0' && md[i-1] <= '9':
			depth++
			marker = true
		default:
			lineStart = false
		}
		if depth > maxMarkdownDepth || marker && indent > maxMarkdownIndent {
			return true
		}
	}
	return false
}

// inlineTooComplex reports whether a heading's text has a delimiter run
// or bracket nesting beyond the limits.
func inlineTooComplex[T string | []byte](s T) bool {
	brackets, runLen := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i > 0 && c == s[i-1] {
			runLen++
		} else {
			runLen = 1
		}
		if runLen > maxDelimiterRun && strings.IndexByte("*_`~[]<>!|", c) >= 0 {
			return true
		}
		switch c {
		case '[', '(':
			if brackets++; brackets > maxBracketDepth {
				return true
			}
		case ']', ')':
			brackets = max(brackets-1, 0)
		}
	}
	return false
}

// lineHeadings finds the ATX headings of a text too deep for goldmark, line
// by line: a line that opens with one to six '#' outside a fenced code
// block. Their text is parsed as goldmark would when it is simple enough,
// else shown as written.
func lineHeadings(lines []string) map[int]mdHeading {
	out := map[int]mdHeading{}
	fence := ""
	for i, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if !atxLine.MatchString(line) {
			continue
		}
		level := len(trimmed) - len(strings.TrimLeft(trimmed, "#"))
		text := strings.TrimSpace(trimmed[level:])
		if m := closingHashes.FindStringIndex(" " + text); m != nil {
			text = strings.TrimSpace(text[:max(m[0]-1, 0)])
		} else if strings.Trim(text, "#") == "" {
			text = ""
		}
		out[i] = mdHeading{level: level, text: inlineText(text), last: i}
	}
	return out
}
