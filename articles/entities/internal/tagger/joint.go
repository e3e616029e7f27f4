package tagger

// The two passes look up mostly the same features: the second pass sees
// every feature of the first plus the first pass's tags. Tagging with both
// looks each feature up once, in a table that holds both models' weights
// side by side, so a token costs one cache miss per feature instead of two
// (the lookups are what tagging spends most of its time on).

// jslot is one feature of the joint table: the first model's weights, then
// the second's; key 0 marks an empty slot.
type jslot struct {
	key uint32
	w   [2 * NumTags]int16
}

// jointLoad is the most quarters of the table in use.
const jointLoad = 2

// joint is the table of both models' weights.
type joint struct {
	table []jslot
}

// newJoint merges the tables of first and second.
func newJoint(first, second *Model) *joint {
	n := first.n // the union of the keys: first's and those only second has
	for _, sl := range second.table {
		if sl.key != 0 && !first.has(sl.key) {
			n++
		}
	}
	size := 1024
	for size*jointLoad < n*4 {
		size *= 2
	}
	j := &joint{table: make([]jslot, size)}
	for _, m := range []*Model{first, second} {
		off := 0
		if m == second {
			off = NumTags
		}
		for _, sl := range m.table {
			if sl.key != 0 {
				p := j.slot(sl.key)
				copy(p.w[off:off+NumTags], sl.w[:])
			}
		}
	}
	return j
}

// slot returns the slot of key f, claiming an empty one if f is new.
func (j *joint) slot(f uint32) *jslot {
	mask := uint32(len(j.table) - 1)
	for i := f & mask; ; i = (i + 1) & mask {
		if j.table[i].key == 0 {
			j.table[i].key = f
		}
		if j.table[i].key == f {
			return &j.table[i]
		}
	}
}

// add adds the weights of features fs to acc (first model) and part
// (second model).
func (j *joint) add(fs []uint32, acc, part *[NumTags]int32) {
	table := j.table
	mask := uint32(len(table) - 1)
	for _, f := range fs {
		if f == 0 {
			f = 1 // as Model.put stores it
		}
		for i := f & mask; ; i = (i + 1) & mask {
			sl := &table[i]
			if sl.key == f {
				for k := range NumTags {
					acc[k] += int32(sl.w[k])
					part[k] += int32(sl.w[NumTags+k])
				}
				break
			}
			if sl.key == 0 {
				break
			}
		}
	}
}

// tagJoint runs both passes over d: the first pass's emissions and the
// second's partial sums from one lookup per feature, then the second
// pass adds the features of the first pass's tags.
func (t *Tagger) tagJoint(d *Doc) [][]Tag {
	j := t.jointTable()
	first, second := t.First, t.Second
	tags := make([][]Tag, len(d.sents))
	parts := make([][][NumTags]int32, len(d.sents))
	var sc scratch
	for s := range d.sents {
		n := len(d.sents[s])
		sc.emit = grow(sc.emit, n*NumTags)
		parts[s] = make([][NumTags]int32, n)
		for i := 0; i < n; i++ {
			sc.feats = d.Features(s, i, sc.feats[:0])
			var acc [NumTags]int32
			j.add(sc.feats, &acc, &parts[s][i])
			first.emit(&sc, i, &acc, d.mask(s, i))
		}
		tags[s] = make([]Tag, n)
		viterbi(&sc, &first.trans, n, tags[s])
	}
	d.SetPrior(tags)
	out := make([][]Tag, len(d.sents))
	for s := range d.sents {
		n := len(d.sents[s])
		sc.emit = grow(sc.emit, n*NumTags)
		for i := 0; i < n; i++ {
			sc.feats = d.priorFeatures(s, i, sc.feats[:0])
			var none [NumTags]int32
			part := &parts[s][i]
			j.add(sc.feats, &none, part)
			second.emit(&sc, i, part, d.mask(s, i))
		}
		out[s] = make([]Tag, n)
		viterbi(&sc, &second.trans, n, out[s])
	}
	return out
}

// has reports whether the model's table holds key f (as put stored it).
func (m *Model) has(f uint32) bool {
	mask := uint32(len(m.table) - 1)
	for i := f & mask; ; i = (i + 1) & mask {
		switch m.table[i].key {
		case f:
			return true
		case 0:
			return false
		}
	}
}
