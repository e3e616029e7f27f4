package ui

import (
	"bytes"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/vt"
)

// colourTerminal replays the model's view into a true-colour terminal
// emulator.
func colourTerminal(t *testing.T, m *Model) *vt.Emulator {
	t.Helper()
	var buf bytes.Buffer
	cw := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.TrueColor}
	if _, err := cw.WriteString(strings.ReplaceAll(m.View().Content, "\n", "\r\n")); err != nil {
		t.Fatal(err)
	}
	term := vt.NewEmulator(m.width, m.height)
	if _, err := term.Write(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	return term
}

// paintedAt reports how many of text's occurrences on the screen start
// with a cell whose foreground is c.
func paintedAt(term *vt.Emulator, text string, c color.Color) int {
	n := 0
	for y, line := range strings.Split(term.String(), "\n") {
		for off := 0; ; {
			i := strings.Index(line[off:], text)
			if i < 0 {
				break
			}
			x := len([]rune(line[:off+i]))
			if fg := term.CellAt(x, y).Style.Fg; fg != nil && sameColour(fg, c) {
				n++
			}
			off += i + len(text)
		}
	}
	return n
}

func sameColour(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1>>8 == r2>>8 && g1>>8 == g2>>8 && b1>>8 == b2>>8 && a1>>8 == a2>>8
}

// TestTitleNamesOnScreen opens Markdown, HTML and feed articles whose
// titles name a person and a place: the reader paints both on the title
// line, People & Places lists them with their title mention, and walking
// a name's mentions with n and N goes through the title without harm.
func TestTitleNamesOnScreen(t *testing.T) {
	for _, src := range articlestest.TitledSources() {
		as, err := articles.Parse(src.Name, src.Data)
		if err != nil {
			t.Fatal(err)
		}
		articles.Recognize(as)
		m := newModel(Options{Load: loaded(as), Style: "dark"})
		drain(t, m, m.Init())
		send(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
		term := colourTerminal(t, m)
		person := m.c.styles.Marks[render.MarkPerson].GetForeground()
		place := m.c.styles.Marks[render.MarkPlace].GetForeground()
		if paintedAt(term, src.Person, person) == 0 || paintedAt(term, src.Place, place) == 0 {
			t.Errorf("%s: title names not painted:\n%s", src.Name, term.String())
		}
		if m.hl().Mentions() != 2 {
			t.Errorf("%s: %d mentions indexed, want the title's 2", src.Name, m.hl().Mentions())
		}
		if s := screen(t, m); !strings.Contains(s, "Angela Merkel") || !strings.Contains(s, "Nairobi") {
			t.Errorf("%s: People & Places lacks the title's names:\n%s", src.Name, s)
		}
		// Select the first entity, named only in the title, and walk its
		// mentions both ways.
		send(t, m, selectEntityMsg{0})
		for _, k := range []string{"n", "N", "n"} {
			send(t, m, press(k))
			hl := m.hl()
			if hl.Cur < 0 || hl.Targets[hl.Cur].Paragraph != model.TitleParagraph {
				t.Fatalf("%s: %s went to %d of %+v", src.Name, k, hl.Cur, hl.Targets)
			}
		}
		if s := screen(t, m); !strings.Contains(s, src.Person) || !strings.Contains(s, "1/1") {
			t.Errorf("%s: walking the title's mention:\n%s", src.Name, s)
		}
	}
}
