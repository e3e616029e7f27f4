package tagger

import (
	"math"
)

// Model is a trained tagger: feature weights per tag and tag transition
// weights. It is read-only after creation and safe for concurrent use.
type Model struct {
	x     *Extractor
	index map[uint32]int32 // feature key -> row in w
	w     []float32        // NumTags weights per row
	// trans[a][b] scores tag b after tag a; trans[NumTags] is the start row.
	trans [NumTags + 1][NumTags]float32
	// table is the open-addressing hash table that tagging with a model
	// made by training reads: the weights quantised to 16 bits next to
	// their key. A model read from a file has shared instead.
	table []slot
	scale float32
	n     int
	// penalty is subtracted from each tag's score: chosen after training
	// (Tagger.SetPenalty), it trades recall for precision per type.
	penalty [NumTags]float32
	// shared, if set, holds the weights instead of table: a tagger read
	// from a file keeps its models in one joint table, this one's weights
	// at offset half of each row (0 or NumTags).
	shared *joint
	half   int
}

// slot is one feature of the table; key 0 marks an empty slot.
type slot struct {
	key uint32
	w   [NumTags]int16
}

// Features returns the number of features with weights.
func (m *Model) Features() int { return m.n }

// build fills the lookup table from index and w.
func (m *Model) build() {
	maxAbs := float32(0)
	for _, v := range m.w {
		maxAbs = max(maxAbs, v, -v)
	}
	m.scale = maxAbs / 32767
	if m.scale == 0 {
		m.scale = 1
	}
	m.alloc(len(m.index))
	for f, r := range m.index {
		var q [NumTags]int16
		for k, v := range m.w[int(r)*NumTags : int(r)*NumTags+NumTags] {
			q[k] = int16(math.Round(float64(v / m.scale)))
		}
		m.put(f, q)
	}
}

// alloc makes an empty table for n features, at most half full.
func (m *Model) alloc(n int) {
	m.n = n
	size := 1024
	for size < 2*n {
		size *= 2
	}
	m.table = make([]slot, size)
}

func (m *Model) put(f uint32, q [NumTags]int16) {
	if f == 0 {
		f = 1 // key 0 marks empty slots; a collision with key 1 is harmless
	}
	mask := uint32(len(m.table) - 1)
	for i := f & mask; ; i = (i + 1) & mask {
		if m.table[i].key == 0 || m.table[i].key == f {
			m.table[i] = slot{key: f, w: q}
			return
		}
	}
}

// Extractor returns the feature extractor the model was trained with.
func (m *Model) Extractor() *Extractor { return m.x }

// Tag tags a document given as sentences of words and returns one tag per
// word, using this model alone.
func (m *Model) Tag(sents [][]string) [][]Tag {
	return m.TagDoc(m.x.Prepare(sents))
}

// TagStrings is Tag with CoNLL tag strings.
func (m *Model) TagStrings(sents [][]string) [][]string {
	return Strings(m.Tag(sents))
}

// TagDoc tags a prepared document.
func (m *Model) TagDoc(d *Doc) [][]Tag {
	out := make([][]Tag, len(d.sents))
	var sc scratch
	for s := range d.sents {
		out[s] = make([]Tag, len(d.sents[s]))
		m.decode(d, s, &sc, out[s])
	}
	return out
}

// scratch holds buffers reused across sentences.
type scratch struct {
	feats []uint32
	emit  []float32
	delta [][NumTags]float32 // Viterbi's scores, by token
	back  [][NumTags]uint8   // Viterbi's choices, by token
}

// emissions fills sc.emit with the emission scores of sentence s.
func (m *Model) emissions(d *Doc, s int, sc *scratch) {
	n := len(d.sents[s])
	sc.emit = grow(sc.emit, n*NumTags)
	for i := 0; i < n; i++ {
		sc.feats = d.Features(s, i, sc.feats[:0])
		acc := m.sum(sc.feats)
		m.emit(sc, i, &acc, d.mask(s, i))
	}
}

// emit sets token i's emission scores in sc from its summed quantised
// weights acc: scaled, less the penalties, with the tags mask rules out
// at -Inf.
func (m *Model) emit(sc *scratch, i int, acc *[NumTags]int32, mask uint8) {
	e := (*[NumTags]float32)(sc.emit[i*NumTags:])
	// Written out: the compiler does not unroll loops.
	x, p := m.scale, &m.penalty
	e[0] = float32(acc[0])*x - p[0]
	e[1] = float32(acc[1])*x - p[1]
	e[2] = float32(acc[2])*x - p[2]
	e[3] = float32(acc[3])*x - p[3]
	e[4] = float32(acc[4])*x - p[4]
	e[5] = float32(acc[5])*x - p[5]
	e[6] = float32(acc[6])*x - p[6]
	e[7] = float32(acc[7])*x - p[7]
	e[8] = float32(acc[8])*x - p[8]
	if mask != maskNone {
		constrain(e[:], mask)
	}
}

// sum returns the quantised weights of features fs, summed per tag.
func (m *Model) sum(fs []uint32) (acc [NumTags]int32) {
	if m.shared != nil {
		m.shared.add1(fs, m.half, &acc)
		return acc
	}
	table := m.table
	mask := uint32(len(table) - 1)
	for _, f := range fs {
		if f == 0 {
			f = 1
		}
		for j := f & mask; ; j = (j + 1) & mask {
			sl := &table[j]
			if sl.key == f {
				for k := range acc {
					acc[k] += int32(sl.w[k])
				}
				break
			}
			if sl.key == 0 {
				break
			}
		}
	}
	return acc
}

// Tag constraints that no weight can overrule.
const (
	maskNone   = iota
	maskNoBPer // a title before a name: "Secretary Lloyd Austin"
	maskOnlyO  // a URL, e-mail address or file name: never in a name
	maskNoName // punctuation: never in a person's or place's name
	maskPlace  // a dateline: it names the place the story was filed from
	maskPerson // right after a title: "President Bush", "Secretary Austin"
	maskNoIn   // a common lower-case word in text that capitalises names: "the Santiago singer Mon Laferte" (Tagger.Strict only)
)

// nameLinks are the lower-case words that may join the words of a person's
// or place's name: "Gulf of Mexico", "Rio de Janeiro", "Kengo wa Dondo".
var nameLinks = hashSet("of", "the", "and", "de", "del", "della", "der", "den", "di", "da", "das",
	"do", "dos", "du", "des", "la", "le", "les", "las", "los", "el", "al", "bin", "ibn", "bint",
	"van", "von", "ter", "ten", "y", "e", "upon", "on", "am", "an", "im", "sur", "en", "wa", "ul",
	"ud", "'s", "s", "’s")

// mask returns the constraint on token i of sentence s.
func (d *Doc) mask(s, i int) uint8 {
	toks := d.sents[s]
	switch {
	case toks[i].flags&fTitle != 0 && i+1 < len(toks) && toks[i+1].flags&fCap != 0:
		return maskNoBPer
	case toks[i].flags&fAddress != 0:
		return maskOnlyO
	case toks[i].flags&fPunct != 0:
		return maskNoName
	case d.class[s] == sentDate:
		return maskPlace
	case i > 0 && d.class[s] == sentNormal && toks[i-1].flags&fStrongTitle != 0 &&
		toks[i].flags&fCap != 0 && toks[i].flags&(fTitle|fTime|fAllCaps) == 0 &&
		(i == 1 || toks[i-2].flags&fCap == 0):
		return maskPerson
	case d.strict && i > 0 && d.cased[s] && toks[i].flags&(fLower|fInnerCap) == fLower &&
		toks[i].freq != 0 && toks[i].freq <= 3 && toks[i].flags&fLink == 0:
		return maskNoIn
	}
	return maskNone
}

// constrain sets the emission scores of the tags that mask rules out to -Inf.
func constrain(e []float32, mask uint8) {
	neg := float32(math.Inf(-1))
	switch mask {
	case maskNoBPer:
		e[BPer] = neg
	case maskOnlyO:
		for k := 1; k < NumTags; k++ {
			e[k] = neg
		}
	case maskNoName:
		e[BPer], e[IPer], e[BLoc], e[ILoc] = neg, neg, neg, neg
	case maskPlace:
		for k := Tag(1); k < NumTags; k++ {
			if k.Type() != BLoc {
				e[k] = neg
			}
		}
	case maskNoIn:
		e[IPer], e[ILoc] = neg, neg
	case maskPerson:
		for k := Tag(0); k < NumTags; k++ {
			if k != BPer {
				e[k] = neg
			}
		}
	}
}

// rank returns an integer that orders the candidates of a Viterbi step as
// a scan of them does: by score v (no NaN; -0 equal to +0), then the lower
// index a (below 16) first.
func rank(v float32, a int) int64 {
	b := int32(math.Float32bits(v))
	sign := b >> 31 // -1 for a negative score, else 0
	mag := b & 0x7FFFFFFF
	return int64((mag^sign)-sign)<<4 | int64(15-a)
}

// argOf returns the index that rank put in r.
func argOf(r int64) int { return 15 - int(r&15) }

// best returns the index of the strictly best predecessor of tag b
// after previous scores prev, as the scan chooses it.
func (l *lattice) best(prev *[NumTags]float32, b int) int {
	t := &l.tr[b]
	// Ranks are distinct, so the pairing changes nothing but how many
	// run at once.
	r01 := max(rank(prev[0]+t[0], 0), rank(prev[1]+t[1], 1))
	r23 := max(rank(prev[2]+t[2], 2), rank(prev[3]+t[3], 3))
	r45 := max(rank(prev[4]+t[4], 4), rank(prev[5]+t[5], 5))
	r67 := max(rank(prev[6]+t[6], 6), rank(prev[7]+t[7], 7))
	return argOf(max(max(max(r01, r23), max(r45, r67)), rank(prev[8]+t[8], 8)))
}

// b2i returns 1 for true, 0 for false (the compiler sets a register
// from the comparison: no branch).
func b2i(c bool) int {
	if c {
		return 1
	}
	return 0
}

func grow(b []float32, n int) []float32 {
	if cap(b) < n {
		return make([]float32, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// decode tags sentence s with Viterbi over the emission and transition scores.
func (m *Model) decode(d *Doc, s int, sc *scratch, out []Tag) {
	m.emissions(d, s, sc)
	viterbi(sc, &m.trans, len(out), out)
}

// viterbi finds the best tag sequence given sc.emit and transition weights,
// never letting I-X follow anything but B-X or I-X.
func viterbi(sc *scratch, trans *[NumTags + 1][NumTags]float32, n int, out []Tag) {
	var l lattice
	l.init(trans)
	l.decode(sc, n, out)
}

// lattice is what Viterbi decoding needs of the transition weights.
type lattice struct {
	// tr is trans with the forbidden transitions at -Inf, by destination,
	// so the inner loop needs no test.
	tr [NumTags][NumTags + 1]float32
	// tmax is the greatest transition into each tag.
	tmax [NumTags]float32
}

// init sets l from transition weights trans.
func (l *lattice) init(trans *[NumTags + 1][NumTags]float32) {
	neg := float32(math.Inf(-1))
	tr := &l.tr
	for a := Tag(0); a <= NumTags; a++ {
		for b := Tag(0); b < NumTags; b++ {
			if allowed(a, b) {
				tr[b][a] = trans[a][b]
			} else {
				tr[b][a] = neg
			}
		}
	}
	for b := range l.tmax {
		l.tmax[b] = max(max(max(tr[b][0], tr[b][1]), max(tr[b][2], tr[b][3])),
			max(max(tr[b][4], tr[b][5]), max(tr[b][6], tr[b][7])), tr[b][8])
	}
}

// decode is viterbi with the lattice of its transitions.
func (l *lattice) decode(sc *scratch, n int, out []Tag) {
	if n == 0 {
		return
	}
	if cap(sc.delta) < n {
		sc.delta = make([][NumTags]float32, n)
		sc.back = make([][NumTags]uint8, n)
	}
	delta, back := sc.delta[:n], sc.back[:n]
	emits := sc.emit[:n*NumTags]
	neg := float32(math.Inf(-1))
	tr := &l.tr
	for b := range NumTags {
		delta[0][b] = emits[b] + tr[b][NumTags]
	}
	// The best predecessor of each tag is chosen without a branch (the
	// comparisons of scores are unpredictable, and a mispredicted branch
	// costs more than the rest of a step): each candidate's score becomes
	// an integer ordered as the score, with the candidate's index below it
	// so that of equal scores the first wins, and the greatest is kept
	// (max of integers is a conditional move). That is the choice of a
	// scan from a score of -Inf with index 0 that keeps a candidate only
	// if it is strictly better (equal scores -0 and +0 included), so the
	// tags are those of such a scan.
	//
	// Most steps need not compare each tag's nine candidates: when the
	// best previous score (pm, at am) leads the others (p2 the best of
	// them) by more than the transitions into a tag differ, am is that
	// tag's strictly best predecessor (rounding is monotonic, so no other
	// sum can come closer than the bound), and the scan would have chosen
	// it too. A tie for the best never passes that test, so am may be any
	// index of the best score.
	for i := 1; i < n; i++ {
		prev, cur, bk := &delta[i-1], &delta[i], &back[i]
		emit := (*[NumTags]float32)(emits[i*NumTags:])
		// The greatest rank and the second, by pairs.
		h01, l01 := minmax(rank(prev[0], 0), rank(prev[1], 1))
		h23, l23 := minmax(rank(prev[2], 2), rank(prev[3], 3))
		h45, l45 := minmax(rank(prev[4], 4), rank(prev[5], 5))
		h67, l67 := minmax(rank(prev[6], 6), rank(prev[7], 7))
		h03, l03 := max(h01, h23), max(min(h01, h23), l01, l23)
		h47, l47 := max(h45, h67), max(min(h45, h67), l45, l67)
		h07, l07 := max(h03, h47), max(min(h03, h47), l03, l47)
		r8 := rank(prev[8], 8)
		top, second := max(h07, r8), max(min(h07, r8), l07)
		am := argOf(top)
		pm, p2 := prev[am], prev[argOf(second)]
		// O and B-X may follow any tag.
		if l.leads(0, am, pm, p2) && l.leads(1, am, pm, p2) && l.leads(3, am, pm, p2) &&
			l.leads(5, am, pm, p2) && l.leads(7, am, pm, p2) {
			cur[0], bk[0] = pm+tr[0][am]+emit[0], uint8(am)
			cur[1], bk[1] = pm+tr[1][am]+emit[1], uint8(am)
			cur[3], bk[3] = pm+tr[3][am]+emit[3], uint8(am)
			cur[5], bk[5] = pm+tr[5][am]+emit[5], uint8(am)
			cur[7], bk[7] = pm+tr[7][am]+emit[7], uint8(am)
		} else {
			for _, b := range [...]int{0, 1, 3, 5, 7} {
				arg := am
				if !l.leads(b, am, pm, p2) {
					arg = l.best(prev, b)
				}
				cur[b] = prev[arg] + tr[b][arg] + emit[b]
				bk[b] = uint8(arg)
			}
		}
		a2, a4, a6, a8 := l.inside(2, prev), l.inside(4, prev), l.inside(6, prev), l.inside(8, prev)
		cur[2], bk[2] = prev[a2]+tr[2][a2]+emit[2], uint8(a2)
		cur[4], bk[4] = prev[a4]+tr[4][a4]+emit[4], uint8(a4)
		cur[6], bk[6] = prev[a6]+tr[6][a6]+emit[6], uint8(a6)
		cur[8], bk[8] = prev[a8]+tr[8][a8]+emit[8], uint8(a8)
	}
	best, arg := neg, Tag(0)
	for b := Tag(0); b < NumTags; b++ {
		if v := delta[n-1][b]; v > best {
			best, arg = v, b
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = Tag(back[i][arg])
	}
}

// minmax returns the greater of a and b, then the smaller.
func minmax(a, b int64) (int64, int64) { return max(a, b), min(a, b) }

// leads reports whether am, whose previous score pm leads every other
// (p2 the best of them), is the strictly best predecessor of tag b by the
// bound: no other sum can reach p2 plus the greatest transition into b.
func (l *lattice) leads(b, am int, pm, p2 float32) bool {
	return p2+l.tmax[b] < pm+l.tr[b][am]
}

// inside returns the choice of the scan for I-X tag b after previous
// scores prev. Only B-X and I-X may come before I-X: the other transitions
// are -Inf and never win. Of the two, the scan keeps I-X if it is better,
// else B-X if it is above -Inf, else index 0 (whose sum is -Inf too).
func (l *lattice) inside(b int, prev *[NumTags]float32) int {
	c1, c2 := prev[b-1]+l.tr[b][b-1], prev[b]+l.tr[b][b]
	g2 := b2i(c2 > c1)
	return g2*b + (1-g2)*b2i(c1 >= -math.MaxFloat32)*(b-1)
}
