package render

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
)

// Theme is byline's palette for one terminal background. Every colour the
// app and `byline print` use comes from here.
type Theme struct {
	// Background is the background the palette is made for.
	Background            color.Color
	Text, Muted, Subtle   color.Color
	Accent, Border, Focus color.Color
	Person, Place, Link   color.Color
	Match, MatchText      color.Color
	Current, CurrentText  color.Color
	Selected, Warning     color.Color
	Bar, BarText          color.Color
}

// NewTheme returns the palette for a dark or a light background.
func NewTheme(dark bool) Theme {
	ld := lipgloss.LightDark(dark)
	c := lipgloss.Color
	return Theme{
		Background:  ld(c("#FAFAFA"), c("#1C1C1C")),
		Text:        ld(c("#1F1F1F"), c("#E4E4E4")),
		Muted:       ld(c("#6B6B6B"), c("#9A9A9A")),
		Subtle:      ld(c("#B8B8B8"), c("#4A4A4A")),
		Accent:      ld(c("#5A3FD6"), c("#A08CFF")),
		Border:      ld(c("#C4C4C4"), c("#444444")),
		Focus:       ld(c("#5A3FD6"), c("#A08CFF")),
		Person:      ld(c("#0B6E4F"), c("#5FD7AF")),
		Place:       ld(c("#9C4A00"), c("#FFAF5F")),
		Link:        ld(c("#1A5FB4"), c("#78AEFF")),
		Match:       ld(c("#FFE066"), c("#5F5F00")),
		MatchText:   ld(c("#000000"), c("#FFFFD7")),
		Current:     ld(c("#E8590C"), c("#FF8700")),
		CurrentText: ld(c("#FFFFFF"), c("#000000")),
		Selected:    ld(c("#C5B8FF"), c("#5F3FAF")),
		Warning:     ld(c("#B00020"), c("#FF5F5F")),
		Bar:         ld(c("#E6E2F8"), c("#2A2540")),
		BarText:     ld(c("#2A2540"), c("#D0CCE8")),
	}
}

// MarkStyles are the highlights painted over rendered text. They differ
// without colour too: links italic, people bold, places underlined, the selected entity
// bold italic underlined, matches reversed, the current match reversed
// bold underlined.
func MarkStyles(t Theme) [MarkCount]lipgloss.Style {
	n := lipgloss.NewStyle
	var s [MarkCount]lipgloss.Style
	// Reverse swaps foreground and background: with colour a match shows
	// Match behind MatchText, without colour it is reverse video.
	s[MarkLink] = n().Foreground(t.Link).Italic(true)
	s[MarkPerson] = n().Foreground(t.Person).Bold(true)
	s[MarkPlace] = n().Foreground(t.Place).Underline(true)
	s[MarkSelected] = n().Background(t.Selected).Bold(true).Italic(true).Underline(true)
	s[MarkMatch] = n().Reverse(true).Foreground(t.Match).Background(t.MatchText)
	s[MarkCurrent] = n().Reverse(true).Bold(true).Underline(true).Foreground(t.Current).Background(t.CurrentText)
	return s
}

// SGRs returns the SGR parameters of each style, ready to paint.
func SGRs(styles [MarkCount]lipgloss.Style) MarkSGRs {
	var out MarkSGRs
	for k := range styles {
		out[k] = SGROf(styles[k])
	}
	return out
}

// SGROf returns the SGR parameters a style opens with, so that highlights
// can be painted into cached lines without lipgloss.
func SGROf(st lipgloss.Style) string {
	out := st.Render("x")
	i := strings.IndexByte(out, 'x')
	if i < 0 {
		return ""
	}
	var params []string
	for p := out[:i]; p != ""; {
		n, sgr, ok := escapeLen(p)
		if ok && sgr != "" {
			params = append(params, sgr)
		}
		p = p[n:]
	}
	return strings.Join(params, ";")
}
