package ui

import (
	"runtime"
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
}

// renderFirstCmd renders sections from section first on until rows lines
// are filled, then returns them with a command that renders the rest.
func renderFirstCmd(req renderReq, first, rows int) tea.Cmd {
	return func() tea.Msg {
		d := &doc{art: req.art, width: req.width, style: req.style, secs: make([]*section, len(req.art.Sections))}
		r, err := newRenderer(req.style, req.width)
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
				r, err := newRenderer(req.style, req.width)
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

func allRendered(secs []*section) bool {
	for _, s := range secs {
		if s == nil {
			return false
		}
	}
	return true
}
