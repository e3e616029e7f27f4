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
		if r >= 0x80 && r < 0xa0 {
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
// when it is an SGR sequence, its parameters.
func escapeLen(s string) (n int, sgr string, isSGR bool) {
	if len(s) < 2 {
		return len(s), "", false
	}
	switch s[1] {
	case '[':
		for j := 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				if s[j] == 'm' {
					return j + 1, s[2:j], true
				}
				return j + 1, "", false
			}
		}
		return len(s), "", false
	case ']', 'P', '_', '^':
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1, "", false
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2, "", false
			}
		}
		return len(s), "", false
	}
	return 2, "", false
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
			end = l.runs[ri+1].start
		}
		for _, o := range ovs {
			if o.From > pos && o.From < end {
				end = o.From
			}
			if o.From <= pos && pos < o.To && o.To < end && (mark != MarkNone) {
				end = o.To
			}
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
