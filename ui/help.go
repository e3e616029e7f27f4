package ui

import (
	"charm.land/bubbles/v2/help"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/byline/byline/articles"
)

// helpScreen is the "?" screen, generated from the key map so that it
// always says what the keys do; disabled bindings are left out.
type helpScreen struct {
	c       *common
	w, h    int
	version string
	// pane and paneKeys describe the pane that had the focus.
	pane     string
	paneKeys help.KeyMap
}

func newHelp(c *common, version string) *helpScreen {
	return &helpScreen{c: c, version: articles.Sanitize(flatten(version))}
}

// Init does nothing.
func (h *helpScreen) Init() tea.Cmd { return nil }

// SetContext names the focused pane whose own keys the screen lists.
func (h *helpScreen) SetContext(pane string, keys help.KeyMap) { h.pane, h.paneKeys = pane, keys }

// SetSize sets the screen's size.
func (h *helpScreen) SetSize(w, ht int) { h.w, h.h = w, ht }

// Update does nothing: the root closes the screen.
func (h *helpScreen) Update(tea.Msg) (*helpScreen, tea.Cmd) { return h, nil }

// View draws the key map's groups as columns, as many side by side as fit.
func (h *helpScreen) View() string {
	st := h.c.styles
	inner := max(h.w-2, 1)
	var blocks [][]string
	var widths []int
	for gi, group := range h.c.keys.FullHelp() {
		kw := 0
		for _, b := range group {
			if b.Enabled() {
				kw = max(kw, textWidth(b.Help().Key))
			}
		}
		title := ""
		if titles := h.c.keys.FullHelpTitles(); gi < len(titles) {
			title = titles[gi]
		}
		lines := []string{st.Help.Title.Render(title)}
		w := textWidth(title)
		for _, b := range group {
			if !b.Enabled() {
				continue
			}
			k, d := b.Help().Key, b.Help().Desc
			lines = append(lines, st.Help.Key.Render(padRight(k, kw))+"  "+st.Help.Desc.Render(d))
			w = max(w, kw+2+textWidth(d))
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
			body = append(body, b.String())
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
			body = append(body, "  "+st.Help.Title.Render(h.pane)+st.Message.Render(": ")+strings.Join(parts, st.Message.Render(" · ")), "")
		}
	}
	body = append(body,
		"  "+st.Message.Render("People are ")+st.Marks[markPerson].Render("bold")+
			st.Message.Render(", places ")+st.Marks[markPlace].Render("underlined")+
			st.Message.Render("; matches ")+st.Marks[markMatch].Render("like this")+
			st.Message.Render(", the current one ")+st.Marks[markCurrent].Render("like this")+st.Message.Render("."),
		"", "  "+st.Message.Render("? or esc closes this screen."))
	title := "Help · byline"
	if h.version != "" {
		title += " " + h.version
	}
	return h.c.box(title, body, h.w, h.h, true)
}

// ShortHelp lists the keys that close the screen.
func (h *helpScreen) ShortHelp() []key.Binding {
	return []key.Binding{h.c.keys.Help, h.c.keys.Cancel}
}

// FullHelp lists the keys that close the screen.
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
			l := truncate(lines[i], w)
			left := (w - textWidth(l)) / 2
			out[y] = fitStyled(strings.Repeat(" ", left)+st.Render(l), w)
		}
	}
	return strings.Join(out, "\n")
}
