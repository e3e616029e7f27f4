package entities_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/articles/entities/internal/corpus"
	"github.com/byline/byline/model"
)

// readSample parses the reference article from ../shared/samples beside
// the module root (found as the annotated data is, so that a checkout
// reached through a symbolic link finds it too).
func readSample(tb testing.TB) *model.Article {
	tb.Helper()
	ner, _ := corpus.FindDataDir(".")
	path := filepath.Join(filepath.Dir(ner), "samples", "000_65ddc96782ead899.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Skipf("skipping: reference article not found: %v", err)
	}
	as, err := articles.Parse(path, data)
	if err != nil || len(as) != 1 {
		tb.Fatalf("Parse = %d articles, %v", len(as), err)
	}
	return as[0]
}

func TestSampleArticle(t *testing.T) {
	a := readSample(t)
	entities.Recognize(a)
	got := map[model.EntityType][]string{}
	for _, e := range a.Entities {
		got[e.Type] = append(got[e.Type], e.Name)
		for _, m := range e.Mentions {
			if text := a.Text(m.Section, m.Paragraph); text[m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %+v does not match its text", e.Name, m)
			}
			if m.Paragraph == -1 {
				t.Errorf("%s: mention in heading %q", e.Name, a.Sections[m.Section].Heading)
			}
		}
	}
	for _, want := range []struct {
		typ   model.EntityType
		names []string
	}{
		{model.Person, []string{"Lloyd Austin", "Yoav Gallant"}},
		{model.Place, []string{"Gaza", "Rafah", "Washington", "Israel", "United States"}},
	} {
		for _, n := range want.names {
			if !slices.Contains(got[want.typ], n) {
				t.Errorf("%s %q not found; got %q", want.typ, n, got)
			}
		}
	}
	for _, e := range a.Entities {
		for _, bad := range []string{"Urging", "Precision", "Protection", "Hamas", "Israeli", "United Nations", "Secretary"} {
			if strings.Contains(e.Name, bad) {
				t.Errorf("entity %q (%s) should not be recognised", e.Name, e.Type)
			}
		}
	}
	// "Austin", "Secretary Austin" and "Austin's" are all Lloyd Austin.
	for _, e := range a.Entities {
		if e.Name == "Lloyd Austin" && len(e.Mentions) < 6 {
			t.Errorf("Lloyd Austin has %d mentions, want every Austin", len(e.Mentions))
		}
	}
}

// BenchmarkRecognizeSample measures Recognize on the reference article.
func BenchmarkRecognizeSample(b *testing.B) {
	a := readSample(b)
	entities.Recognize(a) // load the model outside the timing
	for b.Loop() {
		entities.Recognize(a)
	}
	b.ReportMetric(float64(a.Words())*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkRecognizeCorpus measures Recognize on 500 articles of the
// generated corpus that byline add is measured with (what the rules around
// the tagger cost at the scale of an import, not on one article), and the
// process's CPU time per article, which a busy machine moves less than
// the wall time:
//
//	go test -run '^$' -bench RecognizeCorpus -count 6 ./articles/entities
func BenchmarkRecognizeCorpus(b *testing.B) {
	var all []*model.Article
	for i := range 500 {
		as, err := articles.Parse(articlestest.CorpusName(i), articlestest.CorpusArticle(1, i))
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, as...)
	}
	entities.Recognize(all[0]) // load the model outside the timing
	cpu := entities.ProcessCPU()
	for b.Loop() {
		for _, a := range all {
			entities.Recognize(a)
		}
	}
	n := float64(len(all)) * float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "articles/s")
	if c := entities.ProcessCPU() - cpu; c > 0 {
		b.ReportMetric(c.Seconds()*1000/n, "cpu-ms/article")
	}
}

// TestBuiltInSamples checks the names of byline's demo articles and of
// the Unicode fixture, which a new user sees first: every place named,
// and no thing or foreign phrase taken for a person.
func TestBuiltInSamples(t *testing.T) {
	l := articles.Samples()
	if len(l.Problems) > 0 {
		t.Fatal(l.Problems)
	}
	as, err := articles.ParseFile(filepath.Join("..", "testdata", "unicode.txt"))
	if err != nil {
		t.Fatal(err)
	}
	all := append(l.Articles, as...)
	articles.Recognize(all)
	got := map[model.EntityType][]string{}
	for _, a := range all {
		for _, e := range a.Entities {
			got[e.Type] = append(got[e.Type], e.Name)
		}
	}
	for _, want := range []string{"Nile", "Cerro Alegre", "Cerro Concepción", "Gorbals", "Greenock", "Paisley", "Partick", "Köln"} {
		if !slices.Contains(got[model.Place], want) {
			t.Errorf("place %q not found; places %q", want, got[model.Place])
		}
	}
	for _, bad := range []string{"Chandni", "Der Vertrag"} {
		if slices.Contains(got[model.Person], bad) || slices.Contains(got[model.Place], bad) {
			t.Errorf("%q recognised as a name; people %q", bad, got[model.Person])
		}
	}
}
