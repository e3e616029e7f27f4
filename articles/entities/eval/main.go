// Command eval measures the recogniser's weights: precision, recall and F1
// per type (PER, LOC) with exact span match on CoNLL-2003 test and on
// Universal NER English-EWT test, and the tagging speed. It prints two
// figures per set: "direct", the tagger on the corpus's sentences, and
// "product", each document written as a plain-text news file (one paragraph
// per sentence) and run through the parser, the recogniser (the embedded
// weights) and `byline export`, whose mentions are scored.
//
// Usage, from the repository root:
//
//	go run ./articles/entities/eval [-data ../shared/ner] [-weights articles/entities/weights.bin]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/byline/byline/articles/entities/gazetteer"
	"github.com/byline/byline/articles/entities/internal/corpus"
	"github.com/byline/byline/articles/entities/internal/product"
	"github.com/byline/byline/articles/entities/internal/tagger"
)

func main() {
	def, _ := corpus.FindDataDir(".")
	data := flag.String("data", def, "directory holding conll2003/ and uner-ewt/")
	weights := flag.String("weights", "articles/entities/weights.bin", "weights file to measure")
	all := flag.Bool("all", false, "also print ORG and MISC")
	dev := flag.Bool("dev", false, "measure on CoNLL valid and UNER dev instead of the test sets")
	errs := flag.String("errors", "", "write the sentences with wrong PER or LOC spans to this file")
	preds := flag.String("predictions", "", "write the tokens of both sets with gold and predicted tags to this file")
	diffs := flag.String("diffs", "", "write the sentences whose PER or LOC spans through the product differ from the direct or the gold ones to this file")
	webHalf := flag.Int("webhalf", -1, "with -dev, 0 or 1: measure UNER dev's documents of that parity only (those train -webhalf held out)")
	flag.Parse()
	if err := run(*data, *weights, *all, *dev, *errs, *preds, *diffs, *webHalf); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

func run(data, weights string, all, dev bool, errs, preds, diffs string, webHalf int) error {
	raw, err := os.ReadFile(weights)
	if err != nil {
		return err
	}
	start := time.Now()
	g, err := gazetteer.Load()
	if err != nil {
		return err
	}
	m, err := tagger.Read(raw, tagger.NewExtractor(g))
	if err != nil {
		return err
	}
	fmt.Printf("weights: %s, %d bytes, %d features, loaded with gazetteers in %s\n",
		weights, len(raw), m.Features(), time.Since(start).Round(time.Millisecond))
	conllFile, unerFile, suffix := "test.txt", "test.iob2", "test"
	if dev {
		conllFile, unerFile, suffix = "valid.txt", "dev.iob2", "dev"
	}
	conll, err := corpus.ReadCoNLLFile(filepath.Join(data, "conll2003", conllFile))
	if err != nil {
		return err
	}
	uner, err := corpus.ReadUNERFile(filepath.Join(data, "uner-ewt", unerFile))
	if err != nil {
		return err
	}
	unerSuffix := suffix
	if webHalf >= 0 {
		if !dev {
			return fmt.Errorf("-webhalf splits UNER dev: give -dev too")
		}
		var half []corpus.Document
		for i, d := range uner {
			if i%2 == webHalf {
				half = append(half, d)
			}
		}
		uner, unerSuffix = half, fmt.Sprintf("dev%d", webHalf)
	}
	var diffOut *os.File
	if diffs != "" {
		if diffOut, err = os.Create(diffs); err != nil {
			return err
		}
		defer diffOut.Close()
	}
	types := []string{"PER", "LOC"}
	if all {
		types = append(types, "ORG", "MISC")
	}
	for _, set := range []struct {
		name string
		docs []corpus.Document
	}{{"conll-" + suffix, conll}, {"uner-" + unerSuffix, uner}} {
		start := time.Now()
		s := corpus.Evaluate(set.docs, m.TagStrings)
		el := time.Since(start)
		s.Print(os.Stdout, set.name+" direct", types...)
		fmt.Printf("%-10s %d tokens in %s: %.0f tokens/s\n", set.name, corpus.Tokens(set.docs),
			el.Round(time.Millisecond), float64(corpus.Tokens(set.docs))/el.Seconds())
		p, err := product.Evaluate(set.docs)
		if err != nil {
			return err
		}
		p.Score.Print(os.Stdout, set.name+" product", types...)
		fmt.Printf("%-10s %d documents, %d sentences, %d not found in the product's output\n",
			set.name, len(set.docs), p.Sentences, p.Unaligned)
		if diffOut != nil {
			writeDiffs(diffOut, set.docs, m.TagStrings, p.Pred)
			for _, m := range p.Missing {
				fmt.Fprintf(diffOut, "not in the product's output: %s\n", m)
			}
		}
	}
	if preds != "" {
		f, err := os.Create(preds)
		if err != nil {
			return err
		}
		defer f.Close()
		for _, set := range []struct {
			name string
			docs []corpus.Document
		}{{"conll-" + suffix, conll}, {"uner-" + unerSuffix, uner}} {
			for _, d := range set.docs {
				words := make([][]string, len(d))
				for i, s := range d {
					words[i] = s.Words
				}
				tags := m.TagStrings(words)
				fmt.Fprintln(f, "#doc", set.name)
				for i, s := range d {
					for j, w := range s.Words {
						fmt.Fprintf(f, "%s\t%s\t%s\n", w, s.Tags[j], tags[i][j])
					}
					fmt.Fprintln(f)
				}
			}
		}
	}
	if errs != "" {
		f, err := os.Create(errs)
		if err != nil {
			return err
		}
		defer f.Close()
		corpus.WriteErrors(f, conll, m.TagStrings, "PER", "LOC")
		corpus.WriteErrors(f, uner, m.TagStrings, "PER", "LOC")
	}
	return nil
}

// writeDiffs writes each sentence whose PER or LOC spans through the
// product differ from the direct tagging's or from the gold ones.
func writeDiffs(w io.Writer, docs []corpus.Document, tag func([][]string) [][]string, pred [][]string) {
	render := func(words, tags []string) string {
		var b strings.Builder
		for _, sp := range corpus.Spans(tags) {
			if sp.Type == "PER" || sp.Type == "LOC" {
				fmt.Fprintf(&b, " [%s %s]", sp.Type, strings.Join(words[sp.Start:sp.End], " "))
			}
		}
		return b.String()
	}
	k := 0
	for di, d := range docs {
		words := make([][]string, len(d))
		for i, s := range d {
			words[i] = s.Words
		}
		direct := tag(words)
		for i, s := range d {
			a, b := render(s.Words, direct[i]), render(s.Words, pred[k])
			if a != b || b != render(s.Words, s.Tags) {
				fmt.Fprintf(w, "doc %d sent %d: %s\n  gold:   %s\n  direct: %s\n  product:%s\n", di, i,
					strings.Join(s.Words, " "), render(s.Words, s.Tags), a, b)
			}
			k++
		}
	}
}
