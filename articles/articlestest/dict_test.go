package articlestest

import (
	"reflect"
	"testing"

	"github.com/byline/byline/model"
)

func TestDictionary(t *testing.T) {
	a := &model.Article{
		Sections: []model.Section{
			{Paragraphs: []string{"Gaza and Rafah.", "Nothing here."}},
			{Heading: "Gaza Talks", Paragraphs: []string{"Lloyd Austin in Gaza, then Gaza again."}},
		},
		// What a recogniser found before is replaced, not added to.
		Entities: []model.Entity{{Name: "Stale", Type: model.Person}},
	}
	Dictionary(
		Name{Name: "Lloyd Austin", Type: model.Person},
		Name{Name: "Gaza", Type: model.Place},
		Name{Name: "Nowhere", Type: model.Place},
	)(a)
	want := []model.Entity{
		{Name: "Lloyd Austin", Type: model.Person, Mentions: []model.Mention{
			{Section: 1, Paragraph: 0, Start: 0, End: 12, Text: "Lloyd Austin"},
		}},
		{Name: "Gaza", Type: model.Place, Mentions: []model.Mention{
			{Section: 0, Paragraph: 0, Start: 0, End: 4, Text: "Gaza"},
			{Section: 1, Paragraph: 0, Start: 16, End: 20, Text: "Gaza"},
			{Section: 1, Paragraph: 0, Start: 27, End: 31, Text: "Gaza"},
		}},
	}
	if !reflect.DeepEqual(a.Entities, want) {
		t.Errorf("entities\n got %+v\nwant %+v", a.Entities, want)
	}
}
