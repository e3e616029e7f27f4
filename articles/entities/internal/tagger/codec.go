package tagger

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"slices"
)

// The weights file is the feature table that tagging reads, laid out when
// the file is written (joint.go), after a header with each model's scale,
// transitions and penalties:
//
//	"BYLNER04", stages (1 or 2), 3 zero bytes
//	per stage: features (uint32), scale, trans [NumTags+1][NumTags], penalty [NumTags] (float32)
//	the joint table: perfect hash index, keys, rows of stages*NumTags int16
//
// all little-endian. Read parses the header and reads the table in place:
// loading takes microseconds and copies nothing.
const magic = "BYLNER04"

// headerLen is the length of a stage's header.
const headerLen = 4 + 4 + 4*(NumTags+1)*NumTags + 4*NumTags

// Prune returns a copy of m without the features whose weights are all
// smaller than min in absolute value, and with such small weights zeroed.
func (m *Model) Prune(min float32) *Model {
	if m.index == nil {
		return m
	}
	out := &Model{x: m.x, trans: m.trans, penalty: m.penalty, index: map[uint32]int32{}}
	for f, r := range m.index {
		row := m.w[int(r)*NumTags : int(r)*NumTags+NumTags]
		keep := false
		for _, v := range row {
			if v >= min || v <= -min {
				keep = true
			}
		}
		if !keep {
			continue
		}
		out.index[f] = int32(len(out.w) / NumTags)
		for _, v := range row {
			if v < min/4 && v > -min/4 {
				v = 0
			}
			out.w = append(out.w, v)
		}
	}
	out.build()
	return out
}

// Write writes t in the format that Read reads, its weights quantised to
// 16 bits. The same weights always give the same bytes.
func (t *Tagger) Write(w io.Writer) error {
	_, err := w.Write(t.encode())
	return err
}

// encode returns the weights file of t.
func (t *Tagger) encode() []byte {
	stages := t.stages()
	b := append([]byte(magic), byte(len(stages)), 0, 0, 0)
	for _, m := range stages {
		b = binary.LittleEndian.AppendUint32(b, uint32(m.n))
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.scale))
		for a := range m.trans {
			for _, v := range m.trans[a] {
				b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
			}
		}
		for _, v := range m.penalty {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
		}
	}
	keys, rows := t.weightRows()
	return appendJoint(b, keys, rows, len(stages))
}

// weightRows returns the keys of every stage's features, sorted, and for
// each its quantised weights, stage after stage.
func (t *Tagger) weightRows() ([]uint32, [][2 * NumTags]int16) {
	all := map[uint32]*[2 * NumTags]int16{}
	row := func(f uint32) *[2 * NumTags]int16 {
		r := all[f]
		if r == nil {
			r = new([2 * NumTags]int16)
			all[f] = r
		}
		return r
	}
	for h, m := range t.stages() {
		if m.shared != nil {
			for _, f := range m.shared.features() {
				w, _ := m.shared.row(f)
				copy(row(f)[h*NumTags:], w[m.half:m.half+NumTags])
			}
			continue
		}
		for _, sl := range m.table {
			if sl.key != 0 {
				copy(row(sl.key)[h*NumTags:], sl.w[:])
			}
		}
	}
	keys := make([]uint32, 0, len(all))
	for f := range all {
		keys = append(keys, f)
	}
	slices.Sort(keys)
	rows := make([][2 * NumTags]int16, len(keys))
	for i, f := range keys {
		rows[i] = *all[f]
	}
	return keys, rows
}

var errBad = errors.New("weights: truncated or corrupt")

// Read reads a tagger that Write wrote, to be used with extractor x. The
// tagger refers to data's bytes, which must not change.
func Read(data []byte, x *Extractor) (*Tagger, error) {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, errors.New("weights: not a byline tagger file (of this version)")
	}
	r := data[len(magic):]
	if len(r) < 4 || r[0] < 1 || r[0] > 2 {
		return nil, errBad
	}
	n := int(r[0])
	r = r[4:]
	if len(r) < n*headerLen {
		return nil, errBad
	}
	t := &Tagger{Strict: true}
	models := make([]*Model, n)
	for k := range models {
		m := &Model{x: x}
		m.n = int(binary.LittleEndian.Uint32(r))
		m.scale = math.Float32frombits(binary.LittleEndian.Uint32(r[4:]))
		r = r[8:]
		for a := range m.trans {
			for b := range m.trans[a] {
				m.trans[a][b] = math.Float32frombits(binary.LittleEndian.Uint32(r))
				r = r[4:]
			}
		}
		for k := range m.penalty {
			m.penalty[k] = math.Float32frombits(binary.LittleEndian.Uint32(r))
			r = r[4:]
		}
		models[k] = m
	}
	j, rest, err := readJoint(r, n)
	if err != nil {
		return nil, err
	}
	if len(rest) != 0 {
		return nil, errBad
	}
	for h, m := range models {
		m.shared, m.half = j, h*NumTags
	}
	t.First = models[0]
	if n == 2 {
		t.Second = models[1]
		t.joint = j
		t.jointOnce.Do(func() {})
	}
	return t, nil
}
