package ui

import (
	"bytes"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/vt"
)

// terminal replays the model's view into a terminal emulator that shows
// no colour, as a terminal with NO_COLOR does.
func terminal(t *testing.T, m *Model) *vt.Emulator {
	t.Helper()
	var buf bytes.Buffer
	cw := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.Ascii}
	if _, err := cw.WriteString(strings.ReplaceAll(m.View().Content, "\n", "\r\n")); err != nil {
		t.Fatal(err)
	}
	term := vt.NewEmulator(m.width, m.height)
	if _, err := term.Write(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	return term
}

// styleAt returns the style of the first cell of text's first occurrence
// on the emulator's screen.
func styleAt(t *testing.T, term *vt.Emulator, text string) uv.Style {
	t.Helper()
	for y, line := range strings.Split(term.String(), "\n") {
		if i := strings.Index(line, text); i >= 0 {
			x := len([]rune(line[:i]))
			return term.CellAt(x, y).Style
		}
	}
	t.Fatalf("%q is not on the screen:\n%s", text, term.String())
	return uv.Style{}
}

func bold(s uv.Style) bool      { return s.Attrs&uv.AttrBold != 0 }
func italic(s uv.Style) bool    { return s.Attrs&uv.AttrItalic != 0 }
func underline(s uv.Style) bool { return s.Underline != uv.UnderlineStyleNone }

// linked is a Markdown article with a person, a place, a link and a
// heading.
func linked() *model.Article {
	p := "Lloyd Austin flew to Gaza. Read [the traffic study](https://example.com/study) now."
	a := &model.Article{Title: "Linked", Format: model.Markdown, Sections: []model.Section{
		{Paragraphs: []string{p}},
		{Heading: "Second Part", Paragraphs: []string{"More."}},
	}}
	at := func(s string) model.Mention {
		i := strings.Index(p, s)
		return model.Mention{Section: 0, Paragraph: 0, Start: i, End: i + len(s), Text: s}
	}
	a.Entities = []model.Entity{
		{Name: "Lloyd Austin", Type: model.Person, Mentions: []model.Mention{at("Lloyd Austin")}},
		{Name: "Gaza", Type: model.Place, Mentions: []model.Mention{at("Gaza")}},
	}
	return a
}

// TestNoColorDistinguishable reads with NO_COLOR: people are bold, places
// underlined, links italic and neither, headings keep their marks and are
// neither bold nor underlined.
func TestNoColorDistinguishable(t *testing.T) {
	m := newModel(Options{Load: loaded([]*model.Article{linked()}), Style: "dark", NoColor: true})
	drain(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	term := terminal(t, m)
	for _, c := range []struct {
		text                  string
		bold, underline, ital bool
	}{
		{"Lloyd", true, false, false},
		{"Gaza.", false, true, false},
		{"traffic", false, false, true},
		{"https://example.com", false, false, false},
		{"Second Part", false, false, false},
	} {
		s := styleAt(t, term, c.text)
		if bold(s) != c.bold || underline(s) != c.underline || italic(s) != c.ital {
			t.Errorf("%q: bold %v underline %v italic %v, want %v %v %v", c.text, bold(s), underline(s), italic(s), c.bold, c.underline, c.ital)
		}
	}
	if !strings.Contains(term.String(), "## Second Part") {
		t.Errorf("the heading lost its marks:\n%s", term.String())
	}
}

// TestLightStyleOnDarkTerminal picks the light style on a dark terminal:
// the panes and marks take the light palette, and the terminal the light
// background while byline runs; the dark style there changes nothing.
func TestLightStyleOnDarkTerminal(t *testing.T) {
	for _, tt := range []struct {
		style string
		bg    bool
	}{{"light", true}, {"dark", false}, {"auto", false}} {
		m := newModel(Options{Load: loaded([]*model.Article{sample(t)}), Style: tt.style})
		drain(t, m, m.Init())
		send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
		send(t, m, tea.BackgroundColorMsg{Color: black{}})
		v := m.View()
		if got := v.BackgroundColor != nil; got != tt.bg {
			t.Errorf("%s on a dark terminal: background set %v, want %v", tt.style, got, tt.bg)
		}
		light := render.NewTheme(false)
		if got := m.c.styles.Marks[render.MarkPerson].GetForeground() == light.Person; got != (tt.style == "light") {
			t.Errorf("%s on a dark terminal: people in the light palette %v", tt.style, got)
		}
	}
}

type black struct{}

func (black) RGBA() (r, g, b, a uint32) { return 0, 0, 0, 0xffff }

// TestTitleStyleWraps renders a title that fits and one that wraps: both
// are drawn in the same style.
func TestTitleStyleWraps(t *testing.T) {
	sgr := func(title string) string {
		a := &model.Article{Title: title, Sections: []model.Section{{Paragraphs: []string{"Text."}}}}
		out, err := render.Article(a, 30, "dark", true)
		if err != nil {
			t.Fatal(err)
		}
		first := strings.SplitN(out, "\n", 2)[0]
		return first[:strings.Index(first, "Talks")]
	}
	short, long := sgr("Talks"), sgr("Talks in Washington about a long list of things")
	if short != long {
		t.Errorf("a wrapped title is styled %q, a short one %q", long, short)
	}
}
