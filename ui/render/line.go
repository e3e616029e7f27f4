package render

import (
	"strings"
	"unicode/utf8"
)

// Line is one rendered terminal line kept in a compact form: its plain text
// and the SGR styles of runs of that text. Highlights repaint byte ranges of
// the text without re-rendering, and trailing padding is dropped.
type Line struct {
	// Text is the line's text without any escape sequence.
	Text string
	runs []run
	// Width is the number of cells Text takes.
	Width int
}

// run styles text[start:] up to the next run's start with SGR parameters sgr
// ("" is the terminal's default style).
type run struct {
	start int
	sgr   string
}

// Overlay restyles Text[From:To] of a line; higher marks win where
// overlays overlap.
type Overlay struct {
	From, To int
	Mark     Mark
}

// Mark names a highlight, in increasing priority.
type Mark int

// The highlights, lowest priority first.
const (
	MarkNone Mark = iota
	MarkLink
	MarkPerson
	MarkPlace
	MarkSelected
	MarkMatch
	MarkCurrent
	MarkCount
)

// MarkSGRs are the SGR parameters each Mark is painted with.
type MarkSGRs [MarkCount]string

// interner shares equal SGR strings so that cached lines do not keep the
// renderer's whole output alive.
type interner map[string]string

func (in interner) get(s string) string {
	if v, ok := in[s]; ok {
		return v
	}
	s = strings.Clone(s)
	in[s] = s
	return s
}

// ParseLine turns one line of renderer output into a Line: SGR sequences
// become runs, every other escape sequence and control character is
// dropped, and trailing blanks are trimmed.
func ParseLine(s string) Line { return parseLine(s, interner{}) }

func parseLine(s string, in interner) Line {
	var (
		b    strings.Builder
		runs []run
		cur  string
	)
	b.Grow(len(s) / 4)
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			n, sgr, isSGR := escapeLen(s[i:])
			if isSGR {
				sgr = safeSGR(sgr)
				if sgr == "" || sgr == "0" {
					cur = ""
				} else if cur == "" {
					cur = in.get(sgr)
				} else {
					cur = in.get(cur + ";" + sgr)
				}
			}
			i += n
			continue
		}
		if c < 0x20 || c == 0x7f {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r >= 0x80 && r < 0xa0 || isBidi(r) || r == utf8.RuneError && w == 1 {
			i += w
			continue
		}
		if len(runs) == 0 || runs[len(runs)-1].sgr != cur {
			if len(runs) > 0 && runs[len(runs)-1].start == b.Len() {
				runs[len(runs)-1].sgr = cur
			} else {
				runs = append(runs, run{start: b.Len(), sgr: cur})
			}
		}
		b.WriteString(s[i : i+w])
		i += w
	}
	text := b.String()
	trimmed := strings.TrimRight(text, " \u00a0")
	for len(runs) > 0 && runs[len(runs)-1].start >= len(trimmed) {
		runs = runs[:len(runs)-1]
	}
	if len(runs) == 1 && runs[0].sgr == "" {
		runs = nil
	}
	return Line{Text: trimmed, runs: runs, Width: Width(trimmed)}
}

// escapeLen returns the length of the escape sequence at the start of s and,
// when it is an SGR sequence, its parameters. Only a CSI whose parameters
// are digits, ';' and ':' and whose final byte is 'm' is SGR: anything
// else a decoded character reference could forge ("ESC[ESC#8m", private
// modes, intermediates) is not, and a CSI broken off by a byte that cannot
// be part of it ends there, that byte left to be read on its own.
func escapeLen(s string) (n int, sgr string, isSGR bool) {
	if len(s) < 2 {
		return len(s), "", false
	}
	switch s[1] {
	case '[':
		plain := true // parameters are only [0-9;:]
		for j := 2; j < len(s); j++ {
			c := s[j]
			switch {
			case c >= 0x40 && c <= 0x7e:
				if c == 'm' && plain {
					return j + 1, s[2:j], true
				}
				return j + 1, "", false
			case c >= 0x20 && c <= 0x3f:
				plain = plain && (c >= '0' && c <= '9' || c == ';' || c == ':')
			default:
				return j, "", false
			}
		}
		return len(s), "", false
	case ']', 'P', '_', '^', 'X':
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1, "", false
			}
			if s[j] == 0x1b {
				if j+1 < len(s) && s[j+1] == '\\' {
					return j + 2, "", false
				}
				return j, "", false
			}
		}
		return len(s), "", false
	}
	return 2, "", false
}

// safeSGR keeps the SGR parameters that style text and drops those that
// hide or animate it: 5 and 6 (blink), 8 (conceal). Glamour and lipgloss
// never write them; only a forged sequence would.
func safeSGR(p string) string {
	if !strings.ContainsAny(p, "568") {
		return p
	}
	parts := strings.Split(p, ";")
	out := parts[:0]
	for i := 0; i < len(parts); i++ {
		switch parts[i] {
		case "5", "6", "8":
			continue
		case "38", "48", "58":
			// An extended colour: its arguments are not attributes.
			n := 0
			if i+1 < len(parts) {
				switch parts[i+1] {
				case "5":
					n = 2
				case "2":
					n = 4
				}
			}
			out = append(out, parts[i:min(i+1+n, len(parts))]...)
			i += n
			continue
		}
		out = append(out, parts[i])
	}
	return strings.Join(out, ";")
}

// isBidi reports whether r reorders text: the bidirectional embeddings,
// overrides and isolates, which a rendering must not pass on.
func isBidi(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// cut shortens l to width cells, with its style runs.
func (l *Line) cut(width int) {
	n, w := Cut(l.Text, width)
	l.Text, l.Width = l.Text[:n], w
	for len(l.runs) > 0 && l.runs[len(l.runs)-1].start >= n {
		l.runs = l.runs[:len(l.runs)-1]
	}
}

// Paint writes l into b exactly width cells wide: its own styles, the
// overlays painted over them with sgrs[mark], truncated or padded with
// blanks.
func (l *Line) Paint(b *strings.Builder, width int, ovs []Overlay, sgrs *MarkSGRs) {
	text := l.Text
	w := l.Width
	if w > width {
		var n int
		n, w = Cut(text, width)
		text = text[:n]
	}
	pos := 0
	ri := 0
	for pos < len(text) {
		for ri+1 < len(l.runs) && l.runs[ri+1].start <= pos {
			ri++
		}
		// The top overlay covering pos wins until an overlay edge; with
		// none, the run's own style holds until its end or an overlay.
		mark, end := MarkNone, len(text)
		for _, o := range ovs {
			if o.From <= pos && pos < o.To && o.Mark > mark {
				mark = o.Mark
			}
		}
		if mark == MarkNone && ri+1 < len(l.runs) {
			end = min(l.runs[ri+1].start, len(text))
		}
		for _, o := range ovs {
			if o.From > pos && o.From < end {
				end = o.From
			}
			if o.From <= pos && pos < o.To && o.To < end && (mark != MarkNone) {
				end = o.To
			}
		}
		if end <= pos {
			// Runs or overlays that do not fit the text (cut to a
			// width): paint the rest in the run's style.
			end = len(text)
		}
		sgr := ""
		if mark != MarkNone {
			sgr = sgrs[mark]
		} else if ri < len(l.runs) && l.runs[ri].start <= pos {
			sgr = l.runs[ri].sgr
		}
		if sgr != "" {
			b.WriteString("\x1b[")
			b.WriteString(sgr)
			b.WriteString("m")
			b.WriteString(text[pos:end])
			b.WriteString("\x1b[m")
		} else {
			b.WriteString(text[pos:end])
		}
		pos = end
	}
	for ; w < width; w++ {
		b.WriteByte(' ')
	}
}

// String returns the line with its own styles, without padding.
func (l *Line) String() string {
	var b strings.Builder
	l.Paint(&b, l.Width, nil, nil)
	return b.String()
}
