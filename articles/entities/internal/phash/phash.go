// Package phash builds perfect hash indexes over 64-bit keys and reads
// them in place from bytes: an index maps each of the keys it was built
// from to its own slot of a table barely larger than the key set, with one
// two-byte pilot per few keys to look up and no probing.
//
// It is "hash and displace" (PTHash, Pibiri and Trani, SIGIR 2021): the
// keys are spread over buckets, and each bucket has a pilot chosen at
// build time so that its keys land on free slots. The index does not hold
// the keys: a key it was not built from maps to some slot too, so the
// caller keeps each slot's key beside its value and compares.
package phash

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"slices"
	"unsafe"
)

// Index is a perfect hash index. The zero Index has no slots.
type Index struct {
	seed    uint64
	size    uint64 // slots
	buckets uint64
	pilots  []uint16 // per bucket
}

// Size returns the number of slots: Slot returns a value below it.
func (x *Index) Size() int { return int(x.size) }

// spread returns the hash of key k that picks its bucket and, with the
// bucket's pilot, its slot: keys are hashes already, so one multiply is
// enough to spread every bit of k into the high bits that Mul64 uses.
func spread(k, seed uint64) uint64 {
	h := (k ^ seed) * 0x9E3779B97F4A7C15
	return h ^ h>>29
}

// position returns the slot of a key with hash h in a bucket with pilot
// p, in a table of size slots.
func position(h, p, size uint64) uint64 {
	x := (h ^ (p+1)*0xBF58476D1CE4E5B9) * 0x94D049BB133111EB
	s, _ := bits.Mul64(x^x>>31, size)
	return s
}

// Slot returns the slot of key k: its own slot if k is one of the keys the
// index was built from, some slot otherwise.
func (x *Index) Slot(k uint64) int {
	h := spread(k, x.seed)
	b, _ := bits.Mul64(h, x.buckets)
	return int(position(h, uint64(x.pilots[b]), x.size))
}

// headerLen is the length of an encoded index before its pilots.
const headerLen = 8 + 4 + 4

// Append appends the encoding of x to b: the seed, the number of slots and
// of buckets, then the pilots; its length is a multiple of 4.
func (x *Index) Append(b []byte) []byte {
	b = binary.LittleEndian.AppendUint64(b, x.seed)
	b = binary.LittleEndian.AppendUint32(b, uint32(x.size))
	b = binary.LittleEndian.AppendUint32(b, uint32(x.buckets))
	for _, p := range x.pilots {
		b = binary.LittleEndian.AppendUint16(b, p)
	}
	if len(x.pilots)%2 != 0 {
		b = append(b, 0, 0)
	}
	return b
}

// littleEndian reports whether the processor reads the encoded pilots as
// they are laid out.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// ErrCorrupt reports an encoded index that is truncated or inconsistent.
var ErrCorrupt = errors.New("phash: truncated or corrupt index")

// Read reads an index that Append encoded at the start of b and returns
// the bytes after it. The index refers to b's bytes, read in place, on a
// little-endian processor when they are aligned for uint16; else it copies
// the pilots (two bytes per four keys).
func Read(b []byte) (x Index, rest []byte, err error) {
	if len(b) < headerLen {
		return Index{}, nil, ErrCorrupt
	}
	x.seed = binary.LittleEndian.Uint64(b)
	x.size = uint64(binary.LittleEndian.Uint32(b[8:]))
	x.buckets = uint64(binary.LittleEndian.Uint32(b[12:]))
	n := 2 * int(x.buckets)
	n += -n & 3
	if x.buckets == 0 || x.size == 0 || len(b)-headerLen < n {
		return Index{}, nil, ErrCorrupt
	}
	p := b[headerLen : headerLen+2*int(x.buckets)]
	if littleEndian && uintptr(unsafe.Pointer(&p[0]))%2 == 0 {
		x.pilots = unsafe.Slice((*uint16)(unsafe.Pointer(&p[0])), x.buckets)
	} else {
		x.pilots = make([]uint16, x.buckets)
		for i := range x.pilots {
			x.pilots[i] = binary.LittleEndian.Uint16(p[2*i:])
		}
	}
	return x, b[headerLen+n:], nil
}

// Build returns an index over keys, which must be distinct, and the slot
// of each key. It is deterministic: the same keys give the same index.
func Build(keys []uint64) (Index, []int) {
	for seed := uint64(0); ; seed++ {
		if x, slots, ok := build(keys, seed*0x9E3779B97F4A7C15); ok {
			return x, slots
		}
	}
}

// BySlot inverts the slots Build returned for an index of size slots: for
// each slot, the index of the key placed there, or -1 for an empty one.
// Tables laid out in slot order are written from it.
func BySlot(slots []int, size int) []int {
	byslot := make([]int, size)
	for i := range byslot {
		byslot[i] = -1
	}
	for i, s := range slots {
		byslot[s] = i
	}
	return byslot
}

// build tries to place keys with one seed; it fails if a bucket finds no
// pilot that places it.
func build(keys []uint64, seed uint64) (Index, []int, bool) {
	n := uint64(len(keys))
	x := Index{seed: seed, size: n + n/32 + 1, buckets: n/4 + 1}
	hashes := make([]uint64, n)
	members := make([][]int, x.buckets) // bucket -> indices into keys
	for i, k := range keys {
		h := spread(k, seed)
		hashes[i] = h
		b, _ := bits.Mul64(h, x.buckets)
		members[b] = append(members[b], i)
	}
	order := make([]int, x.buckets)
	for b := range order {
		order[b] = b
	}
	// The biggest buckets first, while the table is empty.
	slices.SortStableFunc(order, func(a, b int) int { return len(members[b]) - len(members[a]) })
	taken := make([]bool, x.size)
	slots := make([]int, n)
	pilots := make([]uint16, x.buckets)
	var pos []uint64
	for _, b := range order {
		m := members[b]
		if len(m) == 0 {
			break
		}
		placed := false
		for p := uint64(0); p <= 0xFFFF && !placed; p++ {
			pos = pos[:0]
			placed = true
			for _, i := range m {
				s := position(hashes[i], p, x.size)
				if taken[s] || slices.Contains(pos, s) {
					placed = false
					break
				}
				pos = append(pos, s)
			}
			if placed {
				pilots[b] = uint16(p)
				for j, i := range m {
					taken[pos[j]] = true
					slots[i] = int(pos[j])
				}
			}
		}
		if !placed {
			return Index{}, nil, false
		}
	}
	x.pilots = pilots
	return x, slots, true
}
