// Package entities recognises the people and places named in an article.
package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline/byline/model"
)

// Recognize fills a.Entities with the people and places mentioned in a's
// headings and paragraphs, replacing what was there.
//
// This is the simple placeholder recogniser: capitalised multi-word names are
// people, a short list of well-known places are places.
func Recognize(a *model.Article) {
	a.Entities = nil
	index := map[string]int{}
	add := func(name string, t model.EntityType, m model.Mention) {
		i, ok := index[name]
		if !ok {
			i = len(a.Entities)
			index[name] = i
			a.Entities = append(a.Entities, model.Entity{Name: name, Type: t})
		}
		a.Entities[i].Mentions = append(a.Entities[i].Mentions, m)
	}
	for si, s := range a.Sections {
		for pi, p := range s.Paragraphs {
			for _, w := range capitalRuns(p) {
				m := model.Mention{Section: si, Paragraph: pi, Start: w[0], End: w[1], Text: p[w[0]:w[1]]}
				if places[m.Text] {
					add(m.Text, model.Place, m)
				} else if strings.Count(m.Text, " ") == 1 {
					add(m.Text, model.Person, m)
				}
			}
		}
	}
}

var places = map[string]bool{"Gaza": true, "Rafah": true, "Washington": true, "Israel": true, "US": true, "Pentagon": false}

// capitalRuns returns byte ranges of runs of capitalised words.
func capitalRuns(p string) [][2]int {
	var out [][2]int
	start, end := -1, -1
	i := 0
	for i < len(p) {
		r, w := utf8.DecodeRuneInString(p[i:])
		if unicode.IsLetter(r) {
			j := i
			for j < len(p) {
				r2, w2 := utf8.DecodeRuneInString(p[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += w2
			}
			if unicode.IsUpper(r) {
				if start < 0 || p[end:i] != " " {
					if start >= 0 {
						out = append(out, [2]int{start, end})
					}
					start = i
				}
				end = j
			} else if start >= 0 {
				out = append(out, [2]int{start, end})
				start = -1
			}
			i = j
			continue
		}
		i += w
	}
	if start >= 0 {
		out = append(out, [2]int{start, end})
	}
	return out
}
