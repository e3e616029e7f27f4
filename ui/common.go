package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/byline/byline/model"
	"github.com/charmbracelet/x/ansi"
)

// common is the state every pane shares, handed to each constructor: the
// styles, keys and rendering settings. The root model owns it; panes only
// read it.
type common struct {
	keys   *KeyMap
	styles *Styles
	// style is the glamour style asked for ("auto" follows the background).
	style string
	dark  bool
	// marks are the highlights to paint: search matches, the walked
	// target and entities.
	marks *marks
}

// glamourStyle is the glamour style to render with now.
func (c *common) glamourStyle() string { return resolveStyle(c.style, c.dark) }

// walkMode says what n/N walk through.
type walkMode int

const (
	walkNone walkMode = iota
	walkSearch
	walkEntity
)

// marks is what the reader paints over the rendered text.
type marks struct {
	art *model.Article
	// showEntities turns person and place highlighting on.
	showEntities bool
	// bySection lists the mentions of each section with their entity.
	bySection [][]entityMention
	// query and matches are the search; matches are in reading order.
	query   string
	matches []model.Match
	// selected is the entity index whose mentions stand out, or -1.
	selected int
	// mode, targets and cur are what n/N walk: targets in reading order,
	// cur the current one or -1.
	mode    walkMode
	targets []model.Pos
	cur     int
}

// entityMention is one mention and the index of its entity.
type entityMention struct {
	entity int
	m      model.Mention
}

// newMarks indexes a's mentions by section.
func newMarks(a *model.Article, showEntities bool) *marks {
	mk := &marks{art: a, showEntities: showEntities, selected: -1, cur: -1}
	mk.indexEntities()
	return mk
}

// indexEntities indexes the article's mentions by section again, keeping
// the search; it runs when recognition finishes after the article opened.
func (mk *marks) indexEntities() {
	a := mk.art
	if a == nil {
		return
	}
	mk.bySection = make([][]entityMention, len(a.Sections))
	for ei, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.Section >= 0 && m.Section < len(a.Sections) {
				mk.bySection[m.Section] = append(mk.bySection[m.Section], entityMention{ei, m})
			}
		}
	}
}

// current returns the walked target, if any.
func (mk *marks) current() (model.Pos, bool) {
	if mk.cur < 0 || mk.cur >= len(mk.targets) {
		return model.Pos{}, false
	}
	return mk.targets[mk.cur], true
}

// sectionOverlays appends to out, per line of the rendered section si, the
// highlights that fall on it: out[line] lists overlays of that line. Only
// lines in [from, to) are filled.
func (mk *marks) sectionOverlays(si int, s *section, from, to int, out [][]overlay) {
	if mk == nil || s == nil {
		return
	}
	var buf [4]span
	add := func(p, start, end int, kind markKind) {
		for _, sp := range s.spans(p, start, end, buf[:0]) {
			if sp.line >= from && sp.line < to {
				i := sp.line - from
				out[i] = append(out[i], overlay{sp.from, sp.to, kind})
			}
		}
	}
	if si < len(mk.bySection) {
		for _, em := range mk.bySection[si] {
			kind := markNone
			switch {
			case em.entity == mk.selected:
				kind = markSelected
			case !mk.showEntities:
				continue
			case mk.art.Entities[em.entity].Type == model.Place:
				kind = markPlace
			default:
				kind = markPerson
			}
			add(em.m.Paragraph, em.m.Start, em.m.End, kind)
		}
	}
	// Matches of this section: binary search for the first.
	lo, hi := 0, len(mk.matches)
	for lo < hi {
		h := (lo + hi) / 2
		if mk.matches[h].Section < si {
			lo = h + 1
		} else {
			hi = h
		}
	}
	for i := lo; i < len(mk.matches) && mk.matches[i].Section == si; i++ {
		m := mk.matches[i]
		add(m.Paragraph, m.Start, m.End, markMatch)
	}
	if p, ok := mk.current(); ok && p.Section == si {
		add(p.Paragraph, p.Start, p.End, markCurrent)
	}
}

// box draws a bordered pane of exactly w×h cells with title in its top
// border, padding or cutting body lines to the inner width.
func (c *common) box(title string, body []string, w, h int, focused bool) string {
	return c.drawBox(title, body, w, h, focused, false, scrollbar{})
}

// boxExact is box for body lines known to be exactly w-2 cells wide: it
// skips measuring them, which matters on every scroll.
// A scrollbar is drawn on the right border when its content is longer
// than the pane.
func (c *common) boxExact(title string, body []string, w, h int, focused bool, sb scrollbar) string {
	return c.drawBox(title, body, w, h, focused, true, sb)
}

// scrollbar says which part of a content of total lines is shown from top;
// the zero scrollbar draws none. track, when not zero, is the number of
// rows the bar runs along from the top of the pane, for a pane whose last
// rows do not scroll; zero is every row.
type scrollbar struct{ top, shown, total, track int }

// thumb returns the rows [from, to) of a track of n rows that the thumb
// covers, or an empty range when everything is shown.
func (sb scrollbar) thumb(n int) (from, to int) {
	if sb.total <= sb.shown || n <= 0 {
		return 0, 0
	}
	size := max(1, n*sb.shown/sb.total)
	from = min(n-size, (n-size)*sb.top/max(sb.total-sb.shown, 1))
	return from, from + size
}

func (c *common) drawBox(title string, body []string, w, h int, focused, exact bool, sb scrollbar) string {
	st := c.styles
	bs, ts := st.Pane.Border, st.Pane.Title
	if focused {
		bs, ts = st.Pane.FocusBorder, st.Pane.FocusTitle
	}
	inner := max(w-2, 0)
	var b strings.Builder
	title = truncate(title, max(inner-4, 0))
	tw := lipgloss.Width(title)
	top := "╭"
	if tw > 0 {
		b.WriteString(bs.Render("╭─ "))
		b.WriteString(ts.Render(title))
		top = " " + strings.Repeat("─", max(inner-tw-3, 0)) + "╮"
	} else {
		top += strings.Repeat("─", inner) + "╮"
	}
	b.WriteString(bs.Render(top))
	side := bs.Render("│")
	thumb := bs.Render("┃")
	track := h - 2
	if sb.track > 0 {
		track = min(sb.track, track)
	}
	tFrom, tTo := sb.thumb(track)
	blank := strings.Repeat(" ", inner)
	for i := 0; i < h-2; i++ {
		b.WriteByte('\n')
		b.WriteString(side)
		switch {
		case i < len(body) && exact:
			b.WriteString(body[i])
		case i < len(body):
			b.WriteString(fitStyled(body[i], inner))
		default:
			b.WriteString(blank)
		}
		if i >= tFrom && i < tTo {
			b.WriteString(thumb)
		} else {
			b.WriteString(side)
		}
	}
	b.WriteByte('\n')
	b.WriteString(bs.Render("╰" + strings.Repeat("─", inner) + "╯"))
	return b.String()
}

// fitStyled pads or truncates a styled line to exactly width cells.
func fitStyled(s string, width int) string {
	w := ansi.StringWidth(s)
	switch {
	case w == width:
		return s
	case w < width:
		return s + strings.Repeat(" ", width-w)
	}
	return ansi.Truncate(s, width, "")
}

// ansiWidth is the number of cells a styled string takes.
func ansiWidth(s string) int { return ansi.StringWidth(s) }

// truncate cuts plain text s to width cells, ending it with "…" when cut.
func truncate(s string, width int) string {
	if textWidth(s) <= width {
		return s
	}
	if width <= 0 {
		return ""
	}
	n, _ := cutWidth(s, width-1)
	return s[:n] + "…"
}

// fit pads or truncates plain text s to exactly width cells.
func fit(s string, width int) string {
	s = truncate(s, width)
	if w := textWidth(s); w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// joinColumns places multi-line blocks side by side; each block's lines
// must all have the block's width.
func joinColumns(blocks ...string) string {
	cols := make([][]string, len(blocks))
	h := 0
	for i, b := range blocks {
		cols[i] = strings.Split(b, "\n")
		h = max(h, len(cols[i]))
	}
	var b strings.Builder
	for y := 0; y < h; y++ {
		if y > 0 {
			b.WriteByte('\n')
		}
		for _, c := range cols {
			if y < len(c) {
				b.WriteString(c[y])
			}
		}
	}
	return b.String()
}

// viewCache keeps a pane's last drawing while what it depends on is
// unchanged, so that scrolling the reader does not redraw the lists.
type viewCache struct {
	key  string
	view string
}

// get returns the cached view for key, or draws and caches it.
func (vc *viewCache) get(key string, draw func() string) string {
	if vc.key != key || vc.view == "" {
		vc.key, vc.view = key, draw()
	}
	return vc.view
}
