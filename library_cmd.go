package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"time"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/library"
)

const libraryUsage = `Library commands (each takes --db PATH; default $BYLINE_DB, else ~/.local/share/byline/library.db):
  byline add PATH|URL...        import files, directories (recursively) and web pages or feeds
  byline feed add URL           subscribe to an RSS/Atom feed and fetch it
  byline feed list              the subscriptions
  byline feed remove URL        unsubscribe (the feed's articles stay)
  byline feed import FILE.opml  subscribe to every feed in an OPML file
  byline feed export            the subscriptions as OPML on stdout
  byline refresh                fetch every feed and store the new items
  byline search QUERY...        matching articles: title, date, source and snippet, tab-separated
                                (filters: person:"Lloyd Austin" place:Gaza after:2024-03-01 before:... unread starred);
                                --limit N: at most N results (default 20; -1: all); exit 1 when none
Flags: --db PATH (every command), --limit N (search), --workers N (add: parsing goroutines, default one per core)
`

// runLibrary runs the library subcommands (add, feed, refresh, search). It
// reports handled=false, touching nothing, for any other name.
func runLibrary(name string, args []string, stdin io.Reader, stdout, stderr io.Writer) (handled bool, code int) {
	var cmd func(ctx context.Context, lib *library.Library, args []string, c *libCmd) int
	switch name {
	case "add":
		cmd = cmdAdd
	case "feed":
		cmd = cmdFeed
	case "refresh":
		cmd = cmdRefresh
	case "search":
		cmd = cmdSearch
	default:
		return false, 0
	}
	c := &libCmd{stdin: stdin, stdout: stdout, stderr: stderr}
	e := env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	fs := newFlagSet(name, e)
	db := fs.String("db", "", "library file")
	fs.IntVar(&c.limit, "limit", 20, "search: the most results")
	fs.IntVar(&c.workers, "workers", 0, "add: parsing goroutines (0: one per core)")
	pos, code, ok := parseCommand(fs, args, libraryUsage, e)
	if !ok {
		return true, code
	}
	path := library.Path(*db)
	creates := name == "add" || name == "feed" && len(pos) > 0 && (pos[0] == "add" || pos[0] == "import")
	if !creates {
		if err := mustExist(path); err != nil {
			fmt.Fprintln(stderr, "byline:", articles.Sanitize(err.Error()))
			return true, 1
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	lib, err := library.Open(ctx, path)
	if err != nil {
		fmt.Fprintln(stderr, "byline:", articles.Sanitize(err.Error()))
		return true, 1
	}
	defer lib.Close()
	return true, cmd(ctx, lib, pos, c)
}

// mustExist returns an error when there is no library file at path: the
// commands that only read a library do not create one, so that a mistyped
// --db is reported instead of opening a new, empty library.
func mustExist(path string) error {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("no library at %s yet: add articles with `byline add --db %s FILE|DIR|URL`", path, path)
	}
	return nil
}

// libCmd is what the library subcommands share.
type libCmd struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	limit, workers int
}

func (c *libCmd) fetcher() *fetch.Client {
	return fetch.New(fetch.Options{Version: versionString()})
}

func (c *libCmd) fail(format string, args ...any) int {
	c.errorf(format, args...)
	return 1
}

// errorf writes a message on stderr. What it reports (file names, URLs,
// feed errors) comes from outside, so it is sanitised like article text.
func (c *libCmd) errorf(format string, args ...any) {
	fmt.Fprintf(c.stderr, "byline: %s\n", articles.Sanitize(fmt.Sprintf(format, args...)))
}

// importGCPercent and importMemoryLimit are the garbage collector's
// settings during `byline add` unless GOGC or GOMEMLIMIT is set.
const (
	importGCPercent   = 400
	importMemoryLimit = 512 << 20
)

func cmdAdd(ctx context.Context, lib *library.Library, args []string, c *libCmd) int {
	if len(args) == 0 {
		fmt.Fprint(c.stderr, "usage: byline add [--db PATH] PATH|URL...\n")
		return 2
	}
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		// A batch import trades memory for throughput: recognising
		// thousands of articles makes short-lived garbage, and collecting
		// it less often is worth about 5% of the import rate at 100,000
		// articles (BENCHMARKS.md). The soft limit still bounds the heap.
		defer debug.SetGCPercent(debug.SetGCPercent(importGCPercent))
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(importMemoryLimit))
	}
	bar := newProgressBar(c.stderr, isTerminal(c.stderr))
	start := time.Now()
	res, err := lib.Import(ctx, args, library.ImportOptions{
		Workers: c.workers,
		Fetch:   c.fetcher().Fetch,
		Progress: func(p library.Progress) {
			if p.Err != nil {
				bar.clear()
				c.errorf("%v", p.Err)
			}
			bar.update(p.Done, p.Total, p.Articles)
		},
	})
	bar.done()
	elapsed := time.Since(start)
	if err == nil && res.Sources == 0 {
		return c.fail("no article files found (text, Markdown, HTML or feeds) in %s", strings.Join(args, " "))
	}
	fmt.Fprintln(c.stderr, addSummary(res, elapsed))
	if errors.Is(err, context.Canceled) {
		return c.fail("interrupted; run the same command again to finish the import")
	}
	if err != nil {
		return c.fail("%v", err)
	}
	if len(res.Problems) > 0 {
		return 1
	}
	return 0
}

// addSummary is what `byline add` says when it is done: how many sources
// (files and URLs) it looked at and what became of each, then how many
// articles it stored: "3 sources: 2 new, 1 unchanged; 2 articles stored
// (0.1s, 40 articles/s)". A source can hold many articles (a feed).
func addSummary(res library.ImportResult, elapsed time.Duration) string {
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{res.Added, "new"}, {res.Updated, "changed"}, {res.Unchanged, "unchanged"}, {len(res.Problems), "failed"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	s := fmt.Sprintf("%s: %s; %s stored (%.1fs", plural(res.Sources, "source"), strings.Join(parts, ", "),
		plural(res.Articles, "article"), elapsed.Seconds())
	if res.Articles > 0 {
		s += fmt.Sprintf(", %.0f articles/s", float64(res.Articles)/max(elapsed.Seconds(), 1e-9))
	}
	return s + ")"
}

// plural writes n and a noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func cmdFeed(ctx context.Context, lib *library.Library, args []string, c *libCmd) int {
	usage := func() int {
		fmt.Fprint(c.stderr, "usage: byline feed add URL | list | remove URL | import FILE.opml | export\n")
		return 2
	}
	if len(args) == 0 {
		return usage()
	}
	switch sub, rest := args[0], args[1:]; {
	case sub == "add" && len(rest) == 1:
		isNew, err := lib.Subscribe(ctx, rest[0])
		if err != nil {
			return c.fail("%v", err)
		}
		res, err := lib.Refresh(ctx, library.RefreshOptions{Client: c.fetcher(), Feeds: rest})
		if err != nil {
			return c.fail("%v", err)
		}
		if len(res.Warnings) > 0 && isNew {
			// A first fetch that fails (not a feed, no such page) leaves
			// no subscription behind to fail at every refresh.
			for _, w := range res.Warnings {
				c.errorf("%v", w)
			}
			if err := lib.Unsubscribe(ctx, rest[0]); err != nil {
				return c.fail("%v", err)
			}
			return c.fail("not subscribed to %s", rest[0])
		}
		verb := "subscribed to"
		if !isNew {
			verb = "already subscribed to"
		}
		fmt.Fprintf(c.stdout, "%s %s: %s\n", verb, field(rest[0]), plural(res.New, "new article"))
		for _, w := range res.Warnings {
			c.errorf("warning: %v", w)
		}
		if len(res.Warnings) > 0 {
			return 1
		}
		return 0
	case sub == "list" && len(rest) == 0:
		feeds, err := lib.Feeds(ctx)
		if err != nil {
			return c.fail("%v", err)
		}
		if len(feeds) == 0 {
			// A hint for people, on stderr so that scripts see no feeds.
			fmt.Fprintln(c.stderr, "no feeds yet: subscribe with byline feed add URL")
		}
		for _, f := range feeds {
			checked := "never"
			if !f.Checked.IsZero() {
				checked = f.Checked.Format("2006-01-02 15:04")
			}
			line := fmt.Sprintf("%s\t%s\t%d articles\tchecked %s", field(f.URL), field(f.Title), f.Articles, checked)
			if f.Err != "" {
				line += "\terror: " + field(f.Err)
			}
			fmt.Fprintln(c.stdout, line)
		}
		return 0
	case sub == "remove" && len(rest) == 1:
		if err := lib.Unsubscribe(ctx, rest[0]); err != nil {
			return c.fail("%v", err)
		}
		fmt.Fprintf(c.stdout, "unsubscribed from %s\n", field(rest[0]))
		return 0
	case sub == "import" && len(rest) == 1:
		var r io.Reader = c.stdin
		if rest[0] != "-" {
			f, err := os.Open(rest[0])
			if err != nil {
				return c.fail("%v", err)
			}
			defer f.Close()
			r = f
		}
		added, problems, err := lib.ImportOPML(ctx, r)
		if err != nil {
			return c.fail("%s: %v", rest[0], err)
		}
		for _, p := range problems {
			c.errorf("%v", p)
		}
		fmt.Fprintf(c.stdout, "subscribed to %d new feeds; run byline refresh to fetch them\n", added)
		if len(problems) > 0 {
			return 1
		}
		return 0
	case sub == "export" && len(rest) == 0:
		if err := lib.ExportOPML(ctx, c.stdout); err != nil {
			return c.fail("%v", err)
		}
		return 0
	}
	return usage()
}

func cmdRefresh(ctx context.Context, lib *library.Library, args []string, c *libCmd) int {
	if len(args) > 0 {
		fmt.Fprint(c.stderr, "usage: byline refresh [--db PATH]\n")
		return 2
	}
	bar := newProgressBar(c.stderr, isTerminal(c.stderr))
	res, err := lib.Refresh(ctx, library.RefreshOptions{
		Client: c.fetcher(),
		Progress: func(p library.RefreshProgress) {
			if p.Err != nil {
				bar.clear()
				c.errorf("warning: %v", p.Err)
			}
			bar.update(p.Done, p.Total, -1)
		},
	})
	bar.done()
	fmt.Fprintf(c.stderr, "%s checked: %d unchanged, %d failed; %s\n",
		plural(res.Feeds, "feed"), res.NotModified, len(res.Warnings), plural(res.New, "new article"))
	if err != nil {
		return c.fail("%v", err)
	}
	if len(res.Warnings) > 0 {
		return 1 // the failures are on stderr above
	}
	return 0
}

func cmdSearch(ctx context.Context, lib *library.Library, args []string, c *libCmd) int {
	query := strings.Join(args, " ")
	if strings.TrimSpace(query) == "" {
		fmt.Fprint(c.stderr, "usage: byline search [--db PATH] [--limit N] QUERY...\n")
		return 2
	}
	if c.limit == 0 || c.limit < -1 {
		fmt.Fprintf(c.stderr, "byline search: --limit %d: give a number of results, or -1 for all\n", c.limit)
		return 2
	}
	q := library.ParseQuery(query)
	if q.Empty() {
		fmt.Fprintf(c.stderr, "byline search: %q has no word or filter to search for\n", query)
		return 2
	}
	limit := c.limit
	if limit > 0 {
		limit++ // one more, to tell whether there are more
	}
	rs, err := lib.Search(ctx, query, library.SearchOptions{Limit: limit})
	if err != nil {
		return c.fail("%v", err)
	}
	more := c.limit > 0 && len(rs) > c.limit
	if more {
		rs = rs[:c.limit]
	}
	for _, p := range q.Problems {
		c.errorf("warning: %s", p)
	}
	styled := isTerminal(c.stdout) && os.Getenv("NO_COLOR") == ""
	for _, r := range rs {
		snippet := field(r.Snippet)
		if styled {
			// Mark with private-use characters, which sanitising keeps,
			// then turn them into bold on and off.
			snippet = field(r.Marked("\ue000", "\ue001"))
			snippet = strings.NewReplacer("\ue000", "\x1b[1m", "\ue001", "\x1b[22m").Replace(snippet)
		}
		fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\n", field(r.Title), r.DateString(), field(articles.DisplayName(r.Source)), snippet)
	}
	if more {
		fmt.Fprintf(c.stderr, "byline: the first %s only; --limit N for more, --limit -1 for all\n", plural(c.limit, "result"))
	}
	if len(rs) == 0 {
		return 1 // like grep: nothing found
	}
	return 0
}

// oneLine keeps a field on one line of tab-separated output.
// field makes s one tab-separated output field: sanitised like article
// text (a file name can hold escape sequences) and on one line.
func field(s string) string { return oneLine(articles.Sanitize(s)) }

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// progressBar shows an import's progress on stderr: a bar redrawn in place
// on a terminal, a plain line every tenth of the way otherwise.
type progressBar struct {
	w        io.Writer
	terminal bool
	start    time.Time
	drawn    time.Time
	shown    bool
	lastStep int
}

func newProgressBar(w io.Writer, terminal bool) *progressBar {
	return &progressBar{w: w, terminal: terminal, start: time.Now(), lastStep: -1}
}

// update shows done of total; articles < 0 leaves out the article count.
func (b *progressBar) update(done, total, articles int) {
	if total == 0 {
		return
	}
	count := fmt.Sprintf("%d/%d", done, total)
	if articles >= 0 {
		count += ", " + plural(articles, "article")
	}
	if !b.terminal {
		if step := done * 10 / total; step != b.lastStep && total >= 10 {
			b.lastStep = step
			fmt.Fprintf(b.w, "progress: %s\n", count)
		}
		return
	}
	now := time.Now()
	if done < total && now.Sub(b.drawn) < 50*time.Millisecond {
		return // redraw at most 20 times a second
	}
	b.drawn = now
	const width = 30
	fill := done * width / total
	rate := float64(done) / max(time.Since(b.start).Seconds(), 1e-3)
	fmt.Fprintf(b.w, "\r[%s%s] %3d%% %s (%.0f/s)\x1b[K", strings.Repeat("=", fill), strings.Repeat(" ", width-fill),
		done*100/total, count, rate)
	b.shown = true
}

// clear removes the bar so that a message can be printed on its line.
func (b *progressBar) clear() {
	if b.terminal && b.shown {
		fmt.Fprint(b.w, "\r\x1b[K")
		b.shown = false
	}
}

// done ends the bar's line.
func (b *progressBar) done() {
	if b.terminal && b.shown {
		fmt.Fprintln(b.w)
		b.shown = false
	}
}
