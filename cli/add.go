package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/byline/byline/library"
	"github.com/byline/byline/ui/render"
)

// importGCPercent and importMemoryLimit are the garbage collector's
// settings during `byline add` unless GOGC or GOMEMLIMIT is set.
const (
	importGCPercent   = 400
	importMemoryLimit = 256 << 20
)

// cmdAdd is `byline add PATH|URL...`: import files, directories and web
// pages or feeds into the library.
func cmdAdd(ctx context.Context, lib *library.Library, args []string, c *libCmd) int {
	if len(args) == 0 {
		return c.usage()
	}
	defer c.batchGC()()
	bar := newProgressBar(c.env.Stderr, c.env.StderrTerminal)
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
	if errors.Is(err, library.ErrReadOnly) && res.Sources == 0 {
		return c.fail("%v", err) // refused before looking at anything
	}
	if err == nil && res.Sources == 0 {
		return c.fail("no article files found (text, Markdown, HTML or feeds) in %s", strings.Join(args, " "))
	}
	fmt.Fprintln(c.env.Stderr, addSummary(res, elapsed))
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

// batchGC gives the garbage collector the settings of batch work (add,
// feed add, refresh), unless GOGC or GOMEMLIMIT is set, and returns the
// function that restores the previous ones.
//
// A batch import trades memory for throughput: recognising thousands of
// articles makes short-lived garbage, and collecting it less often is
// worth about 5% of the import rate at 100,000 articles (BENCHMARKS.md).
// A large feed needs it more: its body and all its items are in memory at
// once, and under the reader's 100 MiB soft limit the first fetch of a
// 5,000-item feed spent half its CPU collecting. The soft limit still
// bounds the heap.
func (c *libCmd) batchGC() (restore func()) {
	if c.env.GOGCSet || c.env.GOMEMLIMITSet {
		return func() {}
	}
	gc := debug.SetGCPercent(importGCPercent)
	limit := debug.SetMemoryLimit(importMemoryLimit)
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
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
			parts = append(parts, render.Commas(p.n)+" "+p.what)
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "none saved")
	}
	s := fmt.Sprintf("%s: %s; %s stored (%.1fs", plural(res.Sources, "source"), strings.Join(parts, ", "),
		plural(res.Articles, "article"), elapsed.Seconds())
	if res.Articles > 0 {
		s += fmt.Sprintf(", %.0f articles/s", float64(res.Articles)/max(elapsed.Seconds(), 1e-9))
	}
	return s + ")"
}
