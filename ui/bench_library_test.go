package ui

// Benchmarks of the app on a library. Each runs on a small library built
// in (1,000 generated articles, so that it always runs) and on the
// 100,000-article library named by BYLINE_BENCH_DB when that file exists:
//
//	BYLINE_BENCH_DB=/tmp/lib100k.db go test -run XXX -bench Library -count 6 ./ui
//
// The browsing benchmark marks articles read and saves positions as the
// app does; it puts the state of the articles it opened back afterwards.

import (
	"context"
	"os"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/library"
)

// benchLibraries runs fn on each library: "small" always, "100k" when
// BYLINE_BENCH_DB names an existing file.
func benchLibraries(b *testing.B, fn func(b *testing.B, path string)) {
	b.Run("small", func(b *testing.B) {
		lib := newTestLibrary(b, 1000)
		path := lib.path
		lib.Close()
		fn(b, path)
	})
	path := os.Getenv("BYLINE_BENCH_DB")
	if _, err := os.Stat(path); path == "" || err != nil {
		b.Logf("BYLINE_BENCH_DB unset or absent (%q): the 100,000-article library is skipped; generate it with cmd/gencorpus and byline add", path)
		return
	}
	b.Run("100k", func(b *testing.B) { fn(b, path) })
}

// libFirstScreen opens the library file and runs the app to its first
// drawn screen: counts and the first page of entries, no refresh.
func libFirstScreen(tb testing.TB, path string) (*Model, *library.Library) {
	lib, err := library.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	m := newModel(Options{Library: lib, Style: "dark"})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for _, msg := range runCmd(m.lib().restoreCmd()) {
		m.Update(msg)
	}
	if m.lib().list.all.total == 0 || !m.lib().loaded {
		tb.Fatal("no first screen")
	}
	_ = m.View()
	return m, lib
}

// BenchmarkLibraryFirstScreen opens the library and draws the first
// screen, from the file to the screen. Budget < 300 ms at 100,000 articles.
func BenchmarkLibraryFirstScreen(b *testing.B) {
	benchLibraries(b, func(b *testing.B, path string) {
		b.ReportAllocs()
		for b.Loop() {
			_, lib := libFirstScreen(b, path)
			lib.Close()
		}
	})
}

// BenchmarkLibrarySearchKeystroke types queries into the Articles pane's
// search one character at a time: each iteration is one key, its prefix
// search over the whole library (and any page it leads to), the results
// installed and the screen drawn. Budget < 10 ms per typed character.
func BenchmarkLibrarySearchKeystroke(b *testing.B) {
	var keys []tea.KeyPressMsg
	for _, q := range []string{"gaza", "ceasefire", "lloyd austin", "government talks"} {
		for _, c := range strings.Split(q, "") {
			if c == " " {
				c = "space"
			}
			keys = append(keys, press(c))
		}
		keys = append(keys, tea.KeyPressMsg{}) // a new query
	}
	benchLibraries(b, func(b *testing.B, path string) {
		m, lib := libFirstScreen(b, path)
		defer lib.Close()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			k := keys[i%len(keys)]
			i++
			if k.Code == 0 || !m.search.Active() {
				m.search.Open(m.lib(), "")
				if k.Code == 0 {
					k = keys[i%len(keys)]
					i++
				}
			}
			settle(m, k)
		}
	})
}

// settle delivers msg, runs the commands it leads to until none is left,
// and draws the screen.
func settle(m *Model, msg tea.Msg) {
	_, cmd := m.Update(msg)
	for cmd != nil {
		var next []tea.Cmd
		for _, msg := range runCmd(cmd) {
			_, c := m.Update(msg)
			next = append(next, c)
		}
		cmd = tea.Batch(next...)
	}
	_ = m.View()
}

// BenchmarkLibraryBrowse is a browsing session in the app: the list paged
// through (2,000 entries), jumped to its end and back, 50 articles opened
// one after the other (bodies on demand), and a search typed. It reports
// the live heap after it and the process's peak resident set during it
// (VmHWM, reset first; it includes the test binary). Budget < 200 MB RSS.
func BenchmarkLibraryBrowse(b *testing.B) {
	benchLibraries(b, func(b *testing.B, path string) {
		var ms runtime.MemStats
		runtime.GC()
		resetPeakRSS()
		for b.Loop() {
			m, lib := libFirstScreen(b, path)
			restore := browse(b, m)
			restore(lib)
			lib.Close()
		}
		peak := peakRSS()
		runtime.GC()
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
		if peak > 0 {
			b.ReportMetric(peak/(1<<20), "peak-RSS-MB")
		}
	})
}

// browse drives one session and returns what puts the opened articles'
// state back as it was.
func browse(b *testing.B, m *Model) func(*library.Library) {
	step := func(msg tea.Msg) { settle(m, msg) }
	for range 2000 / max(m.lib().list.visible(), 1) {
		step(press("pgdown"))
	}
	step(press("end"))
	step(press("home"))
	// The session opens rows 0 to 49.
	var before []library.Entry
	for i := range 50 {
		if r, ok := m.lib().list.all.row(i); ok {
			before = append(before, r.Entry)
		}
	}
	for i := range 50 {
		if i == 0 {
			step(press("enter"))
		} else {
			step(press("J"))
		}
		step(press("space"))
	}
	step(press("shift+tab"))
	step(press("shift+tab"))
	for _, c := range "/gaza" {
		step(press(string(c)))
	}
	step(press("enter"))
	if id, pos, ok := m.lib().position(); ok {
		m.lib().lib.SetPosition(context.Background(), id, pos)
	}
	return func(lib *library.Library) {
		ctx := context.Background()
		for _, e := range before {
			lib.SetRead(ctx, e.ID, e.Read)
			lib.SetPosition(ctx, e.ID, e.Position)
		}
	}
}
