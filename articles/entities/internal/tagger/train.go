package tagger

import (
	"math/rand"
	"runtime"
	"sort"
	"sync"
)

// TrainDoc is one training document: sentences of words and their gold tags.
type TrainDoc struct {
	Words [][]string
	Tags  [][]Tag
	// Prior, if set, holds first-pass tags: the model learnt is a second pass.
	Prior [][]Tag
}

// TrainOptions controls training.
type TrainOptions struct {
	// Epochs is the most passes over the data.
	Epochs int
	// MinCount drops features seen fewer times in the training data.
	MinCount int
	// Seed fixes the sentence order of every epoch.
	Seed int64
	// Seeds is the number of runs, each with its own sentence order, whose
	// weights are averaged (1 if zero).
	Seeds int
	// AfterEpoch, if set, is called with the averaged model after each
	// epoch of each run (runs go concurrently, so it must be safe for
	// concurrent use) and returns a score to maximise (e.g. F1 on validation data);
	// Train returns the best-scoring model.
	AfterEpoch func(epoch int, m *Model) float64
	// Dropout is the share of features left out of each sentence's update.
	Dropout float64
	// Best, if set, receives the epoch of the first run's best model.
	Best *int
}

type example struct {
	gold []Tag
	mask []uint8
	// feats[off[i]:off[i+1]] are the rows of token i.
	feats []int32
	off   []int32
}

// Train learns a model from docs with the structured averaged perceptron,
// decoding with the same Viterbi search used for tagging. It is
// deterministic for fixed docs and options.
func Train(x *Extractor, docs []TrainDoc, opt TrainOptions) *Model {
	prepared := make([]*Doc, len(docs))
	counts := map[uint32]int32{}
	var buf []uint32
	for k, td := range docs {
		d := x.Prepare(td.Words)
		if td.Prior != nil {
			d.SetPrior(td.Prior)
		}
		prepared[k] = d
		for s := range d.sents {
			for i := range d.sents[s] {
				buf = d.Features(s, i, buf[:0])
				for _, f := range buf {
					counts[f]++
				}
			}
		}
	}
	keys := make([]uint32, 0, len(counts))
	for f, c := range counts {
		if int(c) >= opt.MinCount {
			keys = append(keys, f)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	index := make(map[uint32]int32, len(keys))
	for i, f := range keys {
		index[f] = int32(i)
	}
	var exs []example
	for k, d := range prepared {
		for s := range d.sents {
			ex := example{gold: docs[k].Tags[s], off: []int32{0}}
			for i := range d.sents[s] {
				ex.mask = append(ex.mask, d.mask(s, i))
				buf = d.Features(s, i, buf[:0])
				for _, f := range buf {
					if r, ok := index[f]; ok {
						ex.feats = append(ex.feats, r)
					}
				}
				ex.off = append(ex.off, int32(len(ex.feats)))
			}
			exs = append(exs, ex)
		}
	}
	// The runs are independent: they run on all cores, and their models
	// are averaged in run order, so the result does not depend on timing.
	seeds := max(opt.Seeds, 1)
	models := make([]*Model, seeds)
	epochs := make([]int, seeds)
	Parallel(seeds, func(k int) {
		models[k], epochs[k] = learnRun(x, index, exs, opt, opt.Seed+int64(k)*1000)
	})
	if opt.Best != nil {
		*opt.Best = epochs[0]
	}
	if len(models) == 1 {
		return models[0]
	}
	return mean(models)
}

// Parallel calls f(0) ... f(n-1), as many at a time as there are cores,
// and returns when all have returned.
func Parallel(n int, f func(i int)) {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			f(i)
		}()
	}
	wg.Wait()
}

// learnRun trains one perceptron with the sentence order drawn from seed
// and returns the best averaged model and its epoch.
func learnRun(x *Extractor, index map[uint32]int32, exs []example, opt TrainOptions, seed int64) (*Model, int) {
	p := newPerceptron(x, index)
	p.drop = uint32(opt.Dropout * (1 << 16))
	p.rng = uint64(seed)*0x9E3779B97F4A7C15 | 1
	rng := rand.New(rand.NewSource(seed))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var best *Model
	bestEpoch, bestScore := 0, -1.0
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			p.learn(&exs[k])
		}
		m := p.averaged()
		if opt.AfterEpoch == nil {
			best, bestEpoch = m, ep
			continue
		}
		if sc := opt.AfterEpoch(ep, m); sc > bestScore {
			best, bestEpoch, bestScore = m, ep, sc
		}
	}
	return best, bestEpoch
}

// mean returns the model whose weights are the mean of models' weights,
// which share one feature index: averaging runs with different sentence
// orders lowers the variance of the perceptron.
func mean(models []*Model) *Model {
	out := &Model{x: models[0].x, index: models[0].index, w: make([]float32, len(models[0].w))}
	f := float32(len(models))
	for _, m := range models {
		for i, v := range m.w {
			out.w[i] += v / f
		}
		for a := range m.trans {
			for b := range m.trans[a] {
				out.trans[a][b] += m.trans[a][b] / f
			}
		}
	}
	out.build()
	return out
}

// perceptron holds the weights being learnt and their running sums for
// averaging (w - u/c is the average of w over all updates).
type perceptron struct {
	m     *Model
	u     []float64
	tu    [NumTags + 1][NumTags]float64
	c     float64
	sc    scratch
	pred  []Tag
	index map[uint32]int32
	// drop is the chance, out of 1<<16, that a feature is left out of one
	// sentence's update; rng draws it.
	drop uint32
	rng  uint64
	kept []int32
	koff []int32
}

func newPerceptron(x *Extractor, index map[uint32]int32) *perceptron {
	n := len(index)
	return &perceptron{
		m:     &Model{x: x, index: index, w: make([]float32, n*NumTags)},
		u:     make([]float64, n*NumTags),
		c:     1,
		index: index,
	}
}

// features returns the rows of token i for this update, leaving some out
// when dropout is on (feature bagging: the tagger then cannot lean on the
// word alone, which helps on text unlike its training data).
func (p *perceptron) choose(ex *example) {
	p.kept, p.koff = p.kept[:0], append(p.koff[:0], 0)
	for i := 0; i+1 < len(ex.off); i++ {
		for _, r := range ex.feats[ex.off[i]:ex.off[i+1]] {
			if p.drop > 0 {
				p.rng ^= p.rng << 13
				p.rng ^= p.rng >> 7
				p.rng ^= p.rng << 17
				if uint32(p.rng&0xffff) < p.drop {
					continue
				}
			}
			p.kept = append(p.kept, r)
		}
		p.koff = append(p.koff, int32(len(p.kept)))
	}
}

func (p *perceptron) learn(ex *example) {
	n := len(ex.gold)
	p.sc.emit = grow(p.sc.emit, n*NumTags)
	w := p.m.w
	p.choose(ex)
	for i := 0; i < n; i++ {
		e := p.sc.emit[i*NumTags : (i+1)*NumTags]
		for _, r := range p.kept[p.koff[i]:p.koff[i+1]] {
			row := w[int(r)*NumTags : int(r)*NumTags+NumTags]
			for k := range e {
				e[k] += row[k]
			}
		}
		constrain(e, ex.mask[i])
	}
	if cap(p.pred) < n {
		p.pred = make([]Tag, n)
	}
	pred := p.pred[:n]
	viterbi(&p.sc, &p.m.trans, n, pred)
	prevG, prevP := Tag(NumTags), Tag(NumTags)
	for i := 0; i < n; i++ {
		g, q := ex.gold[i], pred[i]
		if g != q {
			for _, r := range p.kept[p.koff[i]:p.koff[i+1]] {
				p.bump(int(r)*NumTags+int(g), 1)
				p.bump(int(r)*NumTags+int(q), -1)
			}
		}
		if g != q || prevG != prevP {
			p.m.trans[prevG][g]++
			p.tu[prevG][g] += p.c
			p.m.trans[prevP][q]--
			p.tu[prevP][q] -= p.c
		}
		prevG, prevP = g, q
	}
	p.c++
}

func (p *perceptron) bump(i int, d float32) {
	p.m.w[i] += d
	p.u[i] += float64(d) * p.c
}

// averaged returns a model with the averaged weights.
func (p *perceptron) averaged() *Model {
	m := &Model{x: p.m.x, index: p.index, w: make([]float32, len(p.m.w))}
	for i, w := range p.m.w {
		m.w[i] = float32(float64(w) - p.u[i]/p.c)
	}
	for a := range m.trans {
		for b := range m.trans[a] {
			m.trans[a][b] = float32(float64(p.m.trans[a][b]) - p.tu[a][b]/p.c)
		}
	}
	m.build()
	return m
}
