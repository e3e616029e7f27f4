package tagger

import (
	"math/bits"

	"github.com/byline/byline/articles/entities/gazetteer"
)

// Tagging a document from the word cache (cache.go) and the small tables
// (small.go): prepare it, sum each token's weights, decode both passes.

// prepare is Extractor.Prepare with the word cache: the same tokens,
// without their spellings (only Features reads those; tagging with the
// cache has their weights in the entries), and for each token the entry
// whose sum holds its own features' weights, nil for a word of a sentence
// in capitals that the document never writes otherwise (its spelling is
// unknown: ownFeatures are looked up then).
func (f *fast) prepare(sents [][]string, w *work) (*Doc, [][]*wordEntry, [][]*wordEntry) {
	w.doc = Doc{sents: reuse(w.sents, len(sents)), class: reuse(w.class, len(sents)), cased: reuse(w.cased, len(sents))}
	d := &w.doc
	w.sents, w.class, w.cased = d.sents, d.class, d.cased
	buf := w.sc.feats
	defer func() { w.sc.feats = buf }()
	// The words are as written: the entries hold what Prepare sees of
	// them respelled (respell), and respelling a dateline leaves it one.
	n := 0
	for _, words := range sents {
		n += len(words)
	}
	// The document's entries, tokens and those entries that hold the
	// tokens' own weights, in the workspace's buffers.
	w.ents, w.owns, w.toks = reuse(w.ents, n), reuse(w.owns, n), reuse(w.toks, n)
	entBuf, ownBuf, toksBuf := w.ents, w.owns, w.toks
	w.entsS, w.ownsS = reuse(w.entsS, len(sents)), reuse(w.ownsS, len(sents))
	ents, owns := w.entsS, w.ownsS
	var e *wordEntry
	caps := false
	for s, words := range sents {
		es := entBuf[:len(words):len(words)]
		entBuf = entBuf[len(words):]
		var c classCount
		for i, word := range words {
			e, buf = f.word(word, buf)
			es[i] = e
			c.add(e.class)
			w.warm ^= e.warm()
		}
		ents[s] = es
		d.class[s] = c.class()
		if IsDateline(words) {
			d.class[s] = sentDate
		}
		caps = caps || d.class[s] == sentCaps
	}
	// cased is how the words of normal sentences are written, for the
	// sentences in capitals to borrow: only a document with such a
	// sentence needs it.
	cased := w.casedMap
	if caps {
		if cased == nil {
			cased = map[string]string{}
			w.casedMap = cased
		}
		for s, words := range sents {
			if d.class[s] != sentNormal {
				continue
			}
			for i := 1; i < len(words); i++ {
				lw := ents[s][i].lw
				if _, ok := cased[lw]; !ok || ents[s][i].flags&fCap != 0 {
					cased[lw] = words[i]
				}
			}
		}
	}
	// ids numbers the document's distinct lower-case words, for the
	// document-level features to count occurrences in slices, not maps.
	ids := &w.ids
	ids.reset(n)
	for s, words := range sents {
		toks := toksBuf[:len(words):len(words)]
		toksBuf = toksBuf[len(words):]
		own := ownBuf[:len(words):len(words)]
		ownBuf = ownBuf[len(words):]
		for i := range words {
			t := &toks[i]
			e := ents[s][i]
			t.flags = e.flags
			t.lower = e.lower
			t.id = ids.id(t.lower)
			t.freq = e.freq
			fe := e
			if d.class[s] == sentCaps {
				fe = nil
				if c, ok := cased[e.lw]; ok {
					fe, buf = f.word(c, buf)
				}
			}
			if fe != nil {
				t.word, t.shape, t.short = fe.word, fe.shape, fe.short
			} else {
				t.word = gazetteer.Hash("\x00caps")
				t.shape, t.short = t.word, t.word
			}
			own[i] = fe
		}
		f.markGazetteer(toks, ents[s])
		d.sents[s] = toks
		owns[s] = own
		if d.class[s] == sentNormal {
			for i := 1; i < len(toks); i++ {
				if toks[i].flags&fCap != 0 && ents[s][i].lw != "i" {
					d.cased[s] = true
					break
				}
			}
		}
	}
	d.words = int(ids.n)
	w.docCounts = docBitsWith(d, w.docCounts)
	return d, ents, owns
}

// markGazetteer is Extractor.markGazetteer with the lookups of single
// words (the most of them) from the entries es of toks.
func (f *fast) markGazetteer(toks []token, es []*wordEntry) {
	if f.x.gaz == nil {
		return
	}
	for i := range toks {
		if toks[i].flags&fLetter == 0 {
			continue
		}
		h := gazetteer.Extend(0, toks[i].lower)
		lists, longer := es[i].lists, es[i].longer
		for l := 1; ; {
			markMatch(toks, i, l, lists)
			if !longer {
				break // no longer name starts so
			}
			l++
			if l > gazetteer.MaxWords || i+l > len(toks) || toks[i+l-1].flags&fLetter == 0 {
				break
			}
			h = gazetteer.Extend(h, toks[i+l-1].lower)
			lists, longer = f.x.gaz.Find(h)
		}
	}
}

// work is the space tagging a document needs, kept for the next one (in
// fast.pool), so that tagging allocates little beside the tags it returns.
type work struct {
	doc          Doc
	sents        [][]token
	class        []uint8
	cased        []bool
	toks         []token
	ents, owns   []*wordEntry
	entsS, ownsS [][]*wordEntry
	shs          []*shapeEntry
	shsS         [][]*shapeEntry
	parts        [][NumTags]int32
	partsS       [][][NumTags]int32
	masks        []uint8
	accs         [][2 * NumTags]int32 // a sentence's sums
	pairs        []uint32             // a sentence's pair features (sums)
	tags         []Tag
	tagsS        [][]Tag
	ids          idTable
	casedMap     map[string]string
	docCounts    []docSeen
	priorCounts  [][NumTags]uint16
	sc           scratch
	warm         int64 // what prepare read to bring entries into cache (wordEntry.warm)
}

// reuse returns b with length n, cleared, reallocated if too short.
func reuse[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// release readies w for the pool: it keeps no entry and no word of the
// document alive.
func (w *work) release() {
	clear(w.ents)
	clear(w.owns)
	clear(w.shs)
	clear(w.casedMap)
	w.doc = Doc{}
}

// tag tags a document with both passes, as tagJoint does, its features'
// weights summed from the word cache; the Doc it returns is w's.
func (f *fast) tag(t *Tagger, sents [][]string, w *work) (*Doc, [][]Tag) {
	first, second := t.First, t.Second
	d, ents, owns := f.prepare(sents, w)
	d.strict = t.Strict
	sc := &w.sc
	n := len(w.toks)
	ns := len(d.sents)
	w.tagsS, w.partsS, w.shsS = reuse(w.tagsS, ns), reuse(w.partsS, ns), reuse(w.shsS, ns)
	w.tags, w.parts, w.shs, w.masks = reuse(w.tags, n), reuse(w.parts, n), reuse(w.shs, n), reuse(w.masks, n)
	tags, parts, shs := w.tagsS, w.partsS, w.shsS
	tagBuf, partBuf, shBuf := w.tags, w.parts, w.shs
	masks := w.masks // both passes constrain a token alike
	// One allocation each for the tags returned.
	out := make([][]Tag, ns)
	outBuf := make([]Tag, n)
	// The sums of the whole document first, so that the lookups of the
	// pair features overlap across sentences (addPairs).
	accs := reuse(w.accs, n)
	w.accs = accs
	pairs := w.pairs[:0]
	k := 0
	for s := range d.sents {
		n := len(d.sents[s])
		shs[s], shBuf = shBuf[:n:n], shBuf[n:]
		for i := 0; i < n; i++ {
			shs[s][i], sc.feats, pairs = f.sums(d, ents, owns, s, i, sc.feats, &accs[k+i], pairs)
		}
		k += n
	}
	f.j.addPairs(pairs, accs)
	w.pairs = pairs
	m, a := masks, accs
	for s := range d.sents {
		n := len(d.sents[s])
		sc.emit = grow(sc.emit, n*NumTags)
		parts[s], partBuf = partBuf[:n:n], partBuf[n:]
		for i := 0; i < n; i++ {
			parts[s][i] = [NumTags]int32(a[i][NumTags:])
			m[i] = d.mask(s, i)
			first.emit(sc, i, (*[NumTags]int32)(a[i][:NumTags]), m[i])
		}
		m, a = m[n:], a[n:]
		tags[s], tagBuf = tagBuf[:n:n], tagBuf[n:]
		f.lat[0].decode(sc, n, tags[s])
	}
	w.priorCounts = d.setPrior(tags, w.priorCounts)
	m = masks
	for s := range d.sents {
		n := len(d.sents[s])
		sc.emit = grow(sc.emit, n*NumTags)
		for i := 0; i < n; i++ {
			part := &parts[s][i]
			f.priorSums(d, s, i, shs[s][i], part)
			second.emit(sc, i, part, m[i])
		}
		m = m[n:]
		out[s], outBuf = outBuf[:n:n], outBuf[n:]
		f.lat[1].decode(sc, n, out[s])
	}
	return d, out
}

// sums sets acc to the summed weights, both models, of the features of
// token i of sentence s (Features without the second pass's), from the
// entries of prepare, but for the pairFeatures keys it appends to pairs,
// and returns the token's shape entry. buf is scratch space, returned.
func (f *fast) sums(d *Doc, ents, owns [][]*wordEntry, s, i int, buf []uint32, acc *[2 * NumTags]int32, pairs []uint32) (*shapeEntry, []uint32, []uint32) {
	j, sm := f.j, f.small
	toks, es := d.sents[s], ents[s]
	n := len(toks)
	class := uint64(d.class[s])
	tk := &toks[i]
	capBit := tk.flags & fCap
	first := uint64(0)
	if i == 0 || class != sentNormal {
		first = 1
	}
	e := owns[s][i]
	var sh *shapeEntry
	var a lanes // the sums but for e == nil's lookups
	switch {
	case e == nil && class == sentCaps:
		// A word of a headline in capitals whose spelling the document
		// does not give: its entry keeps those sums too.
		a = f.capsSums(es[i])[b2i(i == 0)]
		sh = f.caps
	case e == nil:
		buf = ownFeatures(buf[:0], es[i].lw, tk.lower, tk.word, tk.shape, tk.short, tk.freq)
		buf = classFeatures(buf, class, i == 0, tk.short, tk.lower, tk.freq, capBit)
		j.addBoth(buf, acc)
		sh = f.caps
	default:
		a = e.sum
		sh = e.sh
		if class != sentNormal || i == 0 || e.flags&fCap != capBit {
			// e.sum has the features of a word inside a normal
			// sentence (classFeatures): take them out, put this
			// token's in.
			sh.sent[sentNormal].sub(&a)
			sm.freqCap[e.freq][e.flags&fCap].sub(&a)
			sh.sent[class].add(&a)
			sm.freqCap[tk.freq][uint64(capBit)|first<<1|class<<2].add(&a)
			if class != sentNormal {
				l := e.caseLower.lanes()
				l.sub(&a)
				r := j.weights(key2(tCaseLower, class, tk.lower)).lanes()
				r.add(&a)
			}
			if i == 0 {
				sh.first.add(&a)
			}
		}
	}
	// The neighbours' words.
	m1, m2 := &f.start[ctxM1], &f.start[ctxM2]
	lm1, sm1 := hStart, hStart
	var fm1, fm2 uint16
	var gm1, gp1 uint32
	qm1, qp1 := 16, 17
	if i > 0 {
		p := &toks[i-1]
		m1 = &es[i-1].ctx[ctxM1]
		lm1, sm1, fm1, gm1, qm1 = p.lower, p.short, p.flags, p.gaz, int(p.freq)
		if i > 1 {
			m2 = &es[i-2].ctx[ctxM2]
			fm2 = toks[i-2].flags
		}
	}
	p1, p2 := &f.end[ctxP1], &f.end[ctxP2]
	lp1, sp1 := hEnd, hEnd
	if i+1 < n {
		nx := &toks[i+1]
		p1 = &es[i+1].ctx[ctxP1]
		lp1, sp1, gp1, qp1 = nx.lower, nx.short, nx.gaz, int(nx.freq)
		if i+2 < n {
			p2 = &es[i+2].ctx[ctxP2]
		}
	}
	// The rows every token adds, in one pass over the lanes (a title
	// before the token adds its row, else a row of zeros).
	fq1, fq2 := &sm.freqM1[qm1][capBit], &sm.freqP1[qp1][capBit]
	t1, t2 := &sm.zero, &sm.zero
	if fm1&fTitle != 0 {
		t1 = &sh.titleM1
	}
	if fm2&fTitle != 0 {
		t2 = &sh.titleM2
	}
	s3 := &f.shapes3(sm1, tk.short, sp1).w
	for k := range a {
		a[k] += m1[k] + m2[k] + p1[k] + p2[k] + fq1[k] + fq2[k] + t1[k] + t2[k] + s3[k]
	}
	// The gazetteer's and the document's bits.
	for g := tk.gaz; g != 0; g &= g - 1 {
		b := bits.TrailingZeros32(g)
		x, y, z := &sm.gaz[b], &sm.gazCap[b][uint64(capBit)|class<<1], &sm.gazFreq[b][tk.freq]
		for k := range a {
			a[k] += x[k] + y[k] + z[k]
		}
	}
	for g := gm1; g != 0; g &= g - 1 {
		sm.gazM1[bits.TrailingZeros32(g)].add(&a)
	}
	for g := gp1; g != 0; g &= g - 1 {
		sm.gazP1[bits.TrailingZeros32(g)].add(&a)
	}
	for g := tk.doc; g != 0; g &= g - 1 {
		b := bits.TrailingZeros16(g)
		x, y, z := &sm.doc[b], &sm.docFirst[b][first], &sh.doc[b]
		for k := range a {
			a[k] += x[k] + y[k] + z[k]
		}
	}
	// What is left, the features of two words side by side, is for the
	// caller to look up, with the other tokens' (addPairs).
	pairs = append(pairs,
		key2(tBiM1, lm1, tk.lower),
		key2(tBiP1, tk.lower, lp1),
		key2(tLowerM1Short, lm1, tk.short),
	)
	a.addTo(acc)
	return sh, buf, pairs
}

// pairFeatures is the number of keys sums appends to pairs.
const pairFeatures = 3

// addPairs adds the weights of features fs, both models, to accs:
// fs[pairFeatures*i:][:pairFeatures] to accs[i]. As add does, it looks up
// a batch of records before it reads any, so that their cache misses
// overlap; and it touches the next batch's records before it reads this
// one's, so that the misses of one batch overlap the reads of the other.
func (j *joint) addPairs(fs []uint32, accs [][2 * NumTags]int32) {
	recs := j.recs2
	var slots [2][batch]int32
	var keys [2][batch]uint32
	var tails [2][batch]int16 // touch's; addRow reads the same weight again, from cache
	chunk := func(base int) []uint32 { return fs[base:min(len(fs), base+batch)] }
	if len(fs) > 0 {
		j.touch(chunk(0), &slots[0], &keys[0], &tails[0])
	}
	for base, b := 0, 0; base < len(fs); base, b = base+batch, b^1 {
		if next := base + batch; next < len(fs) {
			j.touch(chunk(next), &slots[b^1], &keys[b^1], &tails[b^1])
		}
		for i, f := range chunk(base) {
			if f == 0 {
				f = 1
			}
			if keys[b][i] != f {
				continue
			}
			addRow(&accs[(base+i)/pairFeatures], &recs[slots[b][i]].w)
		}
	}
}

// priorSums adds to part the second model's weights of the second-pass
// features of token i of sentence s (priorFeatures), whose shape entry is
// sh.
func (f *fast) priorSums(d *Doc, s, i int, sh *shapeEntry, part *[NumTags]int32) {
	sm := f.small
	toks := d.sents[s]
	t := &toks[i]
	pm1, pp1 := Tag(NumTags), Tag(NumTags)
	if i > 0 {
		pm1 = toks[i-1].prior
	}
	if i+1 < len(toks) {
		pp1 = toks[i+1].prior
	}
	own, ownShort := &sm.priorOwn[t.prior], &sh.priorOwn[t.prior]
	m1, p1, maj := &sm.priorM1[pm1][t.prior], &sm.priorP1[pp1][t.prior], &sm.priorMaj[t.priorMaj][t.flags&fCap]
	var a lanes9
	for k := range a {
		a[k] = own[k] + ownShort[k] + m1[k] + p1[k] + maj[k]
	}
	for g := t.priorDoc; g != 0; g &= g - 1 {
		k := bits.TrailingZeros16(g)
		x, y := &sm.priorDoc[k], &sh.priorDoc[k]
		for k := range a {
			a[k] += x[k] + y[k]
		}
	}
	a.addTo(part)
}

// idTable numbers the distinct lower-case words of a document (by their
// hashes) in the order they come: an open-addressing table, cleared for
// each document, that needs no hashing beyond a multiply.
type idTable struct {
	keys  []uint64
	ids   []int32 // the word's number plus one; 0 for an empty slot
	shift uint    // 64 - log2(len(keys))
	n     int32   // the words numbered
}

// reset empties t for a document of n words.
func (t *idTable) reset(n int) {
	size, bits := 64, uint(6)
	for size < 2*n {
		size, bits = size*2, bits+1
	}
	t.keys, t.ids = reuse(t.keys, size), reuse(t.ids, size)
	t.shift, t.n = 64-bits, 0
}

// id returns the number of the word with hash h, numbering it if it is new.
func (t *idTable) id(h uint64) int32 {
	mask := uint64(len(t.keys) - 1)
	for i := (h * 0x9E3779B97F4A7C15) >> t.shift; ; i = (i + 1) & mask {
		if t.ids[i] == 0 {
			t.keys[i] = h
			t.n++
			t.ids[i] = t.n
			return t.n - 1
		}
		if t.keys[i] == h {
			return t.ids[i] - 1
		}
	}
}

// addRow adds the weights w to acc. It is written out: the compiler does
// not unroll loops, and a loop's counting is a third of its instructions.
func addRow(acc *[2 * NumTags]int32, w *[2 * NumTags]int16) {
	acc[0] += int32(w[0])
	acc[1] += int32(w[1])
	acc[2] += int32(w[2])
	acc[3] += int32(w[3])
	acc[4] += int32(w[4])
	acc[5] += int32(w[5])
	acc[6] += int32(w[6])
	acc[7] += int32(w[7])
	acc[8] += int32(w[8])
	acc[9] += int32(w[9])
	acc[10] += int32(w[10])
	acc[11] += int32(w[11])
	acc[12] += int32(w[12])
	acc[13] += int32(w[13])
	acc[14] += int32(w[14])
	acc[15] += int32(w[15])
	acc[16] += int32(w[16])
	acc[17] += int32(w[17])
}

// warm reads a word of each cache line of e that sums reads, so that the
// processor fetches them while prepare goes on with the next words, not
// one by one when sums needs them; the caller keeps the value, so that
// the compiler keeps the reads.
func (e *wordEntry) warm() int64 {
	return e.sum[0] ^ e.ctx[0][0] ^ e.ctx[1][0] ^ e.ctx[2][0] ^ e.ctx[2][8] ^ e.ctx[3][0] ^ e.ctx[3][8]
}
