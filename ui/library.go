package ui

import (
	"context"
	"math"
	"sync"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/library"
	"github.com/byline/byline/model"
)

// libState is the root's state in library mode: the library, its counts,
// the open article's entry, and the background refresh of its feeds.
type libState struct {
	lib   *library.Library
	fetch *fetch.Client
	// ctx is cancelled when the app quits, stopping a refresh under way.
	ctx    context.Context
	cancel context.CancelFunc

	counts library.Counts
	// entry is the open article's, ID 0 before one is opened.
	entry library.Entry
	// searching says the prompt searches the library, not the article.
	searching bool
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
func (s *libState) setCounts(c library.Counts, at int64) {
	if at >= s.countsAt {
		s.counts, s.countsAt = c, at
	}
}

// libMsg marks the messages of library mode, routed to handleLib.
type libMsg interface{ isLibMsg() }

// libOpenedMsg is the first screen of the library: its counts and first
// page of entries.
type libOpenedMsg struct {
	counts library.Counts
	rows   []libRow
	err    error
}

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

func (libOpenedMsg) isLibMsg()  {}
func (libArticleMsg) isLibMsg() {}
func (libToggledMsg) isLibMsg() {}
func (libSavedMsg) isLibMsg()   {}

func newLibState(lib *library.Library, client *fetch.Client) *libState {
	ctx, cancel := context.WithCancel(context.Background())
	return &libState{lib: lib, fetch: client, ctx: ctx, cancel: cancel, back: -1, writes: &writeSeq{},
		spin: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
}

// firstScreenCmd reads what the first screen shows: the counts and the
// first page of entries, no body.
func firstScreenCmd(ctx context.Context, lib *library.Library) tea.Cmd {
	return func() tea.Msg {
		c, err := lib.Counts(ctx)
		if err != nil {
			return libOpenedMsg{err: err}
		}
		es, err := lib.List(ctx, 0, pageSize)
		return libOpenedMsg{counts: c, rows: entryRows(es), err: err}
	}
}

// handleLib handles the messages of library mode.
func (m *Model) handleLib(msg libMsg) tea.Cmd {
	s := m.lib
	switch msg := msg.(type) {
	case libOpenedMsg:
		m.loaded = true
		if msg.err != nil {
			m.library.all.err = msg.err
			return nil
		}
		s.counts = msg.counts
		return m.library.SetFirst(msg.counts.Articles, msg.rows)
	case libPageMsg:
		return m.library.Page(msg)
	case openEntryMsg:
		if msg.id == s.entry.ID && m.article() != nil {
			m.setFocus(focusReader)
			return nil
		}
		return m.openEntryCmd(msg.id)
	case libArticleMsg:
		return m.handleLibArticle(msg)
	case libToggledMsg:
		if msg.err != nil {
			s.note = "⚠ " + articles.Sanitize(flatten(msg.err.Error()))
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
		m.library.UpdateEntry(msg.id, set)
		if msg.id == s.entry.ID {
			set(&s.entry)
		}
	case libSavedMsg:
		if msg.quit {
			return tea.Quit
		}
	case refreshStartedMsg, refreshProgressMsg, refreshDoneMsg:
		return m.handleRefresh(msg)
	}
	return nil
}

// openEntryCmd saves the position in the open article, then reads
// article id, marking it read.
func (m *Model) openEntryCmd(id int64) tea.Cmd {
	lib, ctx := m.lib.lib, m.lib.ctx
	prev, pos, save := m.position()
	writes := m.lib.writes
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

// handleLibArticle shows an article read from the library where it was
// left, and gives it the keys.
func (m *Model) handleLibArticle(msg libArticleMsg) tea.Cmd {
	s := m.lib
	if msg.err != nil {
		s.note = "⚠ " + articles.Sanitize(flatten(msg.err.Error()))
		return nil
	}
	if s.entry.ID != 0 && m.article() != nil {
		// Keep the list in step with the position just saved.
		_, pos, _ := m.position()
		m.library.UpdateEntry(s.entry.ID, func(e *library.Entry) { e.Position = pos })
	}
	s.entry = msg.entry
	s.setCounts(msg.counts, msg.at)
	m.library.UpdateEntry(msg.entry.ID, func(e *library.Entry) { *e = msg.entry })
	m.library.SetCurrent(msg.entry.ID)
	m.arts, m.cur = []*model.Article{msg.art}, 0
	clear(m.sectionOf)
	pos := msg.entry.Position
	// Half a unit more: the saved offset was rounded, the line is not.
	cmd := m.showArticle(msg.art, pos.Section, (float64(pos.Offset)+0.5)/positionScale)
	m.setFocus(focusReader)
	return cmd
}

// positionScale is the unit of a saved offset: ten-thousandths of the
// section's rendered height, so that a position survives a change of
// width.
const positionScale = 10000

// position returns the open article's id and reading position, and
// whether there is one to save.
func (m *Model) position() (int64, library.Position, bool) {
	if m.lib == nil || m.lib.entry.ID == 0 || m.article() == nil {
		return 0, library.Position{}, false
	}
	if m.columnsOn {
		return m.lib.entry.ID, library.Position{Section: m.columns.Focused()}, true
	}
	sec, frac := m.reader.Position()
	return m.lib.entry.ID, library.Position{Section: sec, Offset: int(math.Round(frac * positionScale))}, true
}

// quit saves the reading position and then quits; a second quit key
// does not wait.
func (m *Model) quit() tea.Cmd {
	if m.lib == nil || m.lib.quitting {
		return tea.Quit
	}
	m.lib.quitting = true
	m.lib.cancel() // stop a refresh under way
	lib := m.lib.lib
	id, pos, save := m.position()
	return func() tea.Msg {
		var err error
		if save {
			err = lib.SetPosition(context.Background(), id, pos)
		}
		return libSavedMsg{quit: true, err: err}
	}
}

// toggleCmd flips the read mark (or the star) of the article under the
// cursor of the Articles pane, or of the open one from another pane.
func (m *Model) toggleCmd(star bool) tea.Cmd {
	id := m.lib.entry.ID
	if m.focus == focusArticles || id == 0 {
		e, ok := m.library.CursorEntry()
		if !ok {
			return nil
		}
		id = e.ID
	}
	lib, ctx, writes := m.lib.lib, m.lib.ctx, m.lib.writes
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

// mentioning lists the articles of the library that mention the person
// or place under the cursor of the People & Places pane.
func (m *Model) mentioning() tea.Cmd {
	a := m.article()
	i := m.entities.CursorEntity()
	if a == nil || i < 0 || i >= len(a.Entities) {
		return nil
	}
	e := a.Entities[i]
	m.lib.back = m.focus
	m.setFocus(focusArticles)
	return m.library.ShowMentioning(e.Name, e.Type)
}

// openAdjacent opens the article d rows away in the list.
func (m *Model) openAdjacent(d int) tea.Cmd {
	id, ok := m.library.Adjacent(d)
	if !ok {
		return nil
	}
	return m.openEntryCmd(id)
}
