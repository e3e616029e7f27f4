// Package ui is byline's terminal reader: a bubbletea program that shows an
// article's sections, the article rendered through glamour, the people and
// places named in it, and lets the reader jump, search and highlight.
//
// The root model (New) only routes messages; each pane lives in its own file
// with Init/Update/View, SetSize and a help.KeyMap. Articles are loaded and
// rendered in tea.Cmds, never in Update or View: View only slices cached,
// pre-rendered lines and paints highlights over them.
package ui
