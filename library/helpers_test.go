package library

import (
	"context"
	"fmt"
	"github.com/byline/byline/articles/articlestest"
	"os"
	"path/filepath"
	"testing"

	"github.com/byline/byline/model"
)

// openTemp opens a new library in the test's temporary directory.
func openTemp(t testing.TB) (*Library, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	l, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, path
}

// writeCorpus writes n generated articles into dir and returns dir.
func writeCorpus(t testing.TB, dir string, seed uint64, n int) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, articlestest.CorpusName(i)), articlestest.CorpusArticle(seed, i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// writeFile writes one file under dir.
func writeFile(t testing.TB, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// consistency checks the invariants every committed state must keep: each
// article has exactly one body and one index entry, and no mention points
// at a missing article.
func consistency(t testing.TB, l *Library) (articles int) {
	t.Helper()
	ctx := context.Background()
	var n, bodies, fts, orphans, noSource int
	for _, q := range []struct {
		sql string
		dst *int
	}{
		{"SELECT count(*) FROM articles", &n},
		{"SELECT count(*) FROM bodies b JOIN articles a ON a.id = b.id", &bodies},
		{"SELECT count(*) FROM fts", &fts},
		{"SELECT count(*) FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL", &orphans},
		{"SELECT count(*) FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE s.id IS NULL", &noSource},
	} {
		if err := l.db.QueryRowContext(ctx, q.sql).Scan(q.dst); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	var total int
	l.db.QueryRowContext(ctx, "SELECT count(*) FROM bodies").Scan(&total)
	if bodies != n || total != n || fts != n || orphans != 0 || noSource != 0 {
		t.Errorf("inconsistent library: %d articles, %d bodies (%d matched), %d indexed, %d orphan mentions, %d without source",
			n, total, bodies, fts, orphans, noSource)
	}
	if err := l.Check(ctx); err != nil {
		t.Error(err)
	}
	return n
}

func articleText(date, lead string, sections ...string) string {
	s := fmt.Sprintf("date %s %s\n\n", date, lead)
	for _, sec := range sections {
		s += sec + "\n\n"
	}
	return s
}

// dictRecognize is a deterministic recogniser for tests: it finds a fixed
// list of names, so that tests do not depend on the trained model.
var dictRecognize = articlestest.Dictionary(
	articlestest.Name{Name: "Lloyd Austin", Type: model.Person},
	articlestest.Name{Name: "Yoav Gallant", Type: model.Person},
	articlestest.Name{Name: "Volodymyr Zelensky", Type: model.Person},
	articlestest.Name{Name: "Gaza", Type: model.Place},
	articlestest.Name{Name: "Rafah", Type: model.Place},
	articlestest.Name{Name: "Kyiv", Type: model.Place},
	articlestest.Name{Name: "Geneva", Type: model.Place},
	articlestest.Name{Name: "Zürich", Type: model.Place},
)
