package library

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/model"
)

// BenchmarkImportCorpus is a first import of the bench corpus (see
// BenchmarkImport) into a new library. recognise is the whole work; none
// puts a no-op in the recogniser's place, to show what reading, parsing,
// encoding and storing cost on their own, that is how fast an import can
// go whatever the recogniser's speed:
//
//	go test -run '^$' -bench 'ImportCorpus/none' -count 6 ./library
func BenchmarkImportCorpus(b *testing.B) {
	b.Run("recognise", func(b *testing.B) { benchImport(b, nil) })
	b.Run("none", func(b *testing.B) { benchImport(b, func(*model.Article) {}) })
}

func benchImport(b *testing.B, recognize func(*model.Article)) {
	corpus := benchCorpus(b)
	ctx := context.Background()
	articles := 0
	var cpu time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		l, err := Open(ctx, filepath.Join(b.TempDir(), strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		cpu -= processCPU()
		res, err := l.Import(ctx, []string{corpus}, ImportOptions{Recognize: recognize})
		cpu += processCPU()
		b.StopTimer()
		if err != nil || len(res.Problems) > 0 {
			b.Fatal(err, res.Problems)
		}
		articles += res.Articles
		l.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(cpu.Seconds()*1000/float64(articles), "cpu-ms/article")
}

// writeBench holds the bench corpus prepared as the workers hand it to the
// writer (real recogniser), once per run.
var writeBench struct {
	once  sync.Once
	batch []parsed
	err   error
}

// BenchmarkWrite is the single writer alone: the bench corpus, already
// read, parsed, recognised and encoded (outside the timing), stored into
// a new library in batches as Import stores them. Its ms/article bounds
// an import's rate whatever the number of cores: 1 / (ms/article).
//
//	go test -run '^$' -bench '^BenchmarkWrite$' -count 6 ./library
func BenchmarkWrite(b *testing.B) {
	corpus := benchCorpus(b)
	ctx := context.Background()
	s := &writeBench
	s.once.Do(func() {
		sources, problems := expand([]string{corpus})
		if len(problems) > 0 {
			s.err = problems[0]
			return
		}
		s.batch = make([]parsed, len(sources))
		var wg sync.WaitGroup
		next := make(chan int)
		for range 2 {
			wg.Go(func() {
				w := worker{enc: newEncoder(), recognize: entities.Recognize}
				for i := range next {
					s.batch[i] = w.run(ctx, job{source: sources[i]})
				}
			})
		}
		for i := range sources {
			next <- i
		}
		close(next)
		wg.Wait()
	})
	if s.err != nil {
		b.Fatal(s.err)
	}
	// The writer's own CPU time, steadier than wall time on a shared
	// machine: the goroutine keeps its thread, whose CPU time is read.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var cpu time.Duration
	articles := 0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		dir := b.TempDir()
		l, err := Open(ctx, filepath.Join(dir, strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		batch := make([]parsed, len(s.batch))
		copy(batch, s.batch) // write marks what it did in each
		b.StartTimer()
		cpu -= threadCPU()
		w := newWriter(l)
		for j := 0; j < len(batch); j += defaultBatchSize {
			n, err := w.write(ctx, batch[j:min(j+defaultBatchSize, len(batch))], replace)
			if err != nil {
				b.Fatal(err)
			}
			articles += n
		}
		cpu += threadCPU()
		b.StopTimer()
		l.Close()
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(articles), "ms/article")
	b.ReportMetric(cpu.Seconds()*1000/float64(articles), "cpu-ms/article")
}

// processCPU is the CPU time of the whole process so far (every core's):
// what an import costs, steadier than its wall time on a shared machine.
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// threadCPU is the CPU time of the calling thread so far.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1, &ru) // RUSAGE_THREAD
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
