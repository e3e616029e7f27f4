package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// visibleMarkdown returns the text a reader sees of a Markdown paragraph,
// as far as search is concerned, and for each of its bytes the offset of
// the source byte it comes from (plus one final entry: len(p)). Inline
// syntax is dropped: emphasis markers (* _ ~~), code backticks, the
// brackets and parentheses of links (a link reads as its text, a blank,
// then its address, as it is rendered), images' "!", autolinks' angle
// brackets, backslash escapes, table pipes, and block markers at the
// start of a line (> # - + * 1.). Blanks are kept as they are.
func visibleMarkdown(p string) (string, []int) {
	var b strings.Builder
	offs := make([]int, 0, len(p)+1)
	emit := func(from, to int) {
		b.WriteString(p[from:to])
		for i := from; i < to; i++ {
			offs = append(offs, i)
		}
	}
	lineStart := true
	for i := 0; i < len(p); {
		if lineStart {
			i = skipBlockMarkers(p, i, emit)
			lineStart = false
			if i >= len(p) {
				break
			}
		}
		c := p[i]
		switch {
		case c == '\n':
			emit(i, i+1)
			i++
			lineStart = true
		case c == '\\' && i+1 < len(p) && isASCIIPunct(p[i+1]):
			emit(i+1, i+2)
			i += 2
		case c == '`' || c == '|':
			i++
		case c == '~' && strings.HasPrefix(p[i:], "~~"):
			i += 2
		case c == '*' || c == '_':
			j := i
			for j < len(p) && p[j] == c {
				j++
			}
			before, _ := utf8.DecodeLastRuneInString(p[:i])
			after, _ := utf8.DecodeRuneInString(p[j:])
			word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
			switch {
			case c == '_' && word(before) && word(after) && i > 0 && j < len(p):
				emit(i, j) // snake_case, not emphasis
			case (i == 0 || unicode.IsSpace(before)) && (j == len(p) || unicode.IsSpace(after)):
				emit(i, j) // a lone * between blanks is a character
			}
			i = j
		case c == '!' && i+1 < len(p) && p[i+1] == '[':
			i++
		case c == '[':
			if close, url, end, ok := linkAt(p, i); ok {
				// The text, a blank, the address: "the fund https://…".
				for k := i + 1; k < close; {
					k = visibleRun(p, k, close, emit)
				}
				if url.to > url.from {
					b.WriteByte(' ')
					offs = append(offs, close)
					emit(url.from, url.to)
				}
				i = end
				continue
			}
			emit(i, i+1)
			i++
		case c == '<':
			if j := strings.IndexByte(p[i:], '>'); j > 0 && isAutolink(p[i+1:i+j]) {
				emit(i+1, i+j)
				i += j + 1
				continue
			}
			emit(i, i+1)
			i++
		default:
			_, w := utf8.DecodeRuneInString(p[i:])
			emit(i, i+w)
			i += w
		}
	}
	offs = append(offs, len(p))
	return b.String(), offs
}

// visibleRun emits the link text byte at k, dropping emphasis and code
// markers, and returns the next position.
func visibleRun(p string, k, end int, emit func(from, to int)) int {
	switch p[k] {
	case '*', '_', '`':
		return k + 1
	}
	_, w := utf8.DecodeRuneInString(p[k:end])
	emit(k, k+w)
	return k + w
}

type span struct{ from, to int }

// linkAt reads an inline link "[text](url)" starting at p[i] == '['. It
// returns the position of the closing bracket, the address and the end.
func linkAt(p string, i int) (close int, url span, end int, ok bool) {
	depth := 0
	for j := i; j < len(p); j++ {
		switch p[j] {
		case '\n':
			return 0, span{}, 0, false
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				if j+1 >= len(p) || p[j+1] != '(' {
					return 0, span{}, 0, false
				}
				k := strings.IndexByte(p[j+2:], ')')
				if k < 0 {
					return 0, span{}, 0, false
				}
				u := span{j + 2, j + 2 + k}
				// An optional title after the address: (url "title").
				if sp := strings.IndexByte(p[u.from:u.to], ' '); sp >= 0 {
					u.to = u.from + sp
				}
				return j, u, j + 3 + k, true
			}
		}
	}
	return 0, span{}, 0, false
}

// skipBlockMarkers skips the blanks and block markers that open a line
// ("> ", "## ", "- ", "* ", "+ ", "12. "), emitting the blanks.
func skipBlockMarkers(p string, i int, emit func(from, to int)) int {
	for {
		j := i
		for j < len(p) && (p[j] == ' ' || p[j] == '\t') {
			j++
		}
		if j > i {
			emit(i, j)
			i = j
		}
		switch {
		case i < len(p) && (p[i] == '>' || p[i] == '#'):
			for i < len(p) && (p[i] == '>' || p[i] == '#') {
				i++
			}
		case i+1 < len(p) && (p[i] == '-' || p[i] == '*' || p[i] == '+') && p[i+1] == ' ':
			i++
		default:
			k := i
			for k < len(p) && p[k] >= '0' && p[k] <= '9' {
				k++
			}
			if k > i && k+1 < len(p) && (p[k] == '.' || p[k] == ')') && p[k+1] == ' ' {
				i = k + 1
				continue
			}
			return i
		}
	}
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsPunct(rune(c)) || c == '`' || c == '|' || c == '~' || c == '<' || c == '>' || c == '+' || c == '$' || c == '^' || c == '='
}

func isAutolink(s string) bool {
	return !strings.ContainsAny(s, " \n<") && (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "mailto:"))
}
