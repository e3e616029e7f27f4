package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/library"
	"github.com/byline/byline/ui/render"
)

// The library source's unread flow and feeds: the Feeds pane's selection,
// the next unread article, marking a feed or everything read and undoing
// it, hiding read articles, refreshing one feed or all.

// Feeds is the library's Feeds pane, noPane while the library has
// nothing to choose from (no feed, one folder of files at most).
func (s *librarySource) Feeds() pane {
	if !s.feeds.Shown() {
		return noPane{}
	}
	return s.feeds
}

// last is the number of the last write.
func (w *writeSeq) last() int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.n
}

// libMarkedMsg is a feed (or everything) marked read, or that undone.
type libMarkedMsg struct {
	marked library.Marked
	label  string
	undone bool
	err    error
}

// libNextMsg is the next unread article; all says it was found outside
// the selection, in the whole library.
type libNextMsg struct {
	entry   library.Entry
	ok, all bool
	err     error
}

func (libMarkedMsg) isLibMsg() {}
func (libNextMsg) isLibMsg()   {}

// handleFeedKey handles the keys of the unread flow and the feeds.
func (s *librarySource) handleFeedKey(msg tea.KeyPressMsg, f focus) (tea.Cmd, bool) {
	k := s.c.keys
	switch {
	case key.Matches(msg, k.NextUnread):
		return s.nextUnreadCmd(), true
	case key.Matches(msg, k.MarkFeedRead):
		scope := s.feeds.selected
		if f == focusFeeds {
			scope = s.feeds.CursorScope()
		}
		return s.markCmd(scope), true
	case key.Matches(msg, k.Fold) && f == focusFeeds:
		if s.feeds.Fold() {
			s.host.relayout() // the pane's rows changed
		}
		return nil, true
	case key.Matches(msg, k.MarkAllRead):
		return s.markCmd(library.Scope{}), true
	case key.Matches(msg, k.Undo):
		if s.undo == nil {
			s.note = "nothing to undo"
			return nil, true
		}
		return s.undoCmd(), true
	case key.Matches(msg, k.HideRead):
		s.hideRead = !s.hideRead
		s.note = "read articles shown"
		if s.hideRead {
			s.note = "read articles hidden"
		}
		s.list.ClearFilter()
		return s.reloadCmd(0), true
	case key.Matches(msg, k.FullText):
		return s.fullTextKey(f), true
	case key.Matches(msg, k.RefreshAll):
		return s.refreshFeeds(nil, "every feed"), true
	case key.Matches(msg, k.RefreshFeed):
		scope := s.feeds.selected
		if f == focusFeeds {
			scope = s.feeds.CursorScope()
		}
		return s.refreshScope(scope), true
	}
	return nil, false
}

// refreshScope refreshes the feeds of a scope: one feed, an OPML
// folder's, or all of them.
func (s *librarySource) refreshScope(scope library.Scope) tea.Cmd {
	switch {
	case scope.Feed != "":
		s.feeds.busy = scope.Feed
		return s.refreshFeeds([]string{scope.Feed}, s.feeds.Label(scope))
	case scope.Group != "":
		var urls []string
		for _, f := range s.feeds.stats.Feeds {
			if f.Folder == scope.Group {
				urls = append(urls, f.URL)
			}
		}
		return s.refreshFeeds(urls, scope.Group)
	case scope.Folder != "":
		s.note = "a folder of files is not refreshed: byline add it again"
		return nil
	}
	return s.refreshFeeds(nil, "every feed")
}

// refreshFeeds starts a background refresh of urls (nil: every feed)
// unless one is under way.
func (s *librarySource) refreshFeeds(urls []string, what string) tea.Cmd {
	switch {
	case s.fetch == nil:
		s.note = "refreshing is off (--no-refresh)"
		return nil
	case s.refreshing:
		s.note = "a refresh is under way"
		return nil
	}
	s.note = "refreshing " + render.Clean(what)
	s.refreshing = true // until refreshStartedMsg says how many
	return refreshCmd(s.ctx, s.lib, s.fetch, urls)
}

// nextUnreadCmd finds the unread article after the open one (or the one
// under the cursor) in the selection, else in the whole library.
func (s *librarySource) nextUnreadCmd() tea.Cmd {
	lib, ctx, scope := s.lib, s.ctx, s.feeds.selected
	after := s.entry.ID
	if after == 0 || s.view.Article() == nil {
		if e, ok := s.list.CursorEntry(); ok {
			after = e.ID
			if !e.Read {
				// The one under the cursor is the next unread itself.
				return func() tea.Msg { return libNextMsg{entry: e, ok: true} }
			}
		}
	}
	return func() tea.Msg {
		e, ok, err := lib.NextUnread(ctx, scope, after)
		if err != nil || ok || scope.All() {
			return libNextMsg{entry: e, ok: ok, err: err}
		}
		e, ok, err = lib.NextUnread(ctx, library.Scope{}, after)
		return libNextMsg{entry: e, ok: ok, all: true, err: err}
	}
}

// markCmd marks every unread article of scope read.
func (s *librarySource) markCmd(scope library.Scope) tea.Cmd {
	lib, ctx, writes := s.lib, s.ctx, s.writes
	label := s.feeds.Label(scope)
	return func() tea.Msg {
		var m library.Marked
		var err error
		writes.do(func() { m, err = lib.MarkRead(ctx, scope) })
		return libMarkedMsg{marked: m, label: label, err: err}
	}
}

// undoCmd marks unread again what the last marking read marked.
func (s *librarySource) undoCmd() tea.Cmd {
	lib, ctx, writes, m := s.lib, s.ctx, s.writes, *s.undo
	s.undo = nil
	return func() tea.Msg {
		var err error
		writes.do(func() { err = lib.Undo(ctx, m) })
		return libMarkedMsg{marked: m, undone: true, err: err}
	}
}

// handleFeedMsg handles the messages of the unread flow.
func (s *librarySource) handleFeedMsg(msg libMsg) tea.Cmd {
	switch msg := msg.(type) {
	case feedSelectedMsg:
		s.feeds.Select(msg.scope)
		s.list.ClearFilter()
		s.host.setFocus(focusList)
		return s.reloadFromTopCmd()
	case libMarkedMsg:
		if msg.err != nil {
			s.note = "⚠ " + render.Clean(msg.err.Error())
			return nil
		}
		n := render.Plural(len(msg.marked.IDs), "article", "articles")
		read := map[int64]bool{}
		for _, id := range msg.marked.IDs {
			read[id] = true
		}
		s.list.UpdateAll(func(e *library.Entry) {
			if read[e.ID] {
				e.Read = !msg.undone
			}
		})
		if msg.undone {
			s.note = "undone: " + n + " unread again"
		} else {
			m := msg.marked
			s.undo = &m
			s.note = "marked " + n + " read in " + render.Clean(msg.label) + " · " + s.c.keys.Undo.Help().Key + " undoes"
		}
		return s.reloadCmd(0)
	case libNextMsg:
		switch {
		case msg.err != nil:
			s.note = "⚠ " + render.Clean(msg.err.Error())
			return nil
		case !msg.ok:
			s.note = "no unread articles"
			return nil
		}
		if msg.all {
			s.note = "no more unread in " + render.Clean(s.feeds.Label(s.feeds.selected)) + " · on to All"
			s.feeds.Select(library.Scope{})
			s.list.ClearFilter()
			s.list.SetBase(s.baseQuery(), s.baseLabel())
		}
		return s.openEntryCmd(msg.entry.ID)
	}
	return nil
}
