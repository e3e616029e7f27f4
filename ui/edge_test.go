package ui

import (
	"github.com/byline/byline/ui/render"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
)

// TestEdgeArticles drives every key over unusual articles at several sizes:
// nothing may panic and every screen must keep its size.
func TestEdgeArticles(t *testing.T) {
	arts := map[string]*model.Article{
		"no sections":    {Title: "Empty"},
		"empty section":  {Title: "Hollow", Sections: []model.Section{{}}},
		"heading only":   {Title: "Heads", Sections: []model.Section{{Heading: "One"}, {Heading: "Two"}}},
		"markdown":       {Title: "MD", Format: model.Markdown, Sections: []model.Section{{Paragraphs: []string{"Some **bold** and [a link](http://example.com) to Gaza.", "- a list\n- of items"}}}},
		"wide and long":  {Title: strings.Repeat("Very long title ", 20), Sections: []model.Section{{Heading: strings.Repeat("Long heading ", 12), Paragraphs: []string{strings.Repeat("東京 Zoë naïve ", 80), strings.Repeat("x", 500)}}}},
		"control bytes":  {Title: "Bad\x1b[31m title\x07", Sections: []model.Section{{Heading: "Evil\x1b]0;pwned\x07", Paragraphs: []string{"text \x1b[2J with escapes"}}}},
		"many entities":  manyEntities(),
		"generated long": nil,
	}
	arts["generated long"] = bigArticle(t, 64<<10)
	keys := []string{"j", "k", "space", "b", "d", "u", "G", "g", "end", "home", "]", "[", "1", "9", "tab", "j", "enter", "tab", "j", "enter", "n", "N", "tab", "enter",
		"e", "e", "/", "a", "backspace", "z", "esc", "/", "t", "enter", "n", "v", "l", "h", "right", "j", "G", "v", "?", "?", "J", "K", "p", "esc"}
	for name, a := range arts {
		for _, size := range [][2]int{{120, 40}, {80, 24}, {50, 12}, {41, 10}, {20, 5}} {
			m := newTestModel(t, size[0], size[1], loaded([]*model.Article{a}))
			for _, k := range keys {
				send(t, m, press(k))
				checkScreen(t, name, k, m)
			}
			send(t, m, tea.MouseWheelMsg{X: size[0] / 2, Y: 3, Button: tea.MouseWheelDown})
			send(t, m, tea.MouseClickMsg{X: 3, Y: 2, Button: tea.MouseLeft})
			checkScreen(t, name, "mouse", m)
		}
	}
}

func checkScreen(t *testing.T, name, k string, m *Model) {
	t.Helper()
	content := m.View().Content
	if strings.Contains(content, "\x07") || strings.Contains(content, "\x1b]") || strings.Contains(content, "\x1b[2J") {
		t.Fatalf("%s after %q: control sequence from the article reached the screen", name, k)
	}
	lines := strings.Split(content, "\n")
	if len(lines) != m.height {
		t.Fatalf("%s at %dx%d after %q: %d lines", name, m.width, m.height, k, len(lines))
	}
	for i, l := range lines {
		if w := render.StyledWidth(l); w != m.width {
			t.Fatalf("%s at %dx%d after %q: line %d is %d wide: %q", name, m.width, m.height, k, i, w, l)
		}
	}
}

func manyEntities() *model.Article {
	a := &model.Article{Title: "Crowd"}
	var b strings.Builder
	for i := 0; i < 60; i++ {
		b.WriteString("Person")
		b.WriteString(strings.Repeat("a", i%7))
		b.WriteString(" met. ")
	}
	p := b.String()
	a.Sections = []model.Section{{Paragraphs: []string{p}}}
	for i := 0; i < 60; i++ {
		name := "Person" + strings.Repeat("a", i%7)
		start := strings.Index(p, name+" ")
		a.Entities = append(a.Entities, model.Entity{Name: name, Type: model.EntityType(i % 2),
			Mentions: []model.Mention{{Section: 0, Paragraph: 0, Start: start, End: start + len(name), Text: name}}})
	}
	return a
}
