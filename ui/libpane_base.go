package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/library"
)

// The Articles pane's whole list as the Feeds pane selects it: its query,
// installed at the row the person left or the article under the cursor,
// and marks applied to every row listed.

// SetBase makes the whole list q's: its first page arrives with SetFirst
// or SetAt.
func (p *libraryPane) SetBase(q library.Query, label string) { p.base, p.baseLabel = q, label }

// SetAt installs the page of the whole list holding row cursor, the list
// being total rows long, and puts the cursor there with the row at
// offset on top: where the person left the list, or the same article as
// before after new ones arrived above it.
func (p *libraryPane) SetAt(total, cursor, offset int, page int, rows []libRow) tea.Cmd {
	p.all = p.newList(listAll, "", pageSize, baseLoader(p.lib, p.base))
	p.all.total, p.all.exact, p.all.more = total, true, false
	p.all.asked[page] = true
	p.all.add(libPageMsg{gen: p.all.gen, page: page, rows: rows})
	p.all.cursor = max(0, min(cursor, total-1))
	p.all.offset = max(0, offset)
	p.version++
	p.scroll()
	return p.need()
}

// UpdateAll applies f to every article listed.
func (p *libraryPane) UpdateAll(f func(*library.Entry)) {
	for _, l := range append([]*rowList{p.all, p.filtered, p.pending}, p.back...) {
		if l != nil {
			for _, pg := range l.pages {
				for i := range pg {
					f(&pg[i].Entry)
				}
			}
		}
	}
	p.version++
}
