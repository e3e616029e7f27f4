package ui

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
)

// Theme is byline's palette for one terminal background. Every colour the
// UI uses comes from here.
type Theme struct {
	Text, Muted, Subtle   color.Color
	Accent, Border, Focus color.Color
	Person, Place         color.Color
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
		Text:        ld(c("#1F1F1F"), c("#E4E4E4")),
		Muted:       ld(c("#6B6B6B"), c("#9A9A9A")),
		Subtle:      ld(c("#B8B8B8"), c("#4A4A4A")),
		Accent:      ld(c("#5A3FD6"), c("#A08CFF")),
		Border:      ld(c("#C4C4C4"), c("#444444")),
		Focus:       ld(c("#5A3FD6"), c("#A08CFF")),
		Person:      ld(c("#0B6E4F"), c("#5FD7AF")),
		Place:       ld(c("#9C4A00"), c("#FFAF5F")),
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

// Styles holds every lipgloss style of the UI, grouped by pane.
type Styles struct {
	Pane struct {
		Border, FocusBorder lipgloss.Style
		Title, FocusTitle   lipgloss.Style
	}
	Sections struct {
		Number, Item, Current, Cursor, Marker lipgloss.Style
	}
	Entities struct {
		Group, Name, Count, Cursor, Selected lipgloss.Style
	}
	Articles struct {
		Item, Date, Current, Cursor lipgloss.Style
	}
	// Library is the Articles pane on a library: the unread mark, the
	// star, the date and source line, a result's snippet and the label of
	// a filtered list.
	Library struct {
		Unread, Star, Meta, Snippet, Label, Read lipgloss.Style
	}
	Status struct {
		Bar, Title, Info, Search, Help, Warning, Cursor lipgloss.Style
	}
	Help struct {
		Key, Desc, Title lipgloss.Style
	}
	Message lipgloss.Style
	// Marks are the highlights painted over rendered text. They differ
	// without colour too: people bold, places underlined, the selected
	// entity bold italic underlined, matches reversed, the current match
	// reversed bold underlined.
	Marks [markCount]lipgloss.Style
	// marks are Marks as SGR parameters, ready to paint.
	marks [markCount]string
}

// NewStyles builds the styles from a theme.
func NewStyles(t Theme) *Styles {
	s := &Styles{}
	n := lipgloss.NewStyle
	s.Pane.Border = n().Foreground(t.Border)
	s.Pane.FocusBorder = n().Foreground(t.Focus)
	s.Pane.Title = n().Foreground(t.Muted)
	s.Pane.FocusTitle = n().Foreground(t.Accent).Bold(true)

	s.Sections.Number = n().Foreground(t.Muted)
	s.Sections.Item = n().Foreground(t.Text)
	s.Sections.Current = n().Foreground(t.Accent).Bold(true)
	s.Sections.Cursor = n().Reverse(true)
	s.Sections.Marker = n().Foreground(t.Accent).Bold(true)

	s.Entities.Group = n().Foreground(t.Muted).Bold(true)
	s.Entities.Name = n().Foreground(t.Text)
	s.Entities.Count = n().Foreground(t.Muted)
	s.Entities.Cursor = n().Reverse(true)
	s.Entities.Selected = n().Background(t.Selected).Bold(true)

	s.Articles.Item = n().Foreground(t.Text)
	s.Articles.Date = n().Foreground(t.Muted)
	s.Articles.Current = n().Foreground(t.Accent).Bold(true)
	s.Articles.Cursor = n().Reverse(true)

	s.Library.Unread = n().Foreground(t.Accent).Bold(true)
	s.Library.Star = n().Foreground(t.Current)
	s.Library.Meta = n().Foreground(t.Muted)
	s.Library.Snippet = n().Foreground(t.Muted)
	s.Library.Label = n().Foreground(t.Accent).Bold(true)
	s.Library.Read = n().Foreground(t.Muted)

	s.Status.Bar = n().Background(t.Bar).Foreground(t.BarText)
	s.Status.Title = n().Background(t.Accent).Foreground(t.CurrentText).Bold(true)
	s.Status.Info = n().Background(t.Bar).Foreground(t.BarText)
	s.Status.Search = n().Background(t.Bar).Foreground(t.Current).Bold(true)
	s.Status.Help = n().Background(t.Bar).Foreground(t.Muted)
	s.Status.Warning = n().Foreground(t.Warning).Bold(true)
	s.Status.Cursor = n().Reverse(true)

	s.Help.Key = n().Foreground(t.Accent).Bold(true)
	s.Help.Desc = n().Foreground(t.Text)
	s.Help.Title = n().Foreground(t.Accent).Bold(true)

	s.Message = n().Foreground(t.Muted)

	// Reverse swaps foreground and background: with colour a match shows
	// Match behind MatchText, without colour it is reverse video.
	s.Marks[markPerson] = n().Foreground(t.Person).Bold(true)
	s.Marks[markPlace] = n().Foreground(t.Place).Underline(true)
	s.Marks[markSelected] = n().Background(t.Selected).Bold(true).Italic(true).Underline(true)
	s.Marks[markMatch] = n().Reverse(true).Foreground(t.Match).Background(t.MatchText)
	s.Marks[markCurrent] = n().Reverse(true).Bold(true).Underline(true).Foreground(t.Current).Background(t.CurrentText)
	for k := range s.Marks {
		s.marks[k] = sgrOf(s.Marks[k])
	}
	return s
}

// sgrOf returns the SGR parameters a style opens with, so that highlights
// can be painted into cached lines without lipgloss.
func sgrOf(st lipgloss.Style) string {
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
