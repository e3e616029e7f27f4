package library

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/byline/byline/articles/articlestest"
)

// TestFilesVanishMidImport deletes half of a directory's files while it
// is being imported (after the first batch, of 64 files, is stored, so
// that most are still to come): each file is either stored or reported
// as a problem naming it, the rest of the import goes on, and the
// library is consistent.
func TestFilesVanishMidImport(t *testing.T) {
	dir := writeCorpus(t, filepath.Join(t.TempDir(), "news"), 3, 400)
	l, _ := openTemp(t)
	var once sync.Once
	res, err := l.Import(context.Background(), []string{dir}, ImportOptions{Recognize: dictRecognize, Workers: 1, BatchSize: 64,
		Progress: func(Progress) {
			once.Do(func() {
				for i := 200; i < 400; i++ {
					os.Remove(filepath.Join(dir, articlestest.CorpusName(i)))
				}
			})
		}})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if len(res.Problems) == 0 {
		t.Fatalf("no file vanished mid-import (%+v): the test did not test", res)
	}
	for _, p := range res.Problems {
		if !errors.Is(p, fs.ErrNotExist) || !strings.Contains(p.Error(), filepath.Join(dir, "")) {
			t.Errorf("problem %q: want a vanished file named", p)
		}
	}
	if res.Added+len(res.Problems) != res.Sources || res.Added < 200 {
		t.Errorf("%+v: every source listed is stored or a problem, the 200 kept ones stored", res)
	}
	if err := l.Check(context.Background()); err != nil {
		t.Fatalf("integrity: %v", err)
	}
	c, err := l.Counts(context.Background())
	if err != nil || c.Articles != res.Added {
		t.Errorf("counts %+v, %v: want %d articles", c, err, res.Added)
	}
}
