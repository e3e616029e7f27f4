// Package entities recognises the people and places named in an article.
//
// Recognition is a statistical sequence tagger (an averaged perceptron over
// BIO tags with Viterbi decoding, gazetteer and document-level features)
// trained by ./train on CoNLL-2003 and measured by ./eval, whose output a
// few rules then correct for web text (facilities such as streets, parks
// and restaurants are places; "Del Frisco's" is one name; "Baltimore, MD"
// is two places; lower-case words in capitalised text are not places;
// outside sports reports, a city of 100,000 people or more is a place,
// not its team).
// Its weights and gazetteers are embedded in the binary, laid out at build
// time as the tables tagging reads, in place: loading them is a fraction
// of a millisecond.
// The tagger knows four types (PER, LOC, ORG, MISC); only people and
// places are reported.
package entities

import (
	_ "embed"
	"sync"

	"github.com/byline/byline/articles/entities/gazetteer"
	"github.com/byline/byline/articles/entities/internal/tagger"
	"github.com/byline/byline/model"
)

// weights is written by `go run ./articles/entities/train`: the feature
// table that tagging reads in place (internal/tagger/codec.go).
//
//go:embed weights.bin
var weights []byte

// recognizer is the loaded tagger and the gazetteer it was trained with.
type recognizer struct {
	m *tagger.Tagger
	g *gazetteer.Gazetteer
}

// load returns the recogniser, reading the embedded weights and
// gazetteers on the first call only.
var load = sync.OnceValues(newRecognizer)

// newRecognizer reads the embedded weights and gazetteers.
func newRecognizer() (*recognizer, error) {
	g, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	m, err := tagger.Read(weights, tagger.NewExtractor(g))
	if err != nil {
		return nil, err
	}
	return &recognizer{m: m, g: g}, nil
}

// Recognize fills a.Entities with the people and places mentioned in a's
// title (when it is shown above the lead: model.Article.ShowsTitle; its
// mentions have Paragraph model.TitleParagraph), headings and paragraphs,
// replacing what was there, in order of first mention. Each entity has a
// canonical name (the fullest form used: "Lloyd Austin" for "Austin") and
// every mention with its exact byte span. Honorifics ("Mr", "Secretary")
// are not part of a span, nationalities and organisations are not
// reported, and a heading or the title keeps its listed places and its
// people of two words or more; a single unlisted word there needs the
// paragraphs' confirmation.
//
// Recognize is safe for concurrent use on different articles. The first
// call reads the embedded model (well under a millisecond).
func Recognize(a *model.Article) {
	a.Entities = nil
	r, err := load()
	if err != nil {
		// The weights are embedded at build time; a corrupt file is a
		// build error that the package tests catch.
		return
	}
	a.Entities = r.recognize(a)
}
