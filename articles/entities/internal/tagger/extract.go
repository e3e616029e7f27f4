package tagger

import "github.com/byline/byline/articles/entities/gazetteer"

// docBits fills each token's doc bits from the other occurrences of the same
// lower-cased word in the document (Chieu & Ng 2002's global features).
func docBits(d *Doc) { docBitsWith(d, nil) }

// docBitsWith is docBits with seen, if it is long enough, as the space it
// counts in; it returns that space.
//
// A token has bit k if another occurrence of its word shows k: if k is
// seen twice, or once and not by the token itself. So it is enough to know,
// per word and bit, whether it was seen once and whether twice.
func docBitsWith(d *Doc, seen []docSeen) []docSeen {
	seen = reuse(seen, d.words) // by token id
	for s, toks := range d.sents {
		if d.class[s] != sentNormal {
			continue
		}
		for i := range toks {
			b := ownBits(toks, i)
			toks[i].doc = b // for now: the token's own bits
			c := &seen[toks[i].id]
			c.twice |= c.once & b
			c.once |= b
		}
	}
	for _, toks := range d.sents {
		for i := range toks {
			c := &seen[toks[i].id]
			toks[i].doc = c.twice | c.once&^toks[i].doc
		}
	}
	return seen
}

// docSeen is the document bits a word shows at least once, and at least
// twice, in a document.
type docSeen struct{ once, twice uint16 }

// ownBits returns the document bits that token i itself shows.
func ownBits(toks []token, i int) uint16 {
	t := toks[i].flags
	var b uint16
	if t&fLetter == 0 {
		return 0
	}
	if t&fLower != 0 {
		b |= 1 << dLowerSeen
	}
	if t&fCap == 0 {
		return b
	}
	if i > 0 {
		b |= 1 << dCapInside
		p := toks[i-1].flags
		if p&fTitle != 0 {
			b |= 1 << dAfterTitle
		}
		if p&fCap != 0 && toks[i-1].gaz&(1<<(3*4+3)) != 0 {
			b |= 1 << dAfterFirst
		}
		if p&fCap != 0 && i > 1 {
			b |= 1 << dAfterCap
		}
		if p&fLocPrep != 0 {
			b |= 1 << dAfterLocPrep
		}
	}
	if i+1 < len(toks) {
		n := toks[i+1].flags
		if n&fCap != 0 {
			b |= 1 << dBeforeCap
			if toks[i].gaz&(1<<(3*4+3)) != 0 {
				b |= 1 << dFirstName
			}
		}
		if n&fSaid != 0 {
			b |= 1 << dBeforeSaid
		}
	}
	return b
}

// Hash values standing for the words before and after a sentence.
var (
	hStart = gazetteer.Hash("\x00<s>")
	hEnd   = gazetteer.Hash("\x00</s>")
)

func key(t, v uint64) uint32 {
	return uint32(gazetteer.Mix(v*0x9E3779B97F4A7C15+t) >> 32)
}

func key2(t, a, b uint64) uint32 {
	return uint32(gazetteer.Mix(gazetteer.Mix(a*0x9E3779B97F4A7C15+t)^b) >> 32)
}

// Features appends the feature keys of token i of sentence s to buf.
func (d *Doc) Features(s, i int, buf []uint32) []uint32 {
	toks := d.sents[s]
	t := &toks[i]
	class := uint64(d.class[s])
	lm1, lm2, lp1, lp2 := hStart, hStart, hEnd, hEnd
	sm1, sp1 := hStart, hEnd
	var fm1, fm2 uint16
	var gm1, gp1 uint32
	qm1, qp1 := uint64(16), uint64(17)
	if i > 0 {
		p := &toks[i-1]
		lm1, sm1, fm1, gm1, qm1 = p.lower, p.short, p.flags, p.gaz, uint64(p.freq)
		if i > 1 {
			lm2, fm2 = toks[i-2].lower, toks[i-2].flags
		}
	}
	if i+1 < len(toks) {
		n := &toks[i+1]
		lp1, sp1, gp1, qp1 = n.lower, n.short, n.gaz, uint64(n.freq)
		if i+2 < len(toks) {
			lp2 = toks[i+2].lower
		}
	}
	buf = append(buf,
		key(tBias, 0),
		key(tLower, t.lower),
		key(tWord, t.word),
		key(tShape, t.shape),
		key(tShort, t.short),
		key(tLowerM1, lm1),
		key(tLowerP1, lp1),
		key(tLowerM2, lm2),
		key(tLowerP2, lp2),
		key2(tBiM1, lm1, t.lower),
		key2(tBiP1, t.lower, lp1),
		key2(tShort3, gazetteer.Mix(sm1)^t.short, sp1),
		key2(tShortM1, sm1, t.short),
		key2(tShortP1, t.short, sp1),
		key2(tSentShort, class, t.short),
		key2(tLowerM1Short, lm1, t.short),
		key2(tCaseLower, class, t.lower),
	)
	if i == 0 {
		buf = append(buf, key(tFirstShort, t.short))
	}
	sp := &d.spell[s][i]
	for k := 0; k < 4; k++ {
		if sp.pre[k] != 0 {
			buf = append(buf, key2(tPre, uint64(k), sp.pre[k]))
		}
		if sp.suf[k] != 0 {
			buf = append(buf, key2(tSuf, uint64(k), sp.suf[k]))
		}
	}
	for _, g := range sp.ngrams {
		buf = append(buf, key(tNgram, g))
	}
	if fm1&fTitle != 0 {
		buf = append(buf, key(tTitleM1, t.short))
	}
	if fm2&fTitle != 0 {
		buf = append(buf, key(tTitleM2, t.short))
	}
	capBit := uint64(t.flags & fCap)
	for b := 0; b < 4*gazetteer.NumLists; b++ {
		if t.gaz&(1<<b) != 0 {
			buf = append(buf, key(tGaz, uint64(b)), key2(tGazCap, uint64(b), capBit|class<<4),
				key2(tGazFreq, uint64(b), uint64(t.freq)))
		}
		if gm1&(1<<b) != 0 {
			buf = append(buf, key(tGazM1, uint64(b)))
		}
		if gp1&(1<<b) != 0 {
			buf = append(buf, key(tGazP1, uint64(b)))
		}
	}
	first := uint64(0)
	if i == 0 || class != sentNormal {
		first = 1
	}
	for b := 0; b < numDocBits; b++ {
		if t.doc&(1<<b) != 0 {
			buf = append(buf, key(tDoc, uint64(b)), key2(tDocShort, uint64(b), t.short), key2(tDocFirst, uint64(b), first))
		}
	}
	buf = append(buf,
		key(tFreq, uint64(t.freq)),
		key2(tFreqCap, uint64(t.freq), capBit|first<<1|class<<2),
		key2(tFreqM1, qm1, capBit),
		key2(tFreqP1, qp1, capBit),
	)
	if d.staged {
		buf = d.priorFeatures(s, i, buf)
	}
	return buf
}
