package tagger

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/byline/byline/articles/entities/gazetteer"
)

// Most of a token's features depend on the word alone: its lower-case
// form, spelling, shapes, affixes, trigrams and frequency. News repeats
// its words (a few thousand forms make most of any text), so tagging keeps,
// per word form, what Prepare works out from it and the summed weights of
// those features in both models: one lookup in a small cache then replaces
// some twenty in the feature table. The sums are of the quantised integer
// weights, so the order they are added in does not matter and the
// emissions are exactly those of looking every feature up.
//
// The cache is the tagger's own (the sums depend on its weights), shared by
// the goroutines that tag with it: a fixed array of pointers to immutable
// entries, read and replaced atomically, so a lookup takes no lock and the
// memory it holds is bounded whatever is tagged.

// cacheSlots is the number of entries the word cache holds at most. A
// news article has a few hundred distinct words and a day's import a few
// tens of thousands; the frequent ones are what the cache is for.
const cacheSlots = 1 << 15

// wordEntry is what tagging knows about one word form on its own. Its
// fields but w and key are of the word as Prepare sees it, respelled
// (respell).
type wordEntry struct {
	w                  string   // the word as written
	key                [16]byte // its first bytes, compared first
	lw                 string   // the lower-case form
	lower              uint64   // Hash(lw)
	word, shape, short uint64   // of the respelled word
	flags              uint16
	freq               uint8
	lists              gazetteer.List // the gazetteer lists the word alone is on
	longer             bool           // a longer name starts with the word
	class              uint8          // what sentenceClass sees of it (sentenceWord)
	used               atomic.Uint32  // 1: looked up since the cache last passed it over
	// sum holds the summed weights, first model then second, of the
	// features of the word itself (ownFeatures) and of the sentence class
	// for a word of a normal sentence that is not its first
	// (classFeatures(sentNormal, ...)).
	sum lanes
	// ctx holds the weights of the features the word gives its neighbours:
	// as the word before, after, two before and two after.
	ctx [4]lanes
	// caseLower is the weights of tCaseLower of a normal sentence, which
	// sum holds, for a word of another sentence to take out.
	caseLower rows
	sh        *shapeEntry // of short
	// capsSum is set on first use to the sums of the word's own and
	// class features in a sentence in capitals that does not give its
	// spelling (sums: e == nil), not first and first.
	capsSum atomic.Pointer[[2]lanes]
}

// Indexes of wordEntry.ctx.
const (
	ctxM1 = iota
	ctxP1
	ctxM2
	ctxP2
)

// fast is the tagger's word cache and the weights of the features whose
// values are few, summed once.
type fast struct {
	j      *joint
	x      *Extractor
	pool   sync.Pool // of *work
	slots  []atomic.Pointer[wordEntry]
	shapes *shapeCache
	// triples is the cache of shapes3.
	triples *[shape3Slots]atomic.Pointer[shape3]
	small   *small
	lat     [2]lattice // of the first and second models' transitions
	// caps is the shape entry of a word in capitals whose spelling the
	// document does not give (Prepare's "\x00caps").
	caps *shapeEntry
	// start and end are the neighbour weights of the sentence boundaries
	// (ctxM1, ctxM2 of start; ctxP1, ctxP2 of end).
	start, end [4]lanes
}

// fastOnce builds the tagger's word cache on first use.
type fastOnce struct {
	once sync.Once
	f    *fast
}

// fastPath returns the word cache of t, which has two stages.
func (t *Tagger) fastPath() *fast {
	t.fast.once.Do(func() {
		t.fast.f = newFast(t, cacheSlots)
	})
	return t.fast.f
}

// newFast returns a word cache of slots entries (a power of two, at
// least ways) for t.
func newFast(t *Tagger, slots int) *fast {
	f := &fast{j: t.jointTable(), x: t.First.x, slots: make([]atomic.Pointer[wordEntry], slots), shapes: new(shapeCache), triples: new([shape3Slots]atomic.Pointer[shape3])}
	f.start = f.context(hStart)
	f.end = f.context(hEnd)
	f.small = newSmall(f.j)
	f.lat[0].init(&t.First.trans)
	f.lat[1].init(&t.Second.trans)
	f.caps = f.shapeOf(gazetteer.Hash("\x00caps"))
	return f
}

// context returns the neighbour weights of a word with lower-case hash lower.
func (f *fast) context(lower uint64) (c [4]lanes) {
	c[ctxM1] = f.j.weights(key(tLowerM1, lower)).lanes()
	c[ctxP1] = f.j.weights(key(tLowerP1, lower)).lanes()
	c[ctxM2] = f.j.weights(key(tLowerM2, lower)).lanes()
	c[ctxP2] = f.j.weights(key(tLowerP2, lower)).lanes()
	return c
}

// weights returns the weights of feature f in a two-stage table, zero if
// the table does not have it.
func (j *joint) weights(f uint32) rows {
	if f == 0 {
		f = 1 // as Model.put stores it
	}
	if r := &j.recs2[j.index.Slot(uint64(f))]; r.key == f {
		return r.w
	}
	return rows{}
}

// addBoth adds the weights of fs, both models, to acc.
func (j *joint) addBoth(fs []uint32, acc *[2 * NumTags]int32) {
	a, p := (*[NumTags]int32)(acc[:NumTags]), (*[NumTags]int32)(acc[NumTags:])
	j.add(fs, a, p)
}

// subBoth subtracts the weights of fs, both models, from acc.
func (j *joint) subBoth(fs []uint32, acc *[2 * NumTags]int32) {
	var d [2 * NumTags]int32
	j.addBoth(fs, &d)
	for k := range acc {
		acc[k] -= d[k]
	}
}

// ways is the number of slots a word may take in the cache.
const ways = 4

// word returns the cache entry of w, making it if the cache does not hold it.
//
// A word has four slots, side by side. A new entry takes an empty one, else
// it replaces as in the CLOCK page-replacement algorithm: from a place that
// depends on the word, the first entry not used since it was last passed
// over, taking the marks of those used as it passes them; so the words
// that come back often stay while the rare ones come and go.
func (f *fast) word(w string, buf []uint32) (*wordEntry, []uint32) {
	h := gazetteer.Mix(gazetteer.Hash(w))
	i := h & uint64(len(f.slots)-ways)
	set := (*[ways]atomic.Pointer[wordEntry])(f.slots[i : i+ways])
	for k := range set {
		if e := set[k].Load(); e != nil && e.is(w) {
			e.touch()
			return e, buf
		}
	}
	e, buf := f.entry(w, buf)
	for k := range set {
		if set[k].Load() == nil {
			set[k].Store(e)
			return e, buf
		}
	}
	hand := int(h >> 62) // ways == 4
	for k := range ways {
		s := &set[(hand+k)%ways]
		old := s.Load()
		if old.used.Load() == 0 {
			s.Store(e)
			return e, buf
		}
		old.used.Store(0)
	}
	set[hand].Store(e)
	return e, buf
}

// is reports whether e is the entry of w, reading e's copy of a short
// word rather than the word's own bytes, elsewhere in memory.
func (e *wordEntry) is(w string) bool {
	if len(w) != len(e.w) {
		return false
	}
	if len(w) <= len(e.key) {
		return string(e.key[:len(w)]) == w
	}
	return e.w == w
}

// touch marks e as used since the last time it was passed over, writing
// only if it was not (so that hits on a frequent word do not write).
func (e *wordEntry) touch() {
	if e.used.Load() == 0 {
		e.used.Store(1)
	}
}

// entry makes the cache entry of w.
func (f *fast) entry(w string, buf []uint32) (*wordEntry, []uint32) {
	// The entry outlives the document: it must not keep the text the
	// word was cut from.
	w = strings.Clone(w)
	e := &wordEntry{w: w}
	copy(e.key[:], w)
	// What Prepare sees is the word as the training data spells it.
	r := trainingSpelling(w)
	e.lw = strings.ToLower(r)
	e.flags = wordFlags(r, e.lw)
	e.class = sentenceWord(r)
	e.lower = gazetteer.Hash(e.lw)
	e.word = gazetteer.Hash(r)
	e.shape, e.short = shapes(r)
	e.freq = f.x.freqCode(e.lower)
	if f.x.gaz != nil {
		e.lists, e.longer = f.x.gaz.Find(gazetteer.Extend(0, e.lower))
	}
	buf = ownFeatures(buf[:0], e.lw, e.lower, e.word, e.shape, e.short, e.freq)
	buf = classFeatures(buf, sentNormal, false, e.short, e.lower, e.freq, e.flags&fCap)
	var sum [2 * NumTags]int32
	f.j.addBoth(buf, &sum)
	e.sum = sumLanes(&sum)
	e.ctx = f.context(e.lower)
	e.caseLower = f.j.weights(key2(tCaseLower, sentNormal, e.lower))
	e.sh = f.shapeOf(e.short)
	return e, buf
}

// ownFeatures appends the keys of the features of a token that depend on
// its word alone (in Features: bias, word, shapes, affixes, trigrams,
// frequency).
func ownFeatures(buf []uint32, lw string, lower, word, shape, short uint64, freq uint8) []uint32 {
	buf = append(buf,
		key(tBias, 0),
		key(tLower, lower),
		key(tWord, word),
		key(tShape, shape),
		key(tShort, short),
	)
	var pre, suf [4]uint64
	affixes(lw, &pre, &suf)
	for k := 0; k < 4; k++ {
		if pre[k] != 0 {
			buf = append(buf, key2(tPre, uint64(k), pre[k]))
		}
		if suf[k] != 0 {
			buf = append(buf, key2(tSuf, uint64(k), suf[k]))
		}
	}
	var grams [20]uint64
	for _, g := range appendNgrams(grams[:0], lw) {
		buf = append(buf, key(tNgram, g))
	}
	return append(buf, key(tFreq, uint64(freq)))
}

// classFeatures appends the keys of the features of a token that depend on
// its word and on the sentence: its class, and whether the token is the
// sentence's first (i0) or counts as first (first: i0 or a sentence not
// normal), as in Features.
func classFeatures(buf []uint32, class uint64, i0 bool, short, lower uint64, freq uint8, capBit uint16) []uint32 {
	first := uint64(0)
	if i0 || class != sentNormal {
		first = 1
	}
	buf = append(buf,
		key2(tSentShort, class, short),
		key2(tCaseLower, class, lower),
		key2(tFreqCap, uint64(freq), uint64(capBit)|first<<1|class<<2),
	)
	if i0 {
		buf = append(buf, key(tFirstShort, short))
	}
	return buf
}

// capsSums returns the summed weights, both models, of the features of e's
// word in a sentence in capitals whose spelling the document does not give
// (Prepare's "\x00caps" word and shapes): ownFeatures and classFeatures, for
// a word not first in its sentence and for the first. They are worked out
// on first use and kept in e; goroutines that race to do it store the same.
func (f *fast) capsSums(e *wordEntry) *[2]lanes {
	if c := e.capsSum.Load(); c != nil {
		return c
	}
	c := new([2]lanes)
	h := gazetteer.Hash("\x00caps")
	var buf []uint32
	for first := range 2 {
		buf = ownFeatures(buf[:0], e.lw, e.lower, h, h, h, e.freq)
		buf = classFeatures(buf, sentCaps, first == 1, h, e.lower, e.freq, e.flags&fCap)
		var sum [2 * NumTags]int32
		f.j.addBoth(buf, &sum)
		c[first] = sumLanes(&sum)
	}
	e.capsSum.Store(c)
	return c
}
