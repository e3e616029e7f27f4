package render

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/byline/byline/model"
)

// Article returns the whole article rendered through glamour at width
// columns, for `byline print`: the same per-section rendering the reader
// shows, its sections rendered on every CPU. style is a glamour style name
// ("auto" means dark: there is no terminal to ask). In colour the people
// and places are highlighted as in the reader; with color false the result
// is plain text without any escape sequence. It fails only for an unknown
// style.
func Article(a *model.Article, width int, style string, color bool) (string, error) {
	style = ResolveStyle(style, true)
	look := Look{Style: style, NoColor: !color}
	if err := CheckStyle(style); err != nil {
		return "", err
	}
	secs, err := renderAll(a, width, look)
	if err != nil {
		return "", err
	}
	var hl *Highlights
	var sgrs MarkSGRs
	if color {
		hl = NewHighlights(a, true)
		sgrs = SGRs(MarkStyles(NewTheme(StyleIsDark(style, true))))
	}
	var b strings.Builder
	if !color {
		n := 0
		for _, s := range secs {
			for i := range s.Lines {
				n += len(s.Lines[i].Text) + 1
			}
		}
		b.Grow(n)
	}
	var ovs [][]Overlay
	for si, s := range secs {
		lines := s.Lines
		if si == len(secs)-1 {
			for len(lines) > 0 && lines[len(lines)-1].Text == "" {
				lines = lines[:len(lines)-1]
			}
		}
		if !color {
			for i := range lines {
				b.WriteString(lines[i].Text)
				b.WriteByte('\n')
			}
			continue
		}
		ovs = overlaysFor(hl, si, s, ovs)
		for i := range lines {
			lines[i].Paint(&b, lines[i].Width, ovs[i], &sgrs)
			b.WriteByte('\n')
		}
	}
	return b.String(), nil
}

// overlaysFor returns the highlights of each line of section si, reusing
// buf.
func overlaysFor(hl *Highlights, si int, s *Section, buf [][]Overlay) [][]Overlay {
	n := len(s.Lines)
	if cap(buf) < n {
		buf = make([][]Overlay, n)
	}
	buf = buf[:n]
	for i := range buf {
		buf[i] = buf[i][:0]
	}
	hl.SectionOverlays(si, s, 0, n, buf)
	return buf
}

// bytesPerRenderer is how much section text earns a renderer of its own:
// setting one up (glamour and the probes its looks are learnt from, ~0.8
// ms of CPU) costs about what laying out ~10 KB of text does, so a short
// article is rendered on one goroutine and a long one on every CPU.
const bytesPerRenderer = 32 << 10

// renderAll renders every section of a, the sections shared out among the
// CPUs (one per bytesPerRenderer of text), each with a renderer of its own.
func renderAll(a *model.Article, width int, look Look) ([]*Section, error) {
	secs := make([]*Section, len(a.Sections))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(secs), 1+TextBytes(a)/bytesPerRenderer))
	// errs[w] is worker w's failure: each writes only its own.
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// renderSection turns a renderer's panic into an error; this
			// catches anything else, which would end the program with
			// the terminal in the app's modes.
			defer func() {
				if p := recover(); p != nil {
					errs[w] = fmt.Errorf("rendering failed: %v", p)
				}
			}()
			r, err := newRenderer(look, width)
			if err != nil {
				errs[w] = err
				return
			}
			// Worker w takes every workers-th section: long and short
			// sections spread evenly without a shared counter.
			for si := w; si < len(secs); si += workers {
				if secs[si], err = renderSection(r, a, si, width); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return secs, nil
}
