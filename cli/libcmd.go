package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/library"
)

// libCmd is one run of a library command: what add, feed, refresh and
// search share once their flags are parsed.
type libCmd struct {
	cmd            *command
	env            Env
	limit, workers int
	// fullText is feed add's --full-text.
	fullText bool
}

// runLibraryCommand runs the library command c: it parses the flags that
// every library command takes (anywhere among the arguments), opens the
// library, which only a command that creates one may find missing, and
// runs c on it until it is done or interrupted.
func runLibraryCommand(c *command, args []string, e Env) int {
	lc := &libCmd{cmd: c, env: e}
	fs := newFlagSet(c.name, e)
	db := fs.String("db", "", "library file")
	fs.IntVar(&lc.limit, "limit", 20, "search: the most results")
	fs.IntVar(&lc.workers, "workers", 0, "add: parsing goroutines (0: one per core)")
	fs.BoolVar(&lc.fullText, "full-text", false, "feed add: fetch the whole article of every new item")
	pos, code, ok := parseCommand(fs, args, libraryHelp(), e)
	if !ok {
		return code
	}
	path, ok := dbPath(fs, *db, e)
	if !ok {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	lib, err := openLibrary(ctx, path, c.createsLibrary(pos))
	if err != nil {
		fmt.Fprintln(e.Stderr, "byline:", articles.Sanitize(err.Error()))
		return 1
	}
	defer lib.Close()
	if err := configureFeeds(ctx, lib, e.Config); err != nil {
		fmt.Fprintln(e.Stderr, "byline:", articles.Sanitize(err.Error()))
		return 1
	}
	return c.lib(ctx, lib, pos, lc)
}

// dbPath is the library file a command uses (Env.libraryPath), refusing
// a --db given with no file: it would otherwise silently mean the default
// library, and an error would name a file the person never typed.
func dbPath(fs *flag.FlagSet, flagValue string, e Env) (string, bool) {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "db" })
	if given && flagValue == "" {
		fmt.Fprintln(e.Stderr, "byline: --db needs a library file: --db PATH")
		return "", false
	}
	return e.libraryPath(flagValue), true
}

// openLibrary opens the library at path. Only a command that creates a
// library may find none there; the others refuse a missing file, an empty
// one or a directory, so that a mistyped --db is reported instead of
// becoming a new, empty library, and say how to make one.
func openLibrary(ctx context.Context, path string, creates bool) (*library.Library, error) {
	if creates {
		return library.Open(ctx, path)
	}
	lib, err := library.OpenExisting(ctx, path)
	if errors.Is(err, library.ErrNoLibrary) {
		return nil, fmt.Errorf("%w: add articles with `byline add --db %s FILE|DIR|URL`", err, path)
	}
	return lib, err
}

// fillFullText fetches the full text of the new items of the feeds marked
// for it, each failure a warning on stderr.
func (c *libCmd) fillFullText(ctx context.Context, lib *library.Library, client *fetch.Client) error {
	n, warnings, err := lib.FillFullText(ctx, library.FullTextOptions{Client: client})
	for _, w := range warnings {
		c.errorf("warning: full text: %v", w)
	}
	if n > 0 {
		fmt.Fprintf(c.env.Stderr, "%s fetched\n", plural(n, "full text"))
	}
	return err
}

func (c *libCmd) fetcher() *fetch.Client {
	return fetch.New(fetch.Options{Version: versionString()})
}

// usage prints the command's one-line usage on stderr and returns the exit
// status of a usage error.
func (c *libCmd) usage() int {
	fmt.Fprintf(c.env.Stderr, "usage: %s\n", c.cmd.usageLine())
	return 2
}

func (c *libCmd) fail(format string, args ...any) int {
	c.errorf(format, args...)
	return 1
}

// errorf writes a message on stderr. What it reports (file names, URLs,
// feed errors) comes from outside, so it is sanitised like article text.
func (c *libCmd) errorf(format string, args ...any) {
	fmt.Fprintf(c.env.Stderr, "byline: %s\n", articles.Sanitize(fmt.Sprintf(format, args...)))
}
