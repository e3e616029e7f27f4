package library

import (
	"slices"
	"strings"
	"testing"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
)

// distinctTermsPlain is the definition termSet.distinct must agree with.
func distinctTermsPlain(texts ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range texts {
		for _, w := range strings.FieldsFunc(t, notWordRune) {
			if f := fold(w); !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

var termCases = []string{
	"", " ", "a", "A", "Hello, World! hello WORLD", "U.S.-Israel talks", "Café CAFÉ cafe Ça",
	"naïve Zürich Łódź İstanbul ǅ", "日本語の文章と English", "x\xffy \xc3 z", "tab\tnew\nline",
	"a\u00a0b\u3000c", "e\u0301 é", "½ ² ٣ 3", "word\u200bword", "\U000F0000priv\U000F0001",
	"ends in a word", "  leading and trailing  ", "ÀÉÎÕÜ àéîõü", "123 0123 1e9",
}

func TestTermSetAgrees(t *testing.T) {
	var s termSet
	check := func(texts ...string) {
		t.Helper()
		got, want := s.distinct(texts...), distinctTermsPlain(texts...)
		if !slices.Equal(got, want) {
			t.Fatalf("distinct(%q)\n got %q\nwant %q", texts, got, want)
		}
	}
	for _, c := range termCases {
		check(c)
		check(c, c)
		check("Title "+c, c+" body")
	}
	for i := range 50 {
		as, err := articles.Parse(articlestest.CorpusName(i), articlestest.CorpusArticle(1, i))
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			check(a.Title, indexText(a))
		}
	}
}

func FuzzTermSet(f *testing.F) {
	for _, c := range termCases {
		f.Add(c, "")
	}
	var s termSet
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := s.distinct(a, b), distinctTermsPlain(a, b); !slices.Equal(got, want) {
			t.Fatalf("distinct(%q, %q)\n got %q\nwant %q", a, b, got, want)
		}
	})
}
