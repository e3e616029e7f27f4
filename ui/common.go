package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/ui/render"
)

// common is the configuration every owner shares, handed to each
// constructor: the keys, the styles and the rendering settings. The root
// model owns it and changes it only when the terminal's background is
// known; the others only read it. State (what is shown, searched,
// selected) lives with its owner, never here.
type common struct {
	keys   *KeyMap
	styles *Styles
	// style is the glamour style asked for ("auto" follows the background);
	// dark says the panes and marks are styled for a dark background (the
	// style's, or the terminal's for "auto"), terminalDark whether the
	// terminal's background is dark.
	style              string
	dark, terminalDark bool
	// noColor says colours are off (NO_COLOR): marks and the renderer's
	// styles are told apart by their attributes.
	noColor bool
	// theme fixes the background ("light", "dark") or asks ("auto", "").
	theme string
	// mouse says byline takes the mouse; off, the terminal's selection
	// works.
	mouse bool
	// browser is the command that opens links ("": xdg-open or open).
	browser string
	// fetch reads the links followed inside byline.
	fetch *fetch.Client
	// maxWidth is the widest the reader's text gets (its measure).
	maxWidth int
	// header says the reader shows the article's source, author and date
	// in a header of its own (the library), so the rendering leaves the
	// date and byline out from under the title.
	header bool
	// borders are the box pieces already styled (see drawBox).
	borders borderCache
	// filters is the search syntax the source's / understands beyond
	// words, for the help screen; "" when there is none.
	filters string
}

// setBackground restyles for a terminal with a dark (or light)
// background: the panes and marks follow the glamour style's background,
// or the terminal's for "auto".
func (c *common) setBackground(terminalDark bool) {
	c.terminalDark = terminalDark
	c.dark = render.StyleIsDark(c.style, terminalDark)
	c.styles = NewStyles(render.NewTheme(c.dark))
}

// look is how to render now.
func (c *common) look() render.Look {
	return render.Look{Style: render.ResolveStyle(c.style, c.terminalDark), NoColor: c.noColor, NoMeta: c.header}
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
	bc := c.borders.of(st)
	piece := func(kind byte, n int, text string, style lipgloss.Style) string {
		return bc.get(borderKey{focused, kind, n, text}, func() string { return style.Render(text) })
	}
	inner := max(w-2, 0)
	var b strings.Builder
	title = render.Truncate(title, max(inner-4, 0))
	tw := lipgloss.Width(title)
	top := "╭"
	if tw > 0 {
		b.WriteString(piece('a', 0, "╭─ ", bs))
		b.WriteString(piece('t', 0, title, ts))
		top = " " + strings.Repeat("─", max(inner-tw-3, 0)) + "╮"
	} else {
		top += strings.Repeat("─", inner) + "╮"
	}
	b.WriteString(piece('r', 0, top, bs))
	side := piece('s', 0, "│", bs)
	thumb := piece('s', 0, "┃", bs)
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
			b.WriteString(render.FitStyled(body[i], inner))
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
	b.WriteString(piece('b', 0, "╰"+strings.Repeat("─", inner)+"╯", bs))
	return b.String()
}

// borderCache keeps the styled pieces of the boxes drawn with one set of
// styles: a box is drawn on every key, and styling its borders through
// lipgloss each time cost more than the rest of the box.
type borderCache struct {
	styles *Styles
	pieces map[borderKey]string
}

type borderKey struct {
	focused bool
	kind    byte
	n       int
	text    string
}

// maxBorderPieces bounds the cache: titles change (a position, a count).
const maxBorderPieces = 512

// of returns the cache for styles, emptied when the styles changed.
func (bc *borderCache) of(styles *Styles) *borderCache {
	if bc.styles != styles || len(bc.pieces) > maxBorderPieces {
		bc.styles, bc.pieces = styles, map[borderKey]string{}
	}
	return bc
}

// get returns the piece for k, styling it with render the first time.
func (bc *borderCache) get(k borderKey, render func() string) string {
	if p, ok := bc.pieces[k]; ok {
		return p
	}
	p := render()
	bc.pieces[k] = p
	return p
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
