package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/library"
	"github.com/byline/byline/ui/render"
)

// cmdSearch is `byline search QUERY...`: the matching articles, one
// tab-separated line each; exit 1 when none, like grep.
func cmdSearch(ctx context.Context, lib *library.Library, args []string, c *libCmd) int {
	query := strings.Join(args, " ")
	if strings.TrimSpace(query) == "" {
		return c.usage()
	}
	if c.limit == 0 || c.limit < -1 {
		fmt.Fprintf(c.env.Stderr, "byline search: --limit %d: give a number of results, or -1 for all\n", c.limit)
		return 2
	}
	q := library.ParseQuery(query)
	if q.Empty() {
		fmt.Fprintf(c.env.Stderr, "byline search: %q has no word or filter to search for\n", query)
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
	styled := c.env.StdoutTerminal && !c.env.NoColor
	for _, r := range rs {
		snippet := field(r.Snippet)
		if styled {
			// Mark with private-use characters, which sanitising keeps,
			// then turn them into bold on and off.
			snippet = field(r.Marked("\ue000", "\ue001"))
			snippet = strings.NewReplacer("\ue000", "\x1b[1m", "\ue001", "\x1b[22m").Replace(snippet)
		}
		fmt.Fprintf(c.env.Stdout, "%s\t%s\t%s\t%s\n", field(r.Title), r.DateString(), field(articles.DisplayName(r.Source)), snippet)
	}
	if more {
		of := ""
		if n, err := lib.Count(ctx, query, library.SearchOptions{}); err == nil {
			of = " of " + render.Commas(n)
		}
		fmt.Fprintf(c.env.Stderr, "byline: the first %s%s only; --limit N for more, --limit -1 for all\n", plural(c.limit, "result"), of)
	}
	if len(rs) == 0 {
		return 1 // like grep: nothing found
	}
	return 0
}
