package articles

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sanitize makes article text safe to put on a terminal: it drops ESC, the
// other C0 controls but newline and tab, DEL, the C1 controls and the
// bidirectional overrides, so that no text from an article can move the
// cursor, change colours, set the title or reorder what is shown.
// Invalid UTF-8 becomes U+FFFD. Carriage returns are removed; callers that
// care about line structure normalise them to newlines first.
func Sanitize(s string) string {
	clean := true
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && w == 1) || isControl(r) {
			clean = false
			break
		}
		i += w
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			b.WriteRune(utf8.RuneError)
		case r == 0x1b || r == 0x9b || r == 0x9d:
			// Drop the whole escape sequence, not just its introducer, so
			// that no "[31m" or "]0;title" debris is left behind.
			i = skipEscape(s, i, r, w)
			continue
		case isControl(r):
		default:
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

// DisplayName returns a file name or URL as it may be shown: unchanged
// when Sanitize would keep it whole, else quoted with Go's escapes
// ("esc\x1b]0;x\atitle.txt", "bad\xff.txt"), which is safe on a terminal
// and still tells which file is meant.
func DisplayName(name string) string {
	if Sanitize(name) == name && !strings.ContainsAny(name, "\r\n\t") {
		return name
	}
	return strconv.Quote(name)
}

// skipEscape returns the index just past the escape sequence that starts at
// s[i] with introducer r (ESC, or the C1 CSI or OSC) of width w.
func skipEscape(s string, i int, r rune, w int) int {
	j := i + w
	kind := byte('[')
	switch r {
	case 0x9d:
		kind = ']'
	case 0x1b:
		if j >= len(s) {
			return j
		}
		kind = s[j]
		j++
	}
	switch kind {
	case '[': // CSI: parameters and intermediates, then a final byte.
		for j < len(s) {
			c := s[j]
			j++
			if c >= 0x40 && c <= 0x7e {
				break
			}
			if c < 0x20 || c > 0x7e {
				return j - 1
			}
		}
		return j
	case ']', 'P', '_', '^', 'X': // OSC, DCS, APC, PM, SOS: up to BEL or ST.
		for j < len(s) {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
			if s[j] == '\n' {
				return j
			}
			j++
		}
		return j
	}
	return j // a two-byte escape such as ESC c
}

func isControl(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
		// Bidirectional embeddings, overrides and isolates: they make text
		// display in another order than it is read ("Trojan source").
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// looksBinary reports whether data is not text: it has NUL bytes, or more than
// a few percent of it is invalid UTF-8 or control bytes.
func looksBinary(data []byte) bool {
	n := len(data)
	if n > 8192 {
		n = 8192
	}
	head := data[:n]
	bad := 0
	for i := 0; i < len(head); {
		r, w := utf8.DecodeRune(head[i:])
		if r == 0 {
			return true
		}
		if r == utf8.RuneError && w == 1 && len(head)-i >= utf8.UTFMax {
			bad++
		} else if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != 0x1b && r != '\f' {
			bad++
		}
		i += w
	}
	return bad*20 > len(head)
}
