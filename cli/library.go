package cli

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/ui"
	"github.com/byline/byline/ui/render"
)

// runLibraryApp is `byline library`: the app on the library.
func runLibraryApp(args []string, e Env) int {
	opts, code := libraryAppOptions(args, e)
	if opts.Library == nil {
		return code
	}
	if !e.StdoutTerminal {
		opts.Library.Close()
		fmt.Fprintln(e.Stderr, "byline library: the output is not a terminal; from scripts, use byline search (byline search --limit -1 unread lists the unread articles)")
		return 1
	}
	defer opts.Library.Close()
	final, err := tea.NewProgram(ui.New(opts)).Run()
	if err != nil {
		fmt.Fprintf(e.Stderr, "byline: %v\n", err)
		return 1
	}
	// Feeds that failed, all of them: the warnings pane may show a few.
	for _, w := range ui.Warnings(final) {
		fmt.Fprintf(e.Stderr, "byline: warning: %s\n", articles.Sanitize(w))
	}
	return 0
}

// libraryAppOptions parses `byline library`'s flags and opens the library
// (--db, else $BYLINE_DB, else the default file). Without a library in
// the options, code is the exit status.
func libraryAppOptions(args []string, e Env) (opts ui.Options, code int) {
	fs := newFlagSet("library", e)
	db := fs.String("db", "", "library file (default $BYLINE_DB, else ~/.local/share/byline/library.db)")
	style := fs.String("style", "", "glamour style (default: the configuration's, auto)")
	noRefresh := fs.Bool("no-refresh", false, "do not refresh the feeds")
	pos, code, ok := parseCommand(fs, args, helpText(), e)
	if !ok {
		return opts, code
	}
	if len(pos) > 0 {
		fmt.Fprintln(e.Stderr, "usage: "+lookup("library").usageLine())
		return opts, 2
	}
	opts, err := uiOptions(e, *style)
	if err != nil {
		fmt.Fprintf(e.Stderr, "byline: %s\n", render.Clean(err.Error()))
		return opts, 2
	}
	path, ok := dbPath(fs, *db, e)
	if !ok {
		return opts, 2
	}
	lib, err := openLibrary(context.Background(), path, false)
	if err != nil {
		fmt.Fprintln(e.Stderr, "byline:", articles.Sanitize(err.Error()))
		return opts, 1
	}
	if err := configureFeeds(context.Background(), lib, e.Config); err != nil {
		lib.Close()
		fmt.Fprintln(e.Stderr, "byline:", articles.Sanitize(err.Error()))
		return opts, 1
	}
	opts.Library = lib
	// Another process's import or refresh shows within a second.
	opts.Poll = time.Second
	// Full texts are fetched on request, refresh or not.
	opts.Web = fetch.New(fetch.Options{Version: versionString()})
	// A read-only library can be read, not refreshed: no background
	// refresh to fail on every feed.
	if !*noRefresh && !lib.ReadOnly() {
		opts.Fetch = fetch.New(fetch.Options{Version: versionString()})
		opts.RefreshInterval = time.Duration(e.Config.RefreshInterval)
	}
	return opts, 0
}
