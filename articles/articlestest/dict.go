package articlestest

import (
	"strings"

	"github.com/byline/byline/model"
)

// Name is one entry of a Dictionary: a name and its type.
type Name struct {
	Name string
	Type model.EntityType
}

// Dictionary returns a deterministic recogniser for tests: it replaces
// a.Entities with every occurrence of the names in the paragraphs, as
// plain substrings, so that tests do not depend on the trained model.
func Dictionary(names ...Name) func(*model.Article) {
	return func(a *model.Article) {
		a.Entities = nil
		for _, n := range names {
			e := model.Entity{Name: n.Name, Type: n.Type}
			for si, s := range a.Sections {
				for pi, p := range s.Paragraphs {
					for off := 0; ; {
						i := strings.Index(p[off:], n.Name)
						if i < 0 {
							break
						}
						start := off + i
						off = start + len(n.Name)
						e.Mentions = append(e.Mentions, model.Mention{Section: si, Paragraph: pi, Start: start, End: off, Text: n.Name})
					}
				}
			}
			if len(e.Mentions) > 0 {
				a.Entities = append(a.Entities, e)
			}
		}
	}
}
