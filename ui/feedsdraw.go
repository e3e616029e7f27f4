package ui

import (
	"fmt"

	"github.com/byline/byline/ui/render"
)

// View draws the rows in view.
func (p *feedsPane) View() string {
	return p.cache.get(fmt.Sprint(p.version, p.w, p.h, p.c.dark, p.busy), p.draw)
}

func (p *feedsPane) draw() string {
	st := p.c.styles
	w := max(p.w-2, 1)
	body := make([]string, 0, p.h)
	for i := p.offset; i < len(p.rows) && len(body) < p.h-2; i++ {
		r := p.rows[i]
		counts := render.Commas(r.count.Unread) + "/" + render.Commas(r.count.Total) + " "
		mark := " "
		switch {
		case r.scope == p.selected || (r.kind == rowGroup && p.collapsed[r.name] && p.groupOf(p.selected) == r.name):
			mark = st.Articles.Current.Render("▌")
		}
		lead := ""
		switch r.kind {
		case rowGroup:
			lead = "▾ "
			if p.collapsed[r.name] {
				lead = "▸ "
			}
		case rowFeed:
			if r.inGroup {
				lead = "  "
			}
		}
		flag := " "
		switch {
		case r.scope.Feed != "" && r.scope.Feed == p.busy:
			flag = st.Library.Label.Render("↻")
		case r.failed:
			flag = st.Status.Warning.Render("!")
		case r.fullText:
			flag = st.Library.Meta.Render("¶")
		}
		name := render.Fit(lead+render.Clean(r.name), max(w-3-render.Width(counts), 0))
		switch {
		case p.focused && i == p.cursor:
			name = st.Articles.Cursor.Render(name)
		case r.scope == p.selected:
			name = st.Articles.Current.Render(name)
		case r.count.Unread == 0:
			name = st.Library.Read.Render(name)
		default:
			name = st.Articles.Item.Render(name)
		}
		countStyle := st.Library.Meta
		if r.count.Unread > 0 {
			countStyle = st.Library.Unread
		}
		body = append(body, mark+flag+" "+name+countStyle.Render(counts))
	}
	title := "Feeds"
	if len(p.rows) > 0 {
		title += " " + render.Commas(p.cursor+1) + "/" + render.Commas(len(p.rows))
	}
	return p.c.box(title, body, p.w, p.h, p.focused)
}
