package entities

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/byline/byline/articles/entities/internal/corpus"
)

// BenchmarkTag measures the tagger alone (both passes, features included) on
// CoNLL-2003 test, document by document, and reports tokens per second of
// wall time and per second of the process's CPU time (which other work on
// a shared machine changes much less than the wall time).
func BenchmarkTag(b *testing.B) {
	dir, ok := corpus.FindDataDir(".")
	if !ok {
		b.Skipf("skipping: annotated data not found at %s", dir)
	}
	docs, err := corpus.ReadCoNLLFile(filepath.Join(dir, "conll2003", "test.txt"))
	if err != nil {
		b.Fatal(err)
	}
	r, err := load()
	if err != nil {
		b.Fatal(err)
	}
	words := make([][][]string, len(docs))
	for i, d := range docs {
		for _, s := range d {
			words[i] = append(words[i], s.Words)
		}
	}
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		for _, w := range words {
			r.m.Tag(w)
		}
	}
	tokens := float64(corpus.Tokens(docs)) * float64(b.N)
	b.ReportMetric(tokens/b.Elapsed().Seconds(), "tokens/s")
	if c := processCPU() - cpu; c > 0 {
		b.ReportMetric(tokens/c.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkLoad measures parsing the embedded weights and gazetteers, which
// Recognize does once per process, and reports the heap it leaves in use.
func BenchmarkLoad(b *testing.B) {
	var live uint64
	for b.Loop() {
		r, err := newRecognizer()
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		live = ms.HeapAlloc
		runtime.KeepAlive(r)
		b.StartTimer()
	}
	b.ReportMetric(float64(live)/(1<<20), "heap-MB")
}
