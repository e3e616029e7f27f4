package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// readerPane shows the article rendered through glamour in one scrolling
// render.View. Rendering runs in tea.Cmds; the pane keeps the lines of the
// last rendering and only slices them and paints highlights in View.
type readerPane struct {
	c       *common
	hl      *render.Highlights
	w, h    int
	focused bool
	view    *render.View
	renderState
	// hint is shown, centred, when there is no article.
	hint []string
	// meta and link are the dim header above the text (the library's:
	// where the article came from, its author and date; its link), on one
	// line when they fit, else two; "" for none.
	meta, link string
}

func newReader(c *common) *readerPane { return &readerPane{c: c, view: render.NewView()} }

// Name names the pane on the help screen.
func (r *readerPane) Name() string { return "Reader" }

// SetSize sets the pane's outer size, border included. Call Refresh after
// to re-render for the new width.
func (r *readerPane) SetSize(w, h int) {
	r.w, r.h = w, h
	r.view.SetSize(r.innerW()-r.margin(), r.innerH(), r.margin())
}

func (r *readerPane) innerW() int { return max(r.w-2, 1) }
func (r *readerPane) innerH() int { return max(r.h-2-len(r.headerLines()), 1) }

// SetHeader sets the dim header above the text; "" and "" for none.
func (r *readerPane) SetHeader(meta, link string) {
	r.meta, r.link = render.Clean(meta), render.Clean(link)
	r.SetSize(r.w, r.h)
}

// headerLines is the header as it fits the pane's width, each line
// exactly that wide.
func (r *readerPane) headerLines() []string {
	w := max(r.w-2, 1)
	if (r.meta == "" && r.link == "") || r.h < 8 {
		return nil
	}
	st := r.c.styles.Library.Meta
	one := strings.TrimPrefix(r.meta+" · "+r.link, " · ")
	if r.link == "" {
		one = r.meta
	}
	if render.Width(one)+2 <= w || r.meta == "" || r.link == "" {
		return []string{st.Render(render.Fit(" "+one, w))}
	}
	return []string{st.Render(render.Fit(" "+r.meta, w)), st.Render(render.Fit(" "+r.link, w))}
}

// renderWidth is the width the text is rendered at: the pane less a right
// margin as wide as glamour's left one, at most the reading measure.
func (r *readerPane) renderWidth() int {
	w := max(r.innerW()-2, 8)
	if r.c.maxWidth > 0 {
		w = min(w, r.c.maxWidth)
	}
	return w
}

// margin is the blank cells before each line that centre a text narrower
// than the pane.
func (r *readerPane) margin() int { return max(r.innerW()-r.renderWidth()-2, 0) / 2 }

// Focus gives the pane the keys.
func (r *readerPane) Focus() { r.focused = true }

// Blur takes the focus away.
func (r *readerPane) Blur() { r.focused = false }

// Article is the article shown, or nil.
func (r *readerPane) Article() *model.Article { return r.view.Article() }

// SetArticle shows a, opening frac (0–1) of the way into section sec, and
// returns the command that renders it; a nil a shows the hint.
func (r *readerPane) SetArticle(a *model.Article, hl *render.Highlights, sec int, frac float64) tea.Cmd {
	r.drop()
	r.hl = hl
	r.view.SetArticle(a, 0, -1, sec, frac)
	return r.Refresh()
}

// SetHint sets the lines shown when there is no article.
func (r *readerPane) SetHint(lines []string) { r.hint = lines }

// Refresh returns a command rendering the article for the current width
// and style, or nil when that rendering is shown or under way. The old
// lines stay on screen until the new ones arrive.
func (r *readerPane) Refresh() tea.Cmd {
	a := r.view.Article()
	if a == nil || r.w <= 2 {
		return nil
	}
	d, started := r.renew(a, r.renderWidth(), r.c.look(), paneReader)
	if !started {
		return nil
	}
	if d != nil {
		r.view.Install(d)
		return nil
	}
	return renderFirstCmd(r.req, r.view.CurrentSection(), r.innerH())
}

// Rendered installs a rendering if it is the one the pane waits for and
// returns the command for the rest of it. A patch adds sections to the
// doc shown.
func (r *readerPane) Rendered(msg renderedMsg) tea.Cmd {
	if !r.answers(msg, r.view.Article(), paneReader) {
		return nil
	}
	old := r.view.Doc()
	if msg.patch && (old == nil || old.Complete) {
		return nil
	}
	d := msg.doc
	if msg.patch {
		// The second step reads the old doc's sections concurrently.
		d = render.Merged(old, msg.doc)
		d.Complete = false // only the second step's doc is complete
	}
	r.cache.Put(d)
	r.view.Install(d)
	return msg.next
}

// need returns the command rendering the section a move awaits, if any.
func (r *readerPane) need(wait bool, sec int) tea.Cmd {
	if !wait {
		return nil
	}
	return renderPatchCmd(r.req, sec, r.innerH())
}

// GotoSection puts section i at the top, rendering it first if needed.
func (r *readerPane) GotoSection(i int) tea.Cmd { return r.need(r.view.GotoSection(i), i) }

// Reveal scrolls p into view, rendering its section first if needed.
func (r *readerPane) Reveal(p model.Pos) tea.Cmd { return r.need(r.view.Reveal(p), p.Section) }

// Rendering reports whether the article is still being rendered.
func (r *readerPane) Rendering() bool { d := r.view.Doc(); return d != nil && !d.Complete }

// Update scrolls on the reader's keys and the mouse wheel.
func (r *readerPane) Update(msg tea.Msg) tea.Cmd {
	v := r.view
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := r.c.keys
		h := r.innerH()
		switch {
		case key.Matches(msg, k.Down):
			v.ScrollBy(1)
		case key.Matches(msg, k.Up):
			v.ScrollBy(-1)
		case key.Matches(msg, k.PageDown):
			v.ScrollBy(max(h-1, 1))
		case key.Matches(msg, k.PageUp):
			v.ScrollBy(-max(h-1, 1))
		case key.Matches(msg, k.HalfDown):
			v.ScrollBy(max(h/2, 1))
		case key.Matches(msg, k.HalfUp):
			v.ScrollBy(-max(h/2, 1))
		case key.Matches(msg, k.Top):
			v.ToTop()
		case key.Matches(msg, k.Bottom):
			v.ToBottom()
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			v.ScrollBy(3)
		case tea.MouseWheelUp:
			v.ScrollBy(-3)
		}
	}
	return nil
}

// Title is the pane's title: the current section's heading.
func (r *readerPane) Title() string {
	a := r.view.Article()
	if a == nil || len(a.Sections) == 0 {
		return "Reader"
	}
	h := a.Sections[r.view.CurrentSection()].Heading
	if h == "" {
		h = a.Title
	}
	return "Reader · " + render.Clean(h)
}

// View draws the visible lines of the cached rendering with highlights.
func (r *readerPane) View() string {
	v := r.view
	w, h := r.innerW(), r.innerH()
	var body []string
	if v.Article() == nil && len(r.hint) > 0 {
		body = r.hintLines(w, h)
	} else {
		body = append(r.headerLines(), v.Lines(r.hl, &r.c.styles.View)...)
	}
	return r.c.boxExact(r.Title(), body, r.w, r.h, r.focused, scrollbar{top: v.Top(), shown: h, total: max(v.Total(), v.Top()+h)})
}

// hintLines centres the hint in h rows of w cells.
func (r *readerPane) hintLines(w, h int) []string {
	rows := make([]string, h)
	top := max((h-len(r.hint))/2, 0)
	for i := range rows {
		rows[i] = strings.Repeat(" ", w)
		if j := i - top; j >= 0 && j < len(r.hint) {
			l := r.hint[j]
			rows[i] = render.FitStyled(strings.Repeat(" ", max((w-render.StyledWidth(l))/2, 0))+l, w)
		}
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
