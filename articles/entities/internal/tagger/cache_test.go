package tagger

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/byline/byline/articles/entities/gazetteer"
)

// cacheTexts are documents, one sentence a line, that exercise every way
// a token's features can differ from its word's entry: first words,
// headlines in capitals (with and without the spelling found elsewhere),
// title-case headings, datelines, titles, gazetteer names, repeats.
var cacheTexts = []string{
	"US Defense Secretary Lloyd Austin welcomed Israeli Defense Minister Yoav Gallant at the Pentagon .\nAustin said Gaza and Rafah were on the agenda .",
	"SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\nNadim Ladki\nAL-AIN , United Arab Emirates 1996-12-06\nJapan began the defence of their Asian Cup title with a lucky 2-1 win against Syria in a Group C championship match on Friday .\nBut China saw their luck desert them in the second match of the group .",
	"LONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four for 38 on Friday as Leicestershire beat Somerset .\nTHE WEST INDIAN SIDE WON IN LONDON",
	"we went to paris and then to new york with john\nGreat pizza at Britt 's on Main Street !\nThe Gulf of Mexico and Rio de Janeiro , said Mr. Smith of www.example.com .",
	"How To Visit The Old Town Of Prague In Winter\nPrague ’s old town is lovely in “ winter ” , says Jan Novák .\nÜBER ALLES : ÉCOLE NORMALE IN PARIS",
	"THE US AND UN TALKS ON “ PEACE ” IN ’ NAM\nThe US and the UN said “ peace ” was near , in ’ Nam .\nUS 1996-12-06",
	"",
}

// docsOf splits texts into documents of sentences of words.
func docsOf(texts []string) [][][]string {
	var docs [][][]string
	for _, text := range texts {
		var sents [][]string
		for _, line := range strings.Split(text, "\n") {
			sents = append(sents, strings.Fields(line))
		}
		docs = append(docs, sents)
	}
	return docs
}

// conllValid returns the documents of CoNLL-2003 valid (never test), if
// the annotated data is there.
func conllValid(t *testing.T) [][][]string {
	dir := os.Getenv("BYLINE_NER_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "..", "shared", "ner")
	}
	f, err := os.Open(filepath.Join(dir, "conll2003", "valid.txt"))
	if err != nil {
		t.Logf("CoNLL valid not found (%v): checking the texts only", err)
		return nil
	}
	defer f.Close()
	var docs [][][]string
	var doc [][]string
	var sent []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			if len(sent) > 0 {
				doc, sent = append(doc, sent), nil
			}
		case fields[0] == "-DOCSTART-":
			if len(doc) > 0 {
				docs, doc = append(docs, doc), nil
			}
		default:
			sent = append(sent, fields[0])
		}
	}
	if len(sent) > 0 {
		doc = append(doc, sent)
	}
	if len(doc) > 0 {
		docs = append(docs, doc)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

// fixtureDocs returns the parser's text fixtures, a line a sentence.
func fixtureDocs(t *testing.T) [][][]string {
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	var texts []string
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return docsOf(texts)
}

func readTagger(t *testing.T) (*Tagger, *Extractor) {
	raw, err := os.ReadFile("../../weights.bin")
	if err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(g)
	tg, err := Read(raw, x)
	if err != nil {
		t.Fatal(err)
	}
	return tg, x
}

// TestCacheMatchesFeatures checks that tagging from the word cache sees
// what Prepare and Features give: the same tokens, sentence classes and
// document bits, and for every token exactly the summed weights, both
// models, of the features Features lists; with the cache in use and with
// a cache of four entries that words keep evicting from each other.
func TestCacheMatchesFeatures(t *testing.T) {
	tg, x := readTagger(t)
	docs := append(docsOf(cacheTexts), fixtureDocs(t)...)
	docs = append(docs, conllValid(t)...)
	j := tg.jointTable()
	for _, size := range []int{cacheSlots, 8, ways} {
		f := newFast(tg, size)
		var buf []uint32
		bad := 0
		for _, sents := range docs {
			want := x.Prepare(sents)
			got, ents, owns := f.prepare(sents, new(work))
			shs := make([][]*shapeEntry, len(sents))
			for s := range shs {
				shs[s] = make([]*shapeEntry, len(sents[s]))
			}
			if !slices.Equal(got.class, want.class) || !slices.Equal(got.cased, want.cased) || got.words != want.words {
				t.Fatalf("%q: classes %v cased %v words %d, want %v %v %d", sents, got.class, got.cased, got.words, want.class, want.cased, want.words)
			}
			for s := range want.sents {
				for i := range want.sents[s] {
					if g, w := got.sents[s][i], want.sents[s][i]; g != w {
						t.Fatalf("%q word %d: token %+v, want %+v", sents[s], i, g, w)
					}
					var g, w [2 * NumTags]int32
					var pairs []uint32
					shs[s][i], buf, pairs = f.sums(got, ents, owns, s, i, buf, &g, nil)
					j.addBoth(pairs, &g)
					buf = want.Features(s, i, buf[:0])
					j.addBoth(buf, &w)
					if g != w && bad < 10 {
						bad++
						t.Errorf("cache of %d: %q word %d: sums %v, want %v", size, sents[s], i, g, w)
					}
				}
			}
			// The second pass's features, on tags that vary as much
			// as the tokens do.
			tags := make([][]Tag, len(sents))
			for s := range sents {
				tags[s] = make([]Tag, len(sents[s]))
				for i := range tags[s] {
					tags[s][i] = Tag(uint64(got.sents[s][i].lower)%(NumTags+3)) % NumTags
				}
			}
			got.SetPrior(tags)
			want.SetPrior(tags)
			for s := range want.sents {
				for i := range want.sents[s] {
					var g, w [NumTags]int32
					f.priorSums(got, s, i, shs[s][i], &g)
					buf = want.priorFeatures(s, i, buf[:0])
					j.add1(buf, NumTags, &w)
					if g != w && bad < 10 {
						bad++
						t.Errorf("cache of %d: %q word %d, tags %v: second-pass sums %v, want %v", size, sents[s], i, tags[s], g, w)
					}
				}
			}
		}
	}
}

// TestCacheTagsAsTwoPasses checks that Tagger.Tag, which tags from the
// word cache, gives the tags of tagging the prepared document with the
// joint table and the rules, also from goroutines sharing a small cache.
func TestCacheTagsAsTwoPasses(t *testing.T) {
	tg, x := readTagger(t)
	docs := append(docsOf(cacheTexts), fixtureDocs(t)...)
	want := make([][][]Tag, len(docs))
	for k, sents := range docs {
		d := x.Prepare(sents)
		d.strict = tg.Strict
		want[k] = tg.tagJoint(d)
		x.applyRules(d, want[k])
	}
	check := func(tg *Tagger) {
		for k, sents := range docs {
			got := tg.Tag(sents)
			for s := range got {
				if !slices.Equal(got[s], want[k][s]) {
					t.Errorf("%q: %v, want %v", sents[s], got[s], want[k][s])
				}
			}
		}
	}
	check(tg)
	tg.fast.once.Do(func() {}) // the cache is made: replace it
	tg.fast.f = newFast(tg, 8)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { check(tg) })
	}
	wg.Wait()
}

// priorsByScan is SetPrior's loop over every tag, as it was before it
// took the short way for the words whose occurrences all have one tag.
func priorsByScan(d *Doc, tags [][]Tag) (doc []uint16, maj []Tag) {
	counts := make([][NumTags]uint16, d.words)
	for s, toks := range d.sents {
		for i := range toks {
			counts[toks[i].id][tags[s][i]]++
		}
	}
	for s, toks := range d.sents {
		for i := range toks {
			own, c := tags[s][i], &counts[toks[i].id]
			var bits uint16
			m := O
			var byType [NumTags]uint16
			for k := Tag(0); k < NumTags; k++ {
				n := c[k]
				if k == own {
					n--
				}
				if n > 0 {
					bits |= 1 << k
					byType[k.Type()] += n
				}
			}
			best := uint16(0)
			for k := Tag(0); k < NumTags; k++ {
				if byType[k] > best {
					best, m = byType[k], k
				}
			}
			doc, maj = append(doc, bits), append(maj, m)
		}
	}
	return doc, maj
}

// TestSetPriorAsScan checks SetPrior against priorsByScan on tags that
// agree across a word's occurrences (as the first pass's mostly do) and
// on tags that do not.
func TestSetPriorAsScan(t *testing.T) {
	_, x := readTagger(t)
	docs := append(docsOf(cacheTexts), fixtureDocs(t)...)
	docs = append(docs, conllValid(t)...)
	for _, sents := range docs {
		d := x.Prepare(sents)
		for mode := range 2 {
			tags := make([][]Tag, len(sents))
			for s := range sents {
				tags[s] = make([]Tag, len(sents[s]))
				for i := range tags[s] {
					h := d.sents[s][i].lower
					if mode == 1 {
						h = h*31 + uint64(s*7+i)
					}
					tags[s][i] = Tag(h%(NumTags+4)) % NumTags
				}
			}
			d.SetPrior(tags)
			doc, maj := priorsByScan(d, tags)
			k := 0
			for s := range d.sents {
				for i, tok := range d.sents[s] {
					if tok.prior != tags[s][i] || tok.priorDoc != doc[k] || tok.priorMaj != maj[k] {
						t.Fatalf("%q word %d: prior %v doc %b maj %v, want %v %b %v", sents[s], i, tok.prior, tok.priorDoc, tok.priorMaj, tags[s][i], doc[k], maj[k])
					}
					k++
				}
			}
		}
	}
}
