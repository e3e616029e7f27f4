package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/library"
)

// feedsPane is the library's Feeds pane: "All", then the OPML folders of
// feeds (each a group that folds), the feeds, and the folders of files,
// each with its unread and total counts. Enter selects one, and the
// Articles pane lists it; the counts come from library.Stats, read in a
// command whenever the library changes.
type feedsPane struct {
	c       *common
	w, h    int
	focused bool

	stats     library.Stats
	collapsed map[string]bool
	rows      []feedRow
	listNav   // the cursor on rows and the window's first row
	// selected is the part of the library the Articles pane lists.
	selected library.Scope
	// busy is the feed being refreshed on its own (r), "" for none.
	busy    string
	version int
	cache   viewCache
}

// feedRowKind says what a row of the Feeds pane is.
type feedRowKind int

const (
	rowAll feedRowKind = iota
	rowGroup
	rowFeed
	rowFolder
)

// feedRow is one row of the Feeds pane.
type feedRow struct {
	kind  feedRowKind
	name  string
	scope library.Scope
	count library.Count
	// inGroup indents a feed listed under its OPML folder.
	inGroup bool
	// failed says the feed's last refresh failed; fullText that the full
	// text of its new items is fetched.
	failed, fullText bool
}

// feedSelectedMsg says the Feeds pane selected a part of the library.
type feedSelectedMsg struct{ scope library.Scope }

func (feedSelectedMsg) isLibMsg() {}

func newFeedsPane(c *common) *feedsPane {
	p := &feedsPane{c: c, collapsed: map[string]bool{}}
	p.build()
	return p
}

// Name names the pane on the help screen.
func (p *feedsPane) Name() string { return "Feeds" }

// SetSize sets the pane's outer size.
func (p *feedsPane) SetSize(w, h int) { p.w, p.h = w, h; p.scroll() }

// Focus gives the pane the keys.
func (p *feedsPane) Focus() { p.focused = true; p.version++ }

// Blur takes the focus away.
func (p *feedsPane) Blur() { p.focused = false; p.version++ }

// Shown reports whether the library has parts worth a pane: a feed, or
// more than one folder of files.
func (p *feedsPane) Shown() bool { return len(p.stats.Feeds) > 0 || len(p.stats.Folders) > 1 }

// Rows is how many rows the pane lists.
func (p *feedsPane) Rows() int { return len(p.rows) }

// SetStats shows new counts; the cursor stays on the same row.
func (p *feedsPane) SetStats(st library.Stats) {
	var at library.Scope
	if p.cursor < len(p.rows) {
		at = p.rows[p.cursor].scope
	}
	p.stats = st
	p.build()
	p.moveTo(at)
}

// SetCollapsed folds the named OPML folders (a saved session's).
func (p *feedsPane) SetCollapsed(names []string) {
	for _, n := range names {
		p.collapsed[n] = true
	}
	p.build()
}

// Collapsed returns the folded folders, for the session.
func (p *feedsPane) Collapsed() []string {
	var out []string
	for _, f := range p.stats.Feeds {
		if p.collapsed[f.Folder] && (len(out) == 0 || out[len(out)-1] != f.Folder) {
			out = append(out, f.Folder)
		}
	}
	return out
}

// Select marks scope as the part listed and puts the cursor on it.
func (p *feedsPane) Select(scope library.Scope) {
	p.selected = scope
	p.moveTo(scope)
}

// moveTo puts the cursor on scope's row, or its folder's when folded.
func (p *feedsPane) moveTo(scope library.Scope) {
	for i, r := range p.rows {
		if r.scope == scope || (r.kind == rowGroup && p.groupOf(scope) == r.scope.Group) {
			p.cursor = i
			break
		}
	}
	p.cursor = max(0, min(p.cursor, len(p.rows)-1))
	p.version++
	p.scroll()
}

// groupOf returns the OPML folder of a feed's scope, "" for none.
func (p *feedsPane) groupOf(s library.Scope) string {
	if s.Feed == "" {
		return ""
	}
	for _, f := range p.stats.Feeds {
		if f.URL == s.Feed {
			return f.Folder
		}
	}
	return ""
}

// Label names a scope as the status line says it: "All", a feed's title,
// a folder's name.
func (p *feedsPane) Label(s library.Scope) string {
	switch {
	case s.Feed != "":
		for _, f := range p.stats.Feeds {
			if f.URL == s.Feed {
				return f.Name()
			}
		}
		return s.Feed
	case s.Group != "":
		return s.Group
	case s.Folder != "":
		for _, f := range p.stats.Folders {
			if f.Path == s.Folder {
				return f.Name + "/"
			}
		}
		return s.Folder
	}
	return "All"
}

// Count returns the counts of a scope as last read.
func (p *feedsPane) Count(s library.Scope) library.Count {
	for _, r := range p.rows {
		if r.scope == s {
			return r.count
		}
	}
	if s.Feed != "" {
		for _, f := range p.stats.Feeds {
			if f.URL == s.Feed {
				return f.Count
			}
		}
	}
	return library.Count{}
}

// FullText reports whether a feed fetches the full text of new items.
func (p *feedsPane) FullText(feed string) bool {
	for _, f := range p.stats.Feeds {
		if f.URL == feed {
			return f.FullText
		}
	}
	return false
}

// CursorScope is the scope of the row under the cursor.
func (p *feedsPane) CursorScope() library.Scope {
	if p.cursor < len(p.rows) {
		return p.rows[p.cursor].scope
	}
	return library.Scope{}
}

// build lays the rows out from the stats and the folded folders.
func (p *feedsPane) build() {
	st := p.stats
	p.rows = append(p.rows[:0], feedRow{kind: rowAll, name: "All", count: st.All})
	feed := func(f library.FeedStats, inGroup bool) feedRow {
		return feedRow{kind: rowFeed, name: f.Name(), scope: library.Scope{Feed: f.URL}, count: f.Count, inGroup: inGroup, failed: f.Err != "", fullText: f.FullText}
	}
	for i := 0; i < len(st.Feeds); {
		f := st.Feeds[i]
		if f.Folder == "" {
			p.rows = append(p.rows, feed(f, false))
			i++
			continue
		}
		j := i
		var sum library.Count
		for ; j < len(st.Feeds) && st.Feeds[j].Folder == f.Folder; j++ {
			sum.Unread += st.Feeds[j].Unread
			sum.Total += st.Feeds[j].Total
		}
		p.rows = append(p.rows, feedRow{kind: rowGroup, name: f.Folder, scope: library.Scope{Group: f.Folder}, count: sum})
		if !p.collapsed[f.Folder] {
			for _, g := range st.Feeds[i:j] {
				p.rows = append(p.rows, feed(g, true))
			}
		}
		i = j
	}
	for _, f := range st.Folders {
		p.rows = append(p.rows, feedRow{kind: rowFolder, name: f.Name + "/", scope: library.Scope{Folder: f.Path}, count: f.Count})
	}
	p.cursor = max(0, min(p.cursor, len(p.rows)-1))
	p.version++
}

// visible is how many rows fit in the pane.
func (p *feedsPane) visible() int { return max(p.h-2, 1) }

func (p *feedsPane) scroll() { p.listNav.scroll(len(p.rows), p.visible()) }

// Update moves the cursor, selects the row under it (Enter, a click) and
// folds an OPML folder.
func (p *feedsPane) Update(msg tea.Msg) tea.Cmd {
	if len(p.rows) == 0 {
		return nil
	}
	n := p.visible()
	move := func(to int) { p.cursor = max(0, min(to, len(p.rows)-1)) }
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if to, ok := cursorMove(msg, p.c.keys, p.cursor, len(p.rows), n); ok {
			move(to)
		} else if key.Matches(msg, p.c.keys.Select) {
			cmd = p.selectCmd()
		}
	case tea.MouseClickMsg:
		if i := p.offset + msg.Y - 1; msg.Y >= 1 && i < len(p.rows) {
			move(i)
			cmd = p.selectCmd()
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			move(p.cursor + 3)
		case tea.MouseWheelUp:
			move(p.cursor - 3)
		}
	}
	p.version++
	p.scroll()
	return cmd
}

// Fold folds or unfolds the OPML folder under the cursor and reports
// whether there was one.
func (p *feedsPane) Fold() bool {
	if p.cursor >= len(p.rows) || p.rows[p.cursor].kind != rowGroup {
		return false
	}
	name := p.rows[p.cursor].name
	p.collapsed[name] = !p.collapsed[name]
	p.build()
	p.scroll()
	return true
}

// selectCmd selects the row under the cursor.
func (p *feedsPane) selectCmd() tea.Cmd {
	s := p.rows[p.cursor].scope
	p.selected = s
	return func() tea.Msg { return feedSelectedMsg{s} }
}

// ShortHelp lists the pane's keys.
func (p *feedsPane) ShortHelp() []key.Binding {
	k := p.c.keys
	return []key.Binding{k.Down, k.Up, k.Select, k.Fold, k.MarkFeedRead, k.RefreshFeed}
}

// FullHelp lists the pane's keys in groups.
func (p *feedsPane) FullHelp() [][]key.Binding {
	k := p.c.keys
	return [][]key.Binding{p.ShortHelp(), {k.NextUnread, k.MarkAllRead, k.Undo, k.HideRead, k.RefreshAll}}
}
