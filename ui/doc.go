// Package ui is byline's terminal reader: a bubbletea program that shows an
// article's sections, the article rendered through glamour, the people and
// places named in it, and lets the reader jump, search and highlight.
//
// # How it is built
//
// One owner per concern, each a type in its own file:
//
//	app.go            Model, the root: routes messages and keys, draws the frame
//	focus.go          the root's loops over the focus slots: layout, focus, mouse
//	source.go         the source interface (where articles come from), the pane
//	                  interface every pane implements, the focus slots
//	files.go          fileSource: the files named on the command line, loaded in
//	                  a command, their people and places found in the background
//	artlist.go        its Articles pane
//	library*.go       librarySource: the library — its keys, its search target,
//	                  reading positions, marks, the background feed refresh
//	libfeeds.go       its unread flow: the Feeds pane's selection, next unread,
//	                  marking a feed or everything read and undoing it, hiding
//	                  read articles, refreshing one feed or all
//	libsession.go     its session (where the app was left, restored on open),
//	                  the reloads that keep the cursor on its article, the poll
//	                  of the library for other processes' writes
//	libfulltext.go    the full text of a summary, and feeds marked for it
//	feeds*.go         its Feeds pane: All, OPML folders that fold, feeds and
//	                  folders of files with unread/total counts
//	libpane.go ...    its Articles pane, lists read a page at a time, snippets
//	article*.go       articleView: reading one article — the Sections pane, the
//	                  reader, People & Places, the section panes (v), the search
//	                  and the n/N walk, what is highlighted
//	article_links.go  the article view's links: the Links pane shown or hidden,
//	                  a link followed inside byline and the way back
//	links.go          the Links pane (L)
//	browser.go        o and y: the browser started on a link, OSC 52
//	reader.go         the reader pane: one render.View of the whole article
//	columns.go        the section panes: one render.View per section
//	sections.go       the Sections pane
//	entities.go       the People & Places pane
//	search.go         the / prompt, editing the query for its searchTarget
//	status.go         the status line, filled in by the source and the view
//	problems.go       the collapsible list of sources and feeds that failed
//	help.go           the ? screen, generated from the key map
//	keys.go           every key binding (KeyMap), the help groups
//	styles.go         every lipgloss style, built from render.Theme
//	common.go         the configuration handed to every owner; box drawing
//	layout.go         where the panes go for a terminal size; composing them
//	renderer.go       the rendering requests and their tea.Cmds
//	render/           pure (no bubbletea): glamour rendering to cached lines,
//	                  the line model and overlay painting, the one scrolling
//	                  view, the palette, width helpers; `byline print` uses it
//
// Articles are loaded and rendered in tea.Cmds, never in Update or View:
// View only slices cached, pre-rendered lines and paints highlights over
// them. The library is called only from tea.Cmds.
package ui
