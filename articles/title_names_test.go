package articles

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/model"
)

// TestTitleNames recognises the people and places of a Markdown (heading
// or front matter), an HTML (<title>, <h1> or Open Graph) and a feed title, which the body does not name, as mentions at
// model.TitleParagraph, and exports them so.
func TestTitleNames(t *testing.T) {
	const lead = "The talks lasted most of the afternoon and ended without a statement.\n"
	srcs := append(articlestest.TitledSources(),
		articlestest.TitledSource{Name: "front.md", Person: "Angela Merkel", Place: "Nairobi",
			Data: []byte("---\ntitle: Angela Merkel arrives in Nairobi\n---\n\n" + lead)},
		articlestest.TitledSource{Name: "meta.html", Person: "Angela Merkel", Place: "Nairobi",
			Data: []byte(`<html><head><meta property="og:title" content="Angela Merkel arrives in Nairobi"></head>` +
				"<body><article><p>" + lead + "</p></article></body></html>")})
	for _, src := range srcs {
		as, err := Parse(src.Name, src.Data)
		if err != nil || len(as) != 1 {
			t.Fatalf("%s: %d articles, %v", src.Name, len(as), err)
		}
		Recognize(as)
		a := as[0]
		if !a.ShowsTitle() {
			t.Fatalf("%s: title %q not shown", src.Name, a.Title)
		}
		found := map[string]model.EntityType{}
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if m.Paragraph != model.TitleParagraph {
					continue
				}
				if m.Section != 0 || a.Text(0, model.TitleParagraph)[m.Start:m.End] != m.Text {
					t.Errorf("%s: mention %+v does not point into the title %q", src.Name, m, a.Title)
				}
				found[m.Text] = e.Type
			}
		}
		if found[src.Person] != model.Person || found[src.Place] != model.Place || len(found) != 2 {
			t.Errorf("%s: title mentions %v, want person %q and place %q", src.Name, found, src.Person, src.Place)
		}
		var b strings.Builder
		if err := WriteJSON(&b, a); err != nil {
			t.Fatal(err)
		}
		var exp struct {
			Title    string
			Entities []struct {
				Mentions []struct {
					Section, Paragraph, Start, End int
					Text                           string
				}
			}
		}
		if err := json.Unmarshal([]byte(b.String()), &exp); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range exp.Entities {
			for _, m := range e.Mentions {
				if m.Paragraph == -2 && m.Section == 0 && exp.Title[m.Start:m.End] == m.Text {
					n++
				}
			}
		}
		if n != 2 {
			t.Errorf("%s: %d title mentions exported, want 2: %s", src.Name, n, b.String())
		}
	}
}

// TestTitleNamesNotTwice reads a title only where it is shown on its own:
// a plain-text headline is the lead's heading, and a title derived from
// the lead is the lead's text.
func TestTitleNamesNotTwice(t *testing.T) {
	for _, text := range []string{
		"Angela Merkel Arrives In Nairobi\n\nThe talks lasted most of the afternoon and ended without a statement.\n",
		"Angela Merkel arrived in Nairobi on Monday. The talks lasted most of the afternoon.\n",
	} {
		a, err := ParseText("x.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		Recognize([]*model.Article{a})
		if len(a.Entities) == 0 {
			t.Fatalf("%q: no names", text)
		}
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if m.Paragraph == model.TitleParagraph {
					t.Errorf("%q (title %q, shown %v): a title mention %+v", text, a.Title, a.ShowsTitle(), m)
				}
			}
		}
	}
}

// TestTitleNeedsConfirmation applies a heading's rule to the title: a
// single unlisted word is kept only when the body uses it.
func TestTitleNeedsConfirmation(t *testing.T) {
	for _, tc := range []struct {
		body string
		want bool
	}{
		{"The talks lasted most of the afternoon and ended without a statement.", false},
		{"Mr Okonjo said the talks lasted most of the afternoon. Okonjo left at six.", true},
	} {
		a, err := ParseMarkdown("x.md", []byte("# Okonjo speaks\n\n"+tc.body+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		Recognize([]*model.Article{a})
		got := false
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				got = got || m.Paragraph == model.TitleParagraph && m.Text == "Okonjo"
			}
		}
		if got != tc.want {
			t.Errorf("body %q: title's Okonjo kept %v, want %v (%+v)", tc.body, got, tc.want, a.Entities)
		}
	}
}
