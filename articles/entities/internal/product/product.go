// Package product measures the recogniser through the whole product: each
// annotated document is written as a plain-text news file, read by the
// plain-text parser, recognised and exported as `byline export` does, and
// the exported mentions are scored against the gold tags.
//
// It is separate from package corpus so that the recogniser's own tests
// can use corpus without importing package articles.
package product

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/entities/internal/corpus"
)

// exported is the part of `byline export`'s JSON that scoring reads.
type exported struct {
	Sections []struct {
		Heading    string   `json:"heading"`
		Paragraphs []string `json:"paragraphs"`
	} `json:"sections"`
	Entities []struct {
		Type     string `json:"type"`
		Mentions []struct {
			Section   int `json:"section"`
			Paragraph int `json:"paragraph"`
			Start     int `json:"start"`
			End       int `json:"end"`
		} `json:"mentions"`
	} `json:"entities"`
}

// Evaluate runs every document through the product and scores it.
func Evaluate(docs []corpus.Document) (*corpus.Product, error) {
	p := corpus.NewProduct()
	for i, d := range docs {
		units, err := Units(fmt.Sprintf("doc%04d.txt", i), corpus.Plain(d))
		if err != nil {
			return nil, err
		}
		p.Add(d, units)
	}
	return p, nil
}

// Units parses text as a plain-text article named source, recognises it,
// exports it as JSON and returns its headings and paragraphs in reading
// order with the mentions reported in each.
func Units(source string, text []byte) ([]corpus.Unit, error) {
	as, err := articles.Parse(source, text)
	if err != nil {
		return nil, err
	}
	articles.Recognize(as)
	var units []corpus.Unit
	for _, a := range as {
		var buf bytes.Buffer
		if err := articles.WriteJSON(&buf, a); err != nil {
			return nil, err
		}
		var e exported
		if err := json.Unmarshal(buf.Bytes(), &e); err != nil {
			return nil, err
		}
		index := map[[2]int]int{}
		for si, s := range e.Sections {
			if s.Heading != "" {
				index[[2]int{si, -1}] = len(units)
				units = append(units, corpus.Unit{Text: s.Heading})
			}
			for pi, t := range s.Paragraphs {
				index[[2]int{si, pi}] = len(units)
				units = append(units, corpus.Unit{Text: t})
			}
		}
		for _, ent := range e.Entities {
			typ := "LOC"
			if ent.Type == "person" {
				typ = "PER"
			}
			for _, m := range ent.Mentions {
				k, ok := index[[2]int{m.Section, m.Paragraph}]
				if !ok {
					continue
				}
				units[k].Mentions = append(units[k].Mentions, corpus.Mention{Start: m.Start, End: m.End, Type: typ})
			}
		}
	}
	return units, nil
}
