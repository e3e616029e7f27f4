package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/byline/byline/model"
)

// FuzzRender renders arbitrary text as a plain or Markdown article at
// widths 1–300 with marks at arbitrary offsets, and paints it: it never
// panics, and what it paints holds no escape sequence but SGR and no
// control or bidi character.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"Lloyd Austin met Yoav Gallant in Gaza.",
		"See `&#27;[&#27;#8m` here", "&#x202e;evil &#155;31m", "> > > quote\n- list",
		strings.Repeat("x", 69) + "&#27;*y*", "東京 Zoë naïve 🎉", "a\x1b[2Jb\rc\u009b",
		"[link](http://e.com?a=1&b=2) **bold** _it_",
	} {
		f.Add(s, uint16(80), uint32(0x0a0f), true)
		f.Add(s, uint16(7), uint32(0x1234), false)
	}
	f.Fuzz(func(t *testing.T, text string, width uint16, marks uint32, md bool) {
		w := int(width%300) + 1
		a := &model.Article{Title: text, Sections: []model.Section{
			{Paragraphs: []string{text}}, {Heading: text, Paragraphs: []string{text, "tail"}},
		}}
		if md {
			a.Format = model.Markdown
		}
		// Marks at offsets derived from the seed, in range or not.
		start := int(marks&0xff) % (len(text) + 2)
		end := start + int(marks>>8&0xff)
		a.Entities = []model.Entity{{Name: "x", Type: model.Person, Mentions: []model.Mention{
			{Section: 0, Paragraph: 0, Start: start, End: end},
			{Section: 1, Paragraph: -1, Start: start, End: end},
			{Section: 1, Paragraph: 5, Start: start, End: end},
		}}}
		d := RenderRange(a, w, Look{Style: "dark", NoColor: marks&1 == 1}, 0, 2)
		v := NewView()
		v.SetArticle(a, 0, -1, 0, 0)
		v.SetSize(w, int(marks>>16%40)+1, int(marks>>24%5))
		v.Install(d)
		hl := NewHighlights(a, true)
		hl.Matches = []model.Match{{Section: 0, Paragraph: 0, Start: start, End: end}}
		hl.Targets, hl.Cur = []model.Pos{{Section: 1, Paragraph: 0, Start: start, End: end}}, 0
		st := &Styles{Marks: MarkSGRs{MarkPerson: "1", MarkMatch: "7", MarkCurrent: "1;4"}}
		for _, row := range v.Lines(hl, st) {
			checkTerminalSafe(t, row)
		}
		v.ToBottom()
		for _, row := range v.Lines(hl, st) {
			checkTerminalSafe(t, row)
		}
	})
}

// checkTerminalSafe fails unless s holds only SGR sequences, printable
// text and no bidi control.
func checkTerminalSafe(t *testing.T, s string) {
	t.Helper()
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			j := i + 2
			if i+1 >= len(s) || s[i+1] != '[' {
				t.Fatalf("escape that is not CSI at %d in %q", i, s)
			}
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j >= len(s) || s[j] != 'm' {
				t.Fatalf("CSI that is not SGR at %d in %q", i, s)
			}
			i = j + 1
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || isBidi(r) || r == utf8.RuneError && n == 1 {
			t.Fatalf("control %U at %d in %q", r, i, s)
		}
		i += n
	}
}
