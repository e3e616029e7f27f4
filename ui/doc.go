// Package ui is byline's terminal reader: a bubbletea program that shows an
// article's sections, the article rendered through glamour, the people and
// places named in it, and lets the reader jump, search and highlight.
//
// The root model (New) only routes messages; each pane lives in its own file
// with Init/Update/View, SetSize and a help.KeyMap. Articles are loaded and
// rendered in tea.Cmds, never in Update or View: View only slices cached,
// pre-rendered lines and paints highlights over them.
//
// With Options.Library the app opens on a library instead: the Articles
// pane lists it a page of entries at a time (no body is loaded until an
// article is opened), / there searches the whole library as the query is
// typed, m and s mark articles read and starred, People & Places lists the
// articles mentioning an entity, and the feeds refresh in the background.
// The library is called only from tea.Cmds, and the reading position of an
// article is saved when the reader leaves it or quits.
package ui
