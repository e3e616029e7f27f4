package ui

import "testing"

// Every list pane moves by the same keys the same distances: a line, a page,
// half a page (as the help says), the ends, never past either end.
func TestCursorMove(t *testing.T) {
	k := DefaultKeyMap()
	for _, c := range []struct {
		key          string
		cur, n, page int
		want         int
	}{
		{"j", 3, 50, 10, 4},
		{"k", 3, 50, 10, 2},
		{"k", 0, 50, 10, 0},
		{"pgdown", 3, 50, 10, 13},
		{"pgdown", 45, 50, 10, 49},
		{"d", 3, 50, 10, 8},
		{"u", 8, 50, 10, 3},
		{"u", 2, 50, 10, 0},
		{"d", 3, 50, 1, 4}, // half of a one-row page is still a row
		{"g", 30, 50, 10, 0},
		{"G", 3, 50, 10, 49},
		{"end", 3, 50, 10, 49},
	} {
		got, ok := cursorMove(press(c.key), k, c.cur, c.n, c.page)
		if !ok || got != c.want {
			t.Errorf("%s from %d of %d (page %d) = %d, %v; want %d", c.key, c.cur, c.n, c.page, got, ok, c.want)
		}
	}
	if _, ok := cursorMove(press("x"), k, 3, 50, 10); ok {
		t.Error("x is not a movement key")
	}
}

// The Articles and Sections panes' listNav: half a page on d, and the window
// follows the cursor.
func TestListNavHalfPage(t *testing.T) {
	k := DefaultKeyMap()
	var l listNav
	if !l.moveKey(press("d"), k, 100, 20) || l.cursor != 10 || l.offset != 0 {
		t.Fatalf("d: cursor %d offset %d, want 10 0", l.cursor, l.offset)
	}
	l.moveKey(press("pgdown"), k, 100, 20)
	if l.cursor != 30 || l.offset != 11 {
		t.Fatalf("pgdown: cursor %d offset %d, want 30 11", l.cursor, l.offset)
	}
}
