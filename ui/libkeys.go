package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// handleLibKey handles the keys that library mode adds or changes, and
// reports whether it did.
func (m *Model) handleLibKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.c.keys
	m.lib.note = ""
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit(), true
	case key.Matches(msg, k.Read):
		return m.toggleCmd(false), true
	case key.Matches(msg, k.Star):
		return m.toggleCmd(true), true
	case key.Matches(msg, k.Mentioning) && m.focus == focusEntities:
		return m.mentioning(), true
	case key.Matches(msg, k.Search) && m.focus == focusArticles:
		m.lib.searching = true
		cmd := m.search.Open()
		m.search.SetHint(k.Accept.Help().Key + " ranks · " + k.Cancel.Help().Key + ": all ")
		return cmd, true
	case key.Matches(msg, k.Cancel) && m.focus == focusArticles && m.library.Filtered():
		m.library.Back()
		if b := m.lib.back; b >= 0 && m.visible(b) {
			m.setFocus(b)
		}
		m.lib.back = -1
		return m.library.need(), true
	case key.Matches(msg, k.NextArticle):
		return m.openAdjacent(1), true
	case key.Matches(msg, k.PrevArticle):
		return m.openAdjacent(-1), true
	case m.article() != nil, key.Matches(msg, k.Help, k.Problems):
		return nil, false
	case key.Matches(msg, k.NextFocus):
		m.cycleFocus(1)
	case key.Matches(msg, k.PrevFocus):
		m.cycleFocus(-1)
	default:
		// No article open yet: the list has the keys.
		return m.toFocused(msg), true
	}
	return nil, true
}

// handleLibSearchKey edits a library search: results as the query is
// typed (its last word completed), the ranked search on Enter, the whole
// library again on Esc.
func (m *Model) handleLibSearchKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.keys
	switch {
	case key.Matches(msg, k.Accept):
		m.search.Close()
		m.lib.searching = false
		return m.library.Search(m.search.Value(), false)
	case key.Matches(msg, k.Cancel):
		m.search.Close()
		m.lib.searching = false
		m.library.ClearFilter()
		return m.library.need()
	}
	return m.editSearch(msg)
}

// libHint is what the reader shows before an article is opened: the
// library's counts and the keys to start with, from the key map.
func (m *Model) libHint() []string {
	st := m.c.styles
	k := m.c.keys
	lines := []string{st.Help.Title.Render("byline library"), "", st.Message.Render(m.lib.countsText()), ""}
	binds := []key.Binding{k.Select, k.Search, k.Read, k.Star, k.NextFocus, k.Help}
	kw, dw := 0, 0
	for _, b := range binds {
		kw, dw = max(kw, textWidth(b.Help().Key)), max(dw, textWidth(b.Help().Desc))
	}
	for _, b := range binds {
		lines = append(lines, st.Help.Key.Render(padRight(b.Help().Key, kw))+"  "+st.Help.Desc.Render(padRight(b.Help().Desc, dw)))
	}
	return lines
}
