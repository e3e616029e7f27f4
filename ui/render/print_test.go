package render

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render/internal/glamour/styles"
)

var updatePrint = flag.Bool("update-print", false, "rewrite testdata/print.golden")

// printCorpus is what TestPrintPinned renders: the reference fixture, the
// built-in samples (Markdown among them) and a generated article of many
// sections, their people and places recognised.
func printCorpus(t *testing.T) []*model.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "articles", "testdata", "reference.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ref, err := articles.ParseText("reference.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	big, err := articles.ParseText("big.txt", articlestest.Article(96<<10, 3))
	if err != nil {
		t.Fatal(err)
	}
	as := append([]*model.Article{ref, big}, articles.Samples().Articles...)
	articles.Recognize(as)
	return as
}

// TestPrintPinned pins what Article prints, byte for byte, in every
// glamour style, plain and in colour, at two widths: the print path may get
// faster, never different. The golden file holds a SHA-256 per rendering;
// run with -update-print to rewrite it after a change meant to show.
func TestPrintPinned(t *testing.T) {
	as := printCorpus(t)
	names := []string{"auto"}
	for name := range styles.DefaultStyles {
		names = append(names, name)
	}
	slices.Sort(names)
	var got strings.Builder
	for _, a := range as {
		for _, name := range names {
			for _, width := range []int{80, 37} {
				for _, color := range []bool{false, true} {
					out, err := Article(a, width, name, color)
					if err != nil {
						t.Fatal(err)
					}
					fmt.Fprintf(&got, "%s %s %d %v %x\n", a.Source, name, width, color, sha256.Sum256([]byte(out)))
				}
			}
		}
	}
	golden := filepath.Join("testdata", "print.golden")
	if *updatePrint {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(got.String(), "\n")
	if len(wl) != len(gl) {
		t.Fatalf("%d renderings, golden has %d", len(gl), len(wl))
	}
	for i := range wl {
		if wl[i] != gl[i] {
			t.Errorf("rendering differs:\n got %s\nwant %s", gl[i], wl[i])
		}
	}
}
