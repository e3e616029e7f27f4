package ui

import (
	"context"
	"github.com/byline/byline/articles/articlestest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/library"
	"github.com/byline/byline/model"
)

// testLibrary is a real library in a temporary directory: the reference
// sample (titled as in sample()) and n generated articles.
type testLibrary struct {
	*library.Library
	path string
}

// newTestLibrary imports the sample and n generated articles with a
// dictionary recogniser, so that screens do not change with the trained one.
func newTestLibrary(t testing.TB, n int) *testLibrary {
	t.Helper()
	src := t.TempDir()
	files := map[string][]byte{"sample.txt": sampleData(t)}
	for i := range n {
		files[articlestest.CorpusName(i)] = articlestest.CorpusArticle(7, i)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(src, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "library.db")
	lib := openLibrary(t, path)
	res, err := lib.Import(context.Background(), []string{src}, library.ImportOptions{Recognize: dictRecognize, Workers: 1})
	if err != nil || len(res.Problems) > 0 {
		t.Fatalf("import: %v %v", err, res.Problems)
	}
	return &testLibrary{lib, path}
}

// openLibrary opens the library file at path, closed when the test ends.
func openLibrary(t testing.TB, path string) *library.Library {
	t.Helper()
	lib, err := library.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

// dictRecognize finds a fixed list of names (the sample's and a few of the
// generator's), deterministically, and gives the reference sample its
// fixed title.
func dictRecognize(a *model.Article) {
	if a.Source != "" && strings.HasSuffix(a.Source, "sample.txt") {
		a.Title = "Austin and Gallant meet at the Pentagon"
	}
	sampleNames(a)
}

var sampleNames = articlestest.Dictionary(
	articlestest.Name{Name: "Lloyd Austin", Type: model.Person},
	articlestest.Name{Name: "Yoav Gallant", Type: model.Person},
	articlestest.Name{Name: "Gaza", Type: model.Place},
	articlestest.Name{Name: "Rafah", Type: model.Place},
	articlestest.Name{Name: "Israel", Type: model.Place},
	articlestest.Name{Name: "Washington", Type: model.Place},
)

// newLibModel starts the app on lib at w×h, every command run.
func newLibModel(t testing.TB, lib *library.Library, w, h int, opts ...func(*Options)) *Model {
	t.Helper()
	o := Options{Library: lib, Style: "dark", Version: "test"}
	for _, f := range opts {
		f(&o)
	}
	m := newModel(o)
	drain(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// entry reads an article's entry from the library file afresh.
func entry(t testing.TB, lib *library.Library, id int64) library.Entry {
	t.Helper()
	e, err := lib.Entry(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// find moves the Articles pane's cursor to the article titled title
// and returns its id.
func find(t testing.TB, m *Model, title string) int64 {
	t.Helper()
	l := m.lib().list.list()
	for i := 0; i < l.total; i++ {
		if r, ok := l.row(i); ok && r.Title == title {
			l.cursor = i
			m.lib().list.scroll()
			return r.ID
		}
	}
	t.Fatalf("no %q in the list", title)
	return 0
}

// sampleTitle is the title dictRecognize gives the reference sample.
const sampleTitle = "Austin and Gallant meet at the Pentagon"
