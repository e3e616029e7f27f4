package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/byline/byline/ui/render"
)

// helpScreen is the "?" screen, generated from the key map so that it
// always says what the keys do; disabled bindings are left out. Its lines
// are fitted to the width; when they are more than the screen holds, it
// scrolls with the scroll keys and says "↓ more", and the line saying how
// to close it stays at the bottom.
type helpScreen struct {
	c       *common
	w, h    int
	version string
	// pane and paneKeys describe the pane that had the focus.
	pane     string
	paneKeys help.KeyMap
	// top is the first line shown.
	top int
}

func newHelp(c *common, version string) *helpScreen {
	return &helpScreen{c: c, version: render.Clean(version)}
}

// SetContext names the focused pane whose own keys the screen lists, and
// goes back to the top: the root calls it when the screen opens.
func (h *helpScreen) SetContext(pane string, keys help.KeyMap) {
	h.pane, h.paneKeys, h.top = pane, keys, 0
}

// SetSize sets the screen's size.
func (h *helpScreen) SetSize(w, ht int) {
	h.w, h.h = w, ht
	// At the top there is nothing to keep in range, and laying the lines
	// out on every resize (the screen mostly hidden) cost a fifth of the
	// 1 MB article's first screen.
	if h.top > 0 {
		h.top = min(h.top, h.limit())
	}
}

// rows is the number of lines shown: the box less its borders and the
// closing line.
func (h *helpScreen) rows() int { return max(h.h-3, 1) }

// limit is the last line the screen can start at.
func (h *helpScreen) limit() int { return max(len(h.lines())-h.rows(), 0) }

// Update scrolls with the scroll keys and the mouse wheel; the root
// closes the screen.
func (h *helpScreen) Update(msg tea.Msg) tea.Cmd {
	page := max(h.rows()-1, 1)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := h.c.keys
		switch {
		case key.Matches(msg, k.Down):
			h.top++
		case key.Matches(msg, k.Up):
			h.top--
		case key.Matches(msg, k.PageDown):
			h.top += page
		case key.Matches(msg, k.PageUp):
			h.top -= page
		case key.Matches(msg, k.HalfDown):
			h.top += max(page/2, 1)
		case key.Matches(msg, k.HalfUp):
			h.top -= max(page/2, 1)
		case key.Matches(msg, k.Top):
			h.top = 0
		case key.Matches(msg, k.Bottom):
			h.top = h.limit()
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			h.top += 3
		case tea.MouseWheelUp:
			h.top -= 3
		}
	}
	h.top = max(0, min(h.top, h.limit()))
	return nil
}

// View draws the lines from top, and below them the closing line with
// "↓ more" while there are lines below.
func (h *helpScreen) View() string {
	st := h.c.styles
	k := h.c.keys
	inner := max(h.w-2, 1)
	lines, rows := h.lines(), h.rows()
	top := max(0, min(h.top, len(lines)-rows))
	body := make([]string, rows, rows+1)
	copy(body, lines[top:])
	closing := "  " + st.Message.Render(k.Help.Help().Key+" or "+k.Cancel.Help().Key+" closes this screen.")
	more := ""
	switch {
	case top+rows < len(lines):
		more = "↓ more "
	case top > 0:
		more = "↑ more "
	}
	if more != "" {
		gap := max(inner-render.StyledWidth(closing)-render.Width(more), 1)
		closing += strings.Repeat(" ", gap) + st.Help.Key.Render(more)
	}
	body = append(body, closing)
	title := "Help · byline"
	if h.version != "" {
		title += " " + h.version
	}
	return h.c.drawBox(title, body, h.w, h.h, true, false, scrollbar{top: top, shown: rows, total: len(lines), track: rows})
}

// lines are the screen's lines but the closing one, at most the inner
// width: the key map's groups as columns, as many side by side as fit,
// then the focused pane's keys and what the highlights look like, each
// wrapped to the width.
func (h *helpScreen) lines() []string {
	st := h.c.styles
	inner := max(h.w-2, 1)
	var blocks [][]string
	var widths []int
	for gi, group := range h.c.keys.FullHelp() {
		kw := 0
		for _, b := range group {
			if b.Enabled() {
				kw = max(kw, render.Width(b.Help().Key))
			}
		}
		title := ""
		if titles := h.c.keys.FullHelpTitles(); gi < len(titles) {
			title = titles[gi]
		}
		lines := []string{st.Help.Title.Render(title)}
		w := render.Width(title)
		for _, b := range group {
			if !b.Enabled() {
				continue
			}
			k, d := b.Help().Key, b.Help().Desc
			lines = append(lines, st.Help.Key.Render(render.PadRight(k, kw))+"  "+st.Help.Desc.Render(d))
			w = max(w, kw+2+render.Width(d))
		}
		if len(lines) > 1 {
			blocks, widths = append(blocks, lines), append(widths, w)
		}
	}
	body := []string{""}
	for i := 0; i < len(blocks); {
		// Take as many groups as fit on one band of columns.
		j, used := i, 2
		for j < len(blocks) && (j == i || used+widths[j]+4 <= inner) {
			used += widths[j] + 4
			j++
		}
		rows := 0
		for k := i; k < j; k++ {
			rows = max(rows, len(blocks[k]))
		}
		for r := 0; r < rows; r++ {
			var b strings.Builder
			b.WriteString("  ")
			for k := i; k < j; k++ {
				cell := ""
				if r < len(blocks[k]) {
					cell = blocks[k][r]
				}
				b.WriteString(cell)
				if k < j-1 {
					b.WriteString(strings.Repeat(" ", widths[k]-lipgloss.Width(cell)+4))
				}
			}
			body = append(body, render.FitStyled(b.String(), inner))
		}
		body = append(body, "")
		i = j
	}
	if h.paneKeys != nil {
		var parts []string
		for _, b := range h.paneKeys.ShortHelp() {
			if b.Enabled() {
				parts = append(parts, st.Help.Key.Render(b.Help().Key)+" "+st.Help.Desc.Render(b.Help().Desc))
			}
		}
		if len(parts) > 0 {
			parts[0] = st.Help.Title.Render(h.pane) + st.Message.Render(": ") + parts[0]
			body = append(append(body, flow(parts, st.Message.Render(" · "), inner)...), "")
		}
	}
	if h.c.filters != "" {
		parts := []string{st.Help.Title.Render("Search filters") + st.Message.Render(":")}
		for _, f := range strings.Fields(h.c.filters) {
			parts = append(parts, st.Help.Key.Render(f))
		}
		body = append(append(body, flow(parts, " ", inner)...), "")
	}
	legend := []string{
		st.Message.Render("People are ") + st.Marks[render.MarkPerson].Render("bold") + st.Message.Render(","),
		st.Message.Render("places ") + st.Marks[render.MarkPlace].Render("underlined") + st.Message.Render(","),
		st.Message.Render("links ") + st.Marks[render.MarkLink].Render("like this") + st.Message.Render(";"),
		st.Message.Render("matches ") + st.Marks[render.MarkMatch].Render("like this") + st.Message.Render(","),
		st.Message.Render("the current one ") + st.Marks[render.MarkCurrent].Render("like this") + st.Message.Render("."),
	}
	return append(append(body, flow(legend, st.Message.Render(" "), inner)...), "")
}

// flow lays styled pieces out in lines of at most w cells, sep between
// two pieces on a line, indented by two cells and the lines after the
// first by four; a piece wider than a line is cut.
func flow(pieces []string, sep string, w int) []string {
	var lines []string
	line, lw := "  ", 2
	sw := render.StyledWidth(sep)
	for i, p := range pieces {
		pw := render.StyledWidth(p)
		switch {
		case i == 0:
		case lw+sw+pw <= w:
			line, lw = line+sep, lw+sw
		default:
			lines = append(lines, render.FitStyled(line, w))
			line, lw = "    ", 4
		}
		line, lw = line+p, lw+pw
	}
	return append(lines, render.FitStyled(line, w))
}

// ShortHelp lists the keys that scroll and close the screen.
func (h *helpScreen) ShortHelp() []key.Binding {
	k := h.c.keys
	return []key.Binding{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom, k.Help, k.Cancel, k.Quit}
}

// FullHelp lists the keys that scroll and close the screen.
func (h *helpScreen) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }

// centered places a plain message in the middle of a w×h screen, each of
// its lines cut to fit, in style st.
func centered(st lipgloss.Style, msg string, w, h int) string {
	lines := strings.Split(msg, "\n")
	lines = lines[:min(len(lines), h)]
	out := make([]string, h)
	top := (h - len(lines)) / 2
	blank := strings.Repeat(" ", w)
	for y := range out {
		out[y] = blank
		if i := y - top; i >= 0 && i < len(lines) {
			l := render.Truncate(lines[i], w)
			left := (w - render.Width(l)) / 2
			out[y] = render.FitStyled(strings.Repeat(" ", left)+st.Render(l), w)
		}
	}
	return strings.Join(out, "\n")
}
