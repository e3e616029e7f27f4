package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/model"
)

func parsed(b *testing.B, name string, data []byte) *model.Article {
	b.Helper()
	a, err := articles.ParseText(name, data)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// BenchmarkPrint1MB is `byline print` of the generated 1 MB article
// (2,662 sections), plain: render only, on every core.
func BenchmarkPrint1MB(b *testing.B) {
	a := parsed(b, "big.txt", articlestest.Article(1<<20, 1))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Article(a, 80, "dark", false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrintSample is `byline print` of the reference fixture in
// colour, its people and places highlighted (recognised beforehand).
func BenchmarkPrintSample(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "articles", "testdata", "reference.txt"))
	if err != nil {
		b.Fatal(err)
	}
	a := parsed(b, "reference.txt", data)
	articles.Recognize([]*model.Article{a})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Article(a, 80, "dark", true); err != nil {
			b.Fatal(err)
		}
	}
}
