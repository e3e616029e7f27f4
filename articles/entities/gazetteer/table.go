package gazetteer

import (
	"encoding/binary"
	"errors"

	"github.com/byline/byline/articles/entities/internal/phash"
)

// table is a read-only map from 64-bit hashes to values, read in place
// from the bytes Build wrote: a perfect hash index gives a key's slot, and
// the slot's record holds its key, which says whether it is the key looked
// up, and its value. A lookup reads the index's pilot and one record.
type table struct {
	index  phash.Index
	recs   []byte // recLen bytes per slot: key, value
	recLen int
}

var errCorrupt = errors.New("gazetteer: truncated or corrupt table")

// readTable reads a table with values of valueLen bytes from the start of
// b and returns the bytes after it.
func readTable(b []byte, valueLen int) (*table, []byte, error) {
	x, b, err := phash.Read(b)
	if err != nil {
		return nil, nil, errCorrupt
	}
	n := x.Size() * (8 + valueLen)
	pad := -n & 3
	if len(b) < n+pad {
		return nil, nil, errCorrupt
	}
	return &table{index: x, recs: b[:n], recLen: 8 + valueLen}, b[n+pad:], nil
}

// find returns the record of key h, or nil.
func (t *table) find(h uint64) []byte {
	if h == 0 {
		h = 1
	}
	r := t.recs[t.recLen*t.index.Slot(h):]
	if binary.LittleEndian.Uint64(r) != h {
		return nil
	}
	return r[8:]
}

// get16 returns the two-byte value of key h, 0 if it is absent.
func (t *table) get16(h uint64) uint16 {
	r := t.find(h)
	if r == nil {
		return 0
	}
	return binary.LittleEndian.Uint16(r)
}

// get32 returns the four-byte value of key h and whether h is there.
func (t *table) get32(h uint64) (uint32, bool) {
	r := t.find(h)
	if r == nil {
		return 0, false
	}
	return binary.LittleEndian.Uint32(r), true
}
