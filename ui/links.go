package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// followLinkMsg asks the article view to open a link inside byline.
type followLinkMsg struct{ link model.Link }

func followLinkCmd(l model.Link) tea.Cmd { return func() tea.Msg { return followLinkMsg{l} } }

// linksPane is the Links pane (L): the article's links numbered in
// reading order, each its text and, below, its address as written. Enter
// follows the link under the cursor inside byline; the article view
// opens it in the browser (o) and copies it (y).
type linksPane struct {
	c       *common
	w, h    int
	focused bool
	links   []model.Link
	// texts and urls are the links' text and address as shown: cleaned
	// of anything a terminal would act on.
	texts, urls []string
	cursor      int // index into links
	offset      int // the first row shown
	cache       viewCache
}

func newLinks(c *common) *linksPane { return &linksPane{c: c} }

// Name names the pane on the help screen.
func (p *linksPane) Name() string { return "Links" }

// SetSize sets the pane's outer size.
func (p *linksPane) SetSize(w, h int) { p.w, p.h = w, h; p.scroll() }

// Focus gives the pane the keys.
func (p *linksPane) Focus() { p.focused = true }

// Blur takes the focus away.
func (p *linksPane) Blur() { p.focused = false }

// SetArticle lists a's links, the cursor on the first.
func (p *linksPane) SetArticle(a *model.Article) {
	p.links, p.texts, p.urls = nil, nil, nil
	if a != nil {
		p.links = a.Links
	}
	for _, l := range p.links {
		text := render.Clean(l.Text)
		if !l.InText() {
			text = "this article: " + text
		}
		p.texts = append(p.texts, text)
		p.urls = append(p.urls, render.Clean(l.URL))
	}
	p.cursor, p.offset = 0, 0
	p.cache = viewCache{}
}

// Len is the number of links.
func (p *linksPane) Len() int { return len(p.links) }

// Selected is the link under the cursor.
func (p *linksPane) Selected() (model.Link, bool) {
	if p.cursor < 0 || p.cursor >= len(p.links) {
		return model.Link{}, false
	}
	return p.links[p.cursor], true
}

// rows is the number of rows for the list: all but the borders.
func (p *linksPane) rows() int { return max(p.h-2, 1) }

// lines is how many rows link i takes: its text, and its address when
// that is not the same — the whole address for the link under the
// cursor, on as many rows as it needs, one cut row for the others.
func (p *linksPane) lines(i int) int {
	switch {
	case i == p.cursor:
		n := len(p.urlRows(i))
		if p.urls[i] == p.texts[i] {
			return max(n, 1)
		}
		return 1 + n
	case p.urls[i] == p.texts[i]:
		return 1
	}
	return 2
}

// room is the width of a row after the link numbers.
func (p *linksPane) room() int { return max(p.w-2-p.numW(), 1) }

// numW is the width of a row's number column: " 12 ".
func (p *linksPane) numW() int { return len(fmt.Sprint(len(p.links))) + 2 }

// urlRows is link i's address cut into rows of the pane's width.
func (p *linksPane) urlRows(i int) []string {
	var out []string
	for s, w := p.urls[i], p.room(); s != ""; {
		n, _ := render.Cut(s, w)
		if n == 0 {
			n = len(s)
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// rowOf is the first row of link i.
func (p *linksPane) rowOf(i int) int {
	r := 0
	for j := 0; j < i; j++ {
		r += p.lines(j)
	}
	return r
}

// linkAt is the link shown on row r, or -1.
func (p *linksPane) linkAt(r int) int {
	for i := range p.links {
		if n := p.lines(i); r < n {
			return i
		} else {
			r -= n
		}
	}
	return -1
}

// scroll keeps the cursor's rows on screen.
func (p *linksPane) scroll() {
	if len(p.links) == 0 {
		p.offset = 0
		return
	}
	first := p.rowOf(p.cursor)
	last := first + p.lines(p.cursor) - 1
	if first < p.offset {
		p.offset = first
	}
	if last >= p.offset+p.rows() {
		p.offset = last - p.rows() + 1
	}
	p.offset = max(0, min(p.offset, p.rowOf(len(p.links))-p.rows()))
}

// Update moves the cursor; Enter or a click follows the link under it.
func (p *linksPane) Update(msg tea.Msg) tea.Cmd {
	if len(p.links) == 0 {
		return nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if to, ok := cursorMove(msg, p.c.keys, p.cursor, len(p.links), p.rows()); ok {
			p.cursor = to
		} else if key.Matches(msg, p.c.keys.Select) {
			return followLinkCmd(p.links[p.cursor])
		}
		p.scroll()
	case tea.MouseClickMsg:
		if i := p.linkAt(p.offset + msg.Y - 1); msg.Y >= 1 && i >= 0 {
			p.cursor = i
			return followLinkCmd(p.links[i])
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			p.offset = max(0, min(p.offset+3, p.rowOf(len(p.links))-p.rows()))
		case tea.MouseWheelUp:
			p.offset = max(p.offset-3, 0)
		}
	}
	return nil
}

// View draws the numbered list.
func (p *linksPane) View() string {
	key := fmt.Sprint(p.w, p.h, p.focused, p.cursor, p.offset, len(p.links), p.c.dark)
	return p.cache.get(key, p.draw)
}

func (p *linksPane) draw() string {
	st := p.c.styles
	w := max(p.w-2, 1)
	body := make([]string, 0, p.h)
	if len(p.links) == 0 {
		body = append(body, st.Message.Render(render.Fit(" no links", w)))
	}
	room := p.room()
	indent := strings.Repeat(" ", p.numW())
	for i := p.linkAt(p.offset); i >= 0 && i < len(p.links) && len(body) < p.rows(); i++ {
		num := fmt.Sprintf(" %*d ", p.numW()-2, i+1)
		var rows []string
		if p.urls[i] != p.texts[i] || i != p.cursor {
			text := render.Fit(p.texts[i], room)
			if p.focused && i == p.cursor {
				rows = append(rows, st.Links.Cursor.Render(num+text))
			} else {
				rows = append(rows, st.Links.Number.Render(num)+st.Marks[render.MarkLink].Render(text))
			}
		}
		urls := []string{render.Fit(p.urls[i], room)}
		switch {
		case i == p.cursor:
			urls = p.urlRows(i)
		case p.urls[i] == p.texts[i]:
			urls = nil
		}
		for j, u := range urls {
			lead := indent
			if len(rows) == 0 && j == 0 {
				lead = num
			}
			u = render.Fit(u, room)
			if p.focused && i == p.cursor && p.urls[i] == p.texts[i] {
				rows = append(rows, st.Links.Cursor.Render(lead+u))
			} else {
				rows = append(rows, st.Links.Number.Render(lead)+st.Links.URL.Render(u))
			}
		}
		// The first link shown may start above the pane.
		if skip := p.offset - p.rowOf(i); skip > 0 {
			rows = rows[min(skip, len(rows)):]
		}
		body = append(body, rows...)
	}
	body = body[:min(len(body), p.rows())]
	title := "Links"
	if len(p.links) > 0 {
		title = fmt.Sprintf("Links %d/%d", p.cursor+1, len(p.links))
	}
	sb := scrollbar{top: p.offset, shown: p.rows(), total: p.rowOf(len(p.links))}
	return p.c.drawBox(title, body, p.w, p.h, p.focused, false, sb)
}

// ShortHelp lists the pane's keys.
func (p *linksPane) ShortHelp() []key.Binding {
	k := p.c.keys
	return []key.Binding{k.Down, k.Up, k.Select, k.Open, k.Copy, k.Back, k.Links}
}

// FullHelp lists the pane's keys in groups.
func (p *linksPane) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }
