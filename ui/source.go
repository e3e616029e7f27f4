package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// source is where the articles come from: the files named on the command
// line or a library. A source owns its list pane, its messages and keys,
// its layout, its part of the status line and what quitting does (the
// library saves the reading position first); it shows articles in the
// article view. The root routes to the active source and never asks
// which kind it is.
type source interface {
	// Init returns the commands that load the first screen.
	Init() tea.Cmd
	// List is the pane of the list slot; Feeds the pane of the feeds slot
	// (the library's Feeds pane; a source without one gives noPane).
	List() pane
	Feeds() pane
	// Layout places the panes for a w×h terminal with problemLines rows
	// of problems.
	Layout(w, h, problemLines int) layout
	// Update handles the source's own messages and reports whether msg
	// was one.
	Update(msg tea.Msg) (tea.Cmd, bool)
	// HandleKey handles the source's keys, f being the focused slot, and
	// reports whether msg was one.
	HandleKey(msg tea.KeyPressMsg, f focus) (tea.Cmd, bool)
	// Status fills in the title, counts and activity of the status line.
	Status(s *statusInfo)
	// Sync enables the source's keys that apply now.
	Sync(k *KeyMap)
	// Waiting is the message shown on the whole screen until the first
	// screen is loaded ("" once it is); Empty the message shown in place
	// of the panes when there is nothing to show.
	Waiting() string
	Empty() string
	// Quit returns the command that quits, after anything that must be
	// saved.
	Quit() tea.Cmd
}

// pane is what every pane is to the root: sized, focused, given messages,
// drawn, and listing its keys for the help screen. The panes are held by
// focus slot, so that focus, help, mouse hit-testing and layout are one
// loop each.
type pane interface {
	SetSize(w, h int)
	Focus()
	Blur()
	Update(msg tea.Msg) tea.Cmd
	View() string
	// Name names the pane on the help screen.
	Name() string
	help.KeyMap
}

// host is what the owners below the root may ask of it: to give the focus
// to a pane and to lay the panes out again after what they show changed.
type host interface {
	setFocus(f focus)
	relayout()
}

// focus names a pane's slot.
type focus int

const (
	focusList focus = iota
	focusSections
	focusReader
	focusEntities
	// focusFeeds is the library's Feeds pane, above its Articles pane;
	// last, so that the other slots keep their numbers.
	focusFeeds
	focusCount
)

// Every pane implements pane.
var (
	_ pane = (*articlesPane)(nil)
	_ pane = (*libraryPane)(nil)
	_ pane = (*sectionsPane)(nil)
	_ pane = (*readerPane)(nil)
	_ pane = (*entitiesPane)(nil)
	_ pane = (*columnsView)(nil)
	_ pane = (*linksPane)(nil)
	_ pane = (*feedsPane)(nil)
	_ pane = noPane{}
)

// noPane is the pane of a slot a source does not use: never laid out.
type noPane struct{}

func (noPane) SetSize(w, h int)          {}
func (noPane) Focus()                    {}
func (noPane) Blur()                     {}
func (noPane) Update(tea.Msg) tea.Cmd    { return nil }
func (noPane) View() string              { return "" }
func (noPane) Name() string              { return "" }
func (noPane) ShortHelp() []key.Binding  { return nil }
func (noPane) FullHelp() [][]key.Binding { return nil }
