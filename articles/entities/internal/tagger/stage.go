package tagger

// SetPrior records first-pass tags for the second pass: each token learns
// its own first-pass tag, its neighbours' and the tags the first pass gave
// the other occurrences of the same word in the document (Ratinov & Roth
// 2009's prediction aggregation).
func (d *Doc) SetPrior(tags [][]Tag) { d.setPrior(tags, nil) }

// setPrior is SetPrior with counts, if it is long enough, as the space it
// counts in; it returns that space.
func (d *Doc) setPrior(tags [][]Tag, counts [][NumTags]uint16) [][NumTags]uint16 {
	d.staged = true
	counts = reuse(counts, d.words) // by token id
	for s, toks := range d.sents {
		for i := range toks {
			counts[toks[i].id][tags[s][i]]++
		}
	}
	for s, toks := range d.sents {
		for i := range toks {
			t := &toks[i]
			own := tags[s][i]
			t.prior = own
			c := &counts[t.id]
			t.priorDoc, t.priorMaj = 0, O
			if c[own] == c[0]+c[1]+c[2]+c[3]+c[4]+c[5]+c[6]+c[7]+c[8] {
				// Every occurrence has the token's tag (most words
				// occur once): what the loops below work out.
				if c[own] > 1 {
					t.priorDoc, t.priorMaj = 1<<own, own.Type()
				}
				continue
			}
			var byType [NumTags]uint16
			for k := Tag(0); k < NumTags; k++ {
				n := c[k]
				if k == own {
					n--
				}
				if n > 0 {
					t.priorDoc |= 1 << k
					byType[k.Type()] += n
				}
			}
			best := uint16(0)
			for k := Tag(0); k < NumTags; k++ {
				if byType[k] > best {
					best, t.priorMaj = byType[k], k
				}
			}
		}
	}
	return counts
}

// priorFeatures appends the second-pass features of token i of sentence s.
func (d *Doc) priorFeatures(s, i int, buf []uint32) []uint32 {
	toks := d.sents[s]
	t := &toks[i]
	pm1, pp1 := uint64(NumTags), uint64(NumTags)
	if i > 0 {
		pm1 = uint64(toks[i-1].prior)
	}
	if i+1 < len(toks) {
		pp1 = uint64(toks[i+1].prior)
	}
	buf = append(buf,
		key(tPriorOwn, uint64(t.prior)),
		key2(tPriorOwnShort, uint64(t.prior), t.short),
		key2(tPriorM1, pm1, uint64(t.prior)),
		key2(tPriorP1, pp1, uint64(t.prior)),
		key2(tPriorMaj, uint64(t.priorMaj), uint64(t.flags&fCap)),
	)
	for k := 0; k < NumTags; k++ {
		if t.priorDoc&(1<<k) != 0 {
			buf = append(buf, key(tPriorDoc, uint64(k)), key2(tPriorDocShort, uint64(k), t.short))
		}
	}
	return buf
}
