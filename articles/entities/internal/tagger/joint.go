package tagger

import (
	"encoding/binary"
	"slices"
	"unsafe"

	"github.com/byline/byline/articles/entities/internal/phash"
)

// The two passes look up mostly the same features: the second pass sees
// every feature of the first plus the first pass's tags. Tagging with both
// looks each feature up once, in a table that holds both models' weights
// side by side, so a token costs one cache miss per feature instead of two
// (the lookups are what tagging spends most of its time on).
//
// The table is laid out when the weights file is written, in the form
// tagging reads it in place: a perfect hash index (package phash) over
// the feature keys, small enough to stay in cache, then per slot the
// feature's key, to tell a feature of the model from one it never saw,
// and its quantised weights, the first model's then the second's. A
// lookup computes its slot and reads one record; nothing is probed and
// nothing is built at load. The lookups do not branch on whether the
// feature is there (a tenth of them miss): a mask keeps or drops the
// record's weights, so the processor overlaps the lookups of a token.

// joint is the feature table of one or both models.
type joint struct {
	index  phash.Index
	recs   []byte // recLen(stages) bytes per slot, viewed as recs1 or recs2
	recs1  []rec1
	recs2  []rec2
	stages int // 1 or 2
}

// rec2 is a slot of a two-stage table, rec1 of a one-stage table, as they
// are laid out in the file (little-endian): the key, 0 for an empty slot,
// and the quantised weights.
type (
	rec2 struct {
		key uint32
		w   [2 * NumTags]int16
	}
	rec1 struct {
		key uint32
		w   [NumTags]int16
		_   uint16
	}
)

// recLen returns the length of a slot's record in a table of stages models.
func recLen(stages int) int {
	if stages == 1 {
		return int(unsafe.Sizeof(rec1{}))
	}
	return int(unsafe.Sizeof(rec2{}))
}

// batch is how many lookups add starts before it reads their weights.
const batch = 64

// touch is the first round of a batched read: for each feature of c (at
// most batch of them) it finds the slot and loads the record's key and last
// weight, with no branch and nothing waiting on the loads, so that the
// processor fetches the records from memory at once; the second round
// then reads them from cache.
func (j *joint) touch(c []uint32, slots *[batch]int32, keys *[batch]uint32, tails *[batch]int16) {
	recs := j.recs2
	for i, f := range c {
		if f == 0 {
			f = 1 // as Model.put stores it
		}
		s := j.index.Slot(uint64(f))
		slots[i] = int32(s)
		keys[i] = recs[s].key
		tails[i] = recs[s].w[2*NumTags-1] // the record's last line
	}
}

// add adds the weights of features fs to acc (first model) and part
// (second model) from a two-stage table. It reads the records in two
// rounds: the first finds the slots and touches their records, with no
// branch and nothing waiting on the loads, so that the processor fetches
// many records from memory at once instead of one after the other; the
// second, reading from cache, adds the weights of the features found.
func (j *joint) add(fs []uint32, acc, part *[NumTags]int32) {
	recs := j.recs2
	var slots [batch]int32
	var keys [batch]uint32
	var tails [batch]int16
	for len(fs) > 0 {
		c := fs[:min(len(fs), batch)]
		fs = fs[len(c):]
		j.touch(c, &slots, &keys, &tails)
		for i, f := range c {
			if f == 0 {
				f = 1
			}
			if keys[i] != f {
				continue
			}
			r := &recs[slots[i]]
			for k := range NumTags {
				acc[k] += int32(r.w[k])
			}
			for k := range NumTags - 1 {
				part[k] += int32(r.w[NumTags+k])
			}
			part[NumTags-1] += int32(tails[i])
		}
	}
}

// add1 adds the weights of features fs at offset off of the records (0:
// the first model, NumTags: the second) to acc.
func (j *joint) add1(fs []uint32, off int, acc *[NumTags]int32) {
	if j.stages == 1 {
		recs := j.recs1
		for _, f := range fs {
			if f == 0 {
				f = 1
			}
			if r := &recs[j.index.Slot(uint64(f))]; r.key == f {
				for k := range NumTags {
					acc[k] += int32(r.w[k])
				}
			}
		}
		return
	}
	recs := j.recs2
	for _, f := range fs {
		if f == 0 {
			f = 1
		}
		if r := &recs[j.index.Slot(uint64(f))]; r.key == f {
			w := (*[NumTags]int16)(r.w[off:])
			for k := range NumTags {
				acc[k] += int32(w[k])
			}
		}
	}
}

// row returns the weights of feature f, all stages, and whether the table
// has f.
func (j *joint) row(f uint32) (w [2 * NumTags]int16, ok bool) {
	if f == 0 {
		f = 1
	}
	r := j.recs[recLen(j.stages)*j.index.Slot(uint64(f)):]
	if binary.LittleEndian.Uint32(r) != f {
		return w, false
	}
	for k := range NumTags * j.stages {
		w[k] = int16(binary.LittleEndian.Uint16(r[4+2*k:]))
	}
	return w, true
}

// features returns the keys of the table's features in increasing order.
func (j *joint) features() []uint32 {
	var out []uint32
	n := recLen(j.stages)
	for s := 0; s < j.index.Size(); s++ {
		if f := binary.LittleEndian.Uint32(j.recs[n*s:]); f != 0 {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// appendJoint appends to b the table of the features keys, sorted and
// distinct, with weights rows[i] (stages*NumTags of them) for keys[i].
func appendJoint(b []byte, keys []uint32, rows [][2 * NumTags]int16, stages int) []byte {
	k64 := make([]uint64, len(keys))
	for i, f := range keys {
		k64[i] = uint64(f)
	}
	x, slots := phash.Build(k64)
	b = x.Append(b)
	byslot := phash.BySlot(slots, x.Size())
	for _, i := range byslot {
		var f uint32
		var w [2 * NumTags]int16
		if i >= 0 {
			f, w = keys[i], rows[i]
		}
		b = binary.LittleEndian.AppendUint32(b, f)
		for _, v := range w[:NumTags*stages] {
			b = binary.LittleEndian.AppendUint16(b, uint16(v))
		}
		if stages == 1 {
			b = append(b, 0, 0) // rec1's padding
		}
	}
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// readJoint reads a table of stages models from the start of b, in place,
// and returns the bytes after it.
func readJoint(b []byte, stages int) (*joint, []byte, error) {
	x, b, err := phash.Read(b)
	if err != nil {
		return nil, nil, errBad
	}
	n := recLen(stages) * x.Size()
	pad := -n & 3
	if len(b) < n+pad {
		return nil, nil, errBad
	}
	j := &joint{index: x, recs: b[:n], stages: stages}
	if stages == 1 {
		j.recs1 = view(b[:n], decode1)
	} else {
		j.recs2 = view(b[:n], decode2)
	}
	return j, b[n+pad:], nil
}

// littleEndian reports whether the records of the file are laid out in
// memory as the processor reads them.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// view returns b as records of type T, in place when the processor is
// little-endian and b is aligned for T, else decoded into a copy.
func view[T rec1 | rec2](b []byte, decode func([]byte, *T)) []T {
	var z T
	size := int(unsafe.Sizeof(z))
	n := len(b) / size
	if n == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%unsafe.Alignof(z) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
	}
	out := make([]T, n)
	for i := range out {
		decode(b[i*size:], &out[i])
	}
	return out
}

func decode2(b []byte, r *rec2) {
	r.key = binary.LittleEndian.Uint32(b)
	for k := range r.w {
		r.w[k] = int16(binary.LittleEndian.Uint16(b[4+2*k:]))
	}
}

func decode1(b []byte, r *rec1) {
	r.key = binary.LittleEndian.Uint32(b)
	for k := range r.w {
		r.w[k] = int16(binary.LittleEndian.Uint16(b[4+2*k:]))
	}
}

// tagJoint runs both passes over d: the first pass's emissions and the
// second's partial sums from one lookup per feature, then the second
// pass adds the features of the first pass's tags.
func (t *Tagger) tagJoint(d *Doc) [][]Tag {
	j := t.jointTable()
	first, second := t.First, t.Second
	n := 0
	for s := range d.sents {
		n += len(d.sents[s])
	}
	// One allocation each for the first pass's tags, the second pass's
	// partial sums and the tags returned.
	tags := make([][]Tag, len(d.sents))
	out := make([][]Tag, len(d.sents))
	tagBuf := make([]Tag, 2*n)
	partBuf := make([][NumTags]int32, n)
	parts := make([][][NumTags]int32, len(d.sents))
	masks := make([]uint8, n) // both passes constrain a token alike
	m := masks
	var sc scratch
	for s := range d.sents {
		n := len(d.sents[s])
		sc.emit = grow(sc.emit, n*NumTags)
		parts[s], partBuf = partBuf[:n:n], partBuf[n:]
		for i := 0; i < n; i++ {
			sc.feats = d.Features(s, i, sc.feats[:0])
			var acc [NumTags]int32
			j.add(sc.feats, &acc, &parts[s][i])
			m[i] = d.mask(s, i)
			first.emit(&sc, i, &acc, m[i])
		}
		m = m[n:]
		tags[s], tagBuf = tagBuf[:n:n], tagBuf[n:]
		viterbi(&sc, &first.trans, n, tags[s])
	}
	d.SetPrior(tags)
	m = masks
	for s := range d.sents {
		n := len(d.sents[s])
		sc.emit = grow(sc.emit, n*NumTags)
		for i := 0; i < n; i++ {
			sc.feats = d.priorFeatures(s, i, sc.feats[:0])
			part := &parts[s][i]
			j.add1(sc.feats, NumTags, part)
			second.emit(&sc, i, part, m[i])
		}
		m = m[n:]
		out[s], tagBuf = tagBuf[:n:n], tagBuf[n:]
		viterbi(&sc, &second.trans, n, out[s])
	}
	return out
}
