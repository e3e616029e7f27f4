package cli

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/byline/byline/library"
)

// cmdFeed is `byline feed SUBCOMMAND`: it runs the subcommand of the table
// that the first argument names, given the right number of arguments, or
// prints the usage.
func cmdFeed(ctx context.Context, lib *library.Library, args []string, c *libCmd) int {
	if len(args) > 0 {
		if sub := find(c.cmd.subs, args[0]); sub != nil && len(args)-1 == sub.nargs {
			return sub.lib(ctx, lib, args[1:], c)
		}
	}
	return c.usage()
}

// feedAdd is `byline feed add [--full-text] URL`: subscribe and fetch the
// feed (and with --full-text, the whole article of each item, then of
// every new one at each refresh); a feed whose first fetch fails is not
// kept.
func feedAdd(ctx context.Context, lib *library.Library, args []string, c *libCmd) int {
	defer c.batchGC()()
	url := library.CleanURL(args[0]) // as Subscribe stores it
	isNew, err := lib.Subscribe(ctx, url)
	if err != nil {
		return c.fail("%v", err)
	}
	if c.fullText {
		if err := lib.SetFullText(ctx, url, true); err != nil {
			return c.fail("%v", err)
		}
	}
	client := c.fetcher()
	res, err := lib.Refresh(ctx, library.RefreshOptions{Client: client, Feeds: []string{url}})
	if err != nil {
		return c.fail("%v", err)
	}
	if len(res.Warnings) > 0 && isNew {
		// A first fetch that fails (not a feed, no such page) leaves
		// no subscription behind to fail at every refresh.
		for _, w := range res.Warnings {
			c.errorf("%v", w)
		}
		if err := lib.Unsubscribe(ctx, url); err != nil {
			return c.fail("%v", err)
		}
		return c.fail("not subscribed to %s", url)
	}
	if err := c.fillFullText(ctx, lib, client); err != nil {
		return c.fail("%v", err)
	}
	verb := "subscribed to"
	if !isNew {
		verb = "already subscribed to"
	}
	fmt.Fprintf(c.env.Stdout, "%s %s: %s\n", verb, showURL(url), plural(res.New, "new article"))
	for _, w := range res.Warnings {
		c.errorf("warning: %v", w)
	}
	if len(res.Warnings) > 0 {
		return 1
	}
	return 0
}

// feedList is `byline feed list`: one tab-separated line per
// subscription: its title, URL, unread/total articles, when it was last
// refreshed and its last error, then its OPML folder and whether its full
// text is fetched.
func feedList(ctx context.Context, lib *library.Library, _ []string, c *libCmd) int {
	st, err := lib.Stats(ctx)
	if err != nil {
		return c.fail("%v", err)
	}
	if len(st.Feeds) == 0 {
		// A hint for people, on stderr so that scripts see no feeds.
		fmt.Fprintln(c.env.Stderr, "no feeds yet: subscribe with byline feed add URL")
	}
	for _, f := range st.Feeds {
		refreshed := "never refreshed"
		if !f.Checked.IsZero() {
			refreshed = "refreshed " + f.Checked.Format("2006-01-02 15:04")
		}
		title := f.Title
		if title == "" {
			title = "(no title yet)"
		}
		line := fmt.Sprintf("%s\t%s\t%d/%d unread\t%s", field(title), showURL(f.URL), f.Unread, f.Total, refreshed)
		if f.Err != "" {
			line += "\terror: " + field(f.Err)
		}
		if f.Folder != "" {
			line += "\tfolder: " + field(f.Folder)
		}
		if f.FullText {
			line += "\tfull text"
		}
		fmt.Fprintln(c.env.Stdout, line)
	}
	return 0
}

// feedRemove is `byline feed remove URL`; the feed's articles stay.
func feedRemove(ctx context.Context, lib *library.Library, args []string, c *libCmd) int {
	if err := lib.Unsubscribe(ctx, args[0]); err != nil {
		return c.fail("%v", err)
	}
	fmt.Fprintf(c.env.Stdout, "unsubscribed from %s\n", showURL(args[0]))
	return 0
}

// feedImport is `byline feed import FILE.opml` ("-": standard input).
func feedImport(ctx context.Context, lib *library.Library, args []string, c *libCmd) int {
	name := args[0]
	r := c.env.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return c.fail("%v", err)
		}
		defer f.Close()
		r = f
	}
	added, problems, err := lib.ImportOPML(ctx, r)
	if err != nil {
		return c.fail("%s: %v", name, err)
	}
	for _, p := range problems {
		c.errorf("%v", p)
	}
	fmt.Fprintf(c.env.Stdout, "subscribed to %d new feeds; run byline refresh to fetch them\n", added)
	if len(problems) > 0 {
		return 1
	}
	return 0
}

// feedExport is `byline feed export`: the subscriptions as OPML.
func feedExport(ctx context.Context, lib *library.Library, _ []string, c *libCmd) int {
	if err := lib.ExportOPML(ctx, c.env.Stdout); err != nil {
		return c.fail("%v", err)
	}
	return 0
}

// showURL is a URL as byline prints it: as it is when every character of
// it shows as itself, else quoted with Go's escapes ("http://x/\u202ey"),
// so that a control, bidi or zero-width character is seen, never dropped,
// and two URLs that differ never look the same.
func showURL(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool { return !strconv.IsPrint(r) }) < 0 {
		return s
	}
	return strconv.Quote(s)
}
