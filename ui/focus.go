package ui

import tea "charm.land/bubbletea/v2"

// The root's loops over the focus slots: layout, focus, mouse.

// pane is the pane in slot f: the source's list, or one of the article
// view's.
func (m *Model) pane(f focus) pane {
	switch f {
	case focusList:
		return m.src.List()
	case focusFeeds:
		return m.src.Feeds()
	}
	return m.view.Pane(f)
}

// relayout recomputes the layout and gives every pane its size; the focus
// moves to the reader (or the list) when its pane is gone (not while the
// terminal is too small for any).
func (m *Model) relayout() {
	m.lay = m.src.Layout(m.width, m.height, m.problems.Lines())
	m.view.Arrange(&m.lay)
	for f := range focusCount {
		r := m.lay.panes[f]
		m.pane(f).SetSize(r.w, r.h)
	}
	m.view.Resize(m.lay)
	m.status.SetSize(m.width)
	m.search.SetSize(m.width)
	m.help.SetSize(m.width, max(m.height-1, 1))
	if !m.lay.tooSmall && !m.visible(m.focus) {
		f := focusReader
		if !m.visible(f) {
			f = focusList
		}
		m.setFocus(f)
	}
}

// visible reports whether the pane in slot f is on screen.
func (m *Model) visible(f focus) bool {
	r := m.lay.panes[f]
	return r.w > 0 && r.h > 0
}

// cycleFocus moves the focus to the next visible pane in direction d.
func (m *Model) cycleFocus(d int) {
	f := m.focus
	for range focusCount {
		f = (f + focus(d) + focusCount) % focusCount
		if m.visible(f) {
			break
		}
	}
	m.setFocus(f)
}

// setFocus blurs every pane and focuses the one in slot f.
func (m *Model) setFocus(f focus) {
	for g := range focusCount {
		m.pane(g).Blur()
	}
	m.focus = f
	m.pane(f).Focus()
}

// handleMouse sends a click or a wheel turn to the pane under the pointer,
// in that pane's coordinates; a click also focuses the pane. The help
// screen, when open, gets the wheel.
func (m *Model) handleMouse(msg tea.Msg, mouse tea.Mouse) tea.Cmd {
	if m.src.Waiting() != "" || m.lay.tooSmall {
		return nil
	}
	if m.helpOn {
		return m.help.Update(msg)
	}
	_, click := msg.(tea.MouseClickMsg)
	for f := range focusCount {
		r := m.lay.panes[f]
		if !r.contains(mouse.X, mouse.Y) {
			continue
		}
		if click && m.focus != f {
			m.setFocus(f)
		}
		local := mouse
		local.X, local.Y = mouse.X-r.x, mouse.Y-r.y
		if click {
			return m.pane(f).Update(tea.MouseClickMsg(local))
		}
		return m.pane(f).Update(tea.MouseWheelMsg(local))
	}
	return nil
}
