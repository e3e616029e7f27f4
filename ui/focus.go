package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// focus names the pane that receives keys.
type focus int

const (
	focusArticles focus = iota
	focusSections
	focusReader
	focusEntities
	focusCount
)

// visible reports whether the pane f is on screen.
func (m *Model) visible(f focus) bool {
	switch f {
	case focusArticles:
		return m.lay.articles.w > 0
	case focusSections:
		return m.lay.sections.w > 0
	case focusEntities:
		return m.lay.entities.w > 0
	case focusReader:
		return m.lib == nil || m.lay.reader.h > 0
	}
	return true
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

// setFocus blurs the focused pane and focuses f.
func (m *Model) setFocus(f focus) {
	m.articles.Blur()
	if m.library != nil {
		m.library.Blur()
	}
	m.sections.Blur()
	m.reader.Blur()
	m.entities.Blur()
	m.focus = f
	switch f {
	case focusArticles:
		if m.library != nil {
			m.library.Focus()
		} else {
			m.articles.Focus()
		}
	case focusSections:
		m.sections.Focus()
	case focusEntities:
		m.entities.Focus()
	default:
		m.reader.Focus()
	}
}

// handleMouse sends a click or a wheel turn to the pane under the pointer,
// in that pane's coordinates; a click also focuses the pane. The help
// screen, when open, gets the wheel.
func (m *Model) handleMouse(msg tea.Msg, mouse tea.Mouse) tea.Cmd {
	if !m.loaded || m.lay.tooSmall {
		return nil
	}
	if m.helpOn {
		var cmd tea.Cmd
		m.help, cmd = m.help.Update(msg)
		return cmd
	}
	if m.article() == nil && m.lib == nil {
		return nil
	}
	_, click := msg.(tea.MouseClickMsg)
	local := func(r rect) tea.Msg {
		mo := mouse
		mo.X, mo.Y = mouse.X-r.x, mouse.Y-r.y
		if click {
			return tea.MouseClickMsg(mo)
		}
		return tea.MouseWheelMsg(mo)
	}
	var cmd tea.Cmd
	l := m.lay
	switch {
	case m.columnsOn && l.body.contains(mouse.X, mouse.Y):
		m.columns, cmd = m.columns.Update(local(l.body))
	case l.articles.contains(mouse.X, mouse.Y) && m.library != nil:
		m.focusOnClick(click, focusArticles)
		m.library, cmd = m.library.Update(local(l.articles))
	case l.articles.contains(mouse.X, mouse.Y):
		m.focusOnClick(click, focusArticles)
		m.articles, cmd = m.articles.Update(local(l.articles))
	case l.sections.contains(mouse.X, mouse.Y):
		m.focusOnClick(click, focusSections)
		m.sections, cmd = m.sections.Update(local(l.sections))
	case l.entities.contains(mouse.X, mouse.Y):
		m.focusOnClick(click, focusEntities)
		m.entities, cmd = m.entities.Update(local(l.entities))
	case l.reader.contains(mouse.X, mouse.Y):
		m.focusOnClick(click, focusReader)
		m.reader, cmd = m.reader.Update(local(l.reader))
	}
	return cmd
}

func (m *Model) focusOnClick(click bool, f focus) {
	if click && m.focus != f {
		m.setFocus(f)
	}
}

// focusedHelp names the pane that has the keys and returns its bindings.
func (m *Model) focusedHelp() (string, help.KeyMap) {
	if m.columnsOn {
		return "Section panes", m.columns
	}
	switch m.focus {
	case focusArticles:
		if m.library != nil {
			return "Articles", m.library
		}
		return "Articles", m.articles
	case focusSections:
		return "Sections", m.sections
	case focusEntities:
		return "People & Places", m.entities
	}
	return "Reader", m.reader
}

// Every pane lists its keys for the help screen.
var (
	_ help.KeyMap = (*articlesPane)(nil)
	_ help.KeyMap = (*libraryPane)(nil)
	_ help.KeyMap = (*sectionsPane)(nil)
	_ help.KeyMap = (*readerPane)(nil)
	_ help.KeyMap = (*entitiesPane)(nil)
	_ help.KeyMap = (*columnsView)(nil)
	_ help.KeyMap = (*statusLine)(nil)
	_ help.KeyMap = (*searchInput)(nil)
	_ help.KeyMap = (*helpScreen)(nil)
	_ help.KeyMap = (*KeyMap)(nil)
)
