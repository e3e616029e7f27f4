package library

import (
	"testing"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/model"
)

func TestCodecRoundTrip(t *testing.T) {
	enc := newEncoder()
	for i := range 20 {
		a, err := articles.ParseText("x.txt", articlestest.CorpusArticle(7, i))
		if err != nil {
			t.Fatal(err)
		}
		dictRecognize(a)
		a.Entities = append(a.Entities, model.Entity{Name: "Heading Person", Type: model.Person,
			Mentions: []model.Mention{{Section: 1, Paragraph: -1, Start: 0, End: len(a.Sections[1].Heading), Text: a.Sections[1].Heading}}})
		var got model.Article
		got.Title, got.Date, got.Format = a.Title, a.Date, a.Format
		if err := decodeBody(enc.encode(a), &got); err != nil {
			t.Fatal(err)
		}
		if !equalArticles(&got, a) {
			t.Fatalf("article %d changed in the round trip", i)
		}
	}
}

func TestCodecRejectsDamage(t *testing.T) {
	a, _ := articles.ParseText("x.txt", articlestest.CorpusArticle(7, 1))
	body := append([]byte(nil), newEncoder().encode(a)...)
	for _, bad := range [][]byte{nil, {9}, body[:len(body)/2], append([]byte{codecFlate}, 0xff, 0xff, 0xff)} {
		var got model.Article
		if err := decodeBody(bad, &got); err == nil {
			t.Errorf("damaged body %x decoded", bad[:min(len(bad), 8)])
		}
	}
}
