package render

import (
	"sort"

	"github.com/byline/byline/model"
)

// View is the one scrolling window over rendered sections: the reader
// shows every section of an article in one View, the section panes one
// View per section. It keeps the Doc it was given and only slices its
// lines and paints highlights in Lines; rendering is the caller's, in the
// background, asked for by the section numbers View's methods return.
type View struct {
	art *model.Article
	// from and to are the sections shown, [from, to).
	from, to int
	doc      *Doc
	// w and h are the text area's size in cells; margin blanks go before
	// every line (a centred measure).
	w, h, margin int
	// want is the section to open at when the first rendering arrives,
	// wantFrac how far into it.
	want     int
	wantFrac float64
	// starts[i] is the first line of section from+i; the last is the total.
	starts []int
	top    int
	ovbuf  [][]Overlay
	// pending is a position to show once its section is rendered;
	// Paragraph -2 means the section's start.
	pending *model.Pos
	// jumped is the section a jump put at the top, or -1. It stays the
	// current section while the view stays at jumpTop, even where the end
	// of the article is on screen and the last heading shown would be.
	jumped, jumpTop int
	// leapt is set when a jump (a section, g, G) moved the view since the
	// last Reveal: what the user reads is then the top of the view, not
	// the match or mention revealed, even where that is still on screen.
	leapt bool
}

// NewView returns an empty View.
func NewView() *View { return &View{jumped: -1} }

// SetArticle shows sections [from, to) of a (to < 0: all of them), opening
// frac (0–1) of the way into section sec once a Doc is installed. The Doc
// shown is dropped.
func (v *View) SetArticle(a *model.Article, from, to, sec int, frac float64) {
	if to < 0 && a != nil {
		to = len(a.Sections)
	}
	v.art, v.from, v.to = a, from, to
	v.doc, v.starts, v.top, v.want, v.wantFrac = nil, nil, 0, sec, frac
	v.pending, v.jumped, v.leapt = nil, -1, true
}

// Article is the article shown, or nil.
func (v *View) Article() *model.Article { return v.art }

// Doc is the rendering shown, or nil before the first arrives.
func (v *View) Doc() *Doc { return v.doc }

// SetSize sets the text area to w×h cells, after margin blank cells.
func (v *View) SetSize(w, h, margin int) {
	v.w, v.h, v.margin = max(w, 1), max(h, 1), max(margin, 0)
	v.clamp()
}

// Height is the number of rows shown.
func (v *View) Height() int { return v.h }

// Install shows d, keeping the view where it was (or opening at the
// wanted section), and shows a pending position whose section arrived.
// Opening at the start of a section, or a jump the view is still at,
// keeps that section current in the new lines.
func (v *View) Install(d *Doc) {
	sec, frac := v.want, v.wantFrac
	jumped := -1
	if v.doc != nil {
		sec, frac = v.anchor()
		jumped = v.jumpedTo()
	} else if frac == 0 {
		jumped = sec
	}
	v.doc = d
	v.rebuild()
	v.restore(sec, frac)
	if p := v.pending; p != nil && v.rendered(p.Section) {
		v.pending = nil
		if p.Paragraph == -2 {
			v.top = v.startOf(p.Section)
			v.clamp()
		} else {
			v.Reveal(*p)
		}
	}
	v.jumped = -1
	if jumped >= v.from && jumped < v.to && v.SectionAt(v.top) == jumped {
		v.jumped, v.jumpTop = jumped, v.top
	}
}

// rendered reports whether section i is rendered in the Doc shown.
func (v *View) rendered(i int) bool {
	return v.doc != nil && i >= 0 && i < len(v.doc.Secs) && v.doc.Secs[i] != nil
}

// SectionStart is the first line of section i (clamped to the sections
// shown).
func (v *View) SectionStart(i int) int { return v.startOf(i) }

func (v *View) startOf(i int) int {
	if len(v.starts) == 0 {
		return 0
	}
	return v.starts[min(max(i-v.from, 0), len(v.starts)-1)]
}

// Total is the number of lines of the sections shown.
func (v *View) Total() int {
	if len(v.starts) == 0 {
		return 0
	}
	return v.starts[len(v.starts)-1]
}

// Top is the first line shown.
func (v *View) Top() int { return v.top }

// SetTop puts line li at the top (the search's origin when it is left).
func (v *View) SetTop(li int) { v.top = li; v.clamp() }

// Limit is the top line that shows the end at the bottom.
func (v *View) Limit() int { return max(v.Total()-v.h, 0) }

// ScrollBy moves the view n lines down (up when negative). Scrolling down
// stops when the end is on screen; a section jump may have gone further.
func (v *View) ScrollBy(n int) {
	if n > 0 {
		v.top = min(v.top+n, max(v.Limit(), v.top))
	} else {
		v.top = max(v.top+n, 0)
	}
}

// ToTop goes to the first line (g), forgetting a jump.
func (v *View) ToTop() { v.top, v.jumped, v.leapt = 0, -1, true }

// ToBottom shows the end (G); the last section is current even where a
// jump left the view at the bottom already.
func (v *View) ToBottom() { v.top, v.jumped, v.leapt = v.Limit(), -1, true }

func (v *View) clamp() { v.top = max(min(v.top, v.Total()-1), 0) }

// GotoSection puts section i's first line at the top. It returns true
// when section i must be rendered first (it shows once installed).
func (v *View) GotoSection(i int) bool {
	if v.art == nil || i < v.from || i >= v.to {
		return false
	}
	if v.doc == nil {
		v.want = i
		return false
	}
	v.top = v.startOf(i)
	v.clamp()
	v.jumped, v.jumpTop, v.leapt = i, v.top, true
	return v.await(model.Pos{Section: i, Paragraph: -2})
}

// await remembers p to show when its section is rendered and reports
// whether that section still needs rendering.
func (v *View) await(p model.Pos) bool {
	if v.doc == nil || v.doc.Complete || v.rendered(p.Section) {
		return false
	}
	v.pending = &p
	return true
}

// CurrentSection is the section a jump went to while the view stays
// there; otherwise the section at the top of the view, or, once the end
// is on screen of a view that scrolls, the last section whose heading
// is: the view cannot scroll further to bring it to the top, and G must
// not leave the last section unreachable.
func (v *View) CurrentSection() int {
	if v.doc == nil {
		return v.want
	}
	if j := v.jumpedTo(); j >= 0 {
		return j
	}
	if lim := v.Limit(); lim > 0 && v.top >= lim {
		return v.SectionAt(min(v.top+v.h-1, v.Total()-1))
	}
	return v.SectionAt(v.top)
}

// jumpedTo is the section of the last jump while the view has not moved
// from it, or -1.
func (v *View) jumpedTo() int {
	if v.jumped < 0 || v.top != v.jumpTop {
		return -1
	}
	return v.jumped
}

// SectionAt is the section that line li belongs to.
func (v *View) SectionAt(li int) int {
	n := len(v.starts) - 1
	i := sort.Search(n, func(i int) bool { return v.starts[i+1] > li })
	return v.from + min(i, max(n-1, 0))
}

// Percent is how far the view is through its lines, 0–100.
func (v *View) Percent() int {
	lim := v.Limit()
	if lim == 0 || v.top >= lim {
		return 100
	}
	return v.top * 100 / lim
}

// Reveal scrolls so that p is on screen, a third of the way down when it
// was not. It returns true when p's section must be rendered first.
func (v *View) Reveal(p model.Pos) bool {
	v.leapt = false
	if v.doc == nil || p.Section < v.from || p.Section >= v.to {
		return v.GotoSection(p.Section)
	}
	if !v.rendered(p.Section) {
		v.top = v.startOf(p.Section)
		v.clamp()
		return v.await(p)
	}
	first, last, ok := v.LinesOf(p)
	if !ok {
		return false
	}
	if !v.onScreen(first, last) {
		v.top = max(0, min(first-v.h/3, max(v.Limit(), first)))
	}
	if lim := v.Limit(); lim > 0 && v.top >= lim {
		// With the end on screen the top line does not say where the
		// reader is: the revealed match's section does. (When everything
		// fits, the top line's section stays current.)
		v.jumped, v.jumpTop = p.Section, v.top
	}
	return false
}

// LinesOf is the first and last line of p; ok is false when p is not in
// the lines shown. In a section not rendered yet it is the section's
// first line, where the section will show.
func (v *View) LinesOf(p model.Pos) (first, last int, ok bool) {
	if v.doc == nil || p.Section < v.from || p.Section >= v.to {
		return 0, 0, false
	}
	s := v.doc.Secs[p.Section]
	start := v.startOf(p.Section)
	if s == nil {
		return start, start, true
	}
	sp := s.Spans(p.Paragraph, p.Start, p.End, nil)
	if len(sp) == 0 {
		return 0, 0, false
	}
	return start + sp[0].Line, start + sp[len(sp)-1].Line, true
}

// onScreen reports whether the lines first to last are all in view.
func (v *View) onScreen(first, last int) bool {
	return first >= v.top && last < v.top+v.h
}

// Shows reports whether p is rendered and wholly in view.
func (v *View) Shows(p model.Pos) bool {
	first, last, ok := v.LinesOf(p)
	return ok && v.rendered(p.Section) && v.onScreen(first, last)
}

// Leapt reports whether a jump (a section, g, G) moved the view since the
// last Reveal.
func (v *View) Leapt() bool { return v.leapt }

// Following is the index of the first of ps (in article order) that
// starts at or below line top (d > 0), or of the last that starts above it
// (d < 0), wrapping around; -1 when ps is empty.
func (v *View) Following(ps []model.Pos, d, top int) int {
	if len(ps) == 0 {
		return -1
	}
	i := sort.Search(len(ps), func(i int) bool {
		first, _, ok := v.LinesOf(ps[i])
		return !ok || first >= top
	})
	if d < 0 {
		i--
	}
	return (i%len(ps) + len(ps)) % len(ps)
}

// Position is where the view is: a section and how far into it (0–1),
// the position to reopen the article at.
func (v *View) Position() (int, float64) {
	if v.doc == nil {
		return v.want, v.wantFrac
	}
	return v.anchor()
}

// anchor is where the view is: a section and how far into it.
func (v *View) anchor() (int, float64) {
	if len(v.starts) < 2 {
		return v.from, 0
	}
	sec := v.SectionAt(v.top)
	i := sec - v.from
	n := v.starts[i+1] - v.starts[i]
	if n <= 1 {
		return sec, 0
	}
	return sec, float64(v.top-v.starts[i]) / float64(n)
}

// restore puts the view back at an anchor after a re-rendering.
func (v *View) restore(sec int, frac float64) {
	if len(v.starts) < 2 {
		v.top = 0
		return
	}
	i := sec - v.from
	if i < 0 || i >= len(v.starts)-1 {
		i = 0
	}
	n := v.starts[i+1] - v.starts[i]
	v.top = v.starts[i] + int(frac*float64(n))
	v.clamp()
}

// rebuild recomputes where each section starts. A section not rendered
// yet takes as many placeholder lines as it will roughly need, so that
// scrolling through it and the position kept when it arrives stay close.
func (v *View) rebuild() {
	n := max(v.to-v.from, 0)
	v.starts = make([]int, n+1)
	for i := 0; i < n; i++ {
		var h int
		if s := v.doc.Secs[v.from+i]; s != nil {
			h = len(s.Lines)
		} else {
			h = EstimateLines(&v.art.Sections[v.from+i], v.doc.Width)
		}
		v.starts[i+1] = v.starts[i] + h
	}
}
