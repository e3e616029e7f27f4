package ui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

// readerPane shows the article rendered through glamour. Rendering runs in
// tea.Cmds; the pane keeps the lines of the last rendering and only slices
// them and paints highlights in View.
type readerPane struct {
	c       *common
	w, h    int
	focused bool

	art *model.Article
	doc *doc
	renderState
	// want is the section to open at when the first rendering arrives,
	// wantFrac how far into it.
	want     int
	wantFrac float64
	// hint is shown, centred, when there is no article.
	hint []string
	// starts[i] is the first line of section i; starts[len] is the total.
	starts []int
	top    int
	ovbuf  [][]overlay
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

func newReader(c *common) *readerPane { return &readerPane{c: c, jumped: -1} }

// Init does nothing: the article arrives with SetArticle.
func (r *readerPane) Init() tea.Cmd { return nil }

// SetSize sets the pane's outer size, border included. Call Refresh after
// to re-render for the new width.
func (r *readerPane) SetSize(w, h int) {
	r.w, r.h = w, h
	r.clamp()
}

func (r *readerPane) innerW() int { return max(r.w-2, 1) }
func (r *readerPane) innerH() int { return max(r.h-2, 1) }

// renderWidth leaves a right margin as wide as glamour's left one.
func (r *readerPane) renderWidth() int { return max(r.innerW()-2, 8) }

// Focus gives the pane the keys.
func (r *readerPane) Focus() { r.focused = true }

// Blur takes the focus away.
func (r *readerPane) Blur() { r.focused = false }

// SetArticle shows a, opening at section sec, and returns the command that
// renders it.
func (r *readerPane) SetArticle(a *model.Article, sec int) tea.Cmd {
	return r.SetArticleAt(a, sec, 0)
}

// SetArticleAt is SetArticle opening frac (0–1) of the way into section
// sec: where the reader left it.
func (r *readerPane) SetArticleAt(a *model.Article, sec int, frac float64) tea.Cmd {
	r.drop()
	r.art, r.doc, r.starts, r.top, r.want, r.wantFrac = a, nil, nil, 0, sec, frac
	r.pending, r.jumped, r.leapt = nil, -1, true
	return r.Refresh()
}

// Refresh returns a command rendering the article for the current width
// and style, or nil when that rendering is shown or under way. The old
// lines stay on screen until the new ones arrive.
func (r *readerPane) Refresh() tea.Cmd {
	if r.art == nil || r.w <= 2 {
		return nil
	}
	d, started := r.renew(r.art, r.renderWidth(), r.c.glamourStyle(), paneReader)
	if !started {
		return nil
	}
	if d != nil {
		r.install(d)
		return nil
	}
	first := r.want
	if r.doc != nil {
		first = r.CurrentSection()
	}
	return renderFirstCmd(r.req, first, r.innerH())
}

// Rendered installs a rendering if it is the one the pane waits for and
// returns the command for the rest of it. A patch adds sections to the
// doc shown.
func (r *readerPane) Rendered(msg renderedMsg) tea.Cmd {
	if !r.answers(msg, r.art, paneReader) {
		return nil
	}
	if msg.patch && (r.doc == nil || r.doc.complete) {
		return nil
	}
	d := msg.doc
	if msg.patch {
		// The second step reads the old doc's sections concurrently.
		d = merged(r.doc, msg.doc)
		d.complete = false // only the second step's doc is complete
	}
	r.cache.put(d)
	r.install(d)
	return msg.next
}

// install shows d, keeping the view where it was (or opening at want),
// and shows a pending position whose section has arrived.
// Opening at the start of a section, or a jump the view is still at,
// keeps that section current in the new lines.
func (r *readerPane) install(d *doc) {
	sec, frac := r.want, r.wantFrac
	jumped := -1
	if r.doc != nil {
		sec, frac = r.anchor()
		jumped = r.jumpedTo()
	} else if frac == 0 {
		jumped = sec
	}
	r.doc = d
	r.rebuild()
	r.restore(sec, frac)
	if p := r.pending; p != nil && r.doc.secs[p.Section] != nil {
		r.pending = nil
		if p.Paragraph == -2 {
			r.top = r.starts[p.Section]
			r.clamp()
		} else {
			r.Reveal(*p)
		}
	}
	r.jumped = -1
	if jumped >= 0 && jumped < len(r.starts)-1 && r.sectionAt(r.top) == jumped {
		r.jumped, r.jumpTop = jumped, r.top
	}
}

// Update scrolls on the reader's keys and the mouse wheel.
func (r *readerPane) Update(msg tea.Msg) (*readerPane, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := r.c.keys
		h := r.innerH()
		switch {
		case key.Matches(msg, k.Down):
			r.ScrollBy(1)
		case key.Matches(msg, k.Up):
			r.ScrollBy(-1)
		case key.Matches(msg, k.PageDown):
			r.ScrollBy(max(h-1, 1))
		case key.Matches(msg, k.PageUp):
			r.ScrollBy(-max(h-1, 1))
		case key.Matches(msg, k.HalfDown):
			r.ScrollBy(max(h/2, 1))
		case key.Matches(msg, k.HalfUp):
			r.ScrollBy(-max(h/2, 1))
		case key.Matches(msg, k.Top):
			r.top, r.leapt = 0, true
		case key.Matches(msg, k.Bottom):
			// The last section is current even where a jump left the
			// view at the bottom already.
			r.top, r.jumped, r.leapt = r.limit(), -1, true
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			r.ScrollBy(3)
		case tea.MouseWheelUp:
			r.ScrollBy(-3)
		}
	}
	return r, nil
}

// total is the number of lines of the rendered article.
func (r *readerPane) total() int {
	if len(r.starts) == 0 {
		return 0
	}
	return r.starts[len(r.starts)-1]
}

// limit is the top line that shows the end of the article at the bottom.
func (r *readerPane) limit() int { return max(r.total()-r.innerH(), 0) }

// ScrollBy moves the view n lines down (up when negative). Scrolling down
// stops when the end is on screen; a section jump may have gone further.
func (r *readerPane) ScrollBy(n int) {
	if n > 0 {
		r.top = min(r.top+n, max(r.limit(), r.top))
	} else {
		r.top = max(r.top+n, 0)
	}
}

func (r *readerPane) clamp() {
	r.top = max(min(r.top, r.total()-1), 0)
}

// GotoSection puts section i's first line at the top. When the section is
// not rendered yet it returns the command that renders it first.
func (r *readerPane) GotoSection(i int) tea.Cmd {
	if r.art == nil || i < 0 || i >= len(r.art.Sections) {
		return nil
	}
	if r.doc == nil {
		r.want = i
		return nil
	}
	r.top = r.starts[i]
	r.clamp()
	r.jumped, r.jumpTop, r.leapt = i, r.top, true
	return r.await(model.Pos{Section: i, Paragraph: -2})
}

// await remembers p to show when its section is rendered and returns the
// command rendering it, or nil when it is rendered already.
func (r *readerPane) await(p model.Pos) tea.Cmd {
	if r.doc == nil || r.doc.complete || r.doc.secs[p.Section] != nil {
		return nil
	}
	r.pending = &p
	return renderPatchCmd(r.req, p.Section, r.innerH())
}

// CurrentSection is the section a jump went to while the view stays
// there; otherwise the section at the top of the view, or, once the end
// of the article is on screen, the last section whose heading is: the
// view cannot scroll further to bring it to the top, and G must not leave
// the last section unreachable.
func (r *readerPane) CurrentSection() int {
	if r.doc == nil {
		return r.want
	}
	if j := r.jumpedTo(); j >= 0 {
		return j
	}
	if lim := r.limit(); lim > 0 && r.top >= lim {
		return r.sectionAt(min(r.top+r.innerH()-1, r.total()-1))
	}
	return r.sectionAt(r.top)
}

// jumpedTo is the section of the last jump while the view has not moved
// from it, or -1.
func (r *readerPane) jumpedTo() int {
	if r.jumped < 0 || r.top != r.jumpTop {
		return -1
	}
	return r.jumped
}

// sectionAt is the section that line li belongs to.
func (r *readerPane) sectionAt(li int) int {
	n := len(r.starts) - 1
	i := sort.Search(n, func(i int) bool { return r.starts[i+1] > li })
	return min(i, max(n-1, 0))
}

// Percent is how far the view is through the article, 0–100.
func (r *readerPane) Percent() int {
	lim := r.limit()
	if lim == 0 || r.top >= lim {
		return 100
	}
	return r.top * 100 / lim
}

// Reveal scrolls so that p is on screen, a third of the way down when it
// was not. When p's section is not rendered yet it returns the command
// that renders it first.
func (r *readerPane) Reveal(p model.Pos) tea.Cmd {
	r.leapt = false
	if r.doc == nil || p.Section < 0 || p.Section >= len(r.doc.secs) {
		return r.GotoSection(p.Section)
	}
	s := r.doc.secs[p.Section]
	if s == nil {
		r.top = r.starts[p.Section]
		r.clamp()
		return r.await(p)
	}
	first, last, ok := r.linesOf(p)
	if !ok {
		return nil
	}
	if !r.onScreen(first, last) {
		r.top = max(0, min(first-r.innerH()/3, max(r.limit(), first)))
	}
	if r.top >= r.limit() {
		// With the end of the article on screen the top line does not
		// say where the reader is: the revealed match's section does.
		r.jumped, r.jumpTop = p.Section, r.top
	}
	return nil
}

// linesOf is the first and last line of p; ok is false when p is not in
// the article's lines. In a section not rendered yet it is the section's
// first line, where the section will show.
func (r *readerPane) linesOf(p model.Pos) (first, last int, ok bool) {
	if r.doc == nil || p.Section < 0 || p.Section >= len(r.doc.secs) {
		return 0, 0, false
	}
	s := r.doc.secs[p.Section]
	if s == nil {
		return r.starts[p.Section], r.starts[p.Section], true
	}
	sp := s.spans(p.Paragraph, p.Start, p.End, nil)
	if len(sp) == 0 {
		return 0, 0, false
	}
	return r.starts[p.Section] + sp[0].line, r.starts[p.Section] + sp[len(sp)-1].line, true
}

// onScreen reports whether the lines first to last are all in view.
func (r *readerPane) onScreen(first, last int) bool {
	return first >= r.top && last < r.top+r.innerH()
}

// Shows reports whether p is rendered and wholly in view.
func (r *readerPane) Shows(p model.Pos) bool {
	first, last, ok := r.linesOf(p)
	return ok && r.doc.secs[p.Section] != nil && r.onScreen(first, last)
}

// Leapt reports whether a jump (a section, g, G) moved the view since the
// last Reveal.
func (r *readerPane) Leapt() bool { return r.leapt }

// Following is the index of the first of ps (in article order) that
// starts at or below line top (d > 0), or of the last that starts above it
// (d < 0), wrapping around; -1 when ps is empty.
func (r *readerPane) Following(ps []model.Pos, d, top int) int {
	if len(ps) == 0 {
		return -1
	}
	i := sort.Search(len(ps), func(i int) bool {
		first, _, ok := r.linesOf(ps[i])
		return !ok || first >= top
	})
	if d < 0 {
		i--
	}
	return (i%len(ps) + len(ps)) % len(ps)
}

// Position is where the view is: a section and how far into it (0–1),
// the position to reopen the article at.
func (r *readerPane) Position() (int, float64) {
	if r.doc == nil {
		return r.want, r.wantFrac
	}
	return r.anchor()
}

// SetHint sets the lines shown when there is no article.
func (r *readerPane) SetHint(lines []string) { r.hint = lines }

// anchor is where the view is: a section and how far into it.
func (r *readerPane) anchor() (int, float64) {
	if len(r.starts) < 2 {
		return 0, 0
	}
	sec := r.sectionAt(r.top)
	n := r.starts[sec+1] - r.starts[sec]
	if n <= 1 {
		return sec, 0
	}
	return sec, float64(r.top-r.starts[sec]) / float64(n)
}

// restore puts the view back at an anchor after a re-rendering.
func (r *readerPane) restore(sec int, frac float64) {
	if len(r.starts) < 2 {
		r.top = 0
		return
	}
	if sec < 0 || sec >= len(r.starts)-1 {
		sec = 0
	}
	n := r.starts[sec+1] - r.starts[sec]
	r.top = r.starts[sec] + int(frac*float64(n))
	r.clamp()
}

// rebuild recomputes where each section starts. A section not rendered
// yet takes as many placeholder lines as it will roughly need, so that
// scrolling through it and the position kept when it arrives stay close.
func (r *readerPane) rebuild() {
	n := len(r.doc.secs)
	r.starts = make([]int, n+1)
	for i, s := range r.doc.secs {
		var h int
		if s != nil {
			h = len(s.lines)
		} else {
			h = estimateLines(&r.art.Sections[i], r.doc.width)
		}
		r.starts[i+1] = r.starts[i] + h
	}
}

// estimateLines guesses how many lines a section renders to at width.
func estimateLines(s *model.Section, width int) int {
	cols := max(width-2, 10)
	n := 1
	if s.Heading != "" {
		n += 2
	}
	for _, p := range s.Paragraphs {
		n += len(p)/cols + 2
	}
	return n
}

// Title is the pane's title: the current section's heading.
func (r *readerPane) Title() string {
	if r.art == nil || len(r.art.Sections) == 0 {
		return "Reader"
	}
	h := r.art.Sections[r.CurrentSection()].Heading
	if h == "" {
		h = r.art.Title
	}
	return "Reader · " + articles.Sanitize(flatten(h))
}

// View draws the visible lines of the cached rendering with highlights.
func (r *readerPane) View() string {
	w, h := r.innerW(), r.innerH()
	body := r.body(w, h)
	return r.c.boxExact(r.Title(), body, r.w, r.h, r.focused, scrollbar{top: r.top, shown: h, total: max(r.total(), r.top+h)})
}

// body returns the h visible lines, each exactly w cells wide.
func (r *readerPane) body(w, h int) []string {
	rows := make([]string, h)
	if r.art == nil && len(r.hint) > 0 {
		top := max((h-len(r.hint))/2, 0)
		for i := range rows {
			rows[i] = strings.Repeat(" ", w)
			if j := i - top; j >= 0 && j < len(r.hint) {
				l := r.hint[j]
				rows[i] = fitStyled(strings.Repeat(" ", max((w-ansiWidth(l))/2, 0))+l, w)
			}
		}
		return rows
	}
	if r.doc == nil {
		msg := "Rendering…"
		if r.art == nil {
			msg = ""
		}
		rows[0] = r.c.styles.Message.Render(fit("  "+msg, w))
		for i := 1; i < h; i++ {
			rows[i] = strings.Repeat(" ", w)
		}
		return rows
	}
	if r.doc.err != nil {
		rows[0] = r.c.styles.Status.Warning.Render(fit("  "+articles.Sanitize(r.doc.err.Error()), w))
		for i := 1; i < h; i++ {
			rows[i] = strings.Repeat(" ", w)
		}
		return rows
	}
	if cap(r.ovbuf) < h {
		r.ovbuf = make([][]overlay, h)
	}
	ovs := r.ovbuf[:h]
	for i := range ovs {
		ovs[i] = ovs[i][:0]
	}
	total := r.total()
	for sec := r.sectionAt(r.top); sec < len(r.doc.secs) && r.starts[sec] < r.top+h; sec++ {
		s := r.doc.secs[sec]
		from := max(r.top-r.starts[sec], 0)
		to := min(r.starts[sec+1], r.top+h) - r.starts[sec]
		row := r.starts[sec] + from - r.top
		r.c.marks.sectionOverlays(sec, s, from, to, ovs[row:])
	}
	var b strings.Builder
	for y := 0; y < h; y++ {
		li := r.top + y
		b.Reset()
		b.Grow(w + 32)
		switch {
		case li >= total:
			b.WriteString(strings.Repeat(" ", w))
		default:
			sec := r.sectionAt(li)
			s := r.doc.secs[sec]
			if s == nil {
				msg := ""
				if li == r.starts[sec] {
					msg = "  ⋯ rendering"
				}
				b.WriteString(r.c.styles.Message.Render(fit(msg, w)))
				break
			}
			l := &s.lines[li-r.starts[sec]]
			l.paint(&b, w, ovs[y], &r.c.styles.marks)
		}
		rows[y] = b.String()
	}
	return rows
}

// ShortHelp lists the reader's keys.
func (r *readerPane) ShortHelp() []key.Binding {
	k := r.c.keys
	return []key.Binding{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}
}

// FullHelp lists the reader's keys in groups.
func (r *readerPane) FullHelp() [][]key.Binding {
	k := r.c.keys
	return [][]key.Binding{r.ShortHelp(), {k.HalfDown, k.HalfUp, k.NextSection, k.PrevSection}}
}
