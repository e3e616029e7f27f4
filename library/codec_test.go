package library

import (
	"bytes"
	"compress/flate"
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

// TestCodecLinks keeps an article's links, the one not in the text too,
// and still decodes a body stored before links were kept.
func TestCodecLinks(t *testing.T) {
	a, err := articles.ParseText("x.txt", []byte("See https://a.example/x?a=1&b=2#f and www.b.example today.\n"))
	if err != nil {
		t.Fatal(err)
	}
	a.Links = append([]model.Link{{Text: "own", URL: "https://own.example/", Section: -1, Paragraph: -1}}, a.Links...)
	var got model.Article
	got.Title, got.Date, got.Format = a.Title, a.Date, a.Format
	if err := decodeBody(newEncoder().encode(a), &got); err != nil {
		t.Fatal(err)
	}
	if !equalArticles(&got, a) || len(got.Links) != 3 {
		t.Errorf("links %+v, want %+v", got.Links, a.Links)
	}
	// A body stored before links were kept: the same layout without
	// their count, the last byte of an article without links.
	old := *a
	old.Links = nil
	enc := newEncoder()
	enc.encode(&old)
	var body bytes.Buffer
	body.WriteByte(codecFlate)
	zw, _ := flate.NewWriter(&body, flate.BestSpeed)
	zw.Write(enc.raw[:len(enc.raw)-1])
	zw.Close()
	var raw model.Article
	if err := decodeBody(body.Bytes(), &raw); err != nil || raw.Links != nil || len(raw.Sections) != 1 {
		t.Errorf("a body without links: %v, %+v", err, raw.Links)
	}
	bad := *a
	bad.Links = []model.Link{{Text: "x", URL: "https://x.example/", Section: 0, Paragraph: 0, Start: 5, End: 500}}
	if err := decodeBody(newEncoder().encode(&bad), &got); err == nil {
		t.Error("a link past its paragraph decoded")
	}
}
