package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
)

// statusLine is the last line of the screen.
func statusOf(t *testing.T, m *Model) string {
	t.Helper()
	lines := strings.Split(screen(t, m), "\n")
	return lines[len(lines)-1]
}

// TestListCursorFollowsJK opens the next article with J while the
// Articles pane has the focus: its cursor follows, so Enter opens the
// article being read, not the one before.
func TestListCursorFollowsJK(t *testing.T) {
	a := sample(t)
	m := newTestModel(t, 120, 40, loaded([]*model.Article{a, lunar(t)}))
	typeKeys(t, m, "shift+tab", "shift+tab") // reader -> sections -> articles
	if m.focus != focusList {
		t.Fatalf("focus %v, want the Articles pane", m.focus)
	}
	typeKeys(t, m, "J", "enter")
	if got := statusOf(t, m); strings.Contains(got, a.Title) {
		t.Errorf("Enter after J opened the first article again: %q", got)
	}
	typeKeys(t, m, "K", "enter")
	if got := statusOf(t, m); !strings.Contains(got, a.Title) {
		t.Errorf("Enter after K opened another article: %q", got)
	}
}

// short is an article that fits on one screen.
func short() *model.Article {
	return &model.Article{Title: "Short", Sections: []model.Section{
		{Paragraphs: []string{"The talks began on Monday."}},
		{Heading: "Second Part", Paragraphs: []string{"They went on."}},
		{Heading: "Third Part", Paragraphs: []string{"They ended in Rafah."}},
	}}
}

// TestFittingArticleNamesTheSectionOnScreen searches an article that fits
// the pane: the status line, the Sections pane and the reader's header
// name the section at the top, as after g, not the matched one.
func TestFittingArticleNamesTheSectionOnScreen(t *testing.T) {
	m := newTestModel(t, 120, 40, loaded([]*model.Article{short()}))
	check := func(after string) {
		t.Helper()
		got := screen(t, m)
		if !strings.Contains(got, "§ 1/3") || !strings.Contains(got, "Sections 1/3") || !strings.Contains(got, "Reader · Short") {
			t.Errorf("after %s the screen does not name the first section:\n%s", after, got)
		}
	}
	typeKeys(t, m, "/", "R", "a", "f", "a", "h", "enter")
	check("a search")
	typeKeys(t, m, "g")
	check("a search and g")
	typeKeys(t, m, "3", "g")
	check("3 then g")
}

// TestHelpCloses closes the help screen with q, as less does; Ctrl-C
// quits from it.
func TestHelpCloses(t *testing.T) {
	m := newTestModel(t, 120, 40, loaded([]*model.Article{sample(t)}))
	typeKeys(t, m, "?")
	_, cmd := m.Update(press("q"))
	if m.helpOn {
		t.Error("q did not close the help screen")
	}
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Error("q on the help screen quit")
		}
	}
	typeKeys(t, m, "?")
	_, cmd = m.Update(press("ctrl+c"))
	if cmd == nil {
		t.Fatal("ctrl+c on the help screen did nothing")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Error("ctrl+c on the help screen did not quit")
	}
}

// TestSearchEscKeepsSelection starts a search with a person selected:
// Esc brings the selection and its walk back.
func TestSearchEscKeepsSelection(t *testing.T) {
	m := newTestModel(t, 120, 40, loaded([]*model.Article{sample(t)}))
	typeKeys(t, m, "tab", "enter")
	want := "Lloyd Austin · 8 mentions (n/N)"
	if got := statusOf(t, m); !strings.Contains(got, want) {
		t.Fatalf("selecting: %q", got)
	}
	typeKeys(t, m, "/", "g", "a", "esc")
	if got := statusOf(t, m); !strings.Contains(got, want) {
		t.Errorf("after / and Esc the selection is gone: %q", got)
	}
	typeKeys(t, m, "n")
	if got := statusOf(t, m); !strings.Contains(got, "Lloyd Austin 1/8") {
		t.Errorf("n after Esc does not walk the selection: %q", got)
	}
}

// TestPeopleReachableWhenNarrow opens People & Places with P where the
// layout has no room for them: it takes the Sections' place (or the
// reader's below 64 columns), and Enter and n work there.
func TestPeopleReachableWhenNarrow(t *testing.T) {
	for _, w := range []int{79, 70, 60} {
		m := newTestModel(t, w, 24, loaded([]*model.Article{sample(t)}))
		if strings.Contains(screen(t, m), "People & Places") {
			t.Fatalf("%d columns: People & Places shown already", w)
		}
		typeKeys(t, m, "P")
		if got := screen(t, m); !strings.Contains(got, "People & Places") || !strings.Contains(got, "Lloyd Austin") {
			t.Fatalf("%d columns: P does not show People & Places:\n%s", w, got)
		}
		typeKeys(t, m, "enter", "n")
		if got := statusOf(t, m); !strings.Contains(got, "Lloyd Austin 1/8") {
			t.Errorf("%d columns: Enter and n in People & Places: %q", w, got)
		}
		typeKeys(t, m, "P")
		if strings.Contains(screen(t, m), "People & Places") {
			t.Errorf("%d columns: P again does not hide People & Places", w)
		}
	}
}

// TestReaderMeasure reads at 200 columns: the text keeps a readable
// measure, centred in the pane, instead of lines as wide as the pane.
func TestReaderMeasure(t *testing.T) {
	m := newTestModel(t, 200, 50, loaded([]*model.Article{sample(t)}))
	r := m.lay.panes[focusReader]
	longest, left := 0, r.w
	for _, line := range strings.Split(screen(t, m), "\n")[1 : r.h-1] {
		cells := []rune(line)
		if len(cells) < r.x+r.w {
			continue
		}
		text := string(cells[r.x+1 : r.x+r.w-1])
		trimmed := strings.TrimLeft(text, " ")
		if trimmed = strings.TrimRight(trimmed, " ┃│"); trimmed == "" {
			continue
		}
		longest = max(longest, len([]rune(trimmed)))
		left = min(left, len([]rune(text))-len([]rune(strings.TrimLeft(text, " "))))
	}
	if longest > DefaultMaxWidth || longest < DefaultMaxWidth*3/4 {
		t.Errorf("longest line %d cells, want at most %d and close to it", longest, DefaultMaxWidth)
	}
	if left < (r.w-2-DefaultMaxWidth)/2 {
		t.Errorf("text starts %d cells in, want it centred in a %d-cell pane", left, r.w)
	}
}
