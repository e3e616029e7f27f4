package tagger

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

const magic = "BYLNER03"

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

// Write writes t in the compact weights format that Read reads: per stage,
// keys delta-coded, weights quantised to 16 bits, zero weights left out.
// It is not compressed: gzip would save 15% of the file and cost a fifth
// of the load time.
func (t *Tagger) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(magic)
	stages := t.stages()
	bw.WriteByte(byte(len(stages)))
	for _, m := range stages {
		m.write(bw)
	}
	return bw.Flush()
}

func (m *Model) write(bw *bufio.Writer) {
	keys := make([]uint32, 0, len(m.index))
	for f := range m.index {
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	scale := m.scale
	var tmp [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	put(uint64(len(keys)))
	binary.Write(bw, binary.LittleEndian, scale)
	binary.Write(bw, binary.LittleEndian, m.trans)
	binary.Write(bw, binary.LittleEndian, m.penalty)
	last := uint32(0)
	for _, f := range keys {
		put(uint64(f - last))
		last = f
	}
	for _, f := range keys {
		r := int(m.index[f])
		var q [NumTags]int16
		mask := uint64(0)
		for k, v := range m.w[r*NumTags : r*NumTags+NumTags] {
			q[k] = int16(math.Round(float64(v / scale)))
			if q[k] != 0 {
				mask |= 1 << k
			}
		}
		put(mask)
		for k := range q {
			if q[k] != 0 {
				binary.Write(bw, binary.LittleEndian, q[k])
			}
		}
	}
}

// Read reads a tagger written by Write, to be used with extractor x.
// A gzipped file (an older weights file) is read too.
func Read(data []byte, x *Extractor) (*Tagger, error) {
	t, err := read(data, x)
	if err == nil && t.Second != nil {
		t.share()
	}
	return t, err
}

// read is Read without sharing: each model keeps its own table.
func read(data []byte, x *Extractor) (*Tagger, error) {
	raw := data
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("weights: %w", err)
		}
		if raw, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("weights: %w", err)
		}
	}
	if len(raw) < len(magic) || string(raw[:len(magic)]) != magic {
		return nil, errors.New("weights: not a byline tagger file")
	}
	r := raw[len(magic):]
	if len(r) < 1 || r[0] < 1 || r[0] > 2 {
		return nil, errBad
	}
	n := int(r[0])
	r = r[1:]
	t := &Tagger{Strict: true}
	for k := 0; k < n; k++ {
		m, rest, err := readModel(r, x)
		if err != nil {
			return nil, err
		}
		r = rest
		if k == 0 {
			t.First = m
		} else {
			t.Second = m
		}
	}
	return t, nil
}

// share moves both models' weights into the joint table that tagging
// with both reads, and drops their own tables: one copy of the weights.
func (t *Tagger) share() {
	j := t.jointTable()
	t.First.shared, t.First.half, t.First.table = j, 0, nil
	t.Second.shared, t.Second.half, t.Second.table = j, NumTags, nil
}

var errBad = errors.New("weights: truncated or corrupt")

func readModel(r []byte, x *Extractor) (*Model, []byte, error) {
	bad := errBad
	next := func() (uint64, bool) {
		v, n := binary.Uvarint(r)
		if n <= 0 {
			return 0, false
		}
		r = r[n:]
		return v, true
	}
	n, ok := next()
	if !ok || n > 1<<26 {
		return nil, nil, bad
	}
	m := &Model{x: x}
	if len(r) < 4+4*len(m.trans)*NumTags+4*NumTags {
		return nil, nil, bad
	}
	m.scale = math.Float32frombits(binary.LittleEndian.Uint32(r))
	r = r[4:]
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
	keys := make([]uint32, n)
	last := uint32(0)
	for i := range keys {
		d, ok := next()
		if !ok {
			return nil, nil, bad
		}
		last += uint32(d)
		keys[i] = last
	}
	m.alloc(int(n))
	for _, f := range keys {
		mask, ok := next()
		if !ok {
			return nil, nil, bad
		}
		var q [NumTags]int16
		for k := 0; k < NumTags; k++ {
			if mask&(1<<k) == 0 {
				continue
			}
			if len(r) < 2 {
				return nil, nil, bad
			}
			q[k] = int16(binary.LittleEndian.Uint16(r))
			r = r[2:]
		}
		m.put(f, q)
	}
	return m, r, nil
}
