package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// articlesPane lists the open articles (title and date) when there are
// several.
type articlesPane struct {
	c       *common
	w, h    int
	focused bool
	titles  []string
	dates   []string
	current int
	listNav
	cache viewCache
}

func newArticlesPane(c *common) *articlesPane { return &articlesPane{c: c} }

// Name names the pane on the help screen.
func (p *articlesPane) Name() string { return "Articles" }

// SetSize sets the pane's outer size.
func (p *articlesPane) SetSize(w, h int) { p.w, p.h = w, h; p.scroll() }

// Focus puts the cursor on the current article.
func (p *articlesPane) Focus() { p.focused = true; p.cursor = p.current; p.scroll() }

// Blur takes the focus away.
func (p *articlesPane) Blur() { p.focused = false }

// SetArticles lists the articles.
func (p *articlesPane) SetArticles(as []*model.Article) {
	p.titles, p.dates = p.titles[:0], p.dates[:0]
	for _, a := range as {
		p.titles = append(p.titles, render.Clean(a.Title))
		p.dates = append(p.dates, a.DateString())
	}
	p.cache = viewCache{}
}

// SetCurrent marks the article being read and puts the cursor on it, so
// that Enter after J or K opens the article under the cursor.
func (p *articlesPane) SetCurrent(i int) {
	p.current = i
	p.cursor = i
	p.scroll()
}

func (p *articlesPane) rows() int { return max(p.h-2, 1) }

func (p *articlesPane) scroll() { p.listNav.scroll(len(p.titles), p.rows()) }

// Update moves the cursor and opens an article on Enter or a click.
func (p *articlesPane) Update(msg tea.Msg) tea.Cmd {
	n := len(p.titles)
	if n == 0 {
		return nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if !p.moveKey(msg, p.c.keys, n, p.rows()) && key.Matches(msg, p.c.keys.Select) {
			return openArticleCmd(p.cursor)
		}
	case tea.MouseClickMsg:
		if i := p.offset + (msg.Y-1)/p.perRow(); msg.Y >= 1 && i >= 0 && i < n {
			p.cursor = i
			return openArticleCmd(i)
		}
	case tea.MouseWheelMsg:
		p.wheel(msg.Button, n, p.rows())
	}
	return nil
}

// View draws one row per article: a marker, the title and the date.
func (p *articlesPane) View() string {
	key := fmt.Sprint(p.w, p.h, p.focused, p.current, p.cursor, p.offset, len(p.titles), p.c.dark)
	return p.cache.get(key, p.draw)
}

func (p *articlesPane) draw() string {
	st := &p.c.styles.Articles
	w := max(p.w-2, 1)
	per := p.perRow()
	body := make([]string, 0, p.rows())
	for i := p.offset; i < len(p.titles) && len(body)+per <= max(p.rows(), per); i++ {
		marker := "  "
		if i == p.current {
			marker = "▌ "
		}
		title := render.Fit(p.titles[i], max(w-2, 0))
		date := render.Fit(p.dates[i], max(w-2, 0))
		switch {
		case p.focused && i == p.cursor:
			body = append(body, st.Current.Render(marker)+st.Cursor.Render(title))
		case i == p.current:
			body = append(body, st.Current.Render(marker+title))
		default:
			body = append(body, marker+st.Item.Render(title))
		}
		if per == 2 {
			body = append(body, "  "+st.Date.Render(date))
		}
	}
	return p.c.box(fmt.Sprintf("Articles %d/%d", p.current+1, len(p.titles)), body, p.w, p.h, p.focused)
}

// perRow is how many lines each article takes: two (title, then date)
// when they all fit, else one.
func (p *articlesPane) perRow() int {
	if 2*len(p.titles) <= p.rows() {
		return 2
	}
	return 1
}

// ShortHelp lists the pane's keys.
func (p *articlesPane) ShortHelp() []key.Binding {
	k := p.c.keys
	return []key.Binding{k.Down, k.Up, k.Select, k.NextArticle, k.PrevArticle}
}

// FullHelp lists the pane's keys in groups.
func (p *articlesPane) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }
