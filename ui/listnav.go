package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// listNav is the cursor and scroll offset of a list pane that shows a
// window of rows items out of n; the Articles, Sections and Feeds panes
// share it.
type listNav struct {
	cursor int
	offset int
}

// scroll keeps the cursor inside the window and the window inside the list.
func (l *listNav) scroll(n, rows int) {
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+rows {
		l.offset = l.cursor - rows + 1
	}
	l.offset = max(0, min(l.offset, n-rows))
}

// moveKey moves the cursor for a movement key of k (a page being rows
// items) and reports whether msg was one.
func (l *listNav) moveKey(msg tea.KeyPressMsg, k *KeyMap, n, rows int) bool {
	to, ok := cursorMove(msg, k, l.cursor, n, rows)
	if !ok {
		return false
	}
	l.cursor = to
	l.scroll(n, rows)
	return true
}

// cursorMove is where a movement key of k takes a cursor at cur in a list of
// n items shown page at a time, and whether msg is one: every list pane
// moves by the same keys the same distances (a line, a page, half a page,
// the ends), so the help's words hold everywhere.
func cursorMove(msg tea.KeyPressMsg, k *KeyMap, cur, n, page int) (int, bool) {
	page = max(page, 1)
	to := cur
	switch {
	case key.Matches(msg, k.Down):
		to++
	case key.Matches(msg, k.Up):
		to--
	case key.Matches(msg, k.PageDown):
		to += page
	case key.Matches(msg, k.PageUp):
		to -= page
	case key.Matches(msg, k.HalfDown):
		to += max(page/2, 1)
	case key.Matches(msg, k.HalfUp):
		to -= max(page/2, 1)
	case key.Matches(msg, k.Top):
		to = 0
	case key.Matches(msg, k.Bottom):
		to = n - 1
	default:
		return cur, false
	}
	return max(0, min(to, n-1)), true
}

// wheel scrolls the window three items without moving the cursor.
func (l *listNav) wheel(b tea.MouseButton, n, rows int) {
	switch b {
	case tea.MouseWheelDown:
		l.offset = max(0, min(l.offset+3, n-rows))
	case tea.MouseWheelUp:
		l.offset = max(l.offset-3, 0)
	}
}
