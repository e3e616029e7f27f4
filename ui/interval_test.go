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
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 10000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		done := make(chan tea.Msg, 1)
		go func() { done <- c() }()
		var msg tea.Msg
		select {
		case msg = <-done:
		case <-time.After(2 * time.Second):
			ticks++
			continue
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
	return ticks
}
