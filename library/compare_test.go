package library

import (
	"reflect"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

func readAndRecognise(path string) (*model.Article, error) {
	as, err := articles.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return as[0], nil
}

// equalArticles compares what the library stores of an article.
func equalArticles(a, b *model.Article) bool {
	if len(a.Entities) == 0 && len(b.Entities) == 0 {
		a.Entities, b.Entities = nil, nil
	}
	return a.Title == b.Title && a.Date.Equal(b.Date) && a.Byline == b.Byline && a.Format == b.Format &&
		reflect.DeepEqual(a.Sections, b.Sections) && reflect.DeepEqual(a.Entities, b.Entities) &&
		reflect.DeepEqual(a.Links, b.Links)
}
