package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestIntervalRefresh: with a refresh interval the library schedules a
// tick; each tick refreshes every feed in the background (new items show,
// the cursor stays) and schedules the next one.
func TestIntervalRefresh(t *testing.T) {
	h := newFeedHost(t, 3)
	lib, _ := newFeedLibrary(t, h)
	m := newModel(Options{Library: lib, Style: "dark", Version: "test", Fetch: testClient(), RefreshInterval: time.Hour})
	if ticks := drainSkippingTicks(t, m, m.Init()); ticks != 1 {
		t.Fatalf("%d commands waited (ticks) at start, want the one interval tick", ticks)
	}
	drainSkippingTicks(t, m, func() tea.Cmd { _, c := m.Update(tea.WindowSizeMsg{Width: 120, Height: 30}); return c }())
	id := find(t, m, "Alpha News 0")
	before := len(listed(m))
	h.more("/a", 2)
	_, cmd := m.Update(libIntervalMsg{})
	if ticks := drainSkippingTicks(t, m, cmd); ticks != 1 {
		t.Errorf("%d ticks after an interval refresh, want the next one", ticks)
	}
	if got := len(listed(m)); got != before+2 {
		t.Errorf("%d articles listed after the interval refresh, want %d", got, before+2)
	}
	if e, ok := m.lib().list.CursorEntry(); !ok || e.ID != id {
		t.Errorf("the cursor moved to %+v", e)
	}
}

// drainSkippingTicks runs cmd and what it leads to as drain does, but a
// command that has not returned within two seconds is a tick waiting for its
// time: it is counted and dropped.
func drainSkippingTicks(t *testing.T, m *Model, cmd tea.Cmd) (ticks int) {
	t.Helper()
	drainWith(t, m, cmd, func(c tea.Cmd) (tea.Msg, bool) {
		done := make(chan tea.Msg, 1)
		go func() { done <- c() }()
		select {
		case msg := <-done:
			return msg, true
		case <-time.After(2 * time.Second):
			ticks++
			return nil, false
		}
	})
	return ticks
}
