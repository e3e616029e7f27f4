package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/library"
	"github.com/byline/byline/ui/render"
)

// The library source's keys: marks, stars, the mentioning list, the
// library search (the source is the prompt's target then) and J/K.

// HandleKey handles the keys that the library adds or changes.
func (s *librarySource) HandleKey(msg tea.KeyPressMsg, f focus) (tea.Cmd, bool) {
	k := s.c.keys
	s.note = ""
	if cmd, ok := s.handleFeedKey(msg, f); ok {
		return cmd, true
	}
	switch {
	case key.Matches(msg, k.Read):
		return s.toggleCmd(false, f), true
	case key.Matches(msg, k.Star):
		return s.toggleCmd(true, f), true
	case key.Matches(msg, k.Mentioning) && f == focusEntities:
		e, ok := s.view.CursorEntity()
		if !ok {
			return nil, true
		}
		s.back = f
		s.host.setFocus(focusList)
		return s.list.ShowMentioning(e.Name, e.Type), true
	case key.Matches(msg, k.Search) && f == focusList:
		keys := k.Accept.Help().Key + " ranks · " + k.Cancel.Help().Key + ": all "
		s.prompt.Open(s, libraryFilters+" · "+keys+"\t"+shortFilters+" · "+keys+"\t"+keys)
		return nil, true
	case key.Matches(msg, k.Cancel) && f == focusList && s.list.Filtered():
		s.list.Back()
		if s.back >= 0 {
			s.host.setFocus(s.back)
			s.host.relayout() // back to the list when that pane is gone
		}
		s.back = -1
		return s.list.need(), true
	case key.Matches(msg, k.NextArticle):
		return s.openAdjacent(1), true
	case key.Matches(msg, k.PrevArticle):
		return s.openAdjacent(-1), true
	}
	return nil, false
}

// libraryFilters is the library search's syntax beyond words, as the
// prompt's hint and the help screen show it; shortFilters its shorter
// form for a narrower prompt.
const (
	libraryFilters = `feed:"Name" source: person: place: after:YYYY-MM-DD before: unread starred "a phrase" prefix*`
	shortFilters   = `feed: source: person: place: after: before: unread`
)

// openAdjacent opens the article d rows away in the list.
func (s *librarySource) openAdjacent(d int) tea.Cmd {
	id, ok := s.list.Adjacent(d)
	if !ok {
		return nil
	}
	return s.openEntryCmd(id)
}

// Changed shows the results as the query is typed, its last word
// completed.
func (s *librarySource) Changed(q string) tea.Cmd { return s.list.Search(q, true) }

// Accept ranks the results of the query.
func (s *librarySource) Accept(q string) tea.Cmd { return s.list.Search(q, false) }

// Cancel shows the whole library again.
func (s *librarySource) Cancel() tea.Cmd {
	s.list.ClearFilter()
	return s.list.need()
}

// Result is the search's state for the prompt.
func (s *librarySource) Result() string { return s.list.Searching() }

// toggleCmd flips the read mark (or the star) of the article under the
// cursor of the Articles pane, or of the open one from another pane.
func (s *librarySource) toggleCmd(star bool, f focus) tea.Cmd {
	id := s.entry.ID
	if f == focusList || id == 0 {
		e, ok := s.list.CursorEntry()
		if !ok {
			return nil
		}
		id = e.ID
	}
	lib, ctx, writes := s.lib, s.ctx, s.writes
	return func() tea.Msg {
		var v bool
		var err error
		var c library.Counts
		at := writes.do(func() {
			if star {
				v, err = lib.ToggleStarred(ctx, id)
			} else {
				v, err = lib.ToggleRead(ctx, id)
			}
			c, _ = lib.Counts(ctx)
		})
		return libToggledMsg{id: id, star: star, value: v, counts: c, at: at, err: err}
	}
}

// hint is what the reader shows before an article is opened: the
// library's counts and the keys to start with, from the key map.
func (s *librarySource) hint() []string {
	st := s.c.styles
	k := s.c.keys
	lines := []string{st.Help.Title.Render("byline library"), "", st.Message.Render(s.countsText()), ""}
	binds := []key.Binding{k.Select, k.Search, k.NextUnread, k.Read, k.Star, k.NextFocus, k.Help}
	kw, dw := 0, 0
	for _, b := range binds {
		kw, dw = max(kw, render.Width(b.Help().Key)), max(dw, render.Width(b.Help().Desc))
	}
	for _, b := range binds {
		lines = append(lines, st.Help.Key.Render(render.PadRight(b.Help().Key, kw))+"  "+st.Help.Desc.Render(render.PadRight(b.Help().Desc, dw)))
	}
	return lines
}
