package ui

import (
	"charm.land/lipgloss/v2"
	"github.com/byline/byline/ui/render"
)

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
	// Links is the Links pane: a link's number, its address, the cursor;
	// its text is painted as links are in the text (Marks[MarkLink]).
	Links struct {
		Number, URL, Cursor lipgloss.Style
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
	// Marks are the highlights painted over rendered text
	// (render.MarkStyles).
	Marks [render.MarkCount]lipgloss.Style
	// View is what the reader and the section panes paint with: Marks as
	// SGR parameters and the styles of their messages.
	View render.Styles
}

// NewStyles builds the styles from a theme.
func NewStyles(t render.Theme) *Styles {
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

	s.Links.Number = n().Foreground(t.Muted)
	s.Links.URL = n().Foreground(t.Muted)
	s.Links.Cursor = n().Reverse(true)

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

	s.Marks = render.MarkStyles(t)
	s.View = render.Styles{Marks: render.SGRs(s.Marks), Message: s.Message, Warning: s.Status.Warning}
	return s
}
