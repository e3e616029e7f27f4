package articles

import (
	"bytes"
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
		if i += printableRun(s[i:]); i == len(s) {
			break
		}
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
		for k := j; k < len(s); k++ {
			switch {
			case s[k] == 0x07:
				return k + 1
			case s[k] == 0x1b && k+1 < len(s) && s[k+1] == '\\':
				return k + 2
			case s[k] == 0xc2 && k+1 < len(s) && s[k+1] == 0x9c: // the C1 ST
				return k + 2
			case s[k] == '\n':
				k = len(s)
			}
		}
		// Unterminated within the line: the rest is text a reader sees.
		return j
	}
	return j // a two-byte escape such as ESC c
}

// printableRun returns how many bytes at the start of s, in whole words
// of eight, are printable ASCII (0x20 to 0x7e): most of a text, and
// nothing Sanitize or looksBinary has to look at byte by byte.
func printableRun[T string | []byte](s T) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte of 0x80 or more, or 0x7f (which adding one turns into
		// 0x80), or one below 0x20 (the borrow sets its high bit).
		if (w|(w+ones))&highs != 0 || (w-0x20*ones)&^w&highs != 0 {
			break
		}
	}
	return i
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
// a few percent of it is control bytes, or a quarter of it invalid UTF-8
// (binary data is mostly invalid; a damaged text has a few bad bytes, which
// are shown as U+FFFD).
func looksBinary(data []byte) bool {
	n := len(data)
	if n > 8192 {
		n = 8192
	}
	head := data[:n]
	controls, invalid := 0, 0
	for i := 0; i < len(head); {
		if i += printableRun(head[i:]); i == len(head) {
			break
		}
		r, w := rune(head[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRune(head[i:])
		}
		if r == 0 {
			return true
		}
		if r == utf8.RuneError && w == 1 && len(head)-i >= utf8.UTFMax {
			invalid++
		} else if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != 0x1b && r != '\f' {
			controls++
		}
		i += w
	}
	return controls*20 > len(head) || (controls+invalid)*4 > len(head)
}

// dropControlReferences removes from Markdown the numeric character
// references that decode to a character Sanitize drops (`&#27;`, `&#x1b;`,
// `&#155;`, `&#x202e;`), with or without their ";" (html.UnescapeString,
// which renderers use, reads `&#27` too), and those beyond U+10FFFF. A renderer decodes references
// after byline has sanitised the text, even in code spans (glamour), so
// they must not reach it as references either. Where dropping one would
// join what is before and after it into a new reference (`&#&#27;27;`),
// the start left dangling before it is dropped as well. Other references,
// and all other text, are kept.
func dropControlReferences(s string) string {
	i := strings.Index(s, "&#")
	if i < 0 {
		return s
	}
	var b []byte
	checked := 0 // b[:checked] does not end with the start of a reference
	for i < len(s) {
		end, r, ok := numericReference(s, i)
		if !ok {
			j := strings.Index(s[i+1:], "&#")
			if j < 0 {
				j = len(s)
			} else {
				j += i + 1
			}
			if b != nil {
				b = append(b, s[i:j]...)
			}
			i = j
			continue
		}
		// Out of range, decoders disagree: html.UnescapeString wraps
		// &#x10000001b; around to ESC. Such a reference is dropped too.
		if (r == 0 || r <= utf8.MaxRune && !isControl(r)) && !octalControl(s[i:end]) {
			if b != nil {
				b = append(b, s[i:end]...)
			}
			i = end
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s))
			b = append(b, s[:i]...)
		}
		b = b[:danglingReference(b, checked)]
		checked = len(b)
		i = end
	}
	if b == nil {
		return s
	}
	return string(b)
}

// octalControl reports whether ref, a decimal reference with a leading
// zero, names a control when read as octal: goldmark (and so glamour)
// parses decimal references with strconv.ParseUint's base 0, so that
// `&#0200;` is U+0080 to it, not È. Digits 8 and 9 make its reading fail,
// which gives U+FFFD, as does a number beyond U+10FFFF.
func octalControl(ref string) bool {
	if len(ref) < 4 || ref[2] != '0' {
		return false
	}
	r := rune(0)
	for _, c := range []byte(strings.TrimSuffix(ref[3:], ";")) {
		if c < '0' || c > '7' {
			return false
		}
		if r = r*8 + rune(c-'0'); r > utf8.MaxRune {
			return false
		}
	}
	return r != 0 && isControl(r)
}

// numericReference reads the numeric character reference that starts at
// s[i] ("&#" and a digit, or "&#x" and a hex digit): it returns the index
// past it (past its ";", if any) and the code point it names (saturated:
// a huge number is out of range, not wrapped into it).
func numericReference[T string | []byte](s T, i int) (end int, r rune, ok bool) {
	j := i + 2
	if j > len(s) || s[i] != '&' || s[i+1] != '#' {
		return 0, 0, false
	}
	base := rune(10)
	if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
		base = 16
		j++
	}
	start := j
	for ; j < len(s); j++ {
		d := rune(-1)
		switch c := s[j]; {
		case c >= '0' && c <= '9':
			d = rune(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = rune(c-'A') + 10
		}
		if d < 0 {
			break
		}
		if r <= utf8.MaxRune {
			r = r*base + d
		}
	}
	if j == start {
		return 0, 0, false
	}
	if j < len(s) && s[j] == ';' {
		j++
	}
	return j, r, true
}

// danglingReference returns where b should end so that it does not end
// with the start of a reference ("&", "&#", "&#x", "&#12") that the text
// after it could complete. b[:from] is known not to end with one: since
// every beginning of such a start is one too, only b[from:] is looked at,
// which keeps dropControlReferences linear.
func danglingReference(b []byte, from int) int {
	for {
		k := bytes.LastIndexByte(b[from:], '&')
		if k < 0 {
			return len(b)
		}
		k += from
		tail := b[k+1:]
		if len(tail) > 0 && tail[0] == '#' {
			tail = tail[1:]
			hex := len(tail) > 0 && (tail[0] == 'x' || tail[0] == 'X')
			if hex {
				tail = tail[1:]
			}
			for len(tail) > 0 && (tail[0] >= '0' && tail[0] <= '9' || hex && strings.IndexByte("abcdefABCDEF", tail[0]) >= 0) {
				tail = tail[1:]
			}
		}
		if len(tail) > 0 {
			return len(b)
		}
		b = b[:k]
	}
}
