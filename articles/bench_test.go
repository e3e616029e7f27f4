package articles

import (
	"os"
	"testing"

	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/articles/entities"
)

func BenchmarkParseSample(b *testing.B) {
	data, err := os.ReadFile(sampleFile)
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseText("sample.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseRecognizeSample is the article half of the "parse +
// recognise + first render of the sample under 10 ms" budget.
func BenchmarkParseRecognizeSample(b *testing.B) {
	data, err := os.ReadFile(sampleFile)
	if err != nil {
		b.Skip(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		a, err := ParseText("sample.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		entities.Recognize(a)
	}
}

func BenchmarkParse1MB(b *testing.B) {
	data := articlestest.Article(1<<20, 1)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseText("big.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseRecognize1MB(b *testing.B) {
	data := articlestest.Article(1<<20, 1)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := ParseText("big.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		entities.Recognize(a)
	}
}

func TestGeneratedArticleParses(t *testing.T) {
	a, err := ParseText("big.txt", articlestest.Article(1<<20, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Sections) < 100 || a.Date.IsZero() {
		t.Errorf("generated 1 MB article: %d sections, date %v; want hundreds and a date", len(a.Sections), a.Date)
	}
}

// BenchmarkParseMarkdownSample parses a real-shaped Markdown article: the
// common path that the nesting guard and the reference filter must not
// slow down.
func BenchmarkParseMarkdownSample(b *testing.B) {
	data, err := os.ReadFile("samples/04_glasgow_library.md")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseMarkdown("sample.md", data); err != nil {
			b.Fatal(err)
		}
	}
}
