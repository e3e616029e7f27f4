package gazetteer

// table is an open-addressing hash table from name hashes to list bits:
// loading the gazetteers inserts a quarter of a million names, and tagging
// looks up several word sequences per token, both faster than with a Go
// map. Key 0 marks an empty slot (a name hashing to 0 is stored as 1; a
// collision with a name hashing to 1 would only merge their lists).
type table struct {
	keys []uint64
	vals []uint16
	n    int
}

func newTable(capacity int) *table {
	t := &table{}
	t.alloc(capacity)
	return t
}

// alloc makes the table empty with room for capacity keys at most half full.
func (t *table) alloc(capacity int) {
	size := 1024
	for size < 2*capacity {
		size *= 2
	}
	t.keys, t.vals, t.n = make([]uint64, size), make([]uint16, size), 0
}

// or sets bits v on key h.
func (t *table) or(h uint64, v uint16) {
	if h == 0 {
		h = 1
	}
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	mask := uint64(len(t.keys) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case h:
			t.vals[i] |= v
			return
		case 0:
			t.keys[i], t.vals[i] = h, v
			t.n++
			return
		}
	}
}

// get returns the bits of key h, 0 if it is absent.
func (t *table) get(h uint64) uint16 {
	if h == 0 {
		h = 1
	}
	mask := uint64(len(t.keys) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case h:
			return t.vals[i]
		case 0:
			return 0
		}
	}
}

func (t *table) grow() {
	keys, vals := t.keys, t.vals
	t.alloc(len(keys))
	for i, k := range keys {
		if k != 0 {
			t.or(k, vals[i])
		}
	}
}
