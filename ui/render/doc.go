// Package render turns articles into terminal lines: glamour rendering of
// each section, the compact line model the screen is sliced from, the
// highlights (search matches, people, places) painted over those lines as
// overlays, the one scrolling view that the reader and the section panes
// share, the palette, and the width helpers the panes use.
//
// It does not import bubbletea: `byline print` and the tests use it
// directly, and the ui package runs its work in tea.Cmds. Rendering is the
// expensive part; View only slices the cached lines and paints overlays.
//
// glamour is a fork of v2.0.1 in internal/glamour (its README says what
// changed): upstream's code-block highlighter registers all of chroma's
// lexers and styles at start-up, ~20 ms of every byline process.
package render
