package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

// minColumn is the narrowest a section pane gets in the columns view.
const minColumn = 32

// columnsView is the second view ("v"): one pane per section side by side,
// as many as fit, each scrolling on its own; h/l move between them and the
// view pages when there are more sections than fit.
type columnsView struct {
	c    *common
	w, h int

	art *model.Article
	doc *doc
	renderState
	tops []int
	// focus is the section whose pane has the keys.
	focus int
	ovbuf [][]overlay
	// pending is a match to scroll to once its section is rendered.
	pending *model.Pos
}

func newColumns(c *common) *columnsView { return &columnsView{c: c} }

// Init does nothing.
func (v *columnsView) Init() tea.Cmd { return nil }

// SetSize sets the size of the whole view. Call Refresh after.
func (v *columnsView) SetSize(w, h int) { v.w, v.h = w, h }

// perPage is how many section panes fit side by side.
func (v *columnsView) perPage() int {
	n := max(v.w/minColumn, 1)
	if v.art != nil {
		n = min(n, max(len(v.art.Sections), 1))
	}
	return n
}

// colWidth is the outer width of pane i of a page (the last takes the rest).
func (v *columnsView) colWidth(i int) int {
	n := v.perPage()
	w := v.w / n
	if i == n-1 {
		return v.w - w*(n-1)
	}
	return w
}

// SetArticle shows a with the focus on section sec.
func (v *columnsView) SetArticle(a *model.Article, sec int) {
	v.drop()
	v.art, v.doc, v.pending = a, nil, nil
	v.tops = make([]int, len(a.Sections))
	v.focus = sec
}

// Focus gives section sec's pane the keys and returns the command that
// renders its page when needed.
func (v *columnsView) Focus(sec int) tea.Cmd {
	if v.art != nil && sec >= 0 && sec < len(v.art.Sections) {
		v.focus = sec
	}
	return v.pageCmd()
}

// first is the first section of the page shown. The last page ends with
// the last section rather than with empty panes: it may repeat sections
// of the page before.
func (v *columnsView) first() int {
	per := v.perPage()
	f := v.focus / per * per
	if v.art != nil {
		f = min(f, max(len(v.art.Sections)-per, 0))
	}
	return f
}

// pageCmd renders the sections of the page shown that the doc lacks, or
// returns nil.
func (v *columnsView) pageCmd() tea.Cmd {
	if v.art == nil || v.req.art != v.art {
		return nil
	}
	from, to := v.first(), min(v.first()+v.perPage(), len(v.art.Sections))
	if d := v.doc; d != nil && d.width == v.req.width && d.style == v.req.style {
		missing := false
		for i := from; i < to; i++ {
			missing = missing || d.secs[i] == nil
		}
		if !missing {
			return nil
		}
	}
	return renderRangeCmd(v.req, from, to)
}

// Focused is the section whose pane has the keys.
func (v *columnsView) Focused() int { return v.focus }

// Refresh returns the command rendering the sections at the column width,
// or nil when that rendering is shown or under way.
func (v *columnsView) Refresh() tea.Cmd {
	if v.art == nil || v.w <= 2 {
		return nil
	}
	d, started := v.renew(v.art, max(v.colWidth(0)-4, 8), v.c.glamourStyle(), paneColumns)
	if !started {
		return nil
	}
	if d != nil {
		v.install(d)
		return nil
	}
	return v.pageCmd()
}

// Rendered installs the rendering the view waits for.
func (v *columnsView) Rendered(msg renderedMsg) tea.Cmd {
	if !v.answers(msg, v.art, paneColumns) {
		return nil
	}
	d := msg.doc
	if old := v.doc; old != nil && old.art == d.art && old.width == d.width && old.style == d.style {
		d = merged(old, d)
	}
	v.cache.put(d)
	v.install(d)
	if p := v.pending; p != nil && p.Section < len(d.secs) && d.secs[p.Section] != nil {
		v.pending = nil
		v.Reveal(*p)
	}
	return nil
}

func (v *columnsView) install(d *doc) {
	v.doc = d
	for i := range v.tops {
		v.clamp(i)
	}
}

func (v *columnsView) clamp(i int) {
	if v.doc == nil || v.doc.secs[i] == nil {
		return
	}
	lim := max(len(v.doc.secs[i].lines)-(v.h-2), 0)
	v.tops[i] = max(0, min(v.tops[i], lim))
}

// scroll moves section i's pane by n lines.
func (v *columnsView) scroll(i, n int) {
	if i < 0 || i >= len(v.tops) {
		return
	}
	v.tops[i] += n
	v.clamp(i)
}

// Update moves between panes and scrolls the focused one; the wheel
// scrolls the pane under the pointer.
func (v *columnsView) Update(msg tea.Msg) (*columnsView, tea.Cmd) {
	if v.art == nil {
		return v, nil
	}
	n := len(v.art.Sections)
	if n == 0 {
		return v, nil
	}
	h := max(v.h-3, 1)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := v.c.keys
		switch {
		case key.Matches(msg, k.Left):
			return v, v.Focus(max(v.focus-1, 0))
		case key.Matches(msg, k.Right):
			return v, v.Focus(min(v.focus+1, n-1))
		case key.Matches(msg, k.Down):
			v.scroll(v.focus, 1)
		case key.Matches(msg, k.Up):
			v.scroll(v.focus, -1)
		case key.Matches(msg, k.PageDown):
			v.scroll(v.focus, h)
		case key.Matches(msg, k.PageUp):
			v.scroll(v.focus, -h)
		case key.Matches(msg, k.HalfDown):
			v.scroll(v.focus, h/2)
		case key.Matches(msg, k.HalfUp):
			v.scroll(v.focus, -h/2)
		case key.Matches(msg, k.Top):
			v.tops[v.focus] = 0
		case key.Matches(msg, k.Bottom):
			v.scroll(v.focus, 1<<30)
		}
	case tea.MouseWheelMsg:
		i := v.columnAt(msg.X)
		switch msg.Button {
		case tea.MouseWheelDown:
			v.scroll(i, 3)
		case tea.MouseWheelUp:
			v.scroll(i, -3)
		}
	case tea.MouseClickMsg:
		if i := v.columnAt(msg.X); i >= 0 {
			return v, v.Focus(i)
		}
	}
	return v, nil
}

// columnAt is the section whose pane covers column x, or -1.
func (v *columnsView) columnAt(x int) int {
	first := v.first()
	for i, left := 0, 0; i < v.perPage(); i++ {
		w := v.colWidth(i)
		if x >= left && x < left+w && first+i < len(v.tops) {
			return first + i
		}
		left += w
	}
	return -1
}

// Reveal focuses the section of p and scrolls its pane to show p. When
// the section is not rendered yet it returns the command rendering it
// (the match is then shown from the pane's top).
func (v *columnsView) Reveal(p model.Pos) tea.Cmd {
	if cmd := v.Focus(p.Section); cmd != nil {
		v.pending = &p
		return cmd
	}
	if v.doc == nil || p.Section < 0 || p.Section >= len(v.doc.secs) || v.doc.secs[p.Section] == nil {
		return nil
	}
	sp := v.doc.secs[p.Section].spans(p.Paragraph, p.Start, p.End, nil)
	if len(sp) == 0 {
		return nil
	}
	h := max(v.h-2, 1)
	top := v.tops[p.Section]
	if sp[0].line < top || sp[len(sp)-1].line >= top+h {
		v.tops[p.Section] = sp[0].line - h/3
		v.clamp(p.Section)
	}
	return nil
}

// Percent is how far the focused pane is scrolled through its section.
func (v *columnsView) Percent() int {
	if v.doc == nil || v.focus >= len(v.doc.secs) || v.doc.secs[v.focus] == nil {
		return 0
	}
	lim := len(v.doc.secs[v.focus].lines) - (v.h - 2)
	if lim <= 0 || v.tops[v.focus] >= lim {
		return 100
	}
	return v.tops[v.focus] * 100 / lim
}

// Page is "sections a–b of n", for the status line.
func (v *columnsView) Page() string {
	if v.art == nil {
		return ""
	}
	first := v.first()
	last := min(first+v.perPage(), len(v.art.Sections))
	return fmt.Sprintf("panes %d–%d of %d", first+1, last, len(v.art.Sections))
}

// View draws the page of section panes that holds the focused one.
func (v *columnsView) View() string {
	per := v.perPage()
	first := v.first()
	blocks := make([]string, 0, per)
	for i := 0; i < per; i++ {
		w := v.colWidth(i)
		si := first + i
		if v.art == nil || si >= len(v.art.Sections) {
			blocks = append(blocks, v.c.box("", nil, w, v.h, false))
			continue
		}
		heading := articles.Sanitize(flatten(v.art.Sections[si].Heading))
		if heading == "" {
			heading = "Lead"
		}
		title := fmt.Sprintf("%d/%d %s", si+1, len(v.art.Sections), heading)
		var sb scrollbar
		if v.doc != nil && v.doc.secs[si] != nil {
			sb = scrollbar{top: v.tops[si], shown: v.h - 2, total: len(v.doc.secs[si].lines)}
		}
		blocks = append(blocks, v.c.drawBox(title, v.body(si, w-2, v.h-2), w, v.h, si == v.focus, false, sb))
	}
	return joinColumns(blocks...)
}

// body is the visible part of section si's pane.
func (v *columnsView) body(si, w, h int) []string {
	rows := make([]string, 0, h)
	if v.doc == nil || v.doc.secs[si] == nil {
		return append(rows, v.c.styles.Message.Render(fit("  Rendering…", w)))
	}
	s := v.doc.secs[si]
	top := v.tops[si]
	to := min(top+h, len(s.lines))
	if cap(v.ovbuf) < h {
		v.ovbuf = make([][]overlay, h)
	}
	ovs := v.ovbuf[:h]
	for i := range ovs {
		ovs[i] = ovs[i][:0]
	}
	v.c.marks.sectionOverlays(si, s, top, to, ovs)
	var b strings.Builder
	for li := top; li < to; li++ {
		b.Reset()
		s.lines[li].paint(&b, w, ovs[li-top], &v.c.styles.marks)
		rows = append(rows, b.String())
	}
	return rows
}

// ShortHelp lists the view's keys.
func (v *columnsView) ShortHelp() []key.Binding {
	k := v.c.keys
	return []key.Binding{k.Left, k.Right, k.Down, k.Up, k.Columns}
}

// FullHelp lists the view's keys in groups.
func (v *columnsView) FullHelp() [][]key.Binding {
	k := v.c.keys
	return [][]key.Binding{v.ShortHelp(), {k.PageDown, k.PageUp, k.Top, k.Bottom}}
}
