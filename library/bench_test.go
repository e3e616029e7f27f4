package library

// Benchmarks for the library budgets. By default they run on a generated
// corpus of 2,000 articles; point them at a big one to measure the budgets:
//
//	go run ./cmd/gencorpus -n 100000 -out /tmp/corpus100k
//	BYLINE_BENCH_CORPUS=/tmp/corpus100k go test -run XXX -bench Import -benchtime 1x ./library
//	BYLINE_BENCH_CORPUS=/tmp/corpus100k BYLINE_BENCH_DB=/tmp/lib100k.db \
//		go test -run XXX -bench 'Reopen|Search|Article' ./library
//	BYLINE_BENCH_DB=/tmp/lib100k.db go test -run XXX -bench Browse -benchtime 3x ./library
//
// BYLINE_BENCH_DB names the library the read benchmarks use; when the file
// does not exist it is first built from BYLINE_BENCH_CORPUS (once per run).

import (
	"context"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"
)

var benchSetup struct {
	corpusOnce, dbOnce sync.Once
	tmp                string // generated here, removed by TestMain
	corpus, db         string
	err                error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchSetup.tmp != "" {
		os.RemoveAll(benchSetup.tmp)
	}
	os.Exit(code)
}

// benchCorpus returns the corpus to import: $BYLINE_BENCH_CORPUS, or 2,000
// articles generated once per run.
func benchCorpus(b *testing.B) string {
	b.Helper()
	s := &benchSetup
	s.corpusOnce.Do(func() {
		if s.corpus = os.Getenv("BYLINE_BENCH_CORPUS"); s.corpus != "" {
			return
		}
		if s.tmp, s.err = os.MkdirTemp("", "byline-bench"); s.err == nil {
			s.corpus = writeCorpus(b, filepath.Join(s.tmp, "corpus"), 1, 2000)
		}
	})
	if s.err != nil {
		b.Fatal(s.err)
	}
	return s.corpus
}

// benchDB returns the library the read benchmarks use: $BYLINE_BENCH_DB, or
// one in a temporary directory, built from benchCorpus when it does not
// exist.
func benchDB(b *testing.B) string {
	b.Helper()
	s := &benchSetup
	s.dbOnce.Do(func() {
		if s.db = os.Getenv("BYLINE_BENCH_DB"); s.db != "" {
			if _, err := os.Stat(s.db); err == nil {
				return
			}
		}
		corpus := benchCorpus(b)
		if s.db == "" {
			if s.tmp == "" {
				if s.tmp, s.err = os.MkdirTemp("", "byline-bench"); s.err != nil {
					return
				}
			}
			s.db = filepath.Join(s.tmp, "library.db")
		}
		l, err := Open(context.Background(), s.db)
		if err != nil {
			s.err = err
			return
		}
		defer l.Close()
		_, s.err = l.Import(context.Background(), []string{corpus}, ImportOptions{})
	})
	if s.err != nil {
		b.Fatal(s.err)
	}
	return s.db
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// BenchmarkImport is a first import of the whole corpus into a new library
// (parse, recognise, index, store): budget >= 1,000 articles/s.
func BenchmarkImport(b *testing.B) {
	corpus := benchCorpus(b)
	src := dirSize(corpus)
	var articles int
	var dbSize int64
	start := time.Now()
	for i := 0; i < b.N; i++ {
		path := filepath.Join(b.TempDir(), "library.db")
		l, err := Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		res, err := l.Import(context.Background(), []string{corpus}, ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		l.Close()
		articles += res.Articles
		if st, err := os.Stat(path); err == nil {
			dbSize = st.Size()
		}
	}
	b.ReportMetric(float64(articles)/time.Since(start).Seconds(), "articles/s")
	b.ReportMetric(float64(dbSize)/float64(src), "db/source")
}

// BenchmarkReopenFirstScreen opens an existing library and loads what the
// app's first screen shows: counts and the first 200 entries of the
// Articles pane. Budget < 300 ms.
func BenchmarkReopenFirstScreen(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		l, err := Open(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.Counts(ctx); err != nil {
			b.Fatal(err)
		}
		es, err := l.List(ctx, 0, 200)
		if err != nil || len(es) == 0 {
			b.Fatal(err)
		}
		if _, _, err := l.Article(ctx, es[0].ID); err != nil {
			b.Fatal(err)
		}
		l.Close()
	}
}

// latencies runs op for every query in turn, b.N times in all, and
// reports the median and worst latency.
func latencies(b *testing.B, queries []string, op func(q string) error) {
	d := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := time.Now()
		if err := op(queries[i%len(queries)]); err != nil {
			b.Fatal(err)
		}
		d = append(d, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(d[len(d)-1].Microseconds())/1000, "max-ms")
}

func openBench(b *testing.B) *Library {
	l, err := Open(context.Background(), benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { l.Close() })
	return l
}

// BenchmarkSearchTwoWords is a library-wide ranked search for two words,
// 50 results with snippets. Budget < 50 ms median.
func BenchmarkSearchTwoWords(b *testing.B) {
	l := openBench(b)
	queries := []string{"ceasefire talks", "Lloyd Austin", "humanitarian aid", "border crossing",
		"Gaza council", "James Smith", "election results", "drought harvest", "Kyiv Warsaw", "the government"}
	latencies(b, queries, func(q string) error {
		_, err := l.Search(context.Background(), q, SearchOptions{Limit: 50})
		return err
	})
}

// BenchmarkSearchTyping replays typing words one character at a time, each
// keystroke a prefix search (results as you type). Budget < 10 ms each.
func BenchmarkSearchTyping(b *testing.B) {
	l := openBench(b)
	var queries []string
	for _, w := range []string{"gaza", "ceasefire", "humanitarian", "lloyd austin", "refugees camps"} {
		for i := 1; i <= len(w); i++ {
			queries = append(queries, w[:i])
		}
	}
	latencies(b, queries, func(q string) error {
		_, err := l.Search(context.Background(), q, SearchOptions{Limit: 50, Prefix: true})
		return err
	})
}

// BenchmarkSearchFilters runs filter-only and mixed queries.
func BenchmarkSearchFilters(b *testing.B) {
	l := openBench(b)
	queries := []string{`person:"James Smith"`, "place:Gaza after:2024-03-01", "place:Gaza ceasefire unread",
		`person:Austin before:2022-01-01`}
	latencies(b, queries, func(q string) error {
		_, err := l.Search(context.Background(), q, SearchOptions{Limit: 50})
		return err
	})
}

// BenchmarkArticle loads one stored article whole (body on demand).
func BenchmarkArticle(b *testing.B) {
	l := openBench(b)
	ctx := context.Background()
	var n int
	l.db.QueryRowContext(ctx, "SELECT max(id) FROM articles").Scan(&n)
	r := rand.New(rand.NewPCG(1, 2))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := l.Article(ctx, int64(1+r.IntN(n))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBrowse is a browsing session: the whole Articles list (entries
// only), 200 articles opened, searches typed. It reports the process's peak
// RSS; run it alone, on a library built beforehand. Budget < 200 MB.
func BenchmarkBrowse(b *testing.B) {
	l := openBench(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		all, err := l.List(ctx, 0, 0)
		if err != nil {
			b.Fatal(err)
		}
		for j := 0; j < 200 && j < len(all); j++ {
			if _, _, err := l.Article(ctx, all[j*len(all)/200].ID); err != nil {
				b.Fatal(err)
			}
		}
		for _, q := range []string{"g", "ga", "gaz", "gaza", "gaza c", "gaza ce", "gaza cease"} {
			if _, err := l.Search(ctx, q, SearchOptions{Prefix: true}); err != nil {
				b.Fatal(err)
			}
		}
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss-MB")
}
