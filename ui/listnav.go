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
	switch {
	case key.Matches(msg, k.Down):
		l.cursor = min(l.cursor+1, n-1)
	case key.Matches(msg, k.Up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(msg, k.PageDown, k.HalfDown):
		l.cursor = min(l.cursor+rows, n-1)
	case key.Matches(msg, k.PageUp, k.HalfUp):
		l.cursor = max(l.cursor-rows, 0)
	case key.Matches(msg, k.Top):
		l.cursor = 0
	case key.Matches(msg, k.Bottom):
		l.cursor = n - 1
	default:
		return false
	}
	l.scroll(n, rows)
	return true
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
