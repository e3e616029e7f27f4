package ui

import (
	"net/url"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/library"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// The library source's full text: F on a summary-only article fetches the
// page it links to, in the background, and shows the whole story in its
// place (stored in the library, the summary kept); on a feed of the Feeds
// pane, F marks the feed to have the full text of its new items fetched
// at each refresh. A failure is a note, never a wait.

// libFullTextMsg is the full text of article id, or why there is none.
type libFullTextMsg struct {
	id    int64
	art   *model.Article
	entry library.Entry
	err   error
}

// libFeedFullTextMsg says a feed now fetches full text (or no longer).
type libFeedFullTextMsg struct {
	feed, name string
	on         bool
	err        error
}

func (libFullTextMsg) isLibMsg()     {}
func (libFeedFullTextMsg) isLibMsg() {}

// canFullText reports whether the open article is a summary whose full
// text can be fetched.
func (s *librarySource) canFullText() bool {
	return s.web != nil && s.view.Article() != nil && library.SummaryOnly(s.entry, s.view.Article()) && !s.fetchingText
}

// fullTextKey is F: the Feeds pane's feed toggles its full text, else the
// open article's is fetched.
func (s *librarySource) fullTextKey(f focus) tea.Cmd {
	if f == focusFeeds {
		sc := s.feeds.CursorScope()
		if sc.Feed == "" {
			s.note = "full text is set per feed: choose a feed"
			return nil
		}
		on := !s.feeds.FullText(sc.Feed)
		lib, ctx, name := s.lib, s.ctx, s.feeds.Label(sc)
		return func() tea.Msg {
			return libFeedFullTextMsg{feed: sc.Feed, name: name, on: on, err: lib.SetFullText(ctx, sc.Feed, on)}
		}
	}
	if !s.canFullText() {
		s.note = "no full text to fetch: the article is not a summary with a link"
		return nil
	}
	s.fetchingText = true
	s.note = "fetching the full text from " + hostOf(s.entry.Source) + "…"
	lib, ctx, web, id, rec := s.lib, s.ctx, s.web, s.entry.ID, s.recognize
	return func() tea.Msg {
		a, e, err := lib.FetchFullText(ctx, web, id, rec)
		return libFullTextMsg{id: id, art: a, entry: e, err: err}
	}
}

// handleFullText shows a full text that arrived, or says why none did.
func (s *librarySource) handleFullText(msg libMsg) tea.Cmd {
	switch msg := msg.(type) {
	case libFeedFullTextMsg:
		if msg.err != nil {
			s.note = "⚠ " + render.Clean(msg.err.Error())
			return nil
		}
		s.note = render.Clean(msg.name) + ": full text of new items fetched at each refresh"
		if !msg.on {
			s.note = render.Clean(msg.name) + ": summaries only"
		}
		return s.reloadCmd(0)
	case libFullTextMsg:
		s.fetchingText = false
		if msg.entry.ID != 0 {
			s.list.UpdateEntry(msg.id, func(e *library.Entry) { e.FullText, e.Byline = msg.entry.FullText, msg.entry.Byline })
		}
		if msg.id == s.entry.ID && msg.entry.ID != 0 {
			s.entry.FullText, s.entry.Byline = msg.entry.FullText, msg.entry.Byline
		}
		if msg.err != nil {
			s.note = "⚠ no full text: " + render.Clean(msg.err.Error()) + " · the summary stays"
			if msg.id == s.entry.ID {
				s.view.SetHeader(articleHeader(s.entry))
			}
			return nil
		}
		s.note = "full text from " + hostOf(msg.entry.Source) + " · the summary is kept"
		if msg.id != s.entry.ID || s.view.Article() == nil {
			return nil // the reader moved on: the full text is there next time
		}
		cmd := s.view.Show(msg.art, 0, 0, false)
		s.view.SetHeader(articleHeader(s.entry))
		return cmd
	}
	return nil
}

// hostOf is a URL's host, for notes.
func hostOf(link string) string {
	if u, err := url.Parse(link); err == nil && u.Host != "" {
		return render.Clean(strings.TrimPrefix(u.Host, "www."))
	}
	return "the web"
}
