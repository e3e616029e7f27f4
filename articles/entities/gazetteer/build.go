package gazetteer

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"slices"

	"github.com/byline/byline/articles/entities/internal/phash"
)

// Generation of gazetteer.tab: `go generate` runs ./mktable, which calls
// Build on this directory's lists. The lists stay the source; the table
// is what the binary embeds and reads in place, so loading costs nothing
// whatever their length.

// tableMagic opens gazetteer.tab; change it with the layout.
const tableMagic = "BYLGAZ01"

// lists are the name lists and the list each is added to.
var lists = []struct {
	file string
	list List
}{
	{"countries.txt", Country},
	{"regions.txt", Region},
	{"geography.txt", Region},
	{"cities.txt", City},
	{"altcities.txt", City},
	{"firstnames.txt", FirstName},
	{"organisations.txt", Organisation},
	{"majorcities.txt", MajorCity},
	{"people.txt", Person},
	{"landmarks.txt", Landmark},
	{"groups.txt", Organisation},
}

// Build reads the lists from dir (the files of this package's directory)
// and returns the table that Load reads: the name table (each name's
// lists, and whether a longer name starts with it) and the word table
// (each word's frequency rank and usual case), each a perfect hash index
// with the keys and values in slot order. The same lists give the same
// bytes.
func Build(dir fs.FS) ([]byte, error) {
	names := map[uint64]uint16{}
	for _, l := range lists {
		text, err := fs.ReadFile(dir, l.file)
		if err != nil {
			return nil, err
		}
		for line := range lines(text) {
			addName(names, line, l.list)
		}
	}
	text, err := fs.ReadFile(dir, "words.txt")
	if err != nil {
		return nil, err
	}
	words := map[uint64]uint32{}
	rank := uint32(0)
	for line := range lines(text) {
		if len(line) == 0 {
			continue
		}
		v := rank << 1
		if line[0] >= 'A' && line[0] <= 'Z' {
			v |= 1
		}
		if h := storedKey(hashLower(line)); !has(words, h) {
			words[h] = v
		}
		rank++
	}
	b := []byte(tableMagic)
	b = appendTable(b, names, func(b []byte, v uint16) []byte { return binary.LittleEndian.AppendUint16(b, v) })
	b = appendTable(b, words, func(b []byte, v uint32) []byte { return binary.LittleEndian.AppendUint32(b, v) })
	return b, nil
}

func has[V any](m map[uint64]V, k uint64) bool {
	_, ok := m[k]
	return ok
}

// storedKey is how a key is stored: 0 marks an empty slot, so a key of 0
// is stored, and looked up, as 1.
func storedKey(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// appendTable appends to b a perfect hash index over m's keys, then per
// slot a record of the key (0 for an empty slot) and the value as put
// writes it, so that a lookup reads one record; the table's length is a
// multiple of 4 bytes.
func appendTable[V any](b []byte, m map[uint64]V, put func([]byte, V) []byte) []byte {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	x, slots := phash.Build(keys)
	b = x.Append(b)
	byslot := phash.BySlot(slots, x.Size())
	var zero V
	for _, i := range byslot {
		k, v := uint64(0), zero
		if i >= 0 {
			k, v = keys[i], m[keys[i]]
		}
		b = put(binary.LittleEndian.AppendUint64(b, k), v)
	}
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// addName adds a name, a line of space-separated words, to list l in
// names: the hash of the whole name gets l, and the hash of each shorter
// sequence it starts with gets more.
func addName(names map[uint64]uint16, name []byte, l List) {
	var prefixes [MaxWords - 1]uint64
	h, n := uint64(0), 0
	for len(name) > 0 {
		i := bytes.IndexByte(name, ' ')
		w := name
		if i >= 0 {
			w, name = name[:i], name[i+1:]
		} else {
			name = nil
		}
		if len(w) == 0 {
			continue
		}
		if n > 0 && n < MaxWords {
			prefixes[n-1] = h
		}
		h = Extend(h, hashLower(w))
		n++
	}
	if n > 0 && n <= MaxWords {
		names[storedKey(h)] |= uint16(l)
		for _, p := range prefixes[:n-1] {
			names[storedKey(p)] |= more
		}
	}
}
