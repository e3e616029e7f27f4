package ui

import "testing"

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
		s := newSearch(&common{})
		s.Open()
		for _, k := range tt.keys {
			s.Update(press(k))
		}
		if s.Value() != tt.want || s.cursor != tt.cur {
			t.Errorf("%v: %q cursor %d, want %q cursor %d", tt.keys, s.Value(), s.cursor, tt.want, tt.cur)
		}
	}
}
