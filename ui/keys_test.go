package ui

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
)

// TestDefaultKeysDoNotClash checks that no key of the defaults does two
// things in one place, and that every action has a name and a key.
func TestDefaultKeysDoNotClash(t *testing.T) {
	k := DefaultKeyMap()
	if err := k.Rebind(nil); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, a := range k.Actions() {
		if a.Name == "" || len(a.Keys) == 0 || a.Help == "" || seen[a.Name] {
			t.Errorf("action %+v", a)
		}
		seen[a.Name] = true
	}
}

// TestRebind rebinds keys and checks the errors for bad bindings.
func TestRebind(t *testing.T) {
	for _, tt := range []struct {
		binds       map[string][]string
		action, err string
	}{
		{map[string][]string{"quit": {"x", "ctrl+q"}}, "", ""},
		{map[string][]string{"quitt": {"x"}}, "quitt", "not an action"},
		{map[string][]string{"quit": {"ctrl+qq"}}, "quit", `"ctrl+qq" is not a key name`},
		{map[string][]string{"quit": {""}}, "quit", "not a key name"},
		{map[string][]string{"quit": {}}, "quit", "no key given"},
		{map[string][]string{"quit": {"j"}}, "quit", `"j" is already the key of down`},
		{map[string][]string{"quit": {"x"}, "help": {"x"}}, "quit", `"x" is already the key of help`},
		// The prompt and the panes are two places: left moves the cursor
		// in one and the pane in the other.
		{map[string][]string{"edit_left": {"h", "left"}}, "", ""},
		{map[string][]string{"edit_left": {"enter"}}, "edit_left", `"enter" is already the key of keep_search`},
		{map[string][]string{"next_section": {"shift+tab", "f5"}, "previous_pane": {"ctrl+p"}}, "", ""},
	} {
		k := DefaultKeyMap()
		before := k.Quit.Keys()
		err := k.Rebind(tt.binds)
		var ke *KeyError
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%v: %v", tt.binds, err)
		case tt.err != "" && (!errors.As(err, &ke) || ke.Action != tt.action || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%v: error %v, want %s: %s", tt.binds, err, tt.action, tt.err)
		case tt.err != "" && strings.Join(k.Quit.Keys(), ",") != strings.Join(before, ","):
			t.Errorf("%v: a failed rebinding changed the keys", tt.binds)
		}
	}
}

// TestReboundKeysShownAndWorking rebinds quit and the next section: the
// help screen and the status line show the new keys, and they work.
func TestReboundKeysShownAndWorking(t *testing.T) {
	m := newModel(Options{Load: loaded([]*model.Article{sample(t)}), Style: "dark",
		Keys: map[string][]string{"quit": {"x"}, "next_section": {"ctrl+n"}, "help": {"f1"}, "next_match": {"ctrl+j"}}})
	drain(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if got := statusOf(t, m); !strings.Contains(got, "f1 help") {
		t.Errorf("status line does not show the help key: %q", got)
	}
	typeKeys(t, m, "f1")
	got := screen(t, m)
	for _, want := range []string{`x +quit`, `ctrl\+n +next section`, `ctrl\+j/N +next`, `f1 or esc closes`} {
		if !regexp.MustCompile(want).MatchString(got) {
			t.Errorf("help lacks %q:\n%s", want, got)
		}
	}
	typeKeys(t, m, "esc", "ctrl+n")
	if m.currentSection() != 1 {
		t.Errorf("ctrl+n went to section %d", m.currentSection()+1)
	}
	_, cmd := m.Update(press("x"))
	if cmd == nil {
		t.Fatal("x does not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("x does not quit")
	}
}

// TestMouseToggle switches the mouse off and on: off, the terminal's own
// selection works and the status line says so.
func TestMouseToggle(t *testing.T) {
	m := newTestModel(t, 120, 40, loaded([]*model.Article{sample(t)}))
	if m.View().MouseMode != tea.MouseModeCellMotion {
		t.Fatal("the mouse is not on by default")
	}
	typeKeys(t, m, "M")
	if m.View().MouseMode != tea.MouseModeNone || !strings.Contains(statusOf(t, m), "mouse off") {
		t.Errorf("M did not switch the mouse off: %q", statusOf(t, m))
	}
	typeKeys(t, m, "M")
	if m.View().MouseMode != tea.MouseModeCellMotion {
		t.Error("M did not switch the mouse back on")
	}
	m = newModel(Options{Load: loaded([]*model.Article{sample(t)}), NoMouse: true})
	if m.View().MouseMode != tea.MouseModeNone {
		t.Error("Options.NoMouse leaves the mouse on")
	}
}

// TestLessKeys pages with less's and vim's keys: Ctrl-D and Ctrl-U half a
// page, Ctrl-F and Ctrl-B a page; in the prompt Ctrl-D still deletes.
func TestLessKeys(t *testing.T) {
	m := newTestModel(t, 80, 24, loaded([]*model.Article{sample(t)}))
	h := m.rv().Height()
	for _, tt := range []struct {
		key string
		top int
	}{{"ctrl+d", h / 2}, {"ctrl+u", 0}, {"ctrl+f", h - 1}, {"ctrl+b", 0}} {
		typeKeys(t, m, tt.key)
		if got := m.rv().Top(); got != tt.top {
			t.Errorf("%s: top %d, want %d", tt.key, got, tt.top)
		}
	}
	typeKeys(t, m, "/", "a", "b", "home", "ctrl+d")
	if got := m.search.Value(); got != "b" {
		t.Errorf("ctrl+d in the prompt: %q, want b", got)
	}
}
