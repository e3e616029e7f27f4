package render

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline/byline/model"
)

// Section is one article section rendered at one width: its lines and,
// for every byte of its source texts, where that byte landed on screen.
type Section struct {
	Lines []Line
	// pieces are the source texts in rendering order; the first skip are
	// decoration (title, date), then the heading and the paragraphs.
	// title says pieces[0] is the article's Title, as written (mentions
	// point into it).
	pieces []string
	skip   int
	title  bool
	// locs[skip+p+1][i] is the rendered position of byte i of paragraph p
	// (locs[skip] is the heading, locs[0] the title when there is one);
	// loc.line < 0 when the byte is not shown
	// (blanks, Markdown syntax). Computed on first use, on the UI's
	// goroutine: most sections of a long article are never highlighted,
	// and the map costs eight bytes per source byte.
	locs [][]loc
}

// loc is a byte's rendered position: a line of its section and a byte
// offset into that line's text.
type loc struct {
	line, off int32
}

// Span is a highlighted byte range of one rendered line of a section.
type Span struct {
	Line     int
	From, To int
}

// Spans returns the rendered ranges that source bytes [start, end) of
// paragraph p (-1: heading, model.TitleParagraph: the title drawn above
// the lead) cover, one per line, so that a name wrapped across two lines
// is marked on both.
func (s *Section) Spans(p, start, end int, out []Span) []Span {
	if s.locs == nil {
		s.locs = align(s.Lines, s.pieces)
	}
	i := s.skip + p + 1
	switch {
	case p == model.TitleParagraph && s.title:
		i = 0
	case p < -1 || i >= len(s.locs):
		return out
	}
	locs := s.locs[i]
	end = min(end, len(locs))
	for i := max(start, 0); i < end; i++ {
		l := locs[i]
		if l.line < 0 {
			continue
		}
		// Every byte of a mapped rune is mapped, so l.off+1 ends it.
		to := min(int(l.off)+1, len(s.Lines[l.line].Text))
		if n := len(out); n > 0 && out[n-1].Line == int(l.line) {
			if int(l.off) < out[n-1].From {
				out[n-1].From = int(l.off)
			}
			if to > out[n-1].To {
				out[n-1].To = to
			}
			continue
		}
		out = append(out, Span{Line: int(l.line), From: int(l.off), To: to})
	}
	return out
}

// minFastWidth is the narrowest rendering laid out by byline's own fast
// path for plain paragraphs and headings (plain.go).
const minFastWidth = 20

// renderSection renders section si of a with r. The lead section starts
// with the article's title and date. A Markdown section beyond the limits
// of guard.go, or one glamour fails on, is shown as plain text instead.
func renderSection(r *renderer, a *model.Article, si int, width int) (*Section, error) {
	plain := a.Format == model.Plain || tooComplex(&a.Sections[si])
	s, err := renderSectionAs(r, a, si, width, plain)
	if err != nil && !plain {
		return renderSectionAs(r, a, si, width, true)
	}
	return s, err
}

// renderSectionAs renders section si, its paragraphs as plain text or as
// Markdown. A panic in the renderer is an error: one section's text must
// not take the program down.
func renderSectionAs(r *renderer, a *model.Article, si int, width int, plain bool) (s *Section, err error) {
	defer func() {
		if p := recover(); p != nil {
			s, err = nil, fmt.Errorf("section %d could not be rendered: %v", si+1, p)
		}
	}()
	in := interner{}
	// Below minFastWidth glamour lays everything out itself: at a few
	// cells its breaks are its own (FuzzPlainAsGlamour found one at 1),
	// and nothing that narrow is long enough to be worth the fast path.
	fast := plain && r.plain.ok && width >= minFastWidth
	var laid [][]Line
	if fast {
		laid = make([][]Line, len(a.Sections[si].Paragraphs))
		for i, p := range a.Sections[si].Paragraphs {
			var ok bool
			if laid[i], ok = r.paragraphLines(p, width, in); !ok {
				fast = false
				break
			}
		}
	}
	md, pieces := sectionMarkdown(a, si, plain, !fast, r.meta)
	var lines []Line
	if fast && md != "" && (si > 0 || metaLine(a) == "") {
		// The heading is all there is for glamour to render.
		if l, ok := r.headingLine(a.Sections[si].Heading, width, in); ok {
			lines, md = []Line{l}, ""
		}
	}
	if md != "" {
		out, err := r.tr.Render(md)
		if err != nil {
			return nil, err
		}
		lines = parseLines(strings.Split(out, "\n"), width, in)
	}
	if fast {
		for _, pl := range laid {
			if len(pl) > 0 {
				if len(lines) > 0 {
					lines = append(lines, Line{})
				}
				lines = append(lines, pl...)
			}
		}
	}
	if si == 0 && ShowsTitle(a) {
		title := parseLines(r.titleLines(Clean(pieces[0]), width), width, in)
		if len(lines) > 0 {
			title = append(title, Line{})
		}
		lines = append(title, lines...)
	}
	// One blank line separates sections.
	lines = append(lines, Line{})
	return &Section{Lines: lines, pieces: pieces, skip: len(pieces) - 1 - len(a.Sections[si].Paragraphs),
		title: si == 0 && ShowsTitle(a)}, nil
}

// parseLines parses rendered lines, cut to width cells, without the
// renderer's blank margins above and below.
func parseLines(raw []string, width int, in interner) []Line {
	lines := make([]Line, 0, len(raw))
	for _, s := range raw {
		l := parseLine(s, in)
		if l.Width > width {
			// Glamour does not break words longer than the line (URLs).
			l.cut(width)
		}
		lines = append(lines, l)
	}
	first := 0
	for first < len(lines) && lines[first].Text == "" {
		first++
	}
	last := len(lines)
	for last > first && lines[last-1].Text == "" {
		last--
	}
	return lines[first:last:last]
}

// sectionMarkdown returns the Markdown source of section si and the texts
// that appear in it in order: any decoration (title, date) first, then the
// heading and each paragraph. The title is a piece but not Markdown: the
// renderer wraps it itself; without paragraphs, the paragraphs are pieces
// only (the renderer lays them out itself too). Plain paragraphs are
// escaped so that nothing in them reads as Markdown.
func sectionMarkdown(a *model.Article, si int, plain, paragraphs, meta bool) (string, []string) {
	s := &a.Sections[si]
	var b strings.Builder
	var pieces []string
	esc := escapeMarkdown
	if !plain {
		esc = unlinkWWW
	}
	if si == 0 {
		if ShowsTitle(a) {
			pieces = append(pieces, a.Title) // drawn Clean, aligned as written
		}
		if line := metaLine(a); line != "" && meta {
			b.WriteString("*")
			b.WriteString(escapeMarkdown(line))
			b.WriteString("*\n\n")
			pieces = append(pieces, line)
		}
	}
	pieces = append(pieces, s.Heading)
	if s.Heading != "" {
		b.WriteString("## ")
		b.WriteString(escapeMarkdown(flatten(s.Heading)))
		b.WriteString("\n\n")
	}
	for _, p := range s.Paragraphs {
		pieces = append(pieces, p)
		if !paragraphs {
			continue
		}
		if plain {
			p = flatten(p)
		}
		b.WriteString(esc(p))
		b.WriteString("\n\n")
	}
	return b.String(), pieces
}

// ShowsTitle reports whether an article's title is drawn above its lead
// (model.Article.ShowsTitle).
func ShowsTitle(a *model.Article) bool { return a.ShowsTitle() }

// metaLine is the date and byline shown under the title.
func metaLine(a *model.Article) string {
	var parts []string
	if d := a.DateString(); d != "" {
		parts = append(parts, d)
	}
	if a.Byline != "" {
		parts = append(parts, Clean(a.Byline))
	}
	return strings.Join(parts, " · ")
}

// flatten makes a text one line without leading blanks, so that plain
// text never starts a code block.
func flatten(s string) string { return strings.TrimLeft(OneLine(s), " ") }

// escapeMarkdown makes plain text literal in Markdown. Glamour shows some
// backslash escapes verbatim, so special characters become numeric
// character references, which it always decodes; a leading list or heading
// marker is neutralised the same way.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	lead := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case linkifiable(s, i):
			// Glamour would make a link of an address and show it its
			// own way ("&#38;" for "&", "http://" before "www."): it
			// stays text, shown as written, and the view paints it as
			// the link it is.
			fmt.Fprintf(&b, "&#%d;", c)
		case strings.IndexByte("\\`*_[]<>#!|~&", c) >= 0,
			lead && strings.IndexByte("-+=:", c) >= 0,
			(c == '.' || c == ')') && allDigits(s[:i]):
			fmt.Fprintf(&b, "&#%d;", c)
		default:
			b.WriteByte(c)
		}
		if c != ' ' {
			lead = false
		}
	}
	return b.String()
}

func allDigits(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// glyph is one non-blank rune of rendered text and where it is.
type glyph struct {
	r    rune
	line int32
	off  int32
}

// align maps each non-blank rune of each piece, in order, to the same rune
// in the rendered lines. The renderer only adds decoration, blanks and line
// breaks, so the pieces are a subsequence of the rendered text; a rune that
// is not found nearby (Markdown syntax) stays unmapped.
func align(lines []Line, pieces []string) [][]loc {
	var glyphs []glyph
	for li := range lines {
		t := lines[li].Text
		for off, r := range t {
			if !isBlank(r) {
				glyphs = append(glyphs, glyph{r, int32(li), int32(off)})
			}
		}
	}
	out := make([][]loc, len(pieces))
	cur := 0
	for pi, p := range pieces {
		locs := make([]loc, len(p))
		for i := range locs {
			locs[i].line = -1
		}
		for i := 0; i < len(p); {
			r, w := utf8.DecodeRuneInString(p[i:])
			if isBlank(r) {
				i += w
				continue
			}
			window := 64
			if r < 0x80 && unicode.IsPunct(r) || unicode.IsSymbol(r) {
				window = 3
			}
			for j := cur; j < len(glyphs) && j < cur+window; j++ {
				// A renderer may change case (headings); byte offsets
				// stay valid only if the rune keeps its length.
				if g := glyphs[j]; g.r == r || unicode.ToLower(g.r) == unicode.ToLower(r) && utf8.RuneLen(g.r) == w {
					for k := 0; k < w; k++ {
						locs[i+k] = loc{g.line, g.off + int32(k)}
					}
					cur = j + 1
					break
				}
			}
			i += w
		}
		out[pi] = locs
	}
	return out
}

func isBlank(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\t' || r == '\n'
}

// EstimateLines guesses how many lines section s renders to at width:
// a view gives a section not rendered yet that many placeholder lines.
func EstimateLines(s *model.Section, width int) int {
	cols := max(width-2, 10)
	n := 1
	if s.Heading != "" {
		n += 2
	}
	for _, p := range s.Paragraphs {
		n += len(p)/cols + 2
	}
	return n
}
