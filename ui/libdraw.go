package ui

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/byline/byline/library"
	"github.com/byline/byline/ui/render"
)

// View draws the label of a filtered list and the articles in view.
func (p *libraryPane) View() string {
	key := fmt.Sprint(p.version, p.w, p.h, p.c.dark)
	return p.cache.get(key, p.draw)
}

// Title is the pane's title: what it lists and where the cursor is.
func (p *libraryPane) Title() string {
	l := p.list()
	name := "Library"
	if p.baseLabel != "" {
		name = p.baseLabel
	}
	switch l.kind {
	case listSearch:
		name = "Search"
	case listMentioning:
		name = "Mentioning"
	}
	if l.total == 0 {
		return name
	}
	total := render.Commas(l.total)
	if !l.exact {
		total += "+"
	}
	return render.Clean(name) + " " + render.Commas(l.cursor+1) + "/" + total
}

func (p *libraryPane) draw() string {
	st := p.c.styles
	w := max(p.w-2, 1)
	l := p.list()
	body := make([]string, 0, p.h)
	if p.Filtered() {
		body = append(body, p.label(w))
	}
	switch {
	case l.err != nil:
		body = append(body, st.Status.Warning.Render(render.Fit(" "+render.Clean(l.err.Error()), w)))
	case l.total == 0 && l.kind == listAll:
		body = append(body, st.Message.Render(render.Fit(" The library is empty.", w)),
			st.Message.Render(render.Fit(" byline add PATH|URL imports articles.", w)))
	case l.total == 0:
		body = append(body, st.Message.Render(render.Fit(" Nothing found.", w)))
	}
	per := p.perRow()
	for i := l.offset; i < l.total && len(body)+per <= p.h-2; i++ {
		body = p.drawRow(body, l, i, w)
	}
	return p.c.box(p.Title(), body, p.w, p.h, p.focused)
}

// label is the first line of a filtered list: what it is and how to leave.
func (p *libraryPane) label(w int) string {
	st := p.c.styles
	l := p.list()
	if p.pending != nil && p.filtered == nil {
		l = p.pending
	}
	text := " /" + render.Clean(l.label)
	if l.kind == listMentioning {
		text = " ◆ " + render.Clean(l.label)
	}
	// Esc leaves the filtered list when the list has the focus; elsewhere
	// it does something else, so the hint is only shown then.
	hint := ""
	if p.focused {
		hint = " " + p.c.keys.Cancel.Help().Key + ": all "
	}
	room := max(w-render.Width(hint), 0)
	count := ""
	if p.pending == nil {
		count = " · " + p.count()
	}
	// A long query gives way to the count, down to a few letters and "…".
	if render.Width(count) > room-minLabelText {
		count = ""
	}
	text = render.Truncate(text, room-render.Width(count))
	return st.Library.Label.Render(text) + st.Library.Meta.Render(count) +
		strings.Repeat(" ", max(room-render.Width(text)-render.Width(count), 0)) + st.Message.Render(hint)
}

// minLabelText is the fewest cells of a filtered list's label kept for
// the query (or the name): " /" or " ◆ ", a letter or two and "…".
const minLabelText = 6

// drawRow appends the lines of row i: the marks and the title, the date
// and the source, and the snippet of a search result.
func (p *libraryPane) drawRow(body []string, l *rowList, i, w int) []string {
	st := p.c.styles
	per := p.perRow()
	r, ok := l.row(i)
	if !ok {
		body = append(body, st.Message.Render(render.Fit("    …", w)))
		for range per - 1 {
			body = append(body, "")
		}
		return body
	}
	cur, dot, star := " ", " ", " "
	if r.ID == p.current {
		cur = st.Articles.Current.Render("▌")
	}
	if !r.Read {
		dot = st.Library.Unread.Render("●")
	}
	if r.Starred {
		star = st.Library.Star.Render("★")
	}
	name := r.Title
	if strings.TrimSpace(name) == "" {
		name = sourceName(r.Source)
	}
	title := render.Fit(render.Clean(name), max(w-4, 0))
	switch {
	case p.focused && i == l.cursor:
		title = st.Articles.Cursor.Render(title)
	case r.ID == p.current:
		title = st.Articles.Current.Render(title)
	case r.Read:
		title = st.Library.Read.Render(title)
	default:
		title = st.Articles.Item.Render(title)
	}
	body = append(body, cur+dot+star+" "+title)
	meta := r.Origin
	if meta == "" {
		meta = sourceName(r.Source)
	}
	if d := r.DateString(); d != "" {
		meta = d + " · " + meta
	}
	body = append(body, "    "+st.Library.Meta.Render(render.Fit(render.Clean(meta), max(w-4, 0))))
	if per == 3 {
		body = append(body, "    "+markedLine(r.snippet, r.marks, max(w-4, 0), st.Library.Snippet, st.Marks[render.MarkMatch]))
	}
	return body
}

// sourceName is a short name for an article's source: a URL's host, a
// file's name.
func sourceName(src string) string {
	if u, err := url.Parse(src); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return filepath.Base(src)
}

// articleHeader is the reader's header for a library article: its feed
// (or file), author and date; and its link, for an article from the web.
func articleHeader(e library.Entry) (meta, link string) {
	from := e.Origin
	if from == "" {
		from = sourceName(e.Source)
	}
	parts := []string{from}
	if e.Byline != "" {
		parts = append(parts, e.Byline)
	}
	if d := e.DateString(); d != "" {
		parts = append(parts, d)
	}
	if u, err := url.Parse(e.Source); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		link = e.Source
	}
	return strings.Join(parts, " · "), link
}
