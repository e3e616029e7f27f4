package ui

import (
	"context"
	"math"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/library"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// librarySource is the app on a library: the Articles pane lists it a
// page at a time, / there searches it as the query is typed, m and s
// mark articles read and starred, People & Places lists the articles
// mentioning an entity, and the feeds refresh in the background. The
// library is called only from tea.Cmds; the reading position of an
// article is saved when the reader leaves it or quits.
type librarySource struct {
	c        *common
	host     host
	view     *articleView
	prompt   *searchInput
	problems *problemsList
	list     *libraryPane
	feeds    *feedsPane

	lib   *library.Library
	fetch *fetch.Client
	// ctx is cancelled when the app quits, stopping a refresh under way.
	ctx    context.Context
	cancel context.CancelFunc

	loaded bool
	counts library.Counts
	// entry is the open article's, ID 0 before one is opened.
	entry library.Entry
	// back is the pane to return to when Esc leaves a mentioning list.
	back focus

	refreshing        bool
	refDone, refTotal int
	refCh             <-chan tea.Msg
	spin              spinner.Model
	// note is the outcome of the last refresh or action, until a key.
	note string
	// quitting says the position is being saved before quitting.
	quitting bool
	// writes orders the marks and counts that commands write and read;
	// countsAt is the number of the write whose counts are shown.
	writes   *writeSeq
	countsAt int64

	// hideRead hides read articles from the whole list; undo is the last
	// marking read, until it is undone.
	hideRead bool
	undo     *library.Marked
	// reloadGen numbers the reloads: only the latest one's is shown.
	reloadGen int
	// watcher tells when the library changed, asked every poll; interval
	// is the interval refresh's (0: none).
	watcher        *library.Watcher
	poll, interval time.Duration
	// web fetches full texts (nil: none); fetchingText says one is under
	// way; recognize finds their people and places (nil: the trained
	// recogniser).
	web          *fetch.Client
	fetchingText bool
	recognize    func(*model.Article)
}

func newLibrarySource(c *common, h host, v *articleView, prompt *searchInput, p *problemsList, lib *library.Library, client, web *fetch.Client, poll, interval time.Duration) *librarySource {
	ctx, cancel := context.WithCancel(context.Background())
	c.filters = libraryFilters
	return &librarySource{c: c, host: h, view: v, prompt: prompt, problems: p,
		list: newLibraryPane(c, ctx, lib), feeds: newFeedsPane(c), lib: lib, fetch: client, ctx: ctx, cancel: cancel,
		back: -1, writes: &writeSeq{}, spin: spinner.New(spinner.WithSpinner(spinner.MiniDot)),
		poll: poll, interval: interval, web: web}
}

// writeSeq serialises the library writes that commands make (marking read,
// starring) with the counts read after each, and numbers them: commands
// run concurrently, and counts read after an earlier write may arrive
// after those read after a later one.
type writeSeq struct {
	mu sync.Mutex
	n  int64
}

// do runs f, which writes and then reads the counts, alone, and returns
// its number.
func (w *writeSeq) do(f func()) int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	f()
	w.n++
	return w.n
}

// setCounts shows c, read after write number at, unless newer counts are
// shown already.
func (s *librarySource) setCounts(c library.Counts, at int64) {
	if at >= s.countsAt {
		s.counts, s.countsAt = c, at
	}
}

// libMsg marks the messages of the library source.
type libMsg interface{ isLibMsg() }

// libArticleMsg is an article read from the library to open.
type libArticleMsg struct {
	art    *model.Article
	entry  library.Entry
	counts library.Counts
	at     int64 // the counts' write number (writeSeq)
	err    error
}

// libToggledMsg is a read or star mark flipped.
type libToggledMsg struct {
	id          int64
	star, value bool
	counts      library.Counts
	at          int64 // the counts' write number (writeSeq)
	err         error
}

// libSavedMsg says the reading position was saved; quit asks to quit.
type libSavedMsg struct {
	quit bool
	err  error
}

func (libArticleMsg) isLibMsg() {}
func (libToggledMsg) isLibMsg() {}
func (libSavedMsg) isLibMsg()   {}

// Init reads the first screen where the person left it, starts the
// refresh of the feeds, and the watch for other processes' writes.
func (s *librarySource) Init() tea.Cmd {
	cmds := []tea.Cmd{s.restoreCmd()}
	if s.fetch != nil {
		cmds = append(cmds, refreshCmd(s.ctx, s.lib, s.fetch, nil))
		if s.interval > 0 {
			cmds = append(cmds, intervalCmd(s.interval))
		}
	}
	if s.poll > 0 {
		cmds = append(cmds, watchCmd(s.ctx, s.lib))
	}
	return tea.Batch(cmds...)
}

// List is the library's Articles pane.
func (s *librarySource) List() pane { return s.list }

// Layout is the library's layout: the list gets more room until an
// article is open.
func (s *librarySource) Layout(w, h, problemLines int) layout {
	a := s.view.Article()
	n := 0
	if a != nil {
		n = len(a.Sections)
	}
	feeds := 0
	if s.feeds.Shown() {
		feeds = s.feeds.Rows()
	}
	return computeLibraryLayout(w, h, problemLines, n, a != nil, feeds)
}

// Update handles the library's messages.
func (s *librarySource) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		return s.handleSpin(msg), true
	case libMsg:
		return s.handle(msg), true
	case feedSelectedMsg:
		return s.handleFeedMsg(msg), true
	}
	return nil, false
}

func (s *librarySource) handle(msg libMsg) tea.Cmd {
	switch msg := msg.(type) {
	case libPageMsg:
		return s.list.Page(msg)
	case openEntryMsg:
		if msg.id == s.entry.ID && s.view.Article() != nil {
			s.host.setFocus(focusReader)
			return nil
		}
		return s.openEntryCmd(msg.id)
	case libArticleMsg:
		return s.handleArticle(msg)
	case libToggledMsg:
		if msg.err != nil {
			s.note = "⚠ " + render.Clean(msg.err.Error())
			return nil
		}
		s.setCounts(msg.counts, msg.at)
		set := func(e *library.Entry) {
			if msg.star {
				e.Starred = msg.value
			} else {
				e.Read = msg.value
			}
		}
		s.list.UpdateEntry(msg.id, set)
		if msg.id == s.entry.ID {
			set(&s.entry)
		}
		if !msg.star {
			return s.statsCmd() // the Feeds pane's counts at once
		}
	case libSavedMsg:
		if msg.quit {
			return tea.Quit
		}
	case refreshStartedMsg, refreshProgressMsg, refreshDoneMsg:
		return s.handleRefresh(msg)
	case libReloadMsg:
		return s.handleReload(msg)
	case libStatsMsg:
		if msg.err == nil {
			s.feeds.SetStats(msg.stats)
		}
	case feedSelectedMsg, libMarkedMsg, libNextMsg:
		return s.handleFeedMsg(msg)
	case libWatchMsg, libPolledMsg, libIntervalMsg:
		return s.handleWatch(msg)
	case libFullTextMsg, libFeedFullTextMsg:
		return s.handleFullText(msg)
	}
	return nil
}

// openEntryCmd saves the position in the open article, then reads
// article id, marking it read.
func (s *librarySource) openEntryCmd(id int64) tea.Cmd {
	lib, ctx := s.lib, s.ctx
	prev, pos, save := s.position()
	writes := s.writes
	return func() tea.Msg {
		var msg libArticleMsg
		msg.at = writes.do(func() {
			if save {
				_ = lib.SetPosition(ctx, prev, pos)
			}
			a, e, err := lib.Article(ctx, id)
			if err == nil && !e.Read {
				err = lib.SetRead(ctx, id, true)
				e.Read = true
			}
			c, _ := lib.Counts(ctx)
			msg.art, msg.entry, msg.counts, msg.err = a, e, c, err
		})
		return msg
	}
}

// handleArticle shows an article read from the library where it was
// left, and gives it the keys.
func (s *librarySource) handleArticle(msg libArticleMsg) tea.Cmd {
	if msg.err != nil {
		s.note = "⚠ " + render.Clean(msg.err.Error())
		return nil
	}
	if s.entry.ID != 0 && s.view.Article() != nil {
		// Keep the list in step with the position just saved.
		_, pos, _ := s.position()
		s.list.UpdateEntry(s.entry.ID, func(e *library.Entry) { e.Position = pos })
	}
	s.entry = msg.entry
	s.setCounts(msg.counts, msg.at)
	stats := s.statsCmd() // it was marked read
	s.list.UpdateEntry(msg.entry.ID, func(e *library.Entry) { *e = msg.entry })
	s.list.SetCurrent(msg.entry.ID)
	pos := msg.entry.Position
	// Half a unit more: the saved offset was rounded, the line is not.
	cmd := s.view.Show(msg.art, pos.Section, (float64(pos.Offset)+0.5)/positionScale, false)
	s.view.SetHeader(articleHeader(msg.entry))
	s.host.setFocus(focusReader)
	if e, ok := s.list.CursorEntry(); (!ok || e.ID != msg.entry.ID) && !s.list.Filtered() {
		// Opened by the next unread key or the session: the list's
		// cursor goes to it.
		return tea.Batch(cmd, s.reloadCmd(msg.entry.ID))
	}
	return tea.Batch(cmd, stats)
}

// positionScale is the unit of a saved offset: ten-thousandths of the
// section's rendered height, so that a position survives a change of
// width.
const positionScale = 10000

// position returns the open article's id and reading position, and
// whether there is one to save.
func (s *librarySource) position() (int64, library.Position, bool) {
	if s.entry.ID == 0 || s.view.Article() == nil {
		return 0, library.Position{}, false
	}
	sec, frac := s.view.Position()
	return s.entry.ID, library.Position{Section: sec, Offset: int(math.Round(frac * positionScale))}, true
}

// Quit saves the reading position and then quits; a second quit key
// does not wait.
func (s *librarySource) Quit() tea.Cmd {
	if s.quitting {
		return tea.Quit
	}
	s.quitting = true
	s.cancel() // stop a refresh under way
	lib, w := s.lib, s.watcher
	id, pos, save := s.position()
	sess := s.sessionNow()
	return func() tea.Msg {
		var err error
		if save {
			err = lib.SetPosition(context.Background(), id, pos)
		}
		if e := lib.SaveSession(context.Background(), sess); err == nil {
			err = e
		}
		if w != nil {
			w.Close()
		}
		return libSavedMsg{quit: true, err: err}
	}
}

// Status names the library and gives its counts and activity; before an
// article is open the reader shows the keys to start with.
func (s *librarySource) Status(st *statusInfo) {
	st.title = "byline library"
	if sel := s.feeds.selected; !sel.All() {
		st.title = "byline · " + render.Clean(s.feeds.Label(sel))
	}
	if sc := s.feeds.CursorScope(); s.feeds.focused && sc.Feed != "" {
		st.title = render.Clean(sc.Feed) // a feed's URL, on request
	}
	st.counts, st.activity = s.countsText(), s.activity()
	if s.view.Article() == nil {
		s.view.SetHint(s.hint())
	}
}

// Sync enables the library's keys.
func (s *librarySource) Sync(k *KeyMap) {
	open := s.view.Article() != nil
	k.NextArticle.SetEnabled(open)
	k.PrevArticle.SetEnabled(open)
	k.Read.SetEnabled(true)
	k.Star.SetEnabled(true)
	k.Mentioning.SetEnabled(open)
	for _, b := range []*key.Binding{&k.NextUnread, &k.MarkFeedRead, &k.MarkAllRead, &k.HideRead} {
		b.SetEnabled(true)
	}
	k.Undo.SetEnabled(s.undo != nil)
	k.RefreshFeed.SetEnabled(s.fetch != nil && s.feeds.Shown())
	k.RefreshAll.SetEnabled(s.fetch != nil && len(s.feeds.stats.Feeds) > 0)
	k.Fold.SetEnabled(s.feeds.Shown())
	k.FullText.SetEnabled(s.canFullText() || (s.web != nil && s.feeds.Shown() && len(s.feeds.stats.Feeds) > 0))
}

// Waiting says the library is being opened.
func (s *librarySource) Waiting() string {
	if !s.loaded {
		return "Opening the library…"
	}
	return ""
}

// Empty is "": an empty library says so in its list.
func (s *librarySource) Empty() string { return "" }

// countsText is the library's counts for the status line: the
// selection's first when a feed or folder is selected.
func (s *librarySource) countsText() string {
	c := s.counts
	text := render.Commas(c.Unread) + " unread · " + render.Commas(c.Starred) + " starred · " + render.Plural(c.Articles, "article", "articles")
	if s.feeds != nil && !s.feeds.selected.All() {
		n := s.feeds.Count(s.feeds.selected)
		text = render.Commas(n.Unread) + "/" + render.Commas(n.Total) + " unread here · " + text
	}
	if s.hideRead {
		text = "read hidden · " + text
	}
	return text
}
