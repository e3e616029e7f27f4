package main

import (
	"math/rand"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline/byline/articles/entities/internal/tagger"
)

// augment adds case-changed copies of some training documents, so that the
// tagger learns to find names in text written without capitals (web text,
// chat), all in capitals or in title case (headlines, headings), where the
// word's shape says little.
type augment struct {
	lower, upper, title float64
	seed                int64
}

// apply returns docs followed by the copies, and for each result the index
// of the document it was made from.
func (a augment) apply(docs []tagger.TrainDoc) ([]tagger.TrainDoc, []int) {
	rng := rand.New(rand.NewSource(a.seed + 7))
	out := append([]tagger.TrainDoc(nil), docs...)
	origin := make([]int, len(docs))
	for i := range docs {
		origin[i] = i
	}
	for i, d := range docs {
		p := rng.Float64()
		switch {
		case p < a.lower:
			out = append(out, mapWords(d, strings.ToLower))
			origin = append(origin, i)
		case p < a.lower+a.upper:
			out = append(out, mapWords(d, strings.ToUpper))
			origin = append(origin, i)
		case p < a.lower+a.upper+a.title:
			out = append(out, mapWords(d, titleCase))
			origin = append(origin, i)
		}
	}
	return out, origin
}

// minor words stay in lower case in a title-case heading.
var minor = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true,
	"in": true, "on": true, "at": true, "to": true, "for": true, "by": true, "with": true,
}

// titleCase writes w as in a title-case heading: "Urging for Precision".
func titleCase(w string) string {
	lw := strings.ToLower(w)
	if minor[lw] {
		return lw
	}
	r, n := utf8.DecodeRuneInString(lw)
	return string(unicode.ToUpper(r)) + lw[n:]
}

func mapWords(d tagger.TrainDoc, f func(string) string) tagger.TrainDoc {
	c := tagger.TrainDoc{Tags: d.Tags, Words: make([][]string, len(d.Words))}
	for i, s := range d.Words {
		c.Words[i] = make([]string, len(s))
		for j, w := range s {
			c.Words[i][j] = f(w)
		}
	}
	return c
}
