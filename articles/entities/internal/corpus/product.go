package corpus

import (
	"strings"
)

// Plain renders a document as byline's plain-text format, the way a news
// file reaches the product: one paragraph per sentence, its words joined
// by single spaces, paragraphs separated by a blank line. The first
// sentence (the headline, in CoNLL-2003) is the first line.
func Plain(d Document) []byte {
	var b strings.Builder
	for i, s := range d {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.Join(s.Words, " "))
	}
	b.WriteByte('\n')
	return []byte(b.String())
}

// Mention is one name the product reported: a byte span of one heading's
// or paragraph's text and its type ("PER" or "LOC").
type Mention struct {
	Start, End int
	Type       string
}

// Unit is one heading or paragraph of the product's article, in reading
// order, with the names reported in it.
type Unit struct {
	Text     string
	Mentions []Mention
}

// Product holds the through-the-product counts: the scores, and the
// sentences the product's units could not be aligned with (dropped as
// debris or furniture, or rewritten), whose gold names count as missed.
type Product struct {
	Score     Score
	Sentences int
	Unaligned int
	// Pred holds the predicted tags of every sentence scored, in order,
	// for error analysis.
	Pred [][]string
	// Missing holds the text of the sentences not found in the output.
	Missing []string
}

// NewProduct returns empty through-the-product counts.
func NewProduct() *Product { return &Product{Score: Score{}} }

// Add aligns the units the product made of d, in reading order, with d's
// sentences (a unit is the sentence whose words, joined by spaces, are its
// text), turns each unit's mentions back into tags over the sentence's
// words and scores them against the gold tags. A mention that does not
// start and end on word boundaries still tags the words it overlaps, so it
// counts as wrong rather than vanishing.
func (p *Product) Add(d Document, units []Unit) {
	pred := make([][]string, len(d))
	next := 0
	for _, u := range units {
		for k := next; k < len(d); k++ {
			if strings.Join(d[k].Words, " ") == u.Text {
				pred[k] = tagsOf(d[k].Words, u.Mentions)
				next = k + 1
				break
			}
		}
	}
	for k, s := range d {
		p.Sentences++
		if pred[k] == nil {
			p.Unaligned++
			p.Missing = append(p.Missing, strings.Join(s.Words, " "))
			pred[k] = make([]string, len(s.Words))
			for i := range pred[k] {
				pred[k][i] = "O"
			}
		}
		p.Score.Add(s.Tags, pred[k])
		p.Pred = append(p.Pred, pred[k])
	}
}

// tagsOf converts byte-span mentions over words joined by spaces into BIO
// tags, one per word.
func tagsOf(words []string, ms []Mention) []string {
	tags := make([]string, len(words))
	for i := range tags {
		tags[i] = "O"
	}
	starts := make([]int, len(words))
	off := 0
	for i, w := range words {
		starts[i] = off
		off += len(w) + 1
	}
	for _, m := range ms {
		first := true
		for i, w := range words {
			if starts[i]+len(w) <= m.Start || starts[i] >= m.End {
				continue
			}
			if first {
				tags[i] = "B-" + m.Type
				first = false
			} else {
				tags[i] = "I-" + m.Type
			}
		}
	}
	return tags
}
