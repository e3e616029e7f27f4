package entities

import (
	"cmp"
	"slices"
	"strings"

	"github.com/byline/byline/articles/entities/internal/tagger"
	"github.com/byline/byline/model"
)

// unit is one heading or paragraph (or the title shown above the lead),
// tokenised into sentences. paragraph is -1 for a heading and
// model.TitleParagraph for the title: both are headings to the rules.
type unit struct {
	section, paragraph int
	text               string
	sents              [][]token
}

// span is a tagged name: tokens [from, to) of sentence sent of unit u.
type span struct {
	u, sent, from, to int
	typ               tagger.Tag // BPer, BLoc, BOrg or BMisc
}

// sortSpans orders spans by unit, sentence and first token, keeping the
// order of equal ones.
func sortSpans(spans []span) {
	slices.SortStableFunc(spans, func(a, b span) int {
		if c := cmp.Compare(a.u, b.u); c != 0 {
			return c
		}
		if c := cmp.Compare(a.sent, b.sent); c != 0 {
			return c
		}
		return cmp.Compare(a.from, b.from)
	})
}

// doc is an article prepared for tagging.
type doc struct {
	units []unit
	// tokens in the tagger's document order, with where they came from.
	words [][]string
	where [][2]int // sentence index -> (unit, sentence in unit)
}

func (r *recognizer) prepare(a *model.Article) *doc {
	d := &doc{}
	add := func(si, pi int, text string) {
		if strings.TrimSpace(text) == "" {
			return
		}
		u := unit{section: si, paragraph: pi, text: text, sents: sentences(tokenize(text, r.g))}
		for k, s := range u.sents {
			words := make([]string, len(s))
			for i, t := range s {
				words[i] = t.text
			}
			d.words = append(d.words, words)
			d.where = append(d.where, [2]int{len(d.units), k})
		}
		d.units = append(d.units, u)
	}
	if a.ShowsTitle() {
		// A title drawn above the lead is read as a heading is; one that
		// is the lead's heading, or was derived from the lead, is not
		// read twice.
		add(0, model.TitleParagraph, a.Title)
	}
	for si, s := range a.Sections {
		add(si, -1, s.Heading)
		for pi, p := range s.Paragraphs {
			add(si, pi, p)
		}
	}
	return d
}

// maxWindow is the most words tagged as one document. Longer texts (a
// book pasted into one file) are tagged a window of whole sentences at a
// time: the document-level evidence of a news article is all in one
// window, and memory stays bounded whatever the length.
var maxWindow = 50000

// spans tags the document and returns every name span, all four types.
func (r *recognizer) spans(d *doc) []span {
	var tags [][]tagger.Tag
	for start := 0; start < len(d.words); {
		end, n := start, 0
		for end < len(d.words) && (end == start || n+len(d.words[end]) <= maxWindow) {
			n += len(d.words[end])
			end++
		}
		tags = append(tags, r.m.Tag(d.words[start:end])...)
		start = end
	}
	var out []span
	for k, ts := range tags {
		ui, si := d.where[k][0], d.where[k][1]
		for i := 0; i < len(ts); {
			if ts[i] == tagger.O {
				i++
				continue
			}
			typ := ts[i].Type()
			j := tagger.SpanEnd(ts, i)
			out = append(out, span{u: ui, sent: si, from: i, to: j, typ: typ})
			i = j
		}
	}
	return out
}

// recognize tags the article and groups the people and places found.
func (r *recognizer) recognize(a *model.Article) []model.Entity {
	d := r.prepare(a)
	if len(d.words) == 0 {
		return nil
	}
	return group(d, r.spans(d), r.g)
}

// text returns the text of s as written.
func (d *doc) text(s span) string {
	u := &d.units[s.u]
	toks := u.sents[s.sent]
	return u.text[toks[s.from].start:toks[s.to-1].end]
}

// words returns the words of s.
func (d *doc) wordsOf(s span) []string {
	toks := d.units[s.u].sents[s.sent][s.from:s.to]
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	return out
}

// mention converts s to a model.Mention.
func (d *doc) mention(s span) model.Mention {
	u := &d.units[s.u]
	toks := u.sents[s.sent]
	start, end := toks[s.from].start, toks[s.to-1].end
	return model.Mention{Section: u.section, Paragraph: u.paragraph, Start: start, End: end, Text: u.text[start:end]}
}
