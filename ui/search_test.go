package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// recorder is a search target that keeps what the prompt told it.
type recorder struct{ changed []string }

func (r *recorder) Changed(q string) tea.Cmd { r.changed = append(r.changed, q); return nil }
func (r *recorder) Accept(string) tea.Cmd    { return nil }
func (r *recorder) Cancel() tea.Cmd          { return nil }
func (r *recorder) Result() string           { return "" }

// TestSearchPromptEditing checks editing in the middle of the query.
func TestSearchPromptEditing(t *testing.T) {
	for _, tt := range []struct {
		keys []string
		want string
		cur  int
	}{
		{[]string{"g", "a", "z", "a"}, "gaza", 4},
		{[]string{"g", "z", "a", "left", "left", "a"}, "gaza", 2},
		{[]string{"a", "b", "c", "home", "x", "end", "y"}, "xabcy", 5},
		{[]string{"a", "b", "c", "ctrl+a", "delete"}, "bc", 0},
		{[]string{"a", "b", "c", "left", "backspace"}, "ac", 1},
		{[]string{"l", "l", "o", "y", "d", "space", "a", "u", "s", "left", "left", "left", "ctrl+w"}, "aus", 0},
		{[]string{"a", "b", "c", "left", "ctrl+k"}, "ab", 2},
		{[]string{"a", "b", "c", "left", "ctrl+u"}, "c", 0},
		{[]string{"left", "right", "right", "backspace", "a"}, "a", 1},
	} {
		s := newSearch(&common{keys: DefaultKeyMap()})
		rec := &recorder{}
		s.Open(rec, "")
		for _, k := range tt.keys {
			s.Update(press(k))
		}
		if s.Value() != tt.want || s.cursor != tt.cur {
			t.Errorf("%v: %q cursor %d, want %q cursor %d", tt.keys, s.Value(), s.cursor, tt.want, tt.cur)
		}
		if n := len(rec.changed); n == 0 || rec.changed[n-1] != tt.want {
			t.Errorf("%v: the target was told %q, want the last %q", tt.keys, rec.changed, tt.want)
		}
	}
}
