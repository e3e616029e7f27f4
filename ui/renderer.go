package ui

import (
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// renderReq identifies one rendering; a pane keeps the one it waits for and
// drops messages for any other (stale width, style or article).
type renderReq struct {
	art    *model.Article
	width  int
	look   render.Look
	gen    int
	target paneID
	// stop is set when a newer request replaces this one, so that the
	// second step of a stale rendering stops early.
	stop *atomic.Bool
}

// paneID says which pane a rendering is for.
type paneID int

const (
	paneReader paneID = iota
	paneColumns
)

// renderedMsg delivers sections of a doc to the pane that asked for them.
type renderedMsg struct {
	req  renderReq
	doc  *render.Doc
	next tea.Cmd // renders the remaining sections; nil when complete
	// patch says doc only adds sections to the doc being shown.
	patch bool
}

// renderFirstCmd renders sections from section first on until rows lines
// are filled, then returns them with a command that renders the rest.
func renderFirstCmd(req renderReq, first, rows int) tea.Cmd {
	return func() tea.Msg {
		d := render.RenderFrom(req.art, req.width, req.look, first, rows)
		if d.Complete {
			return renderedMsg{req: req, doc: d}
		}
		return renderedMsg{req: req, doc: d, next: renderRestCmd(req, d)}
	}
}

// renderPatchCmd renders the sections from first on that fill rows lines,
// to patch into a doc whose second step is still running: a jump far
// ahead need not wait for it.
func renderPatchCmd(req renderReq, first, rows int) tea.Cmd {
	return func() tea.Msg {
		d := render.RenderFrom(req.art, req.width, req.look, first, rows)
		return renderedMsg{req: req, doc: d, patch: !d.Complete}
	}
}

// renderRestCmd renders the sections that part lacks, on every CPU.
func renderRestCmd(req renderReq, part *render.Doc) tea.Cmd {
	return func() tea.Msg {
		return renderedMsg{req: req, doc: render.RenderRest(part, req.stop)}
	}
}

// renderRangeCmd renders sections [from, to) only: the section panes view
// renders the pages it shows, not the whole article.
func renderRangeCmd(req renderReq, from, to int) tea.Cmd {
	return func() tea.Msg {
		return renderedMsg{req: req, doc: render.RenderRange(req.art, req.width, req.look, from, to), patch: true}
	}
}

// renderState is what a pane that shows renderings keeps of them: the
// request under way, its generation and the pane's cache of renderings.
type renderState struct {
	req   renderReq
	gen   int
	cache render.Cache
}

// renew starts a request for art at width and look on behalf of target,
// stopping the one it replaces, unless that rendering is already shown or
// under way (started is then false). A cached rendering comes back as
// cached, and no command is needed for it.
func (rs *renderState) renew(art *model.Article, width int, look render.Look, target paneID) (cached *render.Doc, started bool) {
	if rs.req.art == art && rs.req.width == width && rs.req.look == look {
		return nil, false
	}
	rs.drop()
	rs.gen++
	rs.req = renderReq{art: art, width: width, look: look, gen: rs.gen, target: target, stop: new(atomic.Bool)}
	return rs.cache.Get(art, width, look), true
}

// drop stops the request under way, if any, and forgets it.
func (rs *renderState) drop() {
	if rs.req.stop != nil {
		rs.req.stop.Store(true)
	}
	rs.req = renderReq{}
}

// answers reports whether msg is the rendering of the request under way.
func (rs *renderState) answers(msg renderedMsg, art *model.Article, target paneID) bool {
	return msg.req.gen == rs.req.gen && msg.req.art == art && msg.req.target == target
}
