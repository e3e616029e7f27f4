package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/library"
	"github.com/byline/byline/model"
)

// libRow is one article of a library list: its entry and, for a search
// result, the snippet with the query's terms marked.
type libRow struct {
	library.Entry
	snippet string
	marks   [][2]int
}

// listKind says what a library list shows.
type listKind int

const (
	listAll listKind = iota
	listSearch
	listMentioning
)

// pageSize is how many entries of the whole library are read at a time;
// searchPage how many search results (each with a snippet cut from its
// body, so fewer): more than two screens, so that a keystroke's results
// are one query.
const (
	pageSize   = 100
	searchPage = 50
)

// loader reads rows [offset, offset+limit) of a list; limit <= 0 means all.
type loader func(ctx context.Context, offset, limit int) ([]libRow, error)

// counter counts the rows of a list whose length is not known up front
// (a search), without reading snippets.
type counter func(ctx context.Context) (int, error)

// rowList is one list of the Articles pane: the whole library, a search's
// results or the articles mentioning an entity. Its rows are read a page at
// a time, in tea.Cmds, as they scroll into view; none holds a body.
type rowList struct {
	kind listKind
	// label is the query or the entity's name.
	label string
	// snippets says rows have a snippet line.
	snippets bool
	// gen identifies the list: pages of an older list are dropped.
	gen  int
	size int // rows per page; 0 reads everything at once
	load loader
	// count, for an open-ended list, counts its rows so that G can reach
	// the last one without reading every page before it.
	count counter

	pages map[int][]libRow
	asked map[int]bool
	// total is the number of rows; when !exact, the rows read so far, and
	// more says the last page read was full.
	total       int
	exact, more bool
	err         error
	// counting says the count and last page are being read; toEnd that
	// the cursor follows the end of the list until its length is known
	// (G was pressed before it was).
	counting, toEnd bool

	cursor, offset int
}

func newRowList(kind listKind, label string, gen, size int, load loader) *rowList {
	return &rowList{kind: kind, label: label, gen: gen, size: size, load: load,
		pages: map[int][]libRow{}, asked: map[int]bool{}, more: true}
}

// libPageMsg delivers one page of a list; counted says total is the
// list's length, counted with the page.
type libPageMsg struct {
	gen, page int
	rows      []libRow
	err       error
	total     int
	counted   bool
}

func (libPageMsg) isLibMsg() {}

// pageOf returns the page holding row i.
func (l *rowList) pageOf(i int) int {
	if l.size <= 0 {
		return 0
	}
	return i / l.size
}

// row returns row i, or false when its page is not read yet.
func (l *rowList) row(i int) (*libRow, bool) {
	if i < 0 {
		return nil, false
	}
	p, ok := l.pages[l.pageOf(i)]
	if !ok {
		return nil, false
	}
	j := i
	if l.size > 0 {
		j = i % l.size
	}
	if j >= len(p) {
		return nil, false
	}
	return &p[j], true
}

// fetch returns the command reading page p, or nil when it was asked for.
func (l *rowList) fetch(ctx context.Context, p int) tea.Cmd {
	if l.asked[p] || p < 0 || (l.exact && l.size > 0 && p*l.size >= l.total) {
		return nil
	}
	l.asked[p] = true
	gen, size, load := l.gen, l.size, l.load
	return func() tea.Msg {
		rows, err := load(ctx, p*max(size, 0), size)
		return libPageMsg{gen: gen, page: p, rows: rows, err: err}
	}
}

// fetchEnd returns the command counting an open-ended list and reading
// its last page, or nil when the length is known or being counted.
func (l *rowList) fetchEnd(ctx context.Context) tea.Cmd {
	if l.exact || l.counting || l.count == nil || l.size <= 0 {
		return nil
	}
	l.counting = true
	gen, size, load, count := l.gen, l.size, l.load, l.count
	return func() tea.Msg {
		n, err := count(ctx)
		if err != nil {
			return libPageMsg{gen: gen, page: -1, err: err, counted: true}
		}
		p := max(n-1, 0) / size
		rows, err := load(ctx, p*size, size)
		return libPageMsg{gen: gen, page: p, rows: rows, err: err, total: n, counted: true}
	}
}

// need returns the commands reading the pages of rows [from, to) not read
// yet, and the next page when the end of an open-ended list is in view.
func (l *rowList) need(ctx context.Context, from, to int) []tea.Cmd {
	var cmds []tea.Cmd
	if l.size <= 0 {
		if c := l.fetch(ctx, 0); c != nil {
			cmds = append(cmds, c)
		}
		return cmds
	}
	from = max(from, 0)
	if l.exact {
		to = min(to, l.total)
	} else {
		to = min(to, l.total)
		if l.more && to >= l.total-l.size/2 {
			to = l.total + 1
		}
	}
	for p := l.pageOf(from); p*l.size < to; p++ {
		if c := l.fetch(ctx, p); c != nil {
			cmds = append(cmds, c)
		}
	}
	return cmds
}

// add stores a page that arrived.
func (l *rowList) add(msg libPageMsg) {
	if msg.counted {
		l.counting = false
	}
	if msg.err != nil {
		l.err = msg.err
		delete(l.asked, msg.page)
		return
	}
	l.pages[msg.page] = msg.rows
	l.asked[msg.page] = true
	switch {
	case msg.counted:
		l.total, l.exact, l.more = msg.total, true, false
	case l.size <= 0:
		l.total, l.exact, l.more = len(msg.rows), true, false
	case !l.exact:
		if end := msg.page*l.size + len(msg.rows); end > l.total {
			l.total = end
		}
		if len(msg.rows) < l.size {
			l.more = false
			l.exact = true
			l.total = msg.page*l.size + len(msg.rows)
		}
	}
	if !l.snippets {
		for _, r := range msg.rows {
			if r.snippet != "" {
				l.snippets = true
				break
			}
		}
	}
	if l.toEnd {
		l.cursor = l.total - 1
		l.toEnd = !l.exact
	}
	l.cursor = max(0, min(l.cursor, l.total-1))
}

// update applies f to every row of article id read so far.
func (l *rowList) update(id int64, f func(*library.Entry)) {
	for _, p := range l.pages {
		for i := range p {
			if p[i].ID == id {
				f(&p[i].Entry)
			}
		}
	}
}

// Loaders for the three kinds of lists.

// baseLoader reads the whole list: every article, or the Feeds pane's
// selection with read articles hidden or not.
func baseLoader(lib *library.Library, q library.Query) loader {
	return func(ctx context.Context, offset, limit int) ([]libRow, error) {
		if q.Empty() {
			es, err := lib.List(ctx, offset, limit)
			return entryRows(es), err
		}
		if limit <= 0 {
			limit = -1
		}
		rs, err := lib.SearchQuery(ctx, q, library.SearchOptions{Offset: offset, Limit: limit, NoSnippets: true})
		rows := make([]libRow, len(rs))
		for i, r := range rs {
			rows[i] = libRow{Entry: r.Entry}
		}
		return rows, err
	}
}

// searchLoader reads the pages of a search's results.
func searchLoader(lib *library.Library, query string, prefix bool) loader {
	return func(ctx context.Context, offset, limit int) ([]libRow, error) {
		rs, err := lib.Search(ctx, query, library.SearchOptions{Prefix: prefix, Offset: offset, Limit: limit})
		rows := make([]libRow, len(rs))
		for i, r := range rs {
			rows[i] = libRow{Entry: r.Entry, snippet: r.Snippet, marks: r.Marks}
		}
		return rows, err
	}
}

// searchCounter counts a search's results (Search completes a last word
// that matches nothing as typed, as the pages do).
func searchCounter(lib *library.Library, query string, prefix bool) counter {
	return func(ctx context.Context) (int, error) {
		rs, err := lib.Search(ctx, query, library.SearchOptions{Prefix: prefix, Limit: -1, NoSnippets: true})
		return len(rs), err
	}
}

func mentioningLoader(lib *library.Library, name string, t model.EntityType) loader {
	return func(ctx context.Context, _, _ int) ([]libRow, error) {
		es, err := lib.ArticlesMentioning(ctx, name, t, 0)
		return entryRows(es), err
	}
}

func entryRows(es []library.Entry) []libRow {
	rows := make([]libRow, len(es))
	for i, e := range es {
		rows[i].Entry = e
	}
	return rows
}
