package render

import (
	"strings"

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
	text := strings.Trim(parseLine(flatten(p), in).Text, " ")
	if strings.TrimSpace(text) == "" {
		return nil, true // glamour leaves out a paragraph of blanks
	}
	room := max(max(width, 8)+2-2*len(pl.margin), 1)
	for word := range strings.FieldsSeq(text) {
		if len(word) > room && Width(word) > room {
			return nil, false
		}
	}
	wrapped := xansi.Wrap(text, room, "")
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
