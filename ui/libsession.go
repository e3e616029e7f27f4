package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/library"
)

// The library source's session: where the person left the app (the list's
// selection, position and article), restored when it opens; and the
// reloads that bring the Feeds pane's counts and the Articles pane up to
// date without moving the cursor off its article.

// libReloadMsg is the counts and the page of the whole list around the
// cursor, read after the library changed or the selection did.
type libReloadMsg struct {
	gen    int
	counts library.Counts
	stats  library.Stats
	total  int
	// cursor and offset are the list's cursor and top row, page the page
	// holding the cursor, rows that page.
	cursor, offset, page int
	rows                 []libRow
	// session is the saved session, when this is the first screen.
	session *library.Session
	err     error
}

func (libReloadMsg) isLibMsg() {}

// baseQuery is what the whole list shows: the selection, and with read
// articles hidden, the unread ones and the one being read.
func (s *librarySource) baseQuery() library.Query {
	q := library.Query{In: s.feeds.selected}
	if s.hideRead {
		if s.entry.ID != 0 {
			q.UnreadOr = s.entry.ID
		} else {
			q.Unread = true
		}
	}
	return q
}

// baseLabel names the selection for the Articles pane's title: "" for
// the whole library.
func (s *librarySource) baseLabel() string {
	if s.feeds.selected.All() {
		return ""
	}
	return s.feeds.Label(s.feeds.selected)
}

// restoreCmd reads the first screen: the session saved when the app last
// quit, and the list it selected, at the row it was left on.
func (s *librarySource) restoreCmd() tea.Cmd {
	lib, ctx := s.lib, s.ctx
	s.reloadGen++
	gen := s.reloadGen
	return func() tea.Msg {
		sess, err := lib.Session(ctx)
		if err != nil {
			return libReloadMsg{gen: gen, err: err}
		}
		if sess.Article != 0 {
			if _, err := lib.Entry(ctx, sess.Article); err != nil {
				sess.Article = 0 // deleted meanwhile: the list only
			}
		}
		q := library.Query{In: sess.Scope}
		if sess.HideRead {
			q.Unread = true
			if sess.Article != 0 {
				q.Unread, q.UnreadOr = false, sess.Article
			}
		}
		msg := loadAt(ctx, lib, q, sess.Cursor, 0, sess.Offset)
		if msg.err == nil && msg.total == 0 && !sess.Scope.All() {
			// The feed or folder selected is gone or empty: all of it.
			sess.Scope, q.In = library.Scope{}, library.Scope{}
			msg = loadAt(ctx, lib, q, sess.Cursor, 0, sess.Offset)
		}
		msg.gen, msg.session = gen, &sess
		return msg
	}
}

// reloadCmd reads the counts and the whole list again, keeping the cursor
// on article keep (the one under it when keep is 0).
func (s *librarySource) reloadCmd(keep int64) tea.Cmd {
	lib, ctx, q := s.lib, s.ctx, s.baseQuery()
	all := s.list.all
	if keep == 0 {
		if r, ok := all.row(all.cursor); ok {
			keep = r.ID
		}
	}
	cursor, offset := all.cursor, all.offset
	s.reloadGen++
	gen := s.reloadGen
	return func() tea.Msg {
		msg := loadAt(ctx, lib, q, keep, cursor, offset)
		msg.gen = gen
		return msg
	}
}

// reloadFromTopCmd reads a new selection's list from its first row.
func (s *librarySource) reloadFromTopCmd() tea.Cmd {
	lib, ctx, q := s.lib, s.ctx, s.baseQuery()
	s.reloadGen++
	gen := s.reloadGen
	return func() tea.Msg {
		msg := loadAt(ctx, lib, q, 0, 0, 0)
		msg.gen = gen
		return msg
	}
}

// libStatsMsg is the Feeds pane's counts, read again after a mark.
type libStatsMsg struct {
	stats library.Stats
	err   error
}

func (libStatsMsg) isLibMsg() {}

// statsCmd reads the Feeds pane's counts again.
func (s *librarySource) statsCmd() tea.Cmd {
	lib, ctx := s.lib, s.ctx
	return func() tea.Msg {
		st, err := lib.Stats(ctx)
		return libStatsMsg{stats: st, err: err}
	}
}

// loadAt reads the counts, q's list length and the page holding article
// keep (its row becomes the cursor, the top row moving with it), or row
// cursor when keep is 0 or not listed.
func loadAt(ctx context.Context, lib *library.Library, q library.Query, keep int64, cursor, offset int) libReloadMsg {
	var msg libReloadMsg
	var err error
	if msg.counts, err = lib.Counts(ctx); err != nil {
		msg.err = err
		return msg
	}
	if msg.stats, err = lib.Stats(ctx); err != nil {
		msg.err = err
		return msg
	}
	msg.total = msg.counts.Articles
	if !q.Empty() {
		if msg.total, err = lib.CountQuery(ctx, q); err != nil {
			msg.err = err
			return msg
		}
	}
	if keep != 0 {
		if i, ok, err := lib.Index(ctx, q, keep); err == nil && ok {
			offset += i - cursor
			cursor = i
		}
	}
	cursor = max(0, min(cursor, msg.total-1))
	msg.cursor, msg.offset = cursor, max(0, offset)
	msg.page = cursor / pageSize
	msg.rows, msg.err = baseLoader(lib, q)(ctx, msg.page*pageSize, pageSize)
	return msg
}

// handleReload shows what a reload read; an older reload's is dropped.
func (s *librarySource) handleReload(msg libReloadMsg) tea.Cmd {
	if msg.gen != s.reloadGen {
		return nil
	}
	first := !s.loaded
	s.loaded = true
	if msg.err != nil {
		s.list.all.err = msg.err
		return nil
	}
	var cmds []tea.Cmd
	if msg.session != nil {
		sess := msg.session
		s.hideRead = sess.HideRead
		s.feeds.SetCollapsed(sess.Collapsed)
		s.feeds.selected = sess.Scope
		if sess.Article != 0 {
			cmds = append(cmds, s.openEntryCmd(sess.Article))
		}
	}
	s.counts, s.countsAt = msg.counts, s.writes.last()
	shown := s.feeds.Shown()
	s.feeds.SetStats(msg.stats)
	if first {
		s.feeds.Select(s.feeds.selected)
	}
	if shown != s.feeds.Shown() || first {
		s.host.relayout()
	}
	s.list.SetBase(s.baseQuery(), s.baseLabel())
	cmds = append(cmds, s.list.SetAt(msg.total, msg.cursor, msg.offset, msg.page, msg.rows))
	return tea.Batch(cmds...)
}

// saveSessionCmd's session: the list's selection and position and the
// article open.
func (s *librarySource) sessionNow() library.Session {
	all := s.list.all
	sess := library.Session{Article: s.entry.ID, Offset: all.offset, Scope: s.feeds.selected,
		HideRead: s.hideRead, Collapsed: s.feeds.Collapsed()}
	if s.view.Article() == nil {
		sess.Article = 0
	}
	if r, ok := all.row(all.cursor); ok {
		sess.Cursor = r.ID
	}
	return sess
}

// pollCmd asks the library, after a while, whether it changed.
func pollCmd(ctx context.Context, w *library.Watcher, every time.Duration) tea.Cmd {
	return tea.Tick(every, func(time.Time) tea.Msg {
		changed, err := w.Changed(ctx)
		return libPolledMsg{changed: changed, err: err}
	})
}

// libWatchMsg is the Watcher the app polls; libPolledMsg one look.
type libWatchMsg struct {
	w   *library.Watcher
	err error
}

type libPolledMsg struct {
	changed bool
	err     error
}

// libIntervalMsg is time for the interval refresh.
type libIntervalMsg struct{}

func (libWatchMsg) isLibMsg()    {}
func (libPolledMsg) isLibMsg()   {}
func (libIntervalMsg) isLibMsg() {}

// watchCmd starts watching the library for other processes' writes.
func watchCmd(ctx context.Context, lib *library.Library) tea.Cmd {
	return func() tea.Msg {
		w, err := lib.Watch(ctx)
		return libWatchMsg{w: w, err: err}
	}
}

// nextPoll is the next look at the library, nil when the app does not
// poll.
func (s *librarySource) nextPoll() tea.Cmd {
	if s.poll <= 0 {
		return nil
	}
	return pollCmd(s.ctx, s.watcher, s.poll)
}

// intervalCmd is the next interval refresh.
func intervalCmd(every time.Duration) tea.Cmd {
	return tea.Tick(every, func(time.Time) tea.Msg { return libIntervalMsg{} })
}

// handleWatch follows the library's changes: a change another process
// (or this one) committed reloads the counts and the list, the cursor
// staying on its article.
func (s *librarySource) handleWatch(msg libMsg) tea.Cmd {
	switch msg := msg.(type) {
	case libWatchMsg:
		if msg.err != nil || s.ctx.Err() != nil {
			if msg.w != nil {
				msg.w.Close()
			}
			return nil
		}
		s.watcher = msg.w
		return s.nextPoll()
	case libPolledMsg:
		if s.watcher == nil || s.ctx.Err() != nil {
			return nil
		}
		next := s.nextPoll()
		if msg.err != nil || !msg.changed || s.quitting {
			return next
		}
		return tea.Batch(next, s.reloadCmd(0))
	case libIntervalMsg:
		if s.ctx.Err() != nil {
			return nil
		}
		next := intervalCmd(s.interval)
		if s.refreshing || s.fetch == nil {
			return next
		}
		return tea.Batch(next, refreshCmd(s.ctx, s.lib, s.fetch, nil))
	}
	return nil
}
