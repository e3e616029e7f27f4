// Command gencorpus writes a synthetic corpus of news articles in byline's
// plain-text format (articlestest.CorpusArticle), for the library's import,
// search and size budgets.
//
//	go run ./cmd/gencorpus -n 100000 -seed 1 -out /tmp/corpus
//
// Articles go into subdirectories of at most -per-dir files (000/000000.txt,
// ...). The same -n and -seed always give the same files.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/byline/byline/articles/articlestest"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 100000, "number of articles")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("out", "", "output directory (required)")
	perDir := fs.Int("per-dir", 1000, "articles per subdirectory")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || *n < 0 || *perDir <= 0 {
		fmt.Fprintln(stderr, "usage: gencorpus -out DIR [-n N] [-seed S] [-per-dir K]")
		return 2
	}
	total, err := generate(*out, *n, *seed, *perDir)
	if err != nil {
		fmt.Fprintln(stderr, "gencorpus:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d articles, %d bytes, to %s\n", *n, total, *out)
	return 0
}

// generate writes n articles on all cores and returns their total size.
func generate(dir string, n int, seed uint64, perDir int) (int64, error) {
	for d := 0; d*perDir < n; d++ {
		if err := os.MkdirAll(filepath.Join(dir, fmt.Sprintf("%03d", d)), 0o755); err != nil {
			return 0, err
		}
	}
	var (
		mu    sync.Mutex
		total int64
		first error
		wg    sync.WaitGroup
	)
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				data := articlestest.CorpusArticle(seed, i)
				path := filepath.Join(dir, fmt.Sprintf("%03d", i/perDir), articlestest.CorpusName(i))
				err := os.WriteFile(path, data, 0o644)
				mu.Lock()
				total += int64(len(data))
				if err != nil && first == nil {
					first = err
				}
				mu.Unlock()
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return total, first
}
