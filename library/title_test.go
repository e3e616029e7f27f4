package library

import (
	"context"
	"testing"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/model"
)

// TestTitleMentionsStored imports a Markdown file, an HTML page and a feed
// whose titles name a person and a place and reads each back with the
// same mentions, its title's among them; the library's people and places
// count them.
func TestTitleMentionsStored(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	dir := t.TempDir()
	want := map[string]*model.Article{}
	for _, src := range articlestest.TitledSources() {
		path := writeFile(t, dir, src.Name, string(src.Data))
		as, err := articles.Parse(path, src.Data)
		if err != nil {
			t.Fatal(err)
		}
		articles.Recognize(as)
		want[src.Name] = as[0]
	}
	res, err := l.Import(ctx, []string{dir}, ImportOptions{Recognize: entities.Recognize})
	if err != nil || res.Articles != 3 {
		t.Fatalf("import: %+v %v", res, err)
	}
	entries, err := l.List(ctx, 0, 10)
	if err != nil || len(entries) != 3 {
		t.Fatalf("list: %d entries, %v", len(entries), err)
	}
	for _, e := range entries {
		a, _, err := l.Article(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, ent := range a.Entities {
			for _, m := range ent.Mentions {
				if m.Paragraph == model.TitleParagraph && a.Title[m.Start:m.End] == m.Text {
					n++
				}
			}
		}
		if n != 2 {
			t.Errorf("%s: %d title mentions read back, want 2: %+v", a.Source, n, a.Entities)
		}
		for name, w := range want {
			if a.Title == w.Title && len(a.Sections) == len(w.Sections) && a.Source[len(a.Source)-len(name):] == name {
				if !equalArticles(a, w) {
					t.Errorf("%s: entities %+v, stored %+v", name, w.Entities, a.Entities)
				}
			}
		}
	}
	for _, typ := range []model.EntityType{model.Person, model.Place} {
		counts, err := l.Entities(ctx, typ, 0)
		if err != nil || len(counts) != 1 || counts[0].Articles != 3 {
			t.Errorf("%v counts %+v, %v; want one named in 3 articles", typ, counts, err)
		}
	}
}

// TestCodecTitleMentions round-trips title mentions, stores an article
// without any in the layout of old bodies, and drops a title mention
// that does not fit the title it is read with.
func TestCodecTitleMentions(t *testing.T) {
	a := &model.Article{Title: "Angela Merkel in Nairobi", Sections: []model.Section{{Paragraphs: []string{"Merkel spoke."}}}}
	a.Entities = []model.Entity{
		{Name: "Angela Merkel", Type: model.Person, Mentions: []model.Mention{
			{Section: 0, Paragraph: model.TitleParagraph, Start: 0, End: 13, Text: "Angela Merkel"},
			{Section: 0, Paragraph: 0, Start: 0, End: 6, Text: "Merkel"}}},
		{Name: "Nairobi", Type: model.Place, Mentions: []model.Mention{
			{Section: 0, Paragraph: model.TitleParagraph, Start: 17, End: 24, Text: "Nairobi"}}},
	}
	enc := newEncoder()
	body := append([]byte(nil), enc.encode(a)...)
	got := model.Article{Title: a.Title}
	if err := decodeBody(body, &got); err != nil || !equalArticles(&got, a) {
		t.Fatalf("round trip: %v, %+v", err, got.Entities)
	}
	// Without title mentions the body is what it was before they were kept.
	old := *a
	old.Entities = []model.Entity{{Name: "Angela Merkel", Type: model.Person, Mentions: a.Entities[0].Mentions[1:]}}
	withTitle := append([]byte(nil), enc.encode(a)...)
	plain := append([]byte(nil), enc.encode(&old)...)
	if len(plain) >= len(withTitle) {
		t.Errorf("a body without title mentions is not shorter: %d >= %d", len(plain), len(withTitle))
	}
	got = model.Article{Title: old.Title}
	if err := decodeBody(plain, &got); err != nil || !equalArticles(&got, &old) {
		t.Errorf("a body without title mentions: %v, %+v", err, got.Entities)
	}
	// A summary is read without its title: the title's names are not there.
	got = model.Article{}
	if err := decodeBody(body, &got); err != nil || len(got.Entities) != 1 || len(got.Entities[0].Mentions) != 1 {
		t.Errorf("read without the title: %v, %+v", err, got.Entities)
	}
}
