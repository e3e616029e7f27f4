package phash

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

func TestBuildPlacesEveryKey(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 100, 10000, 200000} {
		r := rand.New(rand.NewPCG(uint64(n), 1))
		seen := map[uint64]bool{}
		var keys []uint64
		for len(keys) < n {
			k := r.Uint64()
			if n == 10000 {
				k = uint64(len(keys)) // consecutive keys, not random ones
			}
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		x, slots := Build(keys)
		enc := x.Append(nil)
		if len(enc)%4 != 0 {
			t.Errorf("n=%d: encoding of %d bytes", n, len(enc))
		}
		y, rest, err := Read(append(enc, 1, 2, 3))
		if err != nil || !bytes.Equal(rest, []byte{1, 2, 3}) {
			t.Fatalf("n=%d: Read = %v, rest %v", n, err, rest)
		}
		used := make([]bool, y.Size())
		for i, k := range keys {
			s := y.Slot(k)
			if s != slots[i] || s < 0 || s >= y.Size() {
				t.Fatalf("n=%d: Slot(%d) = %d, built at %d of %d", n, k, s, slots[i], y.Size())
			}
			if used[s] {
				t.Fatalf("n=%d: two keys in slot %d", n, s)
			}
			used[s] = true
		}
		if n > 100 && y.Size() > n+n/16 {
			t.Errorf("n=%d: %d slots", n, y.Size())
		}
		x2, _ := Build(keys)
		if !bytes.Equal(x2.Append(nil), enc) {
			t.Errorf("n=%d: Build is not deterministic", n)
		}
	}
}

func TestReadCorrupt(t *testing.T) {
	x, _ := Build([]uint64{1, 2, 3, 4, 5})
	enc := x.Append(nil)
	for i := 0; i < len(enc); i++ {
		if _, _, err := Read(enc[:i]); err == nil {
			t.Errorf("Read accepted %d of %d bytes", i, len(enc))
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	keys := make([]uint64, 400000)
	for i := range keys {
		keys[i] = r.Uint64()
	}
	for b.Loop() {
		Build(keys)
	}
}

// TestReadUnaligned checks that an index read from bytes not aligned for
// its pilots gives the same slots.
func TestReadUnaligned(t *testing.T) {
	keys := []uint64{10, 20, 30, 40, 50, 60, 70}
	x, slots := Build(keys)
	enc := x.Append(nil)
	for off := 0; off < 2; off++ {
		buf := make([]byte, len(enc)+off)
		copy(buf[off:], enc)
		y, _, err := Read(buf[off:])
		if err != nil {
			t.Fatal(err)
		}
		for i, k := range keys {
			if y.Slot(k) != slots[i] {
				t.Errorf("offset %d: Slot(%d) = %d, want %d", off, k, y.Slot(k), slots[i])
			}
		}
	}
}
