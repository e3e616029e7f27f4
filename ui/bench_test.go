package ui

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/model"
)

// bigArticle generates an article of about size bytes: hundreds of
// sections of sample-like paragraphs, full of names and places.
func bigArticle(tb testing.TB, size int) *model.Article {
	tb.Helper()
	src := sample(tb)
	var paras []string
	for _, s := range src.Sections {
		paras = append(paras, s.Paragraphs...)
	}
	a := &model.Article{Title: "A generated long article", Source: "generated", Format: model.Plain}
	n := 0
	for si := 0; n < size; si++ {
		sec := model.Section{Heading: fmt.Sprintf("Part %d of the Talks in %s", si+1, []string{"Gaza", "Washington", "Rafah", "Israel"}[si%4])}
		for j := 0; j < 3; j++ {
			p := paras[(si+j)%len(paras)]
			sec.Paragraphs = append(sec.Paragraphs, p)
			n += len(p) + 2
		}
		a.Sections = append(a.Sections, sec)
	}
	entities.Recognize(a)
	return a
}

// firstScreen runs the app from the articles' arrival to the first drawn
// screen: the first step of the rendering, not the rest.
func firstScreen(tb testing.TB, a *model.Article, w, h int) (*Model, tea.Cmd) {
	m := newModel(Options{Style: "dark"})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	_, cmd := m.Update(loadedMsg{articles.Loaded{Articles: []*model.Article{a}}})
	var rest tea.Cmd
	for _, msg := range runCmd(cmd) {
		if r, ok := msg.(renderedMsg); ok {
			_, rest = m.Update(r) // the follow-up command (the rest) is not run
		}
	}
	if m.rv().Doc() == nil {
		tb.Fatal("no first screen")
	}
	_ = m.View()
	return m, rest
}

// runCmd runs a command and the batches it returns, collecting messages.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, runCmd(c)...)
		}
		return out
	case nil:
		return nil
	default:
		return []tea.Msg{msg}
	}
}

// readyModel is the app on the 1 MB article, fully rendered.
func readyModel(b *testing.B, query string) *Model {
	a := bigArticle(b, 1<<20)
	m := newTestModel(b, 120, 40, loaded([]*model.Article{a}))
	if !m.rv().Doc().Complete {
		b.Fatal("rendering incomplete")
	}
	if query != "" {
		typeKeys(b, m, "/")
		typeKeys(b, m, strings.Split(query, "")...)
		typeKeys(b, m, "enter")
	}
	return m
}

// BenchmarkSampleFirstScreen is the reference article from its arrival
// to the first drawn screen.
func BenchmarkSampleFirstScreen(b *testing.B) {
	a := sample(b)
	b.ReportAllocs()
	for b.Loop() {
		firstScreen(b, a, 120, 40)
	}
}

// BenchmarkSampleParseRecognizeRender is the whole path for the reference
// article: parse, recognise people and places, first screen.
func BenchmarkSampleParseRecognizeRender(b *testing.B) {
	data := sampleData(b)
	b.ReportAllocs()
	for b.Loop() {
		as, err := articles.Parse("sample.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		articles.Recognize(as)
		firstScreen(b, as[0], 120, 40)
	}
}

func BenchmarkFirstScreen1MB(b *testing.B) {
	a := bigArticle(b, 1<<20)
	b.ReportMetric(float64(len(a.Sections)), "sections")
	b.ReportAllocs()
	for b.Loop() {
		firstScreen(b, a, 120, 40)
	}
}

// BenchmarkFullRender1MB is the second step: every section rendered, in
// the background, while the first screen is already shown.
func BenchmarkFullRender1MB(b *testing.B) {
	a := bigArticle(b, 1<<20)
	b.ReportAllocs()
	for b.Loop() {
		m, rest := firstScreen(b, a, 120, 40)
		for _, msg := range runCmd(rest) {
			m.Update(msg)
		}
		if !m.rv().Doc().Complete {
			b.Fatal("rendering incomplete")
		}
	}
}

// benchKeys measures Update + View for keys cycling through keys; reset
// puts the view back when the keys ran out of room.
func benchKeys(b *testing.B, m *Model, keys []string, reset func(*Model)) {
	msgs := make([]tea.KeyPressMsg, len(keys))
	for i, k := range keys {
		msgs[i] = press(k)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m.Update(msgs[i%len(msgs)])
		_ = m.View()
		i++
		if reset != nil {
			reset(m)
		}
	}
}

func BenchmarkKeyScroll1MB(b *testing.B) {
	m := readyModel(b, "gaza")
	benchKeys(b, m, []string{"j"}, func(m *Model) {
		if m.rv().Top() >= m.rv().Limit() {
			m.rv().SetTop(0)
		}
	})
}

func BenchmarkKeyPageDown1MB(b *testing.B) {
	m := readyModel(b, "gaza")
	benchKeys(b, m, []string{"space"}, func(m *Model) {
		if m.rv().Top() >= m.rv().Limit() {
			m.rv().SetTop(0)
		}
	})
}

func BenchmarkKeyNextSection1MB(b *testing.B) {
	m := readyModel(b, "gaza")
	benchKeys(b, m, []string{"]"}, func(m *Model) {
		if m.currentSection() == len(m.view.Article().Sections)-1 {
			m.rv().SetTop(0)
		}
	})
}

func BenchmarkKeyNextMatch1MB(b *testing.B) {
	m := readyModel(b, "gaza")
	b.ReportMetric(float64(len(m.hl().Matches)), "matches")
	benchKeys(b, m, []string{"n"}, nil)
}

func BenchmarkKeyColumns1MB(b *testing.B) {
	m := readyModel(b, "gaza")
	typeKeys(b, m, "v")
	benchKeys(b, m, []string{"l", "j"}, func(m *Model) {
		if m.view.columns.Focused() == len(m.view.Article().Sections)-1 {
			m.view.columns.SetFocus(0)
		}
	})
}

// BenchmarkSearchKeystroke1MB types "gaza" into the prompt over and over:
// each iteration is one typed character, re-searched and re-highlighted.
func BenchmarkSearchKeystroke1MB(b *testing.B) {
	m := readyModel(b, "")
	query := []tea.KeyPressMsg{press("g"), press("a"), press("z"), press("a")}
	typeKeys(b, m, "/")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%len(query) == 0 {
			m.search.Open(m.view, "")
		}
		m.Update(query[i%len(query)])
		_ = m.View()
		i++
	}
}

func BenchmarkResize1MB(b *testing.B) {
	m := readyModel(b, "")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m.Update(tea.WindowSizeMsg{Width: 100 + i%2*20, Height: 40})
		_ = m.View()
		i++
	}
}

// BenchmarkMemory1MB reports the memory the app holds for the 1 MB
// article once fully rendered and searched: the live heap after GC, and
// the process's peak resident set while loading it (VmHWM on Linux, reset
// first through /proc/self/clear_refs; it includes the test binary).
func BenchmarkMemory1MB(b *testing.B) {
	a := bigArticle(b, 1<<20)
	var ms runtime.MemStats
	var m *Model
	runtime.GC()
	resetPeakRSS()
	for b.Loop() {
		m = nil
		runtime.GC()
		m = newTestModel(b, 120, 40, loaded([]*model.Article{a}))
		typeKeys(b, m, "/", "g", "a", "z", "a", "enter")
	}
	peak := peakRSS()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
	if peak > 0 {
		b.ReportMetric(peak/(1<<20), "peak-RSS-MB")
	}
	runtime.KeepAlive(m)
}

// resetPeakRSS resets VmHWM (Linux); elsewhere it does nothing.
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the process's peak resident set in bytes, or 0 when unknown.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return kb * 1024
			}
		}
	}
	return 0
}

// BenchmarkOpen1MB is the 1 MB budget from the file's bytes to the first
// drawn screen: parse, lay out, render the first screenful. People and
// places are then found in the background (Options.Recognize; see
// articles' BenchmarkParseRecognize1MB for that cost) and arrive as a
// message, so they are not on this path.
func BenchmarkOpen1MB(b *testing.B) {
	data := articlestest.Article(1<<20, 1)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		as, err := articles.Parse("big.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		firstScreen(b, as[0], 120, 40)
	}
}
