package corpus

import (
	"fmt"
	"io"
	"strings"
)

// Span is one entity mention in a sentence: tokens [Start, End) of Type.
type Span struct {
	Start, End int
	Type       string
}

// Spans returns the entity spans of a BIO/IOB2 tag sequence. An I- tag that
// does not continue a span of its type starts a new one, as conlleval does.
func Spans(tags []string) []Span {
	var out []Span
	open := -1
	typ := ""
	closeSpan := func(end int) {
		if open >= 0 {
			out = append(out, Span{open, end, typ})
			open = -1
		}
	}
	for i, t := range tags {
		switch {
		case strings.HasPrefix(t, "B-"):
			closeSpan(i)
			open, typ = i, t[2:]
		case strings.HasPrefix(t, "I-"):
			if open < 0 || typ != t[2:] {
				closeSpan(i)
				open, typ = i, t[2:]
			}
		default:
			closeSpan(i)
		}
	}
	closeSpan(len(tags))
	return out
}

// Count holds true positives, false positives and false negatives.
type Count struct{ TP, FP, FN int }

// Precision returns TP/(TP+FP), or 0.
func (c Count) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP/(TP+FN), or 0.
func (c Count) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall, or 0.
func (c Count) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score compares predicted with gold spans by exact match, per type.
type Score map[string]*Count

// Add scores one sentence's gold and predicted tag sequences.
func (s Score) Add(gold, pred []string) {
	g := map[Span]bool{}
	for _, sp := range Spans(gold) {
		g[sp] = true
	}
	p := map[Span]bool{}
	for _, sp := range Spans(pred) {
		p[sp] = true
	}
	for sp := range p {
		c := s.get(sp.Type)
		if g[sp] {
			c.TP++
		} else {
			c.FP++
		}
	}
	for sp := range g {
		if !p[sp] {
			s.get(sp.Type).FN++
		}
	}
}

func (s Score) get(t string) *Count {
	c, ok := s[t]
	if !ok {
		c = &Count{}
		s[t] = c
	}
	return c
}

// F1 returns the F1 of type t (0 when absent).
func (s Score) F1(t string) float64 {
	if c, ok := s[t]; ok {
		return c.F1()
	}
	return 0
}

// Print writes one line per type in types: precision, recall, F1 and counts.
func (s Score) Print(w io.Writer, name string, types ...string) {
	for _, t := range types {
		c := s.get(t)
		fmt.Fprintf(w, "%-18s %-4s P %.4f  R %.4f  F1 %.4f  (tp %d fp %d fn %d)\n",
			name, t, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
}

// Evaluate tags every document with tag, which returns one tag string per
// word, and scores the result against the gold tags.
func Evaluate(docs []Document, tag func(words [][]string) [][]string) Score {
	s := Score{}
	for _, d := range docs {
		words := make([][]string, len(d))
		for i, sent := range d {
			words[i] = sent.Words
		}
		pred := tag(words)
		for i, sent := range d {
			s.Add(sent.Tags, pred[i])
		}
	}
	return s
}

// WriteErrors writes each sentence whose spans of the given types differ
// from the gold ones, with gold and predicted spans, for error analysis.
func WriteErrors(w io.Writer, docs []Document, tag func(words [][]string) [][]string, types ...string) {
	want := map[string]bool{}
	for _, t := range types {
		want[t] = true
	}
	render := func(words []string, spans []Span) string {
		var b strings.Builder
		for _, sp := range spans {
			if want[sp.Type] {
				fmt.Fprintf(&b, " [%s %s]", sp.Type, strings.Join(words[sp.Start:sp.End], " "))
			}
		}
		return b.String()
	}
	for _, d := range docs {
		words := make([][]string, len(d))
		for i, s := range d {
			words[i] = s.Words
		}
		pred := tag(words)
		for i, s := range d {
			g, p := render(s.Words, Spans(s.Tags)), render(s.Words, Spans(pred[i]))
			if g != p {
				fmt.Fprintf(w, "%s\n  gold:%s\n  pred:%s\n", strings.Join(s.Words, " "), g, p)
			}
		}
	}
}
