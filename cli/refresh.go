package cli

import (
	"context"
	"fmt"

	"github.com/byline/byline/library"
)

// cmdRefresh is `byline refresh`: fetch every feed and store the new items.
// It fails when every feed failed or the library could not store them.
func cmdRefresh(ctx context.Context, lib *library.Library, args []string, c *libCmd) int {
	if len(args) > 0 {
		return c.usage()
	}
	defer c.batchGC()()
	bar := newProgressBar(c.env.Stderr, c.env.StderrTerminal)
	client := c.fetcher()
	res, err := lib.Refresh(ctx, library.RefreshOptions{
		Client: client,
		Progress: func(p library.RefreshProgress) {
			if p.Err != nil {
				bar.clear()
				c.errorf("warning: %v", p.Err)
			}
			bar.update(p.Done, p.Total, -1)
		},
	})
	bar.done()
	fmt.Fprintf(c.env.Stderr, "%s checked: %d unchanged, %d failed; %s\n",
		plural(res.Feeds, "feed"), res.NotModified, len(res.Warnings), plural(res.New, "new article"))
	if err == nil {
		err = c.fillFullText(ctx, lib, client)
	}
	if err != nil {
		return c.fail("%v", err) // nothing more could be stored
	}
	return refreshStatus(res)
}

// refreshStatus is the exit status of a refresh: 0 when some feed
// answered (the others are warnings on stderr), so that a cron job does
// not fail for one dead feed; 1 when every feed failed.
func refreshStatus(res library.RefreshResult) int {
	if res.Feeds > 0 && len(res.Warnings) == res.Feeds {
		return 1
	}
	return 0
}
