package ui

import (
	"github.com/byline/byline/ui/render"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

// lunar is the short sample article whose last sections all fit on the
// last screen: a jump to them goes past the end of the scrolling.
func lunar(t testing.TB) *model.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "articles", "samples", "03_lunar_rover.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := articles.ParseText("03_lunar_rover.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Sections) != 4 {
		t.Fatalf("the sample has %d sections, want 4", len(a.Sections))
	}
	return a
}

// checkSection fails unless section i (0-based) of n is current in the
// reader, the Sections pane and the status line.
func checkSection(t *testing.T, m *Model, after string, i, n int) {
	t.Helper()
	if got := m.currentSection(); got != i {
		t.Errorf("after %s: section %d is current, want %d", after, got+1, i+1)
	}
	if m.view.sections.current != i {
		t.Errorf("after %s: the Sections pane marks %d, want %d", after, m.view.sections.current+1, i+1)
	}
	if m.status.info.section != i+1 || m.status.info.total != n {
		t.Errorf("after %s: status § %d/%d, want § %d/%d", after, m.status.info.section, m.status.info.total, i+1, n)
	}
}

// TestJumpNearTheEnd jumps to a section whose start is beyond the last
// scroll position: the section jumped to is current, and [ and ] move
// from it, one section at a time, even with the end on screen.
func TestJumpNearTheEnd(t *testing.T) {
	tests := []struct {
		w, h int
		keys string
	}{
		{120, 30, "2"},
		{80, 24, "3"},
		{100, 30, "234"},
		{120, 36, "234"},
	}
	for _, tt := range tests {
		for _, k := range tt.keys {
			key := string(k)
			t.Run(strconv.Itoa(tt.w)+"x"+strconv.Itoa(tt.h)+" key "+key, func(t *testing.T) {
				a := lunar(t)
				n := len(a.Sections)
				m := newTestModel(t, tt.w, tt.h, loaded([]*model.Article{a}))
				target := int(k - '1')
				typeKeys(t, m, key)
				checkSection(t, m, key, target, n)
				if m.rv().Top() != m.rv().SectionStart(target) {
					t.Errorf("after %s the reader's top line is %d, want the heading's %d", key, m.rv().Top(), m.rv().SectionStart(target))
				}
				for i := target - 1; i >= 0; i-- {
					typeKeys(t, m, "[")
					checkSection(t, m, "[", i, n)
				}
				for i := 1; i < n; i++ {
					typeKeys(t, m, "]")
					checkSection(t, m, "]", i, n)
				}
				typeKeys(t, m, "]")
				checkSection(t, m, "] on the last section", n-1, n)
				// G still makes the last section current, wherever the view was.
				typeKeys(t, m, key, "G")
				checkSection(t, m, key+" then G", n-1, n)
				// Scrolling away from a jump forgets it.
				typeKeys(t, m, "g")
				checkSection(t, m, "g", 0, n)
			})
		}
	}
}

// TestClickNearTheEnd clicks each entry of the Sections pane: the section
// clicked is current.
func TestClickNearTheEnd(t *testing.T) {
	a := lunar(t)
	n := len(a.Sections)
	m := newTestModel(t, 120, 30, loaded([]*model.Article{a}))
	for _, i := range []int{1, 3, 2, 0, 1} {
		// Row 0 is the border.
		send(t, m, tea.MouseClickMsg{X: 5, Y: i + 1, Button: tea.MouseLeft})
		checkSection(t, m, "a click on entry "+strconv.Itoa(i+1), i, n)
	}
}

// TestJumpKeptAcrossResize re-renders after a jump: the section jumped to
// stays current in the new lines.
func TestJumpKeptAcrossResize(t *testing.T) {
	a := lunar(t)
	m := newTestModel(t, 120, 30, loaded([]*model.Article{a}))
	typeKeys(t, m, "2")
	send(t, m, tea.WindowSizeMsg{Width: 110, Height: 30})
	checkSection(t, m, "2 and a resize", 1, len(a.Sections))
}

// TestWalkFromView walks the search matches after moving the view: after
// a jump n goes to the first match at or below the top of the view and N
// to the last above it, even where the current match is still on screen;
// after scrolling that keeps the current match on screen they step from it.
func TestWalkFromView(t *testing.T) {
	search := []string{"/", "g", "a", "z", "a", "enter"}
	tests := []struct {
		name string
		keys []string
		walk string
	}{
		{"n after a jump to the section of matches 4-6", []string{"n", "n", "n", "n", "n", "4", "n"}, "match 4/6"},
		{"N after a jump to the section of matches 4-6", []string{"n", "n", "n", "n", "n", "4", "N"}, "match 3/6"},
		{"n after a jump and a scroll", []string{"n", "n", "n", "n", "n", "4", "j", "n"}, "match 4/6"},
		{"n after g", []string{"n", "n", "g", "n"}, "match 1/6"},
		{"N after g wraps", []string{"n", "n", "g", "N"}, "match 6/6"},
		{"N after G", []string{"G", "N"}, "match 4/6"},
		{"n steps from the current match on screen", []string{"n"}, "match 2/6"},
		{"N steps from the current match on screen", []string{"n", "N"}, "match 1/6"},
		{"n steps from the current match scrolled but on screen", []string{"n", "j", "n"}, "match 3/6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestModel(t, 80, 24, loaded([]*model.Article{sample(t)}))
			typeKeys(t, m, search...)
			typeKeys(t, m, tt.keys...)
			if got := m.status.info.walk; got != tt.walk {
				t.Errorf("walk %q, want %q", got, tt.walk)
			}
			if mk := m.hl(); !inView(m.rv(), mk.Targets[mk.Cur]) {
				t.Errorf("the current match is not on screen")
			}
		})
	}
}

// inView reports whether p is rendered and wholly in the reader's view.
func inView(v *render.View, p model.Pos) bool { return v.Shows(p) }

// TestHelpListsWalkKeys opens help without a search: n and N are listed,
// saying when they work; with a search they say what they do.
func TestHelpListsWalkKeys(t *testing.T) {
	m := newTestModel(t, 120, 40, loaded([]*model.Article{sample(t)}))
	typeKeys(t, m, "?")
	got := screen(t, m)
	for _, want := range []string{"n/N  next / previous match or mention"} {
		if !strings.Contains(got, want) {
			t.Errorf("help without a search lacks %q:\n%s", want, got)
		}
	}
	typeKeys(t, m, "esc", "/", "g", "a", "z", "a", "enter", "?")
	got = screen(t, m)
	for _, want := range []string{"n/N  next / previous match or mention"} {
		if !strings.Contains(got, want) {
			t.Errorf("help with a search lacks %q:\n%s", want, got)
		}
	}
}

// TestNoMatchKept keeps a search that matches nothing: the status line
// keeps saying so, n and N say it again, and the next other key clears it.
func TestNoMatchKept(t *testing.T) {
	m := newTestModel(t, 120, 40, loaded([]*model.Article{sample(t)}))
	typeKeys(t, m, "/", "z", "z", "z")
	if got := m.status.info.walk; got != "no match" {
		t.Errorf("typing: walk %q, want no match", got)
	}
	want := `no match for "zzz"`
	steps := []struct {
		key, walk string
	}{
		{"enter", want},
		{"n", want},
		{"N", want},
		{"j", ""},
		{"n", "no search: / searches"},
		{"k", ""},
	}
	for _, s := range steps {
		typeKeys(t, m, s.key)
		if got := m.status.info.walk; got != s.walk {
			t.Errorf("after %s: walk %q, want %q", s.key, got, s.walk)
		}
		if !strings.Contains(screen(t, m), s.walk) {
			t.Errorf("after %s the status line does not show %q", s.key, s.walk)
		}
	}
	// Esc in the prompt clears the search without a notice.
	typeKeys(t, m, "/", "z", "esc")
	if got := m.status.info.walk; got != "" {
		t.Errorf("esc: walk %q, want none", got)
	}
}

// TestMentionCount counts one mention in the singular.
func TestMentionCount(t *testing.T) {
	a := sample(t)
	one := -1
	for i, e := range a.Entities {
		if len(e.Mentions) == 1 {
			one = i
		}
	}
	if one < 0 {
		t.Fatal("no entity with one mention in the sample")
	}
	m := newTestModel(t, 120, 40, loaded([]*model.Article{a}))
	send(t, m, selectEntityMsg{one})
	want := a.Entities[one].Name + " · 1 mention (n/N)"
	if got := m.status.info.walk; got != want {
		t.Errorf("walk %q, want %q", got, want)
	}
	typeKeys(t, m, "tab", "enter")
	if got := m.status.info.walk; got != "Lloyd Austin · 8 mentions (n/N)" {
		t.Errorf("walk %q, want Lloyd Austin · 8 mentions (n/N)", got)
	}
}

// TestSearchNearTheEnd searches for a word whose only match is in
// section 3 of the lunar sample, which ends on the last screen: the
// match's section is current (not the last one on screen), and [ steps
// back from it.
func TestSearchNearTheEnd(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 24}} {
		a := lunar(t)
		m := newTestModel(t, size[0], size[1], loaded([]*model.Article{a}))
		typeKeys(t, m, "/", "F", "l", "i", "g", "h", "t", "enter")
		mk := m.hl()
		if len(mk.Targets) != 1 || mk.Targets[0].Section != 2 {
			t.Fatalf("matches %v, want one in section 3", mk.Targets)
		}
		checkSection(t, m, "/Flight", 2, len(a.Sections))
		typeKeys(t, m, "[")
		checkSection(t, m, "[", 1, len(a.Sections))
	}
}

// TestSearchFromTopLine types a search after G: the first match shown is
// the first at or below the top line, not the first of the top line's
// section, as in less.
func TestSearchFromTopLine(t *testing.T) {
	m := newTestModel(t, 80, 24, loaded([]*model.Article{sample(t)}))
	typeKeys(t, m, "G")
	top := m.rv().Top()
	typeKeys(t, m, "/", "g", "a", "z", "a")
	mk := m.hl()
	first, _, ok := m.rv().LinesOf(mk.Targets[mk.Cur])
	if !ok || first < top {
		t.Errorf("match %d/%d starts on line %d, above the top line %d", mk.Cur+1, len(mk.Targets), first, top)
	}
	if mk.Cur > 0 {
		if prev, _, _ := m.rv().LinesOf(mk.Targets[mk.Cur-1]); prev >= top {
			t.Errorf("match %d starts on line %d, at or below the top line %d, and was skipped", mk.Cur, prev, top)
		}
	}
}

// TestWalkFromFocusedPane: in the section-panes view, n goes to the first
// match of the pane being read, not the one after the last match shown.
func TestWalkFromFocusedPane(t *testing.T) {
	m := newTestModel(t, 160, 40, loaded([]*model.Article{sample(t)}))
	typeKeys(t, m, "v", "/", "g", "a", "z", "a", "enter")
	if got := m.status.info.walk; got != "match 1/6" {
		t.Fatalf("after the search: %q", got)
	}
	typeKeys(t, m, "l", "l", "l")
	if f := m.view.columns.Focused(); f != 3 {
		t.Fatalf("pane %d focused, want 4", f+1)
	}
	typeKeys(t, m, "n")
	if got := m.status.info.walk; got != "match 4/6" {
		t.Errorf("n from pane 4: %q, want match 4/6 (the first in that section)", got)
	}
	typeKeys(t, m, "n")
	if got := m.status.info.walk; got != "match 5/6" {
		t.Errorf("n again: %q, want match 5/6", got)
	}
}

// TestSwitchArticlesKeepsPlace: J then K returns to the line left, and a
// search carried to the other article shows its count, with n going from
// the view.
func TestSwitchArticlesKeepsPlace(t *testing.T) {
	m := newTestModel(t, 80, 24, loaded([]*model.Article{sample(t), lunar(t)}))
	typeKeys(t, m, "d", "d", "d")
	top := m.rv().Top()
	if top == 0 {
		t.Fatal("d did not scroll")
	}
	typeKeys(t, m, "J", "K")
	if m.rv().Top() != top {
		t.Errorf("after J K the top line is %d, want %d", m.rv().Top(), top)
	}
	typeKeys(t, m, "/", "t", "h", "e", "enter", "J")
	if got := m.status.info.walk; !strings.HasSuffix(got, "matches") {
		t.Errorf("after J with a search: %q, want a count of matches, none current", got)
	}
	typeKeys(t, m, "n")
	mk := m.hl()
	if mk.Cur < 0 || !inView(m.rv(), mk.Targets[mk.Cur]) {
		t.Errorf("n after J shows no match on screen (walk %q)", m.status.info.walk)
	}
}

// TestSwitchArticlesInPanes: J then K in the section-panes view come back
// to the pane that was being read.
func TestSwitchArticlesInPanes(t *testing.T) {
	m := newTestModel(t, 160, 40, loaded([]*model.Article{sample(t), lunar(t)}))
	typeKeys(t, m, "v", "l", "l")
	if f := m.view.columns.Focused(); f != 2 {
		t.Fatalf("pane %d focused, want 3", f+1)
	}
	typeKeys(t, m, "J", "K")
	if f := m.view.columns.Focused(); f != 2 {
		t.Errorf("after J K pane %d is focused, want 3", f+1)
	}
}
