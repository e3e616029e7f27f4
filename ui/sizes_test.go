package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// sizes are the terminal sizes every view must survive.
var sizes = [][2]int{{1, 1}, {20, 5}, {40, 10}, {80, 24}, {300, 100}}

// TestTerminalSizes drives the files and the library views at every size
// and through rapid resizes: nothing panics, every screen has the
// terminal's size, no line is wider.
func TestTerminalSizes(t *testing.T) {
	keys := []string{"j", "G", "2", "P", "enter", "n", "P", "v", "l", "v", "/", "a", "esc", "?", "j", "q", "tab", "tab", "e", "p"}
	lib := newTestLibrary(t, 5)
	for _, size := range sizes {
		w, h := size[0], size[1]
		for name, m := range map[string]*Model{
			"files":   newTestModel(t, w, h, loaded([]*model.Article{sample(t), wideArticle()})),
			"library": newLibModel(t, lib.Library, w, h),
		} {
			checkScreen(t, name, "start", m)
			for _, k := range keys {
				send(t, m, press(k))
				checkScreen(t, name, k, m)
			}
			if name == "library" {
				typeKeys(t, m, "tab", "tab", "enter")
				checkScreen(t, name, "open", m)
			}
			// Rapid resizes: every size in turn, rendering left to
			// catch up with the last only.
			for _, s := range append(sizes, size) {
				m.Update(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
			}
			send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
			checkScreen(t, name, "resizes", m)
		}
	}
}

// wideArticle is text of wide and combining characters with a person
// named in it.
func wideArticle() *model.Article {
	p := strings.Repeat("東京の会議で 山田太郎 が話した。Zoë naïve é 🎉 ", 12)
	a := &model.Article{Title: "東京 🎉", Sections: []model.Section{{Paragraphs: []string{p}}, {Heading: "続き", Paragraphs: []string{p}}}}
	var ms []model.Mention
	for off := 0; ; {
		i := strings.Index(p[off:], "山田太郎")
		if i < 0 {
			break
		}
		ms = append(ms, model.Mention{Section: 0, Paragraph: 0, Start: off + i, End: off + i + len("山田太郎"), Text: "山田太郎"})
		off += i + len("山田太郎")
	}
	a.Entities = []model.Entity{{Name: "山田太郎", Type: model.Person, Mentions: ms}}
	return a
}

// TestWideCharactersHighlighted checks that a person named in wide
// characters is highlighted on exactly their cells.
func TestWideCharactersHighlighted(t *testing.T) {
	m := newTestModel(t, 80, 24, loaded([]*model.Article{wideArticle()}))
	term := terminal(t, m)
	for y, line := range strings.Split(term.String(), "\n") {
		i := strings.Index(line, "山田太郎")
		if i < 0 {
			continue
		}
		x := render.Width(line[:i])
		for c := 0; c < 8; c += 2 { // four wide characters, two cells each
			if !bold(term.CellAt(x+c, y).Style) {
				t.Errorf("line %d: cell %d of the name is not highlighted: %q", y, c, line)
			}
		}
		if bold(term.CellAt(x+8, y).Style) {
			t.Errorf("line %d: the cell after the name is highlighted: %q", y, line)
		}
		return
	}
	t.Fatalf("the name is not on the screen:\n%s", term.String())
}
