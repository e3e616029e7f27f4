package render

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	xansi "github.com/charmbracelet/x/ansi"
)

// Plain paragraphs (a text article's, or Markdown shown as text) are laid
// out by byline itself, exactly as glamour lays them out: glamour wraps a
// paragraph's text with ansi.Wrap at the document's width after its
// margin and styles it with the document's text style, but it pushes every
// byte through a chain of ANSI-parsing writers, which made it most of the
// cost of printing a long article. The layout is the same function on the
// same text; the style is read once per renderer from glamour's own
// rendering of a probe paragraph, and a style whose probe does not have
// the simple shape assumed here keeps glamour for everything
// (TestPlainParagraphsAsGlamour compares the two on many texts).

// paragraphProbe is the text rendered to learn a style's paragraph look.
const paragraphProbe = "probe"

// plainLook is what a renderer learnt from its probe: the margin before a
// paragraph's lines and the style runs of a line, or ok false.
type plainLook struct {
	ok     bool
	margin string
	runs   []run // starts relative to the line, the text's at len(margin)
}

// learnPlain renders the probe paragraph with glamour and reads its look.
func (r *renderer) learnPlain() plainLook {
	out, err := r.tr.Render(paragraphProbe + "\n")
	if err != nil {
		return plainLook{}
	}
	lines := parseLines(strings.Split(out, "\n"), 1<<20, interner{})
	if len(lines) != 1 {
		return plainLook{}
	}
	l := lines[0]
	margin, ok := strings.CutSuffix(l.Text, paragraphProbe)
	if !ok || strings.Trim(margin, " ") != "" {
		return plainLook{}
	}
	// The runs must not change inside the probe's text: one run from
	// the margin on covers every paragraph line the same way.
	for _, rn := range l.runs {
		if rn.start > len(margin) {
			return plainLook{}
		}
	}
	return plainLook{ok: true, margin: margin, runs: l.runs}
}

// paragraphLines lays a plain paragraph out in lines of at most width
// cells, margin included, as glamour would. ok is false for a paragraph
// with a word longer than a line, which glamour breaks its own way: those
// are left to glamour. Addresses are text to both (escapeMarkdown).
func (r *renderer) paragraphLines(p string, width int, in interner) (lines []Line, ok bool) {
	pl := r.plain
	// What parseLine would drop of glamour's output (escape sequences,
	// controls, bidi) never reaches a line this way either.
	text := flatten(p)
	if shownAsIs(text) {
		text = strings.TrimRight(text, " \u00a0")
	} else {
		text = parseLine(text, in).Text
	}
	text = strings.Trim(text, " ")
	if text == "" {
		return nil, true // glamour leaves out a paragraph of blanks
	}
	if strings.TrimSpace(text) == "" {
		// Only other spaces (U+3000, tabs): glamour's to lay out, as it
		// keeps some of them.
		return nil, false
	}
	room := max(max(width, 8)+2-2*len(pl.margin), 1)
	for word := range strings.FieldsSeq(text) {
		if len(word) > room && Width(word) > room {
			return nil, false
		}
	}
	var wrapped string
	if simpleText(text) {
		wrapped = wrapSimple(text, room)
	} else {
		wrapped = xansi.Wrap(text, room, "")
	}
	lines = make([]Line, 0, strings.Count(wrapped, "\n")+1)
	for _, t := range strings.Split(wrapped, "\n") {
		t = strings.TrimRight(pl.margin+t, " \u00a0")
		l := Line{Text: t, Width: Width(t)}
		for _, rn := range pl.runs {
			if rn.start < len(t) {
				l.runs = append(l.runs, run{start: rn.start, sgr: in.get(rn.sgr)})
			}
		}
		if len(l.runs) == 1 && l.runs[0].sgr == "" {
			l.runs = nil
		}
		if l.Width > width {
			l.cut(width)
		}
		lines = append(lines, l)
	}
	return lines, true
}

// shownAsIs reports whether parseLine keeps every byte of s: it has no
// escape sequence, control, C1 control, bidirectional control or invalid
// UTF-8. Most text has none, and is not copied to find that out.
func shownAsIs(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r < 0xa0 || isBidi(r) || r == utf8.RuneError && w == 1 {
			return false
		}
		i += w
	}
	return true
}

// Headings of plain sections are laid out the same way when they are
// simple: a heading of words that fits on one line is glamour's margin and
// prefix, the text in one style, and the suffix, all learnt from glamour's
// rendering of a probe heading and checked against a second one.

// headingProbe and headingCheck are the headings rendered to learn and to
// check a style's heading look.
const (
	headingProbe = "Probe"
	headingCheck = "A longer probe heading, 42"
)

// headingLook is the line of a simple heading: the text before its words
// (margin and prefix) and after them (suffix), with the style runs of
// each, or ok false.
type headingLook struct {
	ok            bool
	before, after string
	// runs start within before or at its end (the words' style); after
	// runs start relative to the end of the words.
	runs, afterRuns []run
}

// learnHeading renders the probe headings with glamour and reads their
// look; it is ok only if the first predicts the second exactly.
func (r *renderer) learnHeading(width int) headingLook {
	var lines [2]Line
	for i, p := range [2]string{headingProbe, headingCheck} {
		out, err := r.tr.Render("## " + p + "\n")
		if err != nil {
			return headingLook{}
		}
		ls := parseLines(strings.Split(out, "\n"), width, interner{})
		if len(ls) != 1 {
			return headingLook{}
		}
		lines[i] = ls[0]
	}
	l := lines[0]
	before, after, ok := strings.Cut(l.Text, headingProbe)
	if !ok || strings.Contains(after, headingProbe) || !strings.HasPrefix(before, r.plain.margin) {
		return headingLook{}
	}
	h := headingLook{ok: true, before: before, after: after}
	end := len(before) + len(headingProbe)
	for _, rn := range l.runs {
		switch {
		case rn.start <= len(before):
			h.runs = append(h.runs, rn)
		case rn.start >= end:
			h.afterRuns = append(h.afterRuns, run{start: rn.start - end, sgr: rn.sgr})
		default:
			return headingLook{} // the style changes inside the words
		}
	}
	got, ok := h.line(headingCheck, width, interner{})
	if !ok || dumpLine(got) != dumpLine(lines[1]) {
		return headingLook{}
	}
	return h
}

// dumpLine is l in full, to compare two lines.
func dumpLine(l Line) string {
	var b strings.Builder
	b.WriteString(l.Text)
	for _, rn := range l.runs {
		b.WriteString("\x00" + strconv.Itoa(rn.start) + "\x00" + rn.sgr)
	}
	return b.String() + "\x00" + strconv.Itoa(l.Width)
}

// headingLine lays out the heading of a plain section as glamour would,
// or reports false for one that is not simple: empty, with anything
// Markdown or the terminal could read otherwise, or too long for a line
// (glamour wraps it its own way).
func (r *renderer) headingLine(heading string, width int, in interner) (Line, bool) {
	if !r.headingLearnt && r.plain.ok {
		r.heading, r.headingLearnt = r.learnHeading(r.width), true
	}
	if !r.heading.ok {
		return Line{}, false
	}
	return r.heading.line(flatten(heading), width, in)
}

func (h *headingLook) line(words string, width int, in interner) (Line, bool) {
	if !simpleHeading(words) {
		return Line{}, false
	}
	t := h.before + words + h.after
	l := Line{Text: t, Width: Width(t)}
	// Glamour wraps the prefix and words to the room a paragraph has;
	// two cells less leaves no doubt that they fit.
	if l.Width-Width(h.after)+2 > width {
		return Line{}, false
	}
	for _, rn := range h.runs {
		l.runs = append(l.runs, run{start: rn.start, sgr: in.get(rn.sgr)})
	}
	for _, rn := range h.afterRuns {
		l.runs = append(l.runs, run{start: len(h.before) + len(words) + rn.start, sgr: in.get(rn.sgr)})
	}
	if len(l.runs) == 1 && l.runs[0].sgr == "" {
		l.runs = nil
	}
	return l, true
}

// simpleHeading reports whether a heading is words that glamour shows as
// written: letters, digits and common punctuation, one blank between
// words, nothing escapeMarkdown changes.
func simpleHeading(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	for _, c := range s {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && !strings.ContainsRune(" ,.'\"?;()-", c) {
			return false
		}
	}
	return escapeMarkdown(s) == s
}

// simpleText reports whether s is made of characters that wrapASCII
// knows as xansi.Wrap does: printable ASCII, and the Latin letters,
// no-break space, quotes and dashes of European text, each one cell and a
// grapheme cluster of its own. TestSimpleRunes checks the list.
func simpleText(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < 0x80 {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !simpleRune(r) {
			return false
		}
		i += w
	}
	return true
}

// simpleRune reports whether r, not ASCII, is one of simpleText's.
func simpleRune(r rune) bool {
	switch {
	case r >= 0xa0 && r <= 0x24f:
		return r != 0xad // the soft hyphen takes no cell
	case r >= 0x2013 && r <= 0x2014, r >= 0x2018 && r <= 0x201d, r == 0x2026:
		return true
	}
	return false
}

// wrapSimple is xansi.Wrap(s, limit, "") for a simpleText s: the same
// steps (charmbracelet/x/ansi's wrap, MIT licence) for characters of one
// cell, without its ANSI parser and grapheme segmentation, which were a
// fifth of printing a long article. Its ASCII characters and the others
// take different steps there, and here. TestWrapSimple and
// FuzzWrapSimple compare the two.
func wrapSimple(s string, limit int) string {
	if limit < 1 {
		return s
	}
	var (
		buf         = make([]byte, 0, len(s)+len(s)/limit+1)
		word, space []byte
		wordLen     int // the cells of word
		cur         int // the cells written on the line
	)
	addSpace := func() {
		cur += len(space)
		buf = append(buf, space...)
		space = space[:0]
	}
	addWord := func() {
		if len(word) == 0 {
			return
		}
		addSpace()
		cur += wordLen
		buf = append(buf, word...)
		word, wordLen = word[:0], 0
	}
	addNewline := func() {
		buf = append(buf, '\n')
		cur = 0
		space = space[:0]
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			_, n := utf8.DecodeRuneInString(s[i:])
			if wordLen+1 > limit {
				addWord()
			}
			word = append(word, s[i:i+n]...)
			wordLen++
			if cur+wordLen+len(space) > limit {
				addNewline()
			}
			if wordLen == limit {
				addWord()
			}
			i += n
			continue
		}
		switch c {
		case ' ':
			addWord()
			space = append(space, c)
		case '-':
			addSpace()
			if cur+wordLen >= limit {
				word = append(word, c)
				wordLen++
			} else {
				addWord()
				buf = append(buf, c)
				cur++
			}
		default:
			if cur == limit {
				addNewline()
			}
			word = append(word, c)
			wordLen++
			if wordLen == limit {
				addWord()
			}
			if cur+wordLen+len(space) > limit {
				addNewline()
			}
		}
		i++
	}
	if len(word) == 0 {
		if cur+len(space) <= limit {
			buf = append(buf, space...)
		}
		space = space[:0]
	}
	addWord()
	return string(buf)
}
