package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// The article view's links: the Links pane (L), following a link inside
// byline as `byline URL` reads it, and the way back.

// visit is an article left by following one of its links, and where it
// was being read.
type visit struct {
	art  *model.Article
	sec  int
	frac float64
}

// linkFetchedMsg carries the articles read from a followed link.
type linkFetchedMsg struct {
	url  string
	arts []*model.Article
	err  error
}

// fetchLinkCmd fetches u and extracts its articles as `byline URL` does:
// a page gives one, a feed one per item, people and places recognised.
// Everything in them is sanitised by package articles like any source.
func fetchLinkCmd(client *fetch.Client, u string) tea.Cmd {
	return func() tea.Msg {
		as, err := client.ReadURL(context.Background(), u)
		return linkFetchedMsg{url: u, arts: as, err: err}
	}
}

// toggleLinks shows or hides the Links pane, giving it the focus.
func (v *articleView) toggleLinks() {
	v.linksOn = !v.linksOn
	if v.linksOn {
		v.peopleOn = false
	}
	v.host.relayout()
	if v.linksOn {
		v.host.setFocus(focusEntities)
	} else {
		v.host.setFocus(focusReader)
	}
}

// linksFocused reports whether the Links pane is shown with the keys.
func (v *articleView) linksFocused() bool { return v.linksOn && v.links.focused }

// targetURL is what o opens and y copies: the link under the Links
// pane's cursor when it has the keys, else the article's own link.
func (v *articleView) targetURL() string {
	if v.linksFocused() {
		if l, ok := v.links.Selected(); ok {
			return l.Address()
		}
		return ""
	}
	return articleURL(v.art)
}

// follow starts reading l's page inside byline; only http and https
// links are fetched.
func (v *articleView) follow(l model.Link) tea.Cmd {
	u, err := webURL(l.Address())
	if err != nil {
		v.notice = "⚠ " + render.Clean(err.Error())
		return nil
	}
	v.following = u
	v.notice = "opening " + render.Clean(u) + " …"
	return fetchLinkCmd(v.c.fetch, u)
}

// followed shows the first article read from a followed link, keeping
// the one it was followed from to come back to. An answer for a link no
// longer awaited (another article was opened meanwhile) is dropped.
func (v *articleView) followed(msg linkFetchedMsg) tea.Cmd {
	if msg.url != v.following || v.art == nil {
		return nil
	}
	v.following = ""
	if msg.err != nil {
		v.notice = "⚠ " + render.Clean(msg.err.Error())
		return nil
	}
	if len(msg.arts) == 0 {
		v.notice = "⚠ nothing to read at " + render.Clean(msg.url)
		return nil
	}
	sec, frac := v.here()
	v.history = append(v.history, visit{v.art, sec, frac})
	v.linksOn = false
	back := v.c.keys.Back.Help().Key
	v.notice = back + " returns to " + render.Clean(v.art.Title)
	if n := len(msg.arts); n > 1 {
		v.notice = fmt.Sprintf("a feed of %d items, the first shown · %s", n, v.notice)
	}
	cmd := v.show(msg.arts[0], 0, 0, false)
	v.host.setFocus(focusReader)
	return cmd
}

// Home is the article the source showed, before any link was followed,
// and where it is being read: the section on screen when the end of it
// is, as a source remembers it.
func (v *articleView) Home() (a *model.Article, sec int, frac float64) {
	if len(v.history) > 0 {
		h := v.history[0]
		return h.art, h.sec, h.frac
	}
	sec, frac = v.here()
	if cur := v.CurrentSection(); cur != sec {
		sec, frac = cur, 0
	}
	return v.art, sec, frac
}

// back returns to the article a link was followed from, where it was
// left.
func (v *articleView) back() tea.Cmd {
	n := len(v.history)
	if n == 0 {
		return nil
	}
	prev := v.history[n-1]
	v.history = v.history[:n-1]
	v.following = ""
	return v.show(prev.art, prev.sec, prev.frac, false)
}
