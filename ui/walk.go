package ui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

// handleSearchKey edits the query, highlighting as it changes; Enter keeps
// the matches, Esc clears them and goes back to where the search started.
func (m *Model) handleSearchKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.lib != nil && m.lib.searching {
		return m.handleLibSearchKey(msg)
	}
	k := m.c.keys
	switch {
	case key.Matches(msg, k.Accept):
		m.search.Close()
		if len(m.c.marks.matches) == 0 {
			m.setQuery("", false)
		}
		return nil
	case key.Matches(msg, k.Cancel):
		m.search.Close()
		m.setQuery("", false)
		m.reader.top = m.origin
		m.reader.clamp()
		return nil
	}
	return m.editSearch(msg)
}

// handlePaste puts pasted text into the open search prompt as if it were
// typed; with no prompt open a paste does nothing.
func (m *Model) handlePaste(msg tea.PasteMsg) tea.Cmd {
	if !m.search.Active() {
		return nil
	}
	return m.editSearch(msg)
}

// editSearch passes a key or a paste to the prompt and, when the query
// changed, searches again as it is typed: the library's list or the
// article's highlights.
func (m *Model) editSearch(msg tea.Msg) tea.Cmd {
	before := m.search.Value()
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(msg)
	v := m.search.Value()
	switch {
	case v == before:
		return cmd
	case m.lib != nil && m.lib.searching:
		return tea.Batch(cmd, m.library.Search(v, true))
	}
	return tea.Batch(cmd, m.setQuery(v, true))
}

// setQuery searches the article for q (smart case) and, when reveal is
// set, shows the first match from where the search started.
func (m *Model) setQuery(q string, reveal bool) tea.Cmd {
	mk := m.c.marks
	mk.query = q
	mk.matches = nil
	if a := m.article(); a != nil && q != "" {
		mk.matches = a.Find(q)
	}
	if q == "" {
		if mk.mode == walkSearch {
			mk.mode, mk.targets, mk.cur = walkNone, nil, -1
		}
		return nil
	}
	mk.selected = -1
	m.entities.SetSelected(-1)
	mk.mode, mk.targets, mk.cur = walkSearch, mk.matches, -1
	if len(mk.matches) == 0 {
		if reveal {
			m.reader.top = m.origin
			m.reader.clamp()
		}
		return nil
	}
	if m.columnsOn {
		mk.cur = m.nextFrom(model.Pos{Section: m.columns.Focused(), Paragraph: -2}, 1)
	} else {
		// The first match at or below the line that was at the top when
		// the prompt opened, as less does: not the start of its section.
		mk.cur = m.reader.Following(mk.targets, 1, m.origin)
	}
	if reveal {
		return m.reveal(mk.targets[mk.cur])
	}
	mk.cur = -1 // none shown yet ("6 matches"): n and N go from the view
	return nil
}

// nextFrom is the index of the first target at or after p (d > 0), or the
// last before p (d < 0), wrapping around.
func (m *Model) nextFrom(p model.Pos, d int) int {
	t := m.c.marks.targets
	i, _ := slices.BinarySearchFunc(t, p, func(a, b model.Pos) int {
		switch {
		case a.Less(b):
			return -1
		case b.Less(a):
			return 1
		}
		return 0
	})
	if d < 0 {
		i--
	}
	return (i%len(t) + len(t)) % len(t)
}

// walk goes to the next (d = 1) or previous (d = -1) match or mention,
// wrapping, and scrolls it into view.
func (m *Model) walk(d int) tea.Cmd {
	mk := m.c.marks
	if len(mk.targets) == 0 {
		return nil
	}
	if mk.cur < 0 {
		mk.cur = m.nextFrom(model.Pos{Section: m.currentSection(), Paragraph: -2}, d)
	} else {
		mk.cur = ((mk.cur+d)%len(mk.targets) + len(mk.targets)) % len(mk.targets)
	}
	return m.reveal(mk.targets[mk.cur])
}

// reveal scrolls p into view in the reader or the section panes.
func (m *Model) reveal(p model.Pos) tea.Cmd {
	if m.columnsOn {
		return m.columns.Reveal(p)
	}
	return m.reader.Reveal(p)
}

// selectEntity makes entity i's mentions stand out and what n/N walk;
// -1 clears the selection.
func (m *Model) selectEntity(i int) {
	mk := m.c.marks
	a := m.article()
	if a == nil || i >= len(a.Entities) {
		return
	}
	mk.selected = i
	m.entities.SetSelected(i)
	if i < 0 {
		if mk.mode == walkEntity {
			mk.mode, mk.targets, mk.cur = walkNone, nil, -1
		}
		return
	}
	m.setQuery("", false)
	targets := make([]model.Pos, 0, len(a.Entities[i].Mentions))
	for _, mn := range a.Entities[i].Mentions {
		targets = append(targets, mn.Pos())
	}
	slices.SortFunc(targets, func(p, q model.Pos) int {
		if p.Less(q) {
			return -1
		}
		if q.Less(p) {
			return 1
		}
		return 0
	})
	mk.mode, mk.targets, mk.cur = walkEntity, targets, -1
}

// walkStatus is "match 3/7", "Lloyd Austin 2/5" and the like.
func (m *Model) walkStatus() string {
	mk := m.c.marks
	switch mk.mode {
	case walkSearch:
		if mk.cur >= 0 {
			return fmt.Sprintf("match %d/%d", mk.cur+1, len(mk.targets))
		}
		if len(mk.targets) == 0 {
			return "no match"
		}
		return plural(len(mk.targets), "match", "matches")
	case walkEntity:
		name := articles.Sanitize(flatten(m.article().Entities[mk.selected].Name))
		if mk.cur >= 0 {
			return fmt.Sprintf("%s %d/%d", name, mk.cur+1, len(mk.targets))
		}
		return name + " · " + plural(len(mk.targets), "mention", "mentions") + " (n/N)"
	}
	if m.search.Active() && mk.query != "" {
		return "no match"
	}
	return ""
}
