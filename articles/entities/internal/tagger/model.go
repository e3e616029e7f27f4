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
	delta []float32
	back  []uint8
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
	e := sc.emit[i*NumTags : (i+1)*NumTags : (i+1)*NumTags]
	for k := range e {
		e[k] = float32(acc[k])*m.scale - m.penalty[k]
	}
	constrain(e, mask)
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
		toks[i].freq != 0 && toks[i].freq <= 3 && !nameLinks[toks[i].lower] && !lowerHeads[toks[i].lower]:
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

// maxRank returns the greater of two ranks, with arithmetic only: the
// compiler makes a branch of max, which the unpredictable comparisons of
// scores would mispredict. Ranks are below 2^36 in magnitude, so the
// difference does not overflow.
func maxRank(a, b int64) int64 {
	d := a - b
	return a - d&(d>>63)
}

// argOf returns the index that rank put in r.
func argOf(r int64) int { return 15 - int(r&15) }

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
	if cap(sc.delta) < n*NumTags {
		sc.delta = make([]float32, n*NumTags)
		sc.back = make([]uint8, n*NumTags)
	}
	delta, back := sc.delta[:n*NumTags], sc.back[:n*NumTags]
	neg := float32(math.Inf(-1))
	tr, tmax := &l.tr, &l.tmax
	for b := Tag(0); b < NumTags; b++ {
		delta[b] = sc.emit[b] + tr[b][NumTags]
	}
	// The best predecessor of each tag is chosen without a branch (the
	// comparisons of scores are unpredictable, and a mispredicted branch
	// costs more than the rest of a step): each candidate's score becomes
	// an integer ordered as the score, with the candidate's index below it
	// so that of equal scores the first wins, and the greatest is kept.
	// That is the choice of a scan from a score of -Inf with index 0 that
	// keeps a candidate only if it is strictly better (equal scores -0 and
	// +0 included), so the tags are those of such a scan.
	//
	// Most steps need not compare each tag's nine candidates: when the
	// best previous score (at am) leads the others by more than the
	// transitions into a tag differ, am is that tag's strictly best
	// predecessor (rounding is monotonic, so no other sum can come
	// closer than the bound), and the scan would have chosen it too.
	none := rank(neg, 0)
	for i := 1; i < n; i++ {
		prev := (*[NumTags]float32)(delta[(i-1)*NumTags : i*NumTags])
		emit := (*[NumTags]float32)(sc.emit[i*NumTags : (i+1)*NumTags])
		cur := (*[NumTags]float32)(delta[i*NumTags : (i+1)*NumTags])
		bk := (*[NumTags]uint8)(back[i*NumTags : (i+1)*NumTags])
		top := maxRank(maxRank(maxRank(rank(prev[0], 0), rank(prev[1], 1)), maxRank(rank(prev[2], 2), rank(prev[3], 3))),
			maxRank(maxRank(rank(prev[4], 4), rank(prev[5], 5)), maxRank(rank(prev[6], 6), rank(prev[7], 7))))
		am := argOf(maxRank(top, rank(prev[8], 8)))
		pm := prev[am]
		q := *prev
		q[am] = neg
		p2 := max(max(max(q[0], q[1]), max(q[2], q[3])), max(max(q[4], q[5]), max(q[6], q[7])), q[8]) // the best of the others
		for b := Tag(0); b < NumTags; b++ {
			t := &tr[b]
			var r int64
			switch {
			case b.Inside():
				// Only B-X and I-X may come before I-X: the other
				// transitions are -Inf and never win (the index stays
				// 0 if these two are -Inf too, as with all nine).
				r = maxRank(none, maxRank(rank(prev[b-1]+t[b-1], int(b-1)), rank(prev[b]+t[b], int(b))))
			case p2+tmax[b] < pm+t[am]:
				r = rank(0, am)
			default:
				// Ranks are distinct, so the pairing changes nothing
				// but how many run at once.
				r01 := maxRank(rank(prev[0]+t[0], 0), rank(prev[1]+t[1], 1))
				r23 := maxRank(rank(prev[2]+t[2], 2), rank(prev[3]+t[3], 3))
				r45 := maxRank(rank(prev[4]+t[4], 4), rank(prev[5]+t[5], 5))
				r67 := maxRank(rank(prev[6]+t[6], 6), rank(prev[7]+t[7], 7))
				r = maxRank(maxRank(maxRank(r01, r23), maxRank(r45, r67)), rank(prev[8]+t[8], 8))
			}
			arg := argOf(r)
			cur[b] = prev[arg] + t[arg] + emit[b]
			bk[b] = uint8(arg)
		}
	}
	best, arg := neg, Tag(0)
	for b := Tag(0); b < NumTags; b++ {
		if v := delta[(n-1)*NumTags+int(b)]; v > best {
			best, arg = v, b
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = Tag(back[i*NumTags+int(arg)])
	}
}
