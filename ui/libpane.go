package ui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/library"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// openEntryMsg asks the root to open the library's article id.
type openEntryMsg struct{ id int64 }

func (openEntryMsg) isLibMsg() {}

// libraryPane is the Articles pane on a library: every article newest
// first, or a search's results, or the articles mentioning a person or
// place. Rows are read a page at a time as they scroll into view; the
// whole list is kept while a filtered one is shown, so that Esc returns
// to it where it was.
type libraryPane struct {
	c       *common
	ctx     context.Context
	lib     *library.Library
	w, h    int
	focused bool

	all *rowList
	// base is what the whole list shows: the Feeds pane's selection, read
	// articles hidden or not; the zero Query is the whole library.
	base library.Query
	// baseLabel names the selection in the pane's title ("" for all).
	baseLabel string
	// filtered is the search or mentioning list shown instead of all;
	// pending a search whose first page has not arrived (the previous
	// results stay on screen until it does).
	filtered, pending *rowList
	// back are the filtered lists a mentioning list was opened from, for
	// Esc to return to.
	back []*rowList
	gen  int
	// current is the id of the article open in the reader, 0 for none.
	current int64
	// version changes with every change of what is drawn.
	version int
	cache   viewCache
}

func newLibraryPane(c *common, ctx context.Context, lib *library.Library) *libraryPane {
	p := &libraryPane{c: c, ctx: ctx, lib: lib}
	p.all = p.newList(listAll, "", pageSize, baseLoader(lib, library.Query{}))
	return p
}

func (p *libraryPane) newList(kind listKind, label string, size int, load loader) *rowList {
	p.gen++
	return newRowList(kind, label, p.gen, size, load)
}

// Name names the pane on the help screen.
func (p *libraryPane) Name() string { return "Articles" }

// SetSize sets the pane's outer size.
func (p *libraryPane) SetSize(w, h int) { p.w, p.h = w, h; p.scroll() }

// Focus gives the pane the keys.
func (p *libraryPane) Focus() { p.focused = true; p.version++ }

// Blur takes the focus away.
func (p *libraryPane) Blur() { p.focused = false; p.version++ }

// list is the list on screen.
func (p *libraryPane) list() *rowList {
	if p.filtered != nil {
		return p.filtered
	}
	return p.all
}

// Filtered reports whether a search or mentioning list is shown (or
// being read).
func (p *libraryPane) Filtered() bool { return p.filtered != nil || p.pending != nil }

// SetFirst installs the first page of the whole library with its size,
// as read when the app starts or after a refresh added articles; the
// cursor stays on the same row.
func (p *libraryPane) SetFirst(total int, rows []libRow) tea.Cmd {
	old := p.all
	p.all = p.newList(listAll, "", pageSize, baseLoader(p.lib, p.base))
	p.all.total, p.all.exact, p.all.more = total, true, false
	p.all.asked[0] = true
	p.all.add(libPageMsg{gen: p.all.gen, rows: rows})
	p.all.cursor = max(0, min(old.cursor, total-1))
	p.all.offset = old.offset
	p.version++
	p.scroll()
	return p.need()
}

// Search shows the results of query, read in the background; the
// previous list stays until they arrive. An empty query shows the whole
// library again.
func (p *libraryPane) Search(query string, prefix bool) tea.Cmd {
	if strings.TrimSpace(query) == "" {
		p.ClearFilter()
		return nil
	}
	p.back = nil // Esc after a search returns to the whole library
	p.pending = p.newList(listSearch, query, searchPage, searchLoader(p.lib, query, prefix))
	p.pending.count = searchCounter(p.lib, query, prefix)
	p.version++
	return p.pending.fetch(p.ctx, 0)
}

// ShowMentioning lists the articles mentioning an entity.
func (p *libraryPane) ShowMentioning(name string, t model.EntityType) tea.Cmd {
	if p.filtered != nil {
		p.back = append(p.back, p.filtered)
	}
	p.pending = p.newList(listMentioning, name, 0, mentioningLoader(p.lib, name, t))
	p.version++
	return p.pending.fetch(p.ctx, 0)
}

// ClearFilter goes back to the whole library, where it was left.
func (p *libraryPane) ClearFilter() {
	p.filtered, p.pending, p.back = nil, nil, nil
	p.version++
	p.scroll()
}

// Back returns to the list shown before the filtered one: the search a
// mentioning list was opened from, or the whole library.
func (p *libraryPane) Back() {
	if p.pending != nil {
		// Still being read: stay on the list shown.
		p.pending = nil
		if n := len(p.back); n > 0 && p.back[n-1] == p.filtered {
			p.back = p.back[:n-1]
		}
		if p.filtered == nil {
			p.ClearFilter()
		}
		p.version++
		return
	}
	if n := len(p.back); n > 0 && p.pending == nil {
		p.filtered, p.back = p.back[n-1], p.back[:n-1]
		p.version++
		p.scroll()
		return
	}
	p.ClearFilter()
}

// Searching reports the state of the search for the prompt: "searching…"
// until the first results arrive, then how many there are.
func (p *libraryPane) Searching() string {
	switch l := p.filtered; {
	case p.pending != nil:
		return "searching…"
	case l == nil:
		return ""
	case l.err != nil:
		return "search failed"
	case l.total == 0:
		return "no results"
	}
	return p.count()
}

// count is how many rows the filtered list has: "1 result", "50+ results"
// while more may follow the rows read so far.
func (p *libraryPane) count() string {
	l := p.list()
	noun := "result"
	if l.kind == listMentioning {
		noun = "article"
	}
	if !l.exact {
		return render.Commas(l.total) + "+ " + noun + "s"
	}
	return render.Plural(l.total, noun, noun+"s")
}

// Page stores a page that arrived and asks for the pages now in view.
func (p *libraryPane) Page(msg libPageMsg) tea.Cmd {
	var l *rowList
	switch {
	case p.pending != nil && msg.gen == p.pending.gen:
		l = p.pending
		p.filtered, p.pending = l, nil
	case p.filtered != nil && msg.gen == p.filtered.gen:
		l = p.filtered
	case msg.gen == p.all.gen:
		l = p.all
	default:
		// A page of a list Esc returns to, kept for then; else a stale
		// page: a newer search replaced its list.
		for _, b := range p.back {
			if b.gen == msg.gen {
				b.add(msg)
			}
		}
		return nil
	}
	l.add(msg)
	p.version++
	p.scroll()
	return p.need()
}

// need asks for the pages of the rows on screen and of a screen either
// side of them.
func (p *libraryPane) need() tea.Cmd {
	l := p.list()
	n := p.visible()
	return tea.Batch(l.need(p.ctx, l.offset-n, l.offset+2*n)...)
}

// SetCurrent marks the article open in the reader.
func (p *libraryPane) SetCurrent(id int64) { p.current = id; p.version++ }

// UpdateEntry applies f to article id wherever it is listed.
func (p *libraryPane) UpdateEntry(id int64, f func(*library.Entry)) {
	for _, l := range []*rowList{p.all, p.filtered, p.pending} {
		if l != nil {
			l.update(id, f)
		}
	}
	p.version++
}

// CursorEntry returns the entry under the cursor, if it is read.
func (p *libraryPane) CursorEntry() (library.Entry, bool) {
	l := p.list()
	r, ok := l.row(l.cursor)
	if !ok {
		return library.Entry{}, false
	}
	return r.Entry, true
}

// Adjacent returns the id of the article d rows from the open one (or
// from the cursor when the open one is not in the list) and moves the
// cursor there.
func (p *libraryPane) Adjacent(d int) (int64, bool) {
	l := p.list()
	from := l.cursor
	for i := max(l.offset-p.visible(), 0); i < min(l.total, l.offset+2*p.visible()); i++ {
		if r, ok := l.row(i); ok && r.ID == p.current {
			from = i
			break
		}
	}
	r, ok := l.row(from + d)
	if !ok {
		return 0, false
	}
	l.cursor = from + d
	p.version++
	p.scroll()
	return r.ID, true
}

// perRow is the number of lines of one article: title, date and source,
// and the snippet for search results.
func (p *libraryPane) perRow() int {
	if l := p.list(); l.snippets {
		return 3
	}
	return 2
}

// labelLines is the lines the label of a filtered list takes.
func (p *libraryPane) labelLines() int {
	if p.Filtered() {
		return 1
	}
	return 0
}

// visible is how many articles fit in the pane.
func (p *libraryPane) visible() int {
	return max((p.h-2-p.labelLines())/p.perRow(), 1)
}

func (p *libraryPane) scroll() {
	l := p.list()
	n := p.visible()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+n {
		l.offset = l.cursor - n + 1
	}
	l.offset = max(0, min(l.offset, l.total-n))
}

// Update moves the cursor, reading the pages it reaches, and opens the
// article under it on Enter or a click.
func (p *libraryPane) Update(msg tea.Msg) tea.Cmd {
	l := p.list()
	if l.total == 0 {
		return nil
	}
	n := p.visible()
	move := func(to int) { l.cursor = max(0, min(to, l.total-1)) }
	// Any move but G stops following the end of a list still being read.
	l.toEnd = false
	var end tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := p.c.keys
		switch {
		case key.Matches(msg, k.Bottom):
			// The last row read so far, then the true last one once
			// the list is counted.
			move(l.total - 1)
			if !l.exact {
				l.toEnd = true
				end = l.fetchEnd(p.ctx)
			}
		case key.Matches(msg, k.PageDown, k.PageUp):
			// A page turns the window with the cursor.
			to, _ := cursorMove(msg, k, l.cursor, l.total, n)
			l.offset += to - l.cursor
			move(to)
		case key.Matches(msg, k.Select):
			if r, ok := l.row(l.cursor); ok {
				id := r.ID
				return func() tea.Msg { return openEntryMsg{id} }
			}
		default:
			if to, ok := cursorMove(msg, k, l.cursor, l.total, n); ok {
				move(to)
			}
		}
	case tea.MouseClickMsg:
		i := l.offset + (msg.Y-1-p.labelLines())/p.perRow()
		if msg.Y >= 1+p.labelLines() && i < l.total {
			move(i)
			if r, ok := l.row(i); ok {
				id := r.ID
				p.version++
				return func() tea.Msg { return openEntryMsg{id} }
			}
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			l.offset = max(0, min(l.offset+3, l.total-n))
			l.cursor = max(l.cursor, l.offset)
		case tea.MouseWheelUp:
			l.offset = max(l.offset-3, 0)
			l.cursor = min(l.cursor, l.offset+n-1)
		}
	}
	p.version++
	p.scroll()
	return tea.Batch(end, p.need())
}

// ShortHelp lists the pane's keys.
func (p *libraryPane) ShortHelp() []key.Binding {
	k := p.c.keys
	return []key.Binding{k.Down, k.Up, k.Select, k.Search, k.Read, k.Star}
}

// FullHelp lists the pane's keys in groups.
func (p *libraryPane) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }
