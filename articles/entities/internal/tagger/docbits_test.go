package tagger

import "testing"

// docBitsByCount is docBits as it was written before it kept only whether
// each bit was seen once or twice: counts per word and bit.
func docBitsByCount(d *Doc) []uint16 {
	counts := make([][numDocBits]uint16, d.words)
	own := make([][]uint16, len(d.sents))
	for s, toks := range d.sents {
		own[s] = make([]uint16, len(toks))
		if d.class[s] != sentNormal {
			continue
		}
		for i := range toks {
			b := ownBits(toks, i)
			own[s][i] = b
			for k := 0; k < numDocBits; k++ {
				if b&(1<<k) != 0 {
					counts[toks[i].id][k]++
				}
			}
		}
	}
	var out []uint16
	for s, toks := range d.sents {
		for i := range toks {
			var bits uint16
			for k := 0; k < numDocBits; k++ {
				n := counts[toks[i].id][k]
				if own[s][i]&(1<<k) != 0 {
					n--
				}
				if n > 0 {
					bits |= 1 << k
				}
			}
			out = append(out, bits)
		}
	}
	return out
}

// TestDocBitsAsCounts checks the document bits of Prepare against
// docBitsByCount.
func TestDocBitsAsCounts(t *testing.T) {
	_, x := readTagger(t)
	docs := append(docsOf(cacheTexts), fixtureDocs(t)...)
	docs = append(docs, conllValid(t)...)
	set := 0
	for _, sents := range docs {
		d := x.Prepare(sents)
		want := docBitsByCount(d)
		k := 0
		for s := range d.sents {
			for i, tok := range d.sents[s] {
				if tok.doc != want[k] {
					t.Fatalf("%q word %d: doc bits %b, want %b", sents[s], i, tok.doc, want[k])
				}
				if tok.doc != 0 {
					set++
				}
				k++
			}
		}
	}
	if set == 0 {
		t.Fatal("no token has a document bit: the test checks nothing")
	}
}
