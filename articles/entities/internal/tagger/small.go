package tagger

import (
	"sync/atomic"

	"github.com/byline/byline/articles/entities/gazetteer"
)

// Beside the word, a token's features are of two kinds that tagging need
// not look up one by one either. Some take few values: a gazetteer bit and
// the token's case, sentence class or frequency band, a document bit, the
// neighbours' frequency bands, the first pass's tags. Their weights are
// laid out once per tagger in small arrays indexed by those values (a few
// hundred lookups, some tens of microseconds). Others pair such a value
// with the token's short shape ("Xx", "d.d"), of which text has few: they
// are kept per shape, in a cache of shapes beside the word cache. What is
// left to look up is the features of two words or shapes side by side.

// rows is the weights of a feature, both models; row9 the second model's.
type (
	rows [2 * NumTags]int16
	row9 [NumTags]int16
)

// maxFreq is the largest frequency code (freqCode): band 4, capitalised.
const maxFreq = 4 + 8

// small holds the weights of the features whose values are few.
type small struct {
	freqM1, freqP1 [18][2]rows           // tFreqM1, tFreqP1 by (code, or 16 | 17 at the sentence's ends) and capBit
	freqCap        [maxFreq + 1][16]rows // tFreqCap by code and capBit | first<<1 | class<<2
	gaz            [4 * gazetteer.NumLists]rows
	gazCap         [4 * gazetteer.NumLists][8]rows           // tGazCap by bit and capBit | class<<1
	gazFreq        [4 * gazetteer.NumLists][maxFreq + 1]rows // tGazFreq by bit and code
	gazM1, gazP1   [4 * gazetteer.NumLists]rows
	doc            [numDocBits]rows
	docFirst       [numDocBits][2]rows
	// The second pass's, by tag (NumTags: beyond the sentence).
	priorOwn         [NumTags]row9
	priorM1, priorP1 [NumTags + 1][NumTags]row9 // by the neighbour's tag, then the token's
	priorMaj         [NumTags][2]row9           // by majority tag and capBit
	priorDoc         [NumTags]row9
}

// newSmall looks up the weights of the small features in j.
func newSmall(j *joint) *small {
	t := &small{}
	for q := range t.freqM1 {
		for c := range 2 {
			t.freqM1[q][c] = j.weights(key2(tFreqM1, uint64(q), uint64(c)))
			t.freqP1[q][c] = j.weights(key2(tFreqP1, uint64(q), uint64(c)))
		}
	}
	for q := range t.freqCap {
		for v := range t.freqCap[q] {
			t.freqCap[q][v] = j.weights(key2(tFreqCap, uint64(q), uint64(v)))
		}
	}
	for b := range t.gaz {
		t.gaz[b] = j.weights(key(tGaz, uint64(b)))
		for c := range 2 {
			for class := range 4 {
				t.gazCap[b][c|class<<1] = j.weights(key2(tGazCap, uint64(b), uint64(c)|uint64(class)<<4))
			}
		}
		for q := range t.gazFreq[b] {
			t.gazFreq[b][q] = j.weights(key2(tGazFreq, uint64(b), uint64(q)))
		}
		t.gazM1[b] = j.weights(key(tGazM1, uint64(b)))
		t.gazP1[b] = j.weights(key(tGazP1, uint64(b)))
	}
	for b := range t.doc {
		t.doc[b] = j.weights(key(tDoc, uint64(b)))
		for first := range 2 {
			t.docFirst[b][first] = j.weights(key2(tDocFirst, uint64(b), uint64(first)))
		}
	}
	for p := range Tag(NumTags) {
		t.priorOwn[p] = j.second(key(tPriorOwn, uint64(p)))
		t.priorDoc[p] = j.second(key(tPriorDoc, uint64(p)))
		for c := range 2 {
			t.priorMaj[p][c] = j.second(key2(tPriorMaj, uint64(p), uint64(c)))
		}
		for n := range NumTags + 1 {
			t.priorM1[n][p] = j.second(key2(tPriorM1, uint64(n), uint64(p)))
			t.priorP1[n][p] = j.second(key2(tPriorP1, uint64(n), uint64(p)))
		}
	}
	return t
}

// second returns the second model's weights of feature f.
func (j *joint) second(f uint32) row9 {
	w := j.weights(f)
	return row9(w[NumTags:])
}

// shapeEntry holds the weights of the features that pair a short shape
// with a value of few.
type shapeEntry struct {
	short    uint64
	sent     [4]rows // tSentShort by sentence class
	first    rows    // tFirstShort
	titleM1  rows    // tTitleM1
	titleM2  rows    // tTitleM2
	doc      [numDocBits]rows
	priorOwn [NumTags]row9 // tPriorOwnShort by the token's first-pass tag
	priorDoc [NumTags]row9 // tPriorDocShort by a tag of other occurrences
}

// shapeSlots is the size of the shape cache: text has a few hundred
// short shapes, most of them rare.
const shapeSlots = 1 << 12

// shapeOf returns the entry of short shape short, making it if the shape
// cache does not hold it.
func (f *fast) shapeOf(short uint64) *shapeEntry {
	s := &f.shapes[gazetteer.Mix(short)&(shapeSlots-1)]
	if e := s.Load(); e != nil && e.short == short {
		return e
	}
	j := f.j
	e := &shapeEntry{short: short}
	for c := range e.sent {
		e.sent[c] = j.weights(key2(tSentShort, uint64(c), short))
	}
	e.first = j.weights(key(tFirstShort, short))
	e.titleM1 = j.weights(key(tTitleM1, short))
	e.titleM2 = j.weights(key(tTitleM2, short))
	for b := range e.doc {
		e.doc[b] = j.weights(key2(tDocShort, uint64(b), short))
	}
	for p := range e.priorOwn {
		e.priorOwn[p] = j.second(key2(tPriorOwnShort, uint64(p), short))
		e.priorDoc[p] = j.second(key2(tPriorDocShort, uint64(p), short))
	}
	s.Store(e)
	return e
}

// add adds r to acc.
func (r *rows) add(acc *[2 * NumTags]int32) {
	for k := range acc {
		acc[k] += int32(r[k])
	}
}

// sub subtracts r from acc.
func (r *rows) sub(acc *[2 * NumTags]int32) {
	for k := range acc {
		acc[k] -= int32(r[k])
	}
}

// add adds r to acc.
func (r *row9) add(acc *[NumTags]int32) {
	for k := range acc {
		acc[k] += int32(r[k])
	}
}

// shapeCache is the fixed array of the shape cache.
type shapeCache = [shapeSlots]atomic.Pointer[shapeEntry]
