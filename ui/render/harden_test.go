package render

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/byline/byline/model"
)

// TestParseLineKeepsOnlySGR parses renderer output holding sequences that
// text decoded from character references could forge: only plain SGR
// survives, without blink or conceal, and nothing else reaches a line.
func TestParseLineKeepsOnlySGR(t *testing.T) {
	for _, tt := range []struct {
		in, text string
		sgrs     []string
	}{
		{"a\x1b[\x1b#8mb", "a8mb", nil},        // ESC[ broken by ESC, then DECALN
		{"\x1b[8mhidden\x1b[m", "hidden", nil}, // conceal
		{"\x1b[5;1mblink\x1b[m", "blink", []string{"1"}},
		{"\x1b[38;5;8mgrey\x1b[m", "grey", []string{"38;5;8"}}, // colour 8 is no conceal
		{"\x1b[?1049hx", "x", nil},
		{"\x1b[1$mx", "x", nil},
		{"\x1b]52;c;ZXZpbA==\ax", "x", nil},
		{"\x1b]0;title\x1b\\x", "x", nil},
		{"\x1bPq#0\x1b\\x", "x", nil},
		{"a\u202eb\u2066c\u2069d", "abcd", nil},
		{"a\u009b31mb", "a31mb", nil},
		{"a\rb\bc\ad", "abcd", nil},
	} {
		l := ParseLine(tt.in)
		if l.Text != tt.text {
			t.Errorf("ParseLine(%q) text %q, want %q", tt.in, l.Text, tt.text)
		}
		var got []string
		for _, r := range l.runs {
			if r.sgr != "" {
				got = append(got, r.sgr)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.sgrs) {
			t.Errorf("ParseLine(%q) styles %q, want %q", tt.in, got, tt.sgrs)
		}
		painted := l.String()
		if strings.ContainsAny(strings.ReplaceAll(painted, "\x1b[", ""), "\x1b\a\b\r\u009b\u202e") {
			t.Errorf("ParseLine(%q) paints %q", tt.in, painted)
		}
	}
}

// TestCutKeepsRuns cuts a styled line wider than the pane, as glamour
// leaves a long word: its style runs are cut with it and painting never
// reads past the text.
func TestCutKeepsRuns(t *testing.T) {
	l := ParseLine(strings.Repeat("x", 69) + "\x1b[1m*y*\x1b[m tail 🎉🎉")
	l.cut(70)
	var b strings.Builder
	l.Paint(&b, 100, []Overlay{{60, 200, MarkMatch}}, &MarkSGRs{MarkMatch: "7"})
	l.Paint(&b, 10, nil, &MarkSGRs{})
}

// mdArticle is a Markdown article of one lead and one section.
func mdArticle(lead, body string) *model.Article {
	return &model.Article{Title: "T", Format: model.Markdown, Sections: []model.Section{
		{Paragraphs: []string{lead}}, {Heading: "H", Paragraphs: []string{body}},
	}}
}

// TestRenderHostileMarkdown renders Markdown that used to crash the reader
// or never finish, at many widths: it renders, as plain text where it is
// too deep, and no line holds a control character.
func TestRenderHostileMarkdown(t *testing.T) {
	for _, body := range []string{
		strings.Repeat("x", 69) + "&#27;*y*",
		"😀 " + strings.Repeat("🎉", 80),
		strings.Repeat(">", 80) + " deep",
		strings.Repeat("- ", 200) + "item",
		strings.Repeat("*", 60000) + "a" + strings.Repeat("*", 60000),
		strings.Repeat("*", 100000) + "a" + strings.Repeat("*", 100000),
		nestedList(300),
		strings.Repeat("[", 5000) + "x" + strings.Repeat("]", 5000),
	} {
		a := mdArticle("Lead.", body)
		for _, w := range []int{1, 8, 20, 40, 99, 100, 300} {
			d := RenderRange(a, w, Look{Style: "dark"}, 0, 2)
			if d.Err != nil {
				t.Fatalf("%.20q at %d: %v", body, w, d.Err)
			}
			for _, s := range d.Secs {
				for _, l := range s.Lines {
					if strings.ContainsAny(l.Text, "\x1b\a\b\r") {
						t.Fatalf("%.20q at %d: line %q", body, w, l.Text)
					}
				}
			}
			v := NewView()
			v.SetArticle(a, 0, -1, 0, 0)
			v.SetSize(w, 10, 0)
			v.Install(d)
			v.Lines(NewHighlights(a, true), &Styles{})
		}
	}
}

func nestedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- item\n")
	}
	return b.String()
}

// TestRenderLinear renders ever longer delimiter runs and deeper nesting,
// at 1k, 2k, 4k and 8k: the work per byte of input (bytes allocated, a
// deterministic stand-in for time) does not grow, so the work is linear
// in the input. (A nested list's input itself grows as the square of its
// depth.)
func TestRenderLinear(t *testing.T) {
	for name, gen := range map[string]func(n int) string{
		"emphasis": func(n int) string { return strings.Repeat("*", n) + "a" + strings.Repeat("*", n) },
		"quotes":   func(n int) string { return strings.Repeat("> ", n) + "q" },
		"lists":    func(n int) string { return nestedList(n / 8) },
		"brackets": func(n int) string { return strings.Repeat("[", n) + "x" + strings.Repeat("]", n) },
	} {
		var prev float64
		for _, n := range []int{1000, 2000, 4000, 8000} {
			md := gen(n)
			a := mdArticle("Lead.", md)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			RenderRange(a, 80, Look{Style: "dark"}, 0, 2)
			runtime.ReadMemStats(&after)
			perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(md))
			if prev > 0 && perByte > 1.5*prev {
				t.Errorf("%s at %d: %.0f bytes allocated per input byte, %.0f at half the size: worse than linear", name, n, perByte, prev)
			}
			prev = perByte
		}
	}
}
