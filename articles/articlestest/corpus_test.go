package articlestest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/byline/byline/articles"
)

func TestCorpusDeterministic(t *testing.T) {
	if !bytes.Equal(CorpusArticle(1, 42), CorpusArticle(1, 42)) {
		t.Error("same seed and index gave different articles")
	}
	if bytes.Equal(CorpusArticle(1, 42), CorpusArticle(2, 42)) || bytes.Equal(CorpusArticle(1, 42), CorpusArticle(1, 43)) {
		t.Error("different seeds or indexes gave the same article")
	}
}

func TestCorpusReadsAsNews(t *testing.T) {
	total, dated, debris := 0, 0, 0
	for i := range 200 {
		data := CorpusArticle(1, i)
		total += len(data)
		if bytes.Contains(data, []byte("\nAdvertisment\n")) {
			debris++
		}
		a, err := articles.ParseText(CorpusName(i), data)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Date.IsZero() {
			dated++
		}
		if len(a.Sections) < 3 || a.Sections[1].Heading == "" {
			t.Fatalf("article %d: %d sections, headings not recognised", i, len(a.Sections))
		}
		for _, s := range a.Sections {
			for _, p := range s.Paragraphs {
				if articles.IsDebris(p) || strings.Contains(p, "Advertisment") {
					t.Fatalf("article %d: debris left in %q", i, p)
				}
			}
		}
	}
	if avg := total / 200; avg < 2500 || avg > 3600 {
		t.Errorf("average size %d bytes, want about 3 KB", avg)
	}
	if dated < 150 || debris < 50 {
		t.Errorf("%d of 200 dated, %d with debris", dated, debris)
	}
}
