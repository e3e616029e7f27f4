package tagger

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// viterbiScan is viterbi as it was written before its steps were made
// branch-free: a scan of the predecessors that keeps the strictly best.
func viterbiScan(sc *scratch, trans *[NumTags + 1][NumTags]float32, n int, out []Tag) {
	if n == 0 {
		return
	}
	delta := make([]float32, n*NumTags)
	back := make([]uint8, n*NumTags)
	neg := float32(math.Inf(-1))
	for b := Tag(0); b < NumTags; b++ {
		t := trans[NumTags][b]
		if !allowed(NumTags, b) {
			t = neg
		}
		delta[b] = sc.emit[b] + t
	}
	for i := 1; i < n; i++ {
		for b := Tag(0); b < NumTags; b++ {
			best, arg := neg, uint8(0)
			for a := Tag(0); a < NumTags; a++ {
				t := trans[a][b]
				if !allowed(a, b) {
					t = neg
				}
				if v := delta[(i-1)*NumTags+int(a)] + t; v > best {
					best, arg = v, uint8(a)
				}
			}
			delta[i*NumTags+int(b)] = best + sc.emit[i*NumTags+int(b)]
			back[i*NumTags+int(b)] = arg
		}
	}
	best, arg := neg, Tag(0)
	for b := Tag(0); b < NumTags; b++ {
		if v := delta[(n-1)*NumTags+int(b)]; v > best {
			best, arg = v, b
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = Tag(back[i*NumTags+int(arg)])
	}
}

// TestViterbiAsScan checks that viterbi chooses as the scan does, ties
// (of few distinct scores, of -0 and +0) and -Inf emissions included.
func TestViterbiAsScan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	neg := float32(math.Inf(-1))
	negZero := float32(math.Copysign(0, -1))
	values := func(k int) float32 {
		switch r.IntN(k) {
		case 0:
			return neg
		case 1:
			return 0
		case 2:
			return negZero
		case 3:
			return float32(r.IntN(3)) // ties
		}
		return r.Float32()*20 - 10
	}
	var sc scratch
	for iter := range 20000 {
		k := 4 + iter%12 // from mostly ties and -Inf to mostly distinct
		n := 1 + r.IntN(12)
		var trans [NumTags + 1][NumTags]float32
		for a := range trans {
			for b := range trans[a] {
				trans[a][b] = values(k)
				if trans[a][b] == neg {
					trans[a][b] = 0 // transitions are finite
				}
			}
		}
		sc.emit = make([]float32, n*NumTags)
		for i := range sc.emit {
			sc.emit[i] = values(k)
			if iter%3 == 0 && i%NumTags == r.IntN(NumTags) {
				sc.emit[i] += 30 // a tag that leads, as O does in text
			}
		}
		got, want := make([]Tag, n), make([]Tag, n)
		viterbi(&sc, &trans, n, got)
		viterbiScan(&sc, &trans, n, want)
		if !slices.Equal(got, want) {
			t.Fatalf("emissions %v, transitions %v: %v, want %v", sc.emit, trans, got, want)
		}
	}
}

// BenchmarkViterbi decodes sentences of 30 tokens with scores that make
// the choices as hard to predict as real emissions do.
func BenchmarkViterbi(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	var trans [NumTags + 1][NumTags]float32
	for a := range trans {
		for c := range trans[a] {
			trans[a][c] = r.Float32()*4 - 2
		}
	}
	const n = 30
	var sc scratch
	sc.emit = make([]float32, n*NumTags)
	for i := range sc.emit {
		sc.emit[i] = r.Float32()*8 - 4
	}
	out := make([]Tag, n)
	for b.Loop() {
		viterbi(&sc, &trans, n, out)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/token")
}
