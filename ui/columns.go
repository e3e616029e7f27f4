package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// minColumn is the narrowest a section pane gets in the columns view.
const minColumn = 32

// columnsView is the second view ("v"): one pane per section side by side,
// as many as fit, each a render.View of its own section scrolling on its
// own; h/l move between them and the view pages when there are more
// sections than fit. The panes share one rendering at the column width.
type columnsView struct {
	c    *common
	hl   *render.Highlights
	w, h int

	art *model.Article
	doc *render.Doc
	renderState
	views []*render.View
	// focus is the section whose pane has the keys.
	focus int
}

func newColumns(c *common) *columnsView { return &columnsView{c: c} }

// Name names the view on the help screen.
func (v *columnsView) Name() string { return "Section panes" }

// Focus and Blur do nothing: the focused section's pane has the keys
// whenever the view is shown.
func (v *columnsView) Focus() {}

// Blur does nothing (see Focus).
func (v *columnsView) Blur() {}

// SetSize sets the size of the whole view. Call Refresh after.
func (v *columnsView) SetSize(w, h int) {
	v.w, v.h = w, h
	v.sizeViews()
}

func (v *columnsView) sizeViews() {
	for _, sv := range v.views {
		sv.SetSize(max(v.colWidth(0)-2, 1), max(v.h-2, 1), 0)
	}
}

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
func (v *columnsView) SetArticle(a *model.Article, hl *render.Highlights, sec int) {
	v.drop()
	v.art, v.hl, v.doc = a, hl, nil
	v.views = make([]*render.View, len(a.Sections))
	for i := range v.views {
		v.views[i] = render.NewView()
		v.views[i].SetArticle(a, i, i+1, i, 0)
	}
	v.sizeViews()
	v.focus = sec
}

// SetFocus gives section sec's pane the keys and returns the command that
// renders its page when needed.
func (v *columnsView) SetFocus(sec int) tea.Cmd {
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
	if d := v.doc; d != nil && d.Width == v.req.width && d.Look == v.req.look {
		missing := false
		for i := from; i < to; i++ {
			missing = missing || d.Secs[i] == nil
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
	d, started := v.renew(v.art, max(v.colWidth(0)-4, 8), v.c.look(), paneColumns)
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
	if old := v.doc; old != nil && old.Art == d.Art && old.Width == d.Width && old.Look == d.Look {
		d = render.Merged(old, d)
	}
	v.cache.Put(d)
	v.install(d)
	return nil
}

func (v *columnsView) install(d *render.Doc) {
	v.doc = d
	for _, sv := range v.views {
		sv.Install(d)
	}
}

// Update moves between panes and scrolls the focused one; the wheel
// scrolls the pane under the pointer.
func (v *columnsView) Update(msg tea.Msg) tea.Cmd {
	if v.art == nil || len(v.views) == 0 {
		return nil
	}
	n := len(v.views)
	sv := v.views[v.focus]
	h := max(v.h-3, 1)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := v.c.keys
		switch {
		case key.Matches(msg, k.Left):
			return v.SetFocus(max(v.focus-1, 0))
		case key.Matches(msg, k.Right):
			return v.SetFocus(min(v.focus+1, n-1))
		case key.Matches(msg, k.Down):
			sv.ScrollBy(1)
		case key.Matches(msg, k.Up):
			sv.ScrollBy(-1)
		case key.Matches(msg, k.PageDown):
			sv.ScrollBy(h)
		case key.Matches(msg, k.PageUp):
			sv.ScrollBy(-h)
		case key.Matches(msg, k.HalfDown):
			sv.ScrollBy(h / 2)
		case key.Matches(msg, k.HalfUp):
			sv.ScrollBy(-h / 2)
		case key.Matches(msg, k.Top):
			sv.ToTop()
		case key.Matches(msg, k.Bottom):
			sv.ToBottom()
		}
	case tea.MouseWheelMsg:
		if i := v.columnAt(msg.X); i >= 0 {
			switch msg.Button {
			case tea.MouseWheelDown:
				v.views[i].ScrollBy(3)
			case tea.MouseWheelUp:
				v.views[i].ScrollBy(-3)
			}
		}
	case tea.MouseClickMsg:
		if i := v.columnAt(msg.X); i >= 0 {
			return v.SetFocus(i)
		}
	}
	return nil
}

// columnAt is the section whose pane covers column x, or -1.
func (v *columnsView) columnAt(x int) int {
	first := v.first()
	for i, left := 0, 0; i < v.perPage(); i++ {
		w := v.colWidth(i)
		if x >= left && x < left+w && first+i < len(v.views) {
			return first + i
		}
		left += w
	}
	return -1
}

// Reveal focuses the section of p and scrolls its pane to show p, once
// its section is rendered when it is not yet.
func (v *columnsView) Reveal(p model.Pos) tea.Cmd {
	if p.Section < 0 || p.Section >= len(v.views) {
		return nil
	}
	cmd := v.SetFocus(p.Section)
	v.views[p.Section].Reveal(p)
	return cmd
}

// Percent is how far the focused pane is scrolled through its section.
func (v *columnsView) Percent() int {
	if v.doc == nil || v.focus >= len(v.views) || v.doc.Secs[v.focus] == nil {
		return 0
	}
	return v.views[v.focus].Percent()
}

// Page is "panes a–b of n", for the status line.
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
	rects := make([]rect, 0, per)
	x := 0
	for i := 0; i < per; i++ {
		w := v.colWidth(i)
		rects = append(rects, rect{x, 0, w, v.h})
		x += w
		si := first + i
		if v.art == nil || si >= len(v.art.Sections) {
			blocks = append(blocks, v.c.box("", nil, w, v.h, false))
			continue
		}
		heading := render.Clean(v.art.Sections[si].Heading)
		if heading == "" {
			heading = "Lead"
		}
		title := fmt.Sprintf("%d/%d %s", si+1, len(v.art.Sections), heading)
		sv := v.views[si]
		var sb scrollbar
		if v.doc != nil && v.doc.Secs[si] != nil {
			sb = scrollbar{top: sv.Top(), shown: v.h - 2, total: sv.Total()}
		}
		// Every view is as wide as the first pane's inside (SetSize), so
		// its lines need no measuring: the last pane, which takes what
		// is left of the width, pads them by the difference.
		body := sv.Lines(v.hl, &v.c.styles.View)
		if extra := w - v.colWidth(0); extra > 0 {
			pad := strings.Repeat(" ", extra)
			padded := make([]string, len(body))
			for i, l := range body {
				padded[i] = l + pad
			}
			body = padded
		}
		blocks = append(blocks, v.c.drawBox(title, body, w, v.h, si == v.focus, true, sb))
	}
	return compose(rect{0, 0, v.w, v.h}, rects, blocks)
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
