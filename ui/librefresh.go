package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/library"
	"github.com/byline/byline/ui/render"
)

// refreshStartedMsg says a refresh of total feeds began; its progress and
// outcome arrive on ch.
type refreshStartedMsg struct {
	total int
	ch    <-chan tea.Msg
}

// refreshProgressMsg is one feed refreshed (or failed).
type refreshProgressMsg struct{ library.RefreshProgress }

// refreshDoneMsg ends a refresh: its result, and the full texts fetched
// for the feeds marked for them, with the pages that failed.
type refreshDoneMsg struct {
	res          library.RefreshResult
	fullTexts    int
	textWarnings []error
	err          error
}

func (refreshStartedMsg) isLibMsg()  {}
func (refreshProgressMsg) isLibMsg() {}
func (refreshDoneMsg) isLibMsg()     {}

// refreshCmd refreshes the feeds urls (nil: every feed of the library)
// in the background. The
// refresh runs on its own goroutine; its progress is forwarded through a
// channel that waitRefresh reads, one message per command, so that the
// app never blocks on the network.
func refreshCmd(ctx context.Context, lib *library.Library, client *fetch.Client, urls []string) tea.Cmd {
	return func() tea.Msg {
		total := len(urls)
		if urls == nil {
			feeds, err := lib.Feeds(ctx)
			if err != nil || len(feeds) == 0 {
				return refreshDoneMsg{err: err}
			}
			total = len(feeds)
		}
		ch := make(chan tea.Msg)
		send := func(msg tea.Msg) {
			select {
			case ch <- msg:
			case <-ctx.Done():
			}
		}
		go func() {
			defer close(ch)
			// A panic on this goroutine would end the program with the
			// terminal still in the app's modes: it is a failed refresh.
			defer func() {
				if p := recover(); p != nil {
					send(refreshDoneMsg{err: fmt.Errorf("refresh failed: %v", p)})
				}
			}()
			res, err := lib.Refresh(ctx, library.RefreshOptions{
				Client:   client,
				Feeds:    urls,
				Progress: func(p library.RefreshProgress) { send(refreshProgressMsg{p}) },
			})
			done := refreshDoneMsg{res: res, err: err}
			if err == nil {
				done.fullTexts, done.textWarnings, done.err = lib.FillFullText(ctx, library.FullTextOptions{Client: client})
			}
			send(done)
		}()
		return refreshStartedMsg{total: total, ch: ch}
	}
}

// waitRefresh reads the next message of a refresh.
func waitRefresh(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	}
}

// handleRefresh follows a background refresh: the spinner and count in
// the status line, a warning line per failed feed, and the new articles
// in the list when it is over.
func (s *librarySource) handleRefresh(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case refreshStartedMsg:
		s.refreshing, s.refDone, s.refTotal, s.refCh = true, 0, msg.total, msg.ch
		return tea.Batch(waitRefresh(msg.ch), s.spin.Tick)
	case refreshProgressMsg:
		s.refDone = msg.Done
		if msg.Err != nil {
			// The error names the feed, sometimes twice over.
			text := msg.Err.Error()
			twice := msg.Feed + ": " + msg.Feed + ": "
			text = strings.Replace(text, twice, msg.Feed+": ", 1)
			s.warn(text)
		}
		return waitRefresh(s.refCh)
	case refreshDoneMsg:
		was := s.refreshing
		s.refreshing, s.refCh = false, nil
		s.feeds.busy = ""
		if msg.err != nil && s.ctx.Err() == nil {
			s.warn("refresh: " + msg.err.Error())
		}
		for _, w := range msg.textWarnings {
			s.warn("full text: " + w.Error())
		}
		if !was {
			return nil
		}
		if msg.res.Feeds == 0 && msg.err == nil {
			s.note = "no feeds to refresh"
			return nil
		}
		feeds := render.Plural(msg.res.Feeds, "feed", "feeds")
		if failed := len(msg.res.Warnings); failed > 0 {
			// The warnings say which failed; the note must not say all
			// were refreshed.
			feeds = render.Commas(msg.res.Feeds-failed) + " of " + feeds
		}
		if msg.res.New == 0 {
			s.note = "refreshed " + feeds + " · nothing new"
		} else {
			s.note = "refreshed " + feeds + " · " + render.Commas(msg.res.New) + " new"
		}
		if msg.fullTexts > 0 {
			s.note += " · " + render.Plural(msg.fullTexts, "full text", "full texts")
		}
		// The failures and the new articles: counts and list, the cursor
		// staying on its article.
		return s.reloadCmd(0)
	}
	return nil
}

// warn adds a line to the collapsible warnings.
func (s *librarySource) warn(text string) {
	s.problems.Warn(text)
	s.host.relayout()
}

// handleSpin advances the spinner while a refresh runs.
func (s *librarySource) handleSpin(msg spinner.TickMsg) tea.Cmd {
	if !s.refreshing {
		return nil
	}
	var cmd tea.Cmd
	s.spin, cmd = s.spin.Update(msg)
	return cmd
}

// activity is the refresh's part of the status line.
func (s *librarySource) activity() string {
	if !s.refreshing {
		return s.note
	}
	return s.spin.View() + " refreshing " + render.Commas(s.refDone) + "/" + render.Plural(s.refTotal, "feed", "feeds")
}
