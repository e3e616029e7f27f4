package ui

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/ui/render"
)

// markedLine draws a search result's snippet on one line of exactly width
// cells: in style base, the marked ranges (byte offsets into s) in style
// hl. When the first mark would fall far to the right, the snippet starts
// a few words before it, after "…", so that a highlighted term is always
// in view.
func markedLine(s string, marks [][2]int, width int, base, hl lipgloss.Style) string {
	if width <= 0 {
		return ""
	}
	start, lead := 0, ""
	if len(marks) > 0 && marks[0][0] <= len(s) && render.Width(strings.TrimLeft(render.OneLine(s[:marks[0][0]]), " ")) > width/3 {
		start = wordStartBefore(s, marks[0][0], width/4)
		lead = "…"
	}
	var b strings.Builder
	room := width
	// Segments are painted with their SGR codes: a style's Render would
	// drop the blanks at their edges.
	baseSGR, hlSGR := render.SGROf(base), render.SGROf(hl)
	put := func(text string, sgr string) bool {
		text = articles.Sanitize(render.OneLine(text))
		if text == "" {
			return true
		}
		fits := true
		if render.Width(text) > room {
			text, fits = render.Truncate(text, room), false
		}
		if sgr != "" {
			b.WriteString("\x1b[" + sgr + "m" + text + "\x1b[m")
		} else {
			b.WriteString(text)
		}
		room -= render.Width(text)
		return fits
	}
	if lead != "" {
		put(lead, baseSGR)
	}
	at := start
	for _, m := range marks {
		if m[1] <= at || m[0] > len(s) || m[1] > len(s) {
			continue
		}
		from := max(m[0], at)
		if !put(s[at:from], baseSGR) || !put(s[from:m[1]], hlSGR) {
			return b.String()
		}
		at = m[1]
	}
	if at < len(s) {
		put(s[at:], baseSGR)
	}
	if room > 0 {
		b.WriteString(strings.Repeat(" ", room))
	}
	return b.String()
}

// wordStartBefore returns the start of the word about cells cells before
// byte offset end of s (end itself when there is no earlier word).
func wordStartBefore(s string, end, cells int) int {
	i, w := end, 0
	for i > 0 && w < cells {
		_, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		w++
	}
	// Forward to the start of a word.
	for j := i; j < end; j++ {
		if j > 0 && s[j-1] == ' ' {
			return j
		}
	}
	return i
}
