package ui

import (
	"github.com/byline/byline/ui/render"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
)

// TestUpdateKeys sends one key to a model in a given state and checks the
// state after it and the command it returned.
func TestUpdateKeys(t *testing.T) {
	type state struct {
		section  int
		focus    focus
		columns  bool
		help     bool
		searchOn bool
		walk     string
	}
	tests := []struct {
		name  string
		setup []string
		key   string
		want  state
		// cmd says what the returned command must produce: "quit", "jump",
		// "entity", "none" or "" (anything).
		cmd string
	}{
		{"digit jumps to section", nil, "3", state{section: 2, focus: focusReader}, "none"},
		{"digit beyond last section is ignored", nil, "9", state{section: 0, focus: focusReader}, "none"},
		{"] goes to next section", []string{"2"}, "]", state{section: 2, focus: focusReader}, "none"},
		{"[ goes to previous section", []string{"3"}, "[", state{section: 1, focus: focusReader}, "none"},
		{"[ at lead stays", nil, "[", state{section: 0, focus: focusReader}, "none"},
		// At 120×40 the last two sections fit on the last screen.
		{"G goes to the end, the last section", nil, "G", state{section: 3, focus: focusReader}, "none"},
		{"tab focuses people and places", nil, "tab", state{focus: focusEntities}, "none"},
		{"shift+tab focuses sections", nil, "shift+tab", state{focus: focusSections}, "none"},
		{"enter on sections jumps", []string{"shift+tab", "j", "j"}, "enter", state{section: 0, focus: focusSections}, "jump"},
		{"enter on an entity selects it", []string{"tab"}, "enter", state{focus: focusEntities}, "entity"},
		{"n walks the selected entity", []string{"tab", "enter"}, "n", state{focus: focusEntities, walk: "Lloyd Austin 1/8"}, "none"},
		{"selection shows in the status line", []string{"tab", "enter"}, "j", state{focus: focusEntities, walk: "Lloyd Austin · 8 mentions (n/N)"}, "none"},
		{"N wraps to the last mention", []string{"tab", "enter"}, "N", state{section: 3, focus: focusEntities, walk: "Lloyd Austin 8/8"}, "none"},
		{"/ opens the prompt", nil, "/", state{focus: focusReader, searchOn: true}, "none"},
		{"typing searches", []string{"/", "R", "a", "f", "a"}, "h", state{section: 2, focus: focusReader, searchOn: true, walk: "match 1/1"}, "none"},
		{"enter keeps the matches", []string{"/", "R", "a", "f", "a", "h"}, "enter", state{section: 2, focus: focusReader, walk: "match 1/1"}, "none"},
		{"esc clears the search", []string{"/", "R", "a", "f", "a", "h"}, "esc", state{focus: focusReader}, "none"},
		{"smart case: upper case is exact", []string{"/", "G", "A", "Z"}, "A", state{focus: focusReader, searchOn: true, walk: "no match"}, "none"},
		// The second match is on the first screen already: no scrolling.
		{"n goes to the next match", []string{"/", "g", "a", "z", "a", "enter"}, "n", state{section: 0, focus: focusReader, walk: "match 2/6"}, "none"},
		{"N wraps to the last match", []string{"/", "g", "a", "z", "a", "enter"}, "N", state{section: 3, focus: focusReader, walk: "match 6/6"}, "none"},
		{"q in the prompt is typed", []string{"/"}, "q", state{focus: focusReader, searchOn: true, walk: "no match"}, "none"},
		{"v opens the section panes", nil, "v", state{focus: focusReader, columns: true}, ""},
		{"l moves to the next pane", []string{"v"}, "l", state{section: 1, focus: focusReader, columns: true}, "none"},
		{"v closes the section panes at the focused one", []string{"v", "l", "l"}, "v", state{section: 2, focus: focusReader}, ""},
		{"? opens help", nil, "?", state{focus: focusReader, help: true}, "none"},
		{"esc closes help", []string{"?"}, "esc", state{focus: focusReader}, "none"},
		{"q quits", nil, "q", state{focus: focusReader}, "quit"},
		{"ctrl+c quits from the prompt", []string{"/"}, "ctrl+c", state{focus: focusReader, searchOn: true}, "quit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestModel(t, 120, 40, loaded([]*model.Article{sample(t)}))
			typeKeys(t, m, tt.setup...)
			_, cmd := m.Update(press(tt.key))
			got := state{
				section: m.currentSection(), focus: m.focus, columns: m.view.columnsOn,
				help: m.helpOn, searchOn: m.search.Active(), walk: m.status.info.walk,
			}
			if got != tt.want {
				t.Errorf("state = %+v, want %+v", got, tt.want)
			}
			checkCmd(t, cmd, tt.cmd)
		})
	}
}

func checkCmd(t *testing.T, cmd tea.Cmd, want string) {
	t.Helper()
	if want == "" {
		return
	}
	if cmd == nil {
		if want != "none" {
			t.Errorf("no command, want %s", want)
		}
		return
	}
	msg := cmd()
	var got string
	switch msg.(type) {
	case tea.QuitMsg:
		got = "quit"
	case jumpMsg:
		got = "jump"
	case selectEntityMsg:
		got = "entity"
	default:
		got = "other"
	}
	if want == "none" {
		t.Errorf("command produced %T, want none", msg)
	} else if got != want {
		t.Errorf("command produced %T, want %s", msg, want)
	}
}

func TestUpdateLoadingAndResize(t *testing.T) {
	m := newModel(Options{Load: loaded([]*model.Article{sample(t)}), Style: "dark"})
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if cmd != nil {
		if _, ok := cmd().(renderedMsg); ok {
			t.Error("nothing to render before the articles arrive")
		}
	}
	if got := screen(t, m); !contains(got, "Loading articles") {
		t.Errorf("loading screen:\n%s", got)
	}
	// The articles arrive: the first rendering is a command, not done in Update.
	_, cmd = m.Update(loadedMsg{loaded([]*model.Article{sample(t)})()})
	if m.rv().Doc() != nil {
		t.Fatal("rendered inside Update")
	}
	if got := screen(t, m); !contains(got, "Rendering") {
		t.Errorf("before the rendering arrives the reader says so:\n%s", got)
	}
	drain(t, m, cmd)
	if m.rv().Doc() == nil || !m.rv().Doc().Complete {
		t.Fatal("rendering did not arrive")
	}
	old := m.rv().Doc()
	// A resize keeps the old lines until the new rendering arrives.
	_, cmd = m.Update(tea.WindowSizeMsg{Width: 90, Height: 30})
	if m.rv().Doc() != old {
		t.Error("resize dropped the old rendering before the new one arrived")
	}
	if cmd == nil {
		t.Fatal("resize must re-render in a command")
	}
	stale := cmd
	// A second resize makes the first rendering stale: its result is dropped.
	_, cmd = m.Update(tea.WindowSizeMsg{Width: 110, Height: 30})
	drain(t, m, stale)
	if m.rv().Doc() != old {
		t.Error("a stale rendering was installed")
	}
	drain(t, m, cmd)
	if m.rv().Doc().Width != m.view.reader.renderWidth() {
		t.Errorf("doc width %d, want %d", m.rv().Doc().Width, m.view.reader.renderWidth())
	}
}

func TestUpdateBackground(t *testing.T) {
	m := newTestModel(t, 100, 30, loaded([]*model.Article{sample(t)}))
	if m.rv().Doc().Look.Style != "dark" {
		t.Fatalf("style %q", m.rv().Doc().Look.Style)
	}
	m.c.style = "auto"
	_, cmd := m.Update(tea.BackgroundColorMsg{Color: white{}})
	if m.c.dark {
		t.Error("a white background is light")
	}
	drain(t, m, cmd)
	if m.rv().Doc().Look.Style != "light" {
		t.Errorf("auto style on a light terminal rendered %q, want light", m.rv().Doc().Look.Style)
	}
}

type white struct{}

func (white) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestUpdateMouse(t *testing.T) {
	m := newTestModel(t, 120, 40, loaded([]*model.Article{sample(t)}))
	// A click on the third row of the Sections pane (border is row 0).
	_, cmd := m.Update(tea.MouseClickMsg{X: 5, Y: 3, Button: tea.MouseLeft})
	if m.focus != focusSections {
		t.Errorf("click focused %v", m.focus)
	}
	checkCmd(t, cmd, "jump")
	drain(t, m, cmd)
	if got := m.currentSection(); got != 2 {
		t.Errorf("click on section 3 went to %d", got+1)
	}
	top := m.rv().Top()
	send(t, m, tea.MouseWheelMsg{X: 60, Y: 10, Button: tea.MouseWheelDown})
	if m.rv().Top() <= top && m.rv().Limit() > top {
		t.Errorf("wheel over the reader did not scroll: top %d", m.rv().Top())
	}
}

func TestUpdateArticles(t *testing.T) {
	a := sample(t)
	b := *a
	b.Title = "Second"
	m := newTestModel(t, 120, 40, loaded([]*model.Article{a, &b}))
	typeKeys(t, m, "3", "J")
	if m.files().cur != 1 || m.currentSection() != 0 {
		t.Errorf("J: article %d section %d", m.files().cur, m.currentSection())
	}
	_, cmd := m.Update(press("K"))
	if cmd != nil {
		t.Error("going back to an article rendered before must not render again")
	}
	if m.files().cur != 0 || m.currentSection() != 2 {
		t.Errorf("K: back to article %d section %d, want 0 and the section left at (2)", m.files().cur, m.currentSection())
	}
}

func contains(s, sub string) bool { return len(sub) == 0 || indexOf(s, sub) >= 0 }

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// TestJumpBeforeFullRendering jumps far into a long article while only
// its first screen is rendered: the target section is rendered first, and
// the view stays there when the rest arrives.
func TestJumpBeforeFullRendering(t *testing.T) {
	a := bigArticle(t, 200<<10)
	m, rest := firstScreen(t, a, 120, 40)
	if m.rv().Doc().Complete || rest == nil {
		t.Fatal("the first step rendered everything")
	}
	target := len(a.Sections) - 5
	cmd := m.view.jump(target)
	if cmd == nil {
		t.Fatal("jump to an unrendered section must render it")
	}
	drain(t, m, cmd)
	if m.rv().Doc().Secs[target] == nil || m.rv().Doc().Complete {
		t.Fatal("the patch did not render the target section alone")
	}
	if got := m.currentSection(); got != target {
		t.Errorf("after the patch the view is at section %d, want %d", got, target)
	}
	typeKeys(t, m, "j", "j")
	drain(t, m, rest)
	if !m.rv().Doc().Complete {
		t.Fatal("the rest never arrived")
	}
	if got := m.currentSection(); got != target {
		t.Errorf("after the rest the view is at section %d, want %d", got, target)
	}
	if off := m.rv().Top() - m.rv().SectionStart(target); off != 2 {
		t.Errorf("the view moved inside the section: offset %d, want 2", off)
	}
}

func TestUpdateToggles(t *testing.T) {
	m := newTestModel(t, 120, 40, loaded([]*model.Article{sample(t)}))
	tests := []struct {
		key   string
		check func() bool
		what  string
	}{
		{"e", func() bool { return !m.hl().ShowEntities }, "e turns highlighting off"},
		{"e", func() bool { return m.hl().ShowEntities }, "e turns it back on"},
		{"tab", func() bool { return m.focus == focusEntities }, "tab focuses People & Places"},
		{"enter", func() bool { return m.hl().Selected == 0 && m.view.entities.selected == 0 }, "enter selects the first person"},
		{"enter", func() bool { return m.hl().Selected == -1 }, "enter again clears the selection"},
		{"enter", func() bool { return m.hl().Selected == 0 }, "and selects it again"},
		{"esc", func() bool { return m.hl().Selected == -1 && m.hl().Mode == render.WalkNone }, "esc clears the selection"},
	}
	for _, tt := range tests {
		send(t, m, press(tt.key))
		if !tt.check() {
			t.Errorf("%s: failed", tt.what)
		}
	}
}

// TestUpdatePaste pastes into the search prompt (a bracketed paste): the
// text goes in as if typed, on one line and without control characters,
// and searches as typing does.
func TestUpdatePaste(t *testing.T) {
	tests := []struct {
		name  string
		setup []string
		paste string
		// query is what the prompt holds after the paste; "" with the
		// prompt closed.
		query string
		walk  string
	}{
		{"paste searches", []string{"/"}, "Rafah", "Rafah", "match 1/1"},
		{"paste of a name", []string{"/"}, "Lloyd Austin", "Lloyd Austin", "match 1/2"},
		{"paste after typed text", []string{"/", "R", "a"}, "fah", "Rafah", "match 1/1"},
		{"line breaks become spaces", []string{"/"}, "Lloyd\r\nAustin", "Lloyd Austin", "match 1/2"},
		{"tabs become spaces", []string{"/"}, "Lloyd\tAustin", "Lloyd Austin", "match 1/2"},
		{"a final line break is dropped", []string{"/"}, "gaza\n", "gaza", "match 1/6"},
		{"control characters are dropped", []string{"/"}, "\x1b[31mga\x07za\x1b[0m", "gaza", "match 1/6"},
		{"only control characters change nothing", []string{"/"}, "\x1b[2J\x07", "", ""},
		{"without the prompt a paste does nothing", nil, "gaza", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestModel(t, 120, 40, loaded([]*model.Article{sample(t)}))
			typeKeys(t, m, tt.setup...)
			paste(t, m, tt.paste)
			if got := m.search.Value(); got != tt.query {
				t.Errorf("prompt holds %q, want %q", got, tt.query)
			}
			if got := m.status.info.walk; got != tt.walk {
				t.Errorf("walk %q, want %q", got, tt.walk)
			}
			if !m.search.Active() {
				return
			}
			// The same text typed leaves the same state.
			typed := newTestModel(t, 120, 40, loaded([]*model.Article{sample(t)}))
			typeKeys(t, typed, "/")
			for _, r := range tt.query {
				send(t, typed, press(string(r)))
			}
			if m.status.info.walk != typed.status.info.walk || m.rv().Top() != typed.rv().Top() ||
				len(m.hl().Matches) != len(typed.hl().Matches) {
				t.Errorf("pasted: walk %q top %d %d matches; typed: walk %q top %d %d matches",
					m.status.info.walk, m.rv().Top(), len(m.hl().Matches),
					typed.status.info.walk, typed.rv().Top(), len(typed.hl().Matches))
			}
		})
	}
	t.Run("the query keeps its limit", func(t *testing.T) {
		m := newTestModel(t, 120, 40, loaded([]*model.Article{sample(t)}))
		typeKeys(t, m, "/")
		paste(t, m, strings.Repeat("x", 3*searchMax))
		if got := len(m.search.Value()); got != searchMax {
			t.Errorf("query of %d characters, want %d", got, searchMax)
		}
	})
}

// TestHelpScroll scrolls a help screen taller than the terminal with the
// scroll keys; Esc closes it and it opens again at the top.
func TestHelpScroll(t *testing.T) {
	m := newTestModel(t, 40, 10, loaded([]*model.Article{sample(t)}))
	typeKeys(t, m, "?")
	rows, total := m.help.rows(), len(m.help.lines())
	if total <= rows {
		t.Fatalf("at 40x10 the help screen fits (%d lines in %d rows)", total, rows)
	}
	last, page := total-rows, rows-1 // a page keeps one line in view
	tests := []struct {
		key string
		top int
	}{
		{"k", 0},
		{"j", 1},
		{"down", 2},
		{"up", 1},
		{"space", 1 + page},
		{"b", 1},
		{"d", 1 + page/2},
		{"u", 1},
		{"G", last},
		{"j", last},
		{"g", 0},
		{"end", last},
		{"home", 0},
		{"pgdown", page},
	}
	for _, tt := range tests {
		send(t, m, press(tt.key))
		if m.help.top != tt.top || !m.helpOn {
			t.Fatalf("after %q: top %d (help on: %v), want %d", tt.key, m.help.top, m.helpOn, tt.top)
		}
	}
	send(t, m, tea.MouseWheelMsg{X: 10, Y: 3, Button: tea.MouseWheelUp})
	if want := max(page-3, 0); m.help.top != want {
		t.Errorf("wheel up: top %d, want %d", m.help.top, want)
	}
	typeKeys(t, m, "esc")
	if m.helpOn {
		t.Fatal("esc did not close the help screen")
	}
	typeKeys(t, m, "?")
	if m.help.top != 0 {
		t.Errorf("help reopened at line %d, want the top", m.help.top)
	}
	// Where everything fits, the keys do not scroll.
	m = newTestModel(t, 120, 40, loaded([]*model.Article{sample(t)}))
	typeKeys(t, m, "?", "j", "G")
	if m.help.top != 0 {
		t.Errorf("a help screen that fits scrolled to %d", m.help.top)
	}
}
