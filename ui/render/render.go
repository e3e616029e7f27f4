package render

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/byline/byline/model"
)

// Doc is an article rendered at one width and look. Sections may arrive
// in steps (those on the first screen, then the rest); a nil section is
// not rendered yet.
type Doc struct {
	Art   *model.Article
	Width int
	Look  Look
	Secs  []*Section
	// Complete says every section is rendered (or rendering failed).
	Complete bool
	// Err is the rendering's failure, if any.
	Err error
}

func newDoc(a *model.Article, width int, look Look) *Doc {
	return &Doc{Art: a, Width: width, Look: look, Secs: make([]*Section, len(a.Sections))}
}

// fail marks d as failed with err and returns it.
func (d *Doc) fail(err error) *Doc {
	d.Err, d.Complete = err, true
	return d
}

// RenderFrom renders a's sections from section first on until rows lines
// are filled: what a view shows first. The Doc is Complete when that was
// every section.
func RenderFrom(a *model.Article, width int, look Look, first, rows int) *Doc {
	d := newDoc(a, width, look)
	r, err := newRenderer(look, width)
	if err != nil {
		return d.fail(err)
	}
	first = min(max(first, 0), max(len(d.Secs)-1, 0))
	n := 0
	for si := first; si < len(d.Secs) && n < rows; si++ {
		s, err := renderSection(r, a, si, width)
		if err != nil {
			return d.fail(err)
		}
		d.Secs[si] = s
		n += len(s.Lines)
	}
	d.Complete = AllRendered(d.Secs)
	return d
}

// RenderRange renders sections [from, to) of a only: the section panes
// render the pages they show, not the whole article.
func RenderRange(a *model.Article, width int, look Look, from, to int) *Doc {
	d := newDoc(a, width, look)
	r, err := newRenderer(look, width)
	if err != nil {
		return d.fail(err)
	}
	for si := max(from, 0); si < min(to, len(d.Secs)); si++ {
		if d.Secs[si], err = renderSection(r, a, si, width); err != nil {
			return d.fail(err)
		}
	}
	d.Complete = AllRendered(d.Secs)
	return d
}

// RenderRest returns a complete Doc: part's sections and the others,
// rendered on every CPU (up to four). It stops early, returning an
// incomplete Doc, once stop is set (a newer rendering replaced this one).
// part is not modified.
func RenderRest(part *Doc, stop *atomic.Bool) *Doc {
	d := newDoc(part.Art, part.Width, part.Look)
	copy(d.Secs, part.Secs)
	var (
		next  atomic.Int64
		wg    sync.WaitGroup
		errMu sync.Mutex
	)
	setErr := func(err error) {
		errMu.Lock()
		d.Err = err
		errMu.Unlock()
	}
	for range max(1, min(runtime.GOMAXPROCS(0), 4)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// renderSection turns a renderer's panic into an error; this
			// catches anything else, which would end the program with
			// the terminal in the app's modes.
			defer func() {
				if p := recover(); p != nil {
					setErr(fmt.Errorf("rendering failed: %v", p))
				}
			}()
			r, err := newRenderer(d.Look, d.Width)
			if err != nil {
				setErr(err)
				return
			}
			for {
				si := int(next.Add(1) - 1)
				if si >= len(d.Secs) || stop != nil && stop.Load() {
					return
				}
				if d.Secs[si] != nil {
					continue
				}
				s, err := renderSection(r, d.Art, si, d.Width)
				if err != nil {
					setErr(err)
					return
				}
				d.Secs[si] = s
			}
		}()
	}
	wg.Wait()
	d.Complete = true
	return d
}

// Merged returns a new Doc with old's sections and those of part that old
// lacks; neither is modified, since a command may still be reading them.
func Merged(old, part *Doc) *Doc {
	d := *old
	d.Secs = make([]*Section, len(old.Secs))
	for i, s := range old.Secs {
		if s == nil {
			s = part.Secs[i]
		}
		d.Secs[i] = s
	}
	d.Complete = AllRendered(d.Secs)
	if part.Err != nil {
		d.Err = part.Err
	}
	return &d
}

// AllRendered reports whether no section is missing.
func AllRendered(secs []*Section) bool {
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
	look  Look
}

// Cache keeps the last complete renderings so that going back to an
// article, or to a width, does not render again. It holds at most
// MaxCachedText bytes of article text, so a few long articles cannot
// pile up in memory. The zero Cache is empty and ready.
type Cache struct {
	keys []docKey // oldest first
	docs map[docKey]*Doc
}

// MaxCachedText is the most article text a Cache keeps renderings of.
const MaxCachedText = 512 << 10

// Get returns the rendering of a at width and look, or nil.
func (c *Cache) Get(a *model.Article, width int, look Look) *Doc {
	k := docKey{a, width, look}
	d := c.docs[k]
	if d != nil {
		i := slices.Index(c.keys, k)
		c.keys = append(slices.Delete(c.keys, i, i+1), k)
	}
	return d
}

// Put stores a complete Doc, dropping the oldest beyond the budget.
func (c *Cache) Put(d *Doc) {
	if !d.Complete || d.Err != nil {
		return
	}
	if c.docs == nil {
		c.docs = map[docKey]*Doc{}
	}
	k := docKey{d.Art, d.Width, d.Look}
	if _, ok := c.docs[k]; ok {
		return
	}
	c.keys = append(c.keys, k)
	c.docs[k] = d
	total := 0
	for i := len(c.keys) - 1; i >= 0; i-- {
		total += TextBytes(c.keys[i].art)
		if total > MaxCachedText && i < len(c.keys)-1 {
			for _, old := range c.keys[:i+1] {
				delete(c.docs, old)
			}
			c.keys = slices.Delete(c.keys, 0, i+1)
			break
		}
	}
}

// TextBytes is the size of an article's headings and paragraphs.
func TextBytes(a *model.Article) int {
	n := 0
	for _, s := range a.Sections {
		n += len(s.Heading)
		for _, p := range s.Paragraphs {
			n += len(p)
		}
	}
	return n
}
