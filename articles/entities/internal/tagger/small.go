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
	freqM1, freqP1 [18][2]lanes           // tFreqM1, tFreqP1 by (code, or 16 | 17 at the sentence's ends) and capBit
	freqCap        [maxFreq + 1][16]lanes // tFreqCap by code and capBit | first<<1 | class<<2
	gaz            [4 * gazetteer.NumLists]lanes
	gazCap         [4 * gazetteer.NumLists][8]lanes           // tGazCap by bit and capBit | class<<1
	gazFreq        [4 * gazetteer.NumLists][maxFreq + 1]lanes // tGazFreq by bit and code
	gazM1, gazP1   [4 * gazetteer.NumLists]lanes
	doc            [numDocBits]lanes
	docFirst       [numDocBits][2]lanes
	zero           lanes // the weights of a feature that is not there
	// The second pass's, by tag (NumTags: beyond the sentence).
	priorOwn         [NumTags]lanes9
	priorM1, priorP1 [NumTags + 1][NumTags]lanes9 // by the neighbour's tag, then the token's
	priorMaj         [NumTags][2]lanes9           // by majority tag and capBit
	priorDoc         [NumTags]lanes9
}

// newSmall looks up the weights of the small features in j.
func newSmall(j *joint) *small {
	t := &small{}
	for q := range t.freqM1 {
		for c := range 2 {
			t.freqM1[q][c] = j.weights(key2(tFreqM1, uint64(q), uint64(c))).lanes()
			t.freqP1[q][c] = j.weights(key2(tFreqP1, uint64(q), uint64(c))).lanes()
		}
	}
	for q := range t.freqCap {
		for v := range t.freqCap[q] {
			t.freqCap[q][v] = j.weights(key2(tFreqCap, uint64(q), uint64(v))).lanes()
		}
	}
	for b := range t.gaz {
		t.gaz[b] = j.weights(key(tGaz, uint64(b))).lanes()
		for c := range 2 {
			for class := range 4 {
				t.gazCap[b][c|class<<1] = j.weights(key2(tGazCap, uint64(b), uint64(c)|uint64(class)<<4)).lanes()
			}
		}
		for q := range t.gazFreq[b] {
			t.gazFreq[b][q] = j.weights(key2(tGazFreq, uint64(b), uint64(q))).lanes()
		}
		t.gazM1[b] = j.weights(key(tGazM1, uint64(b))).lanes()
		t.gazP1[b] = j.weights(key(tGazP1, uint64(b))).lanes()
	}
	for b := range t.doc {
		t.doc[b] = j.weights(key(tDoc, uint64(b))).lanes()
		for first := range 2 {
			t.docFirst[b][first] = j.weights(key2(tDocFirst, uint64(b), uint64(first))).lanes()
		}
	}
	for p := range Tag(NumTags) {
		t.priorOwn[p] = j.second(key(tPriorOwn, uint64(p))).lanes()
		t.priorDoc[p] = j.second(key(tPriorDoc, uint64(p))).lanes()
		for c := range 2 {
			t.priorMaj[p][c] = j.second(key2(tPriorMaj, uint64(p), uint64(c))).lanes()
		}
		for n := range NumTags + 1 {
			t.priorM1[n][p] = j.second(key2(tPriorM1, uint64(n), uint64(p))).lanes()
			t.priorP1[n][p] = j.second(key2(tPriorP1, uint64(n), uint64(p))).lanes()
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
	sent     [4]lanes // tSentShort by sentence class
	first    lanes    // tFirstShort
	titleM1  lanes    // tTitleM1
	titleM2  lanes    // tTitleM2
	doc      [numDocBits]lanes
	priorOwn [NumTags]lanes9 // tPriorOwnShort by the token's first-pass tag
	priorDoc [NumTags]lanes9 // tPriorDocShort by a tag of other occurrences
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
		e.sent[c] = j.weights(key2(tSentShort, uint64(c), short)).lanes()
	}
	e.first = j.weights(key(tFirstShort, short)).lanes()
	e.titleM1 = j.weights(key(tTitleM1, short)).lanes()
	e.titleM2 = j.weights(key(tTitleM2, short)).lanes()
	for b := range e.doc {
		e.doc[b] = j.weights(key2(tDocShort, uint64(b), short)).lanes()
	}
	for p := range e.priorOwn {
		e.priorOwn[p] = j.second(key2(tPriorOwnShort, uint64(p), short)).lanes()
		e.priorDoc[p] = j.second(key2(tPriorDocShort, uint64(p), short)).lanes()
	}
	s.Store(e)
	return e
}

// lanes holds 2*NumTags weights or sums of them, two to an int64: lane
// 2k in the low half of element k, as a signed number, and lane 2k+1 in
// the high half, so that element k is lane(2k+1)*2^32 + lane(2k). Adding
// element by element adds lane by lane: the low lane's carries and
// borrows land in the high half, and taking the low lane out again
// leaves the high lane's sum, exact while each sum fits in 32 bits (a
// token's features are some tens of 16-bit weights). Tagging adds a
// dozen such rows a token, in half the additions, and without widening
// each weight.
type (
	lanes  [NumTags]int64
	lanes9 [(NumTags + 1) / 2]int64 // the second model's NumTags lanes
)

// lanes returns r in lanes.
func (r rows) lanes() (l lanes) {
	for k := range l {
		l[k] = int64(r[2*k+1])<<32 + int64(r[2*k])
	}
	return l
}

// lanes returns r in lanes.
func (r row9) lanes() (l lanes9) {
	for k := range NumTags / 2 {
		l[k] = int64(r[2*k+1])<<32 + int64(r[2*k])
	}
	l[NumTags/2] = int64(r[NumTags-1])
	return l
}

// sumLanes returns sums a in lanes.
func sumLanes(a *[2 * NumTags]int32) (l lanes) {
	for k := range l {
		l[k] = int64(a[2*k+1])<<32 + int64(a[2*k])
	}
	return l
}

// add adds l to acc.
func (l *lanes) add(acc *lanes) {
	for k := range l {
		acc[k] += l[k]
	}
}

// sub subtracts l from acc.
func (l *lanes) sub(acc *lanes) {
	for k := range l {
		acc[k] -= l[k]
	}
}

// addTo adds the lanes of l to acc.
func (l *lanes) addTo(acc *[2 * NumTags]int32) {
	for k, v := range l {
		lo := int32(v)
		acc[2*k] += lo
		acc[2*k+1] += int32((v - int64(lo)) >> 32)
	}
}

// add adds l to acc.
func (l *lanes9) add(acc *lanes9) {
	for k := range l {
		acc[k] += l[k]
	}
}

// addTo adds the lanes of l to acc.
func (l *lanes9) addTo(acc *[NumTags]int32) {
	for k := range NumTags / 2 {
		v := l[k]
		lo := int32(v)
		acc[2*k] += lo
		acc[2*k+1] += int32((v - int64(lo)) >> 32)
	}
	acc[NumTags-1] += int32(l[NumTags/2])
}

// shapeCache is the fixed array of the shape cache.
type shapeCache = [shapeSlots]atomic.Pointer[shapeEntry]

// shape3 is the summed weights, both models, of the features of a token's
// short shape with its neighbours': tShort3, tShortM1, tShortP1.
type shape3 struct {
	m1, short, p1 uint64
	w             lanes
}

// shape3Slots is the size of the cache of shape3: the short shapes of
// three words side by side are a few thousand.
const shape3Slots = 1 << 14

// shapes3 returns the shape3 of shapes m1, short, p1, making it if the
// cache does not hold it.
func (f *fast) shapes3(m1, short, p1 uint64) *shape3 {
	h := gazetteer.Mix(gazetteer.Mix(m1*0x9E3779B97F4A7C15+short)^p1) & (shape3Slots - 2)
	// Two slots side by side: the new entry goes to an empty one, else
	// to the first.
	s := &f.triples[h]
	for k := range 2 {
		e := f.triples[h+uint64(k)].Load()
		if e == nil {
			s = &f.triples[h+uint64(k)]
			break
		}
		if e.m1 == m1 && e.short == short && e.p1 == p1 {
			return e
		}
	}
	e := &shape3{m1: m1, short: short, p1: p1}
	var w [2 * NumTags]int32
	f.j.addBoth([]uint32{
		key2(tShort3, gazetteer.Mix(m1)^short, p1),
		key2(tShortM1, m1, short),
		key2(tShortP1, short, p1),
	}, &w)
	e.w = sumLanes(&w)
	s.Store(e)
	return e
}
