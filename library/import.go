package library

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/model"
)

// Progress reports how far an import has gone. Import calls
// ImportOptions.Progress with one Progress per finished source, after that
// source is committed to the database, always from the same goroutine.
type Progress struct {
	// Done counts the sources finished so far (stored, unchanged or failed);
	// Total is the number of sources found. Done == Total at the end.
	Done, Total int
	// Articles counts the articles stored so far.
	Articles int
	// Unchanged counts sources skipped because their content had not changed.
	Unchanged int
	// Failed counts sources that could not be read or parsed.
	Failed int
	// Source is the source just finished, and Err its failure or nil.
	Source string
	Err    error
}

// Fetcher gets the bytes of an http(s) source for Import.
type Fetcher func(ctx context.Context, url string) ([]byte, error)

// ImportOptions tune Import. The zero value is ready to use.
type ImportOptions struct {
	// Workers is the number of goroutines that read, parse and recognise;
	// 0 means runtime.GOMAXPROCS(0). One more goroutine writes.
	Workers int
	// Recognize finds the people and places in an article; nil means
	// entities.Recognize.
	Recognize func(*model.Article)
	// Fetch gets http(s) sources; nil refuses URLs with an error per URL.
	Fetch Fetcher
	// Progress, when not nil, is told about every finished source.
	Progress func(Progress)
	// BatchSize is the largest number of sources written per transaction;
	// 0 means defaultBatchSize. A batch is also written once its first
	// source has waited half a second.
	BatchSize int
}

// defaultBatchSize is how many sources an import writes per transaction
// at most, and batchAge how long a batch waits for more (see Import).
// Writing 2,048 articles a transaction instead of 256 costs the writer
// about a fifth less per article (BenchmarkWrite, bench/NOTES-import.md).
const (
	defaultBatchSize = 2048
	batchAge         = 500 * time.Millisecond
)

// ImportResult sums up an import.
type ImportResult struct {
	// Sources is the number of sources found under the paths given.
	Sources int
	// Added and Updated count sources stored for the first time and sources
	// whose content changed; Unchanged those skipped.
	Added, Updated, Unchanged int
	// Articles is the number of articles stored (added or replaced).
	Articles int
	// Problems holds one error per source that failed, naming it
	// (usually an *articles.Error). They do not stop the import.
	Problems []error
}

// Import reads every path into the library: files directly, directories
// recursively (article extensions only, hidden entries skipped), and
// http(s) URLs through opts.Fetch. Reading, parsing and recognising run on
// opts.Workers goroutines; one writer stores the results in batched
// transactions, each source's articles atomically.
//
// A source already in the library whose size and modification time (or,
// failing that, content hash) are unchanged is skipped without parsing; a
// changed one replaces its articles, keeping their read, starred and
// position state when an article with the same key comes back.
//
// A failing source is recorded in ImportResult.Problems and the rest go on.
// The returned error is for the library itself (a failed write) or ctx's
// error when it was cancelled: what was committed until then is consistent,
// and importing the same paths again completes the work.
func (l *Library) Import(ctx context.Context, paths []string, opts ImportOptions) (ImportResult, error) {
	var res ImportResult
	if err := l.checkWritable(); err != nil {
		return res, err
	}
	sources, problems := expand(paths)
	res.Sources = len(sources) + len(problems)
	known, err := l.knownSources(ctx)
	if err != nil {
		return res, err
	}
	jobs := make(chan job)
	results := make(chan parsed, 64)
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	recognize := opts.Recognize
	if recognize == nil {
		recognize = entities.Recognize
	}
	pool := newPreparers(runtime.GOMAXPROCS(0), recognize)
	defer pool.close()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			w := worker{enc: newEncoder(), recognize: recognize, fetch: opts.Fetch, pool: pool}
			for j := range jobs {
				results <- w.run(ctx, j)
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, s := range sources {
			var prev *sourceState
			if st, ok := known[s]; ok {
				prev = &st
			}
			select {
			case jobs <- job{source: s, prev: prev}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	prog := Progress{Total: res.Sources}
	report := func(p parsed) {
		prog.Done++
		prog.Source, prog.Err = p.source, p.err
		switch {
		case p.err != nil:
			prog.Failed++
			res.Problems = append(res.Problems, p.err)
		case p.unchanged || p.touch || p.already:
			prog.Unchanged++
			res.Unchanged++
		default:
			prog.Articles += p.stored
			res.Articles += p.stored
			if p.prev == nil && !p.existed {
				res.Added++
			} else {
				res.Updated++
			}
		}
		if opts.Progress != nil {
			opts.Progress(prog)
		}
	}
	for _, p := range problems {
		report(parsed{source: sourceOf(p), err: p})
	}
	batchSize := opts.BatchSize
	if batchSize <= 0 {
		batchSize = defaultBatchSize
	}
	// The batches are gathered on a goroutine of their own, so that the
	// workers go on while one is written: a batch closes when it has
	// batchSize sources or its first source has waited batchAge, which
	// keeps commits (and the progress told) coming at least about that
	// often however slow the sources, and lets a fast import write big
	// transactions, where SQLite's cost per article is lowest.
	batches := make(chan []parsed, 1)
	go func() {
		defer close(batches)
		var batch []parsed
		var opened time.Time
		for p := range results {
			if p.cancelled {
				continue
			}
			if len(batch) == 0 {
				batch, opened = make([]parsed, 0, min(batchSize, 64)), time.Now()
			}
			batch = append(batch, p)
			if len(batch) >= batchSize || time.Since(opened) >= batchAge {
				batches <- batch
				batch = nil
			}
		}
		if len(batch) > 0 {
			batches <- batch
		}
	}()
	w := newWriter(l)
	var writeErr error
	for batch := range batches {
		if writeErr != nil {
			continue // drain so the workers can finish
		}
		// A batch is committed whole even when ctx is cancelled meanwhile:
		// its sources are finished work.
		if _, writeErr = w.write(context.WithoutCancel(ctx), batch, replace); writeErr != nil {
			continue
		}
		for _, p := range batch {
			report(p)
		}
	}
	if writeErr == nil {
		writeErr = l.noteFolders(context.WithoutCancel(ctx), paths)
	}
	if writeErr != nil {
		return res, writeErr
	}
	if err := ctx.Err(); err != nil {
		return res, fmt.Errorf("import cancelled after %d of %d sources: %w", prog.Done, prog.Total, err)
	}
	return res, nil
}

// sourceOf returns the source an expansion problem is about.
func sourceOf(err error) string {
	var ae *articles.Error
	if errors.As(err, &ae) {
		return ae.Source
	}
	return ""
}

// expand turns the paths given to Import into sources: URLs as they are,
// files as absolute paths, directories walked. Paths that cannot be read
// become problems.
func expand(paths []string) (sources []string, problems []error) {
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			sources = append(sources, s)
		}
	}
	w := articles.NewWalker()
	w.Real = true // a file reached through a link is the file
	for _, p := range paths {
		if isURL(p) {
			add(p)
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			problems = append(problems, &articles.Error{Source: p, Err: err})
			continue
		}
		st, err := os.Stat(abs)
		if err != nil {
			problems = append(problems, &articles.Error{Source: p, Err: unwrapPath(err)})
			continue
		}
		if !st.IsDir() {
			if real, isNew := w.File(abs); isNew {
				add(real)
			}
			continue
		}
		w.Walk(abs, add, func(err error) { problems = append(problems, err) })
	}
	return sources, problems
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// sourceState is what the library remembers of a source to tell whether it
// changed.
type sourceState struct {
	size, mtime int64
	hash        []byte
}

// knownSources loads the state of every source in the library.
func (l *Library) knownSources(ctx context.Context) (map[string]sourceState, error) {
	rows, err := l.db.QueryContext(ctx, "SELECT source, size, mtime, hash FROM sources")
	if err != nil {
		return nil, l.wrap(err)
	}
	defer rows.Close()
	known := map[string]sourceState{}
	for rows.Next() {
		var s string
		var st sourceState
		if err := rows.Scan(&s, &st.size, &st.mtime, &st.hash); err != nil {
			return nil, l.wrap(err)
		}
		known[s] = st
	}
	return known, l.wrap(rows.Err())
}
