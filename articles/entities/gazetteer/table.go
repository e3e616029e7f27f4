package gazetteer

import (
	"encoding/binary"
	"errors"

	"github.com/byline/byline/articles/entities/internal/phash"
)

// table is a read-only map from 64-bit hashes to values, read in place
// from the bytes Build wrote: a perfect hash index gives a key's slot, and
// the slot's key says whether it is the key looked up. A lookup reads the
// index's pilot, one key and, for a key that is there, one value.
type table struct {
	index    phash.Index
	keys     []byte // 8 bytes per slot
	vals     []byte // valueLen bytes per slot
	valueLen int
}

var errCorrupt = errors.New("gazetteer: truncated or corrupt table")

// readTable reads a table with values of valueLen bytes from the start of
// b and returns the bytes after it.
func readTable(b []byte, valueLen int) (*table, []byte, error) {
	x, b, err := phash.Read(b)
	if err != nil {
		return nil, nil, errCorrupt
	}
	n := x.Size()
	vn := n * valueLen
	vn += -vn & 3
	if len(b) < 8*n+vn {
		return nil, nil, errCorrupt
	}
	t := &table{index: x, keys: b[:8*n], vals: b[8*n : 8*n+n*valueLen], valueLen: valueLen}
	return t, b[8*n+vn:], nil
}

// slot returns the slot holding key h, or -1.
func (t *table) slot(h uint64) int {
	if h == 0 {
		h = 1
	}
	s := t.index.Slot(h)
	if binary.LittleEndian.Uint64(t.keys[8*s:]) != h {
		return -1
	}
	return s
}

// get16 returns the two-byte value of key h, 0 if it is absent.
func (t *table) get16(h uint64) uint16 {
	s := t.slot(h)
	if s < 0 {
		return 0
	}
	return binary.LittleEndian.Uint16(t.vals[2*s:])
}

// get32 returns the four-byte value of key h and whether h is there.
func (t *table) get32(h uint64) (uint32, bool) {
	s := t.slot(h)
	if s < 0 {
		return 0, false
	}
	return binary.LittleEndian.Uint32(t.vals[4*s:]), true
}
