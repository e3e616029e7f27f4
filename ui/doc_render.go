package ui

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
)

// doc is an article rendered at one width and style. Sections arrive in two
// steps: first those on the first screen, then the rest; a nil section is
// not rendered yet.
type doc struct {
	art      *model.Article
	width    int
	style    string
	secs     []*section
	complete bool
	err      error
}

// renderReq identifies one rendering; a pane keeps the one it waits for and
// drops messages for any other (stale width, style or article).
type renderReq struct {
	art    *model.Article
	width  int
	style  string
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
	doc  *doc
	next tea.Cmd // renders the remaining sections; nil when complete
	// patch says doc only adds sections to the doc being shown.
	patch bool
}

// renderFirstCmd renders sections from section first on until rows lines
// are filled, then returns them with a command that renders the rest.
func renderFirstCmd(req renderReq, first, rows int) tea.Cmd {
	return renderFromCmd(req, first, rows, true)
}

// renderPatchCmd renders the sections from first on that fill rows lines,
// to patch into a doc whose second step is still running: a jump far
// ahead need not wait for it.
func renderPatchCmd(req renderReq, first, rows int) tea.Cmd {
	return renderFromCmd(req, first, rows, false)
}

func renderFromCmd(req renderReq, first, rows int, rest bool) tea.Cmd {
	return func() tea.Msg {
		d := &doc{art: req.art, width: req.width, style: req.style, secs: make([]*section, len(req.art.Sections))}
		r, err := newRenderer(req.style, req.width, false)
		if err != nil {
			d.err, d.complete = err, true
			return renderedMsg{req: req, doc: d}
		}
		first = min(max(first, 0), max(len(d.secs)-1, 0))
		n := 0
		for si := first; si < len(d.secs) && n < rows; si++ {
			s, err := renderSection(r, req.art, si, req.width)
			if err != nil {
				d.err, d.complete = err, true
				return renderedMsg{req: req, doc: d}
			}
			d.secs[si] = s
			n += len(s.lines)
		}
		if allRendered(d.secs) {
			d.complete = true
			return renderedMsg{req: req, doc: d}
		}
		if !rest {
			return renderedMsg{req: req, doc: d, patch: true}
		}
		return renderedMsg{req: req, doc: d, next: renderRestCmd(req, d)}
	}
}

// renderRestCmd renders the sections that part lacks, on every CPU.
func renderRestCmd(req renderReq, part *doc) tea.Cmd {
	return func() tea.Msg {
		d := &doc{art: part.art, width: part.width, style: part.style, secs: make([]*section, len(part.secs))}
		copy(d.secs, part.secs)
		var (
			next  atomic.Int64
			wg    sync.WaitGroup
			errMu sync.Mutex
		)
		for range max(1, min(runtime.GOMAXPROCS(0), 4)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := newRenderer(req.style, req.width, false)
				if err != nil {
					errMu.Lock()
					d.err = err
					errMu.Unlock()
					return
				}
				for {
					si := int(next.Add(1) - 1)
					if si >= len(d.secs) || req.stop.Load() {
						return
					}
					if d.secs[si] != nil {
						continue
					}
					s, err := renderSection(r, req.art, si, req.width)
					if err != nil {
						errMu.Lock()
						d.err = err
						errMu.Unlock()
						return
					}
					d.secs[si] = s
				}
			}()
		}
		wg.Wait()
		d.complete = true
		return renderedMsg{req: req, doc: d}
	}
}

// renderRangeCmd renders sections [from, to) only: the section panes view
// renders the pages it shows, not the whole article.
func renderRangeCmd(req renderReq, from, to int) tea.Cmd {
	return func() tea.Msg {
		d := &doc{art: req.art, width: req.width, style: req.style, secs: make([]*section, len(req.art.Sections))}
		r, err := newRenderer(req.style, req.width, false)
		if err != nil {
			d.err, d.complete = err, true
			return renderedMsg{req: req, doc: d}
		}
		for si := max(from, 0); si < min(to, len(d.secs)); si++ {
			if d.secs[si], err = renderSection(r, req.art, si, req.width); err != nil {
				d.err, d.complete = err, true
				break
			}
		}
		return renderedMsg{req: req, doc: d, patch: true}
	}
}

// merged returns a new doc with old's sections and those of part that old
// lacks; neither is modified, since a command may still be reading them.
func merged(old, part *doc) *doc {
	d := *old
	d.secs = make([]*section, len(old.secs))
	for i, s := range old.secs {
		if s == nil {
			s = part.secs[i]
		}
		d.secs[i] = s
	}
	d.complete = allRendered(d.secs)
	if part.err != nil {
		d.err = part.err
	}
	return &d
}

func allRendered(secs []*section) bool {
	for _, s := range secs {
		if s == nil {
			return false
		}
	}
	return true
}

// docKey identifies a rendering: one article at one width and style.
type docKey struct {
	art   *model.Article
	width int
	style string
}

// docCache keeps the last complete renderings so that going back to an
// article, or to a width, does not render again. It holds at most
// maxCachedText bytes of article text, so a few long articles cannot
// pile up in memory.
type docCache struct {
	keys []docKey // oldest first
	docs map[docKey]*doc
}

const maxCachedText = 512 << 10

func (c *docCache) get(k docKey) *doc {
	d := c.docs[k]
	if d != nil {
		i := slices.Index(c.keys, k)
		c.keys = append(slices.Delete(c.keys, i, i+1), k)
	}
	return d
}

// put stores a complete doc, dropping the oldest beyond the budget.
func (c *docCache) put(d *doc) {
	if !d.complete || d.err != nil {
		return
	}
	if c.docs == nil {
		c.docs = map[docKey]*doc{}
	}
	k := docKey{d.art, d.width, d.style}
	if _, ok := c.docs[k]; ok {
		return
	}
	c.keys = append(c.keys, k)
	c.docs[k] = d
	total := 0
	for i := len(c.keys) - 1; i >= 0; i-- {
		total += textBytes(c.keys[i].art)
		if total > maxCachedText && i < len(c.keys)-1 {
			for _, old := range c.keys[:i+1] {
				delete(c.docs, old)
			}
			c.keys = slices.Delete(c.keys, 0, i+1)
			break
		}
	}
}

// textBytes is the size of an article's headings and paragraphs.
func textBytes(a *model.Article) int {
	n := 0
	for _, s := range a.Sections {
		n += len(s.Heading)
		for _, p := range s.Paragraphs {
			n += len(p)
		}
	}
	return n
}

// renderState is what a pane that shows renderings keeps of them: the
// request under way, its generation and the pane's cache of renderings.
type renderState struct {
	req   renderReq
	gen   int
	cache docCache
}

// renew starts a request for art at width and style on behalf of target,
// stopping the one it replaces, unless that rendering is already shown or
// under way (started is then false). A cached rendering comes back as
// cached, and no command is needed for it.
func (rs *renderState) renew(art *model.Article, width int, style string, target paneID) (cached *doc, started bool) {
	if rs.req.art == art && rs.req.width == width && rs.req.style == style {
		return nil, false
	}
	rs.drop()
	rs.gen++
	rs.req = renderReq{art: art, width: width, style: style, gen: rs.gen, target: target, stop: new(atomic.Bool)}
	return rs.cache.get(docKey{art, width, style}), true
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
