package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline/byline/articles/entities/gazetteer"
)

// Feature templates. Their numbers are part of the weights file's meaning:
// renumbering them requires retraining.
const (
	tBias uint64 = iota + 1
	tLower
	tWord
	tShape
	tShort
	tPre
	tSuf
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tBiM1
	tBiP1
	tShort3
	tShortM1
	tShortP1
	tSentShort
	tFirstShort
	tTitleM1
	tTitleM2
	tGaz
	tGazCap
	tGazM1
	tGazP1
	tDoc
	tDocShort
	tLowerM1Short
	tNgram
	tDocFirst
	tCaseLower
	tPriorOwn
	tPriorOwnShort
	tPriorM1
	tPriorP1
	tPriorDoc
	tPriorMaj
	tPriorDocShort
	tFreq
	tFreqCap
	tFreqM1
	tFreqP1
	tGazFreq
)

// Sentence classes.
const (
	sentNormal = iota
	sentCaps   // every word in capitals: a headline or a shouted line
	sentTitle  // every long word capitalised: a title-case heading
	sentDate   // a dateline: a place and a date ("ROME 1996-12-06")
)

// Token flags.
const (
	fCap         = 1 << iota // first letter upper case
	fAllCaps                 // letters all upper case, at least two of them
	fLower                   // first letter lower case
	fDigit                   // has a digit
	fTitle                   // a title or honorific: Mr, President, Secretary
	fLocPrep                 // in, at, from, near ...
	fSaid                    // said, says, told ...
	fLetter                  // has a letter
	fAddress                 // a URL, e-mail address or file name: never a name
	fPunct                   // punctuation that is never part of a person or place name
	fStrongTitle             // a title that introduces a person: Mr, President, Secretary
	fTime                    // a day or month name
	fInnerCap                // a capital letter after the first: al-Aqsa, iPhone, McDonald
	fLink                    // may stay inside a name in lower case (nameLinks, lowerHeads): never maskNoIn
	fFacility                // ends a facility's name (facilityHeads)
	fSports                  // a sports word (sportsWords)
)

// Document-level bits: what the same word (lower-cased) does elsewhere in
// the document.
const (
	dCapInside    = iota // capitalised, not sentence-initial
	dLowerSeen           // written in lower case
	dAfterTitle          // after a title word
	dAfterFirst          // after a capitalised first name
	dBeforeCap           // followed by a capitalised word
	dAfterCap            // preceded by a capitalised non-initial word
	dAfterLocPrep        // after in/at/from/near
	dBeforeSaid          // followed by said/says/told
	dFirstName           // is itself a capitalised first name followed by a capitalised word
	numDocBits
)

// token is the per-token information features are built from. It holds
// no pointer, so that the garbage collector need not scan a document's
// tokens.
type token struct {
	lower, word, shape, short uint64
	flags                     uint16
	gaz                       uint32 // 4 bits (B, I, E, S) per gazetteer list
	doc                       uint16 // dXxx bits seen on other occurrences
	freq                      uint8  // word frequency band, +8 if usually capitalised; 0 if unknown
	prior                     Tag    // first-pass tag (second pass only)
	priorDoc                  uint16 // first-pass tags of other occurrences, one bit per Tag
	priorMaj                  Tag    // most frequent first-pass type of other occurrences
	id                        int32  // the document's number for the lower-case word
}

// spelling is what Features reads of a token's lower-case word beside its
// token: affixes and trigrams. Tagging with the word cache has their
// weights in the word's entry and leaves them out.
type spelling struct {
	pre, suf [4]uint64
	ngrams   []uint64
}

// Doc is a document prepared for feature extraction.
type Doc struct {
	sents  [][]token
	spell  [][]spelling // by sentence and token; nil if the document was prepared for the word cache
	class  []uint8
	cased  []bool // the sentence (a normal one) capitalises names: a capital after its first word
	words  int    // distinct lower-case words: the token ids are below it
	staged bool   // SetPrior was called: second-pass features are on
	strict bool   // decoding applies maskNoIn (Tagger.Strict)
}

// Extractor prepares documents. It is safe for concurrent use.
type Extractor struct {
	gaz *gazetteer.Gazetteer
}

// NewExtractor returns an extractor using gazetteer g.
func NewExtractor(g *gazetteer.Gazetteer) *Extractor { return &Extractor{gaz: g} }

// Prepare computes the token and document information for sents, a
// document given as sentences of words.
func (x *Extractor) Prepare(sents [][]string) *Doc {
	d := &Doc{sents: make([][]token, len(sents)), class: make([]uint8, len(sents)), cased: make([]bool, len(sents))}
	sents = respell(sents)
	n, nb, caps := 0, 0, false
	for s, words := range sents {
		d.class[s] = sentenceClass(words)
		caps = caps || d.class[s] == sentCaps
		n += len(words)
		for _, w := range words {
			nb += len(w)
		}
	}
	// One allocation each for the document's lower-case words, tokens and
	// character trigrams.
	lowers := make([][]string, len(sents))
	lowerBuf := make([]string, n)
	toksBuf := make([]token, n)
	spellBuf := make([]spelling, n)
	d.spell = make([][]spelling, len(sents))
	grams := make([]uint64, 0, nb) // a word has at most as many trigrams as bytes
	// cased is how the words of normal sentences are written, for the
	// sentences in capitals to borrow: only a document with such a
	// sentence needs it.
	var cased map[string]string
	if caps {
		cased = map[string]string{}
	}
	for s, words := range sents {
		lw := lowerBuf[:len(words):len(words)]
		lowerBuf = lowerBuf[len(words):]
		for i, w := range words {
			lw[i] = strings.ToLower(w)
			if caps && d.class[s] == sentNormal && i > 0 {
				if _, ok := cased[lw[i]]; !ok || isCapitalised(w) {
					cased[lw[i]] = w
				}
			}
		}
		lowers[s] = lw
	}
	// ids numbers the document's distinct lower-case words, for the
	// document-level features to count occurrences in slices, not maps.
	ids := make(map[uint64]int32, n/2)
	for s, words := range sents {
		toks := toksBuf[:len(words):len(words)]
		toksBuf = toksBuf[len(words):]
		sp := spellBuf[:len(words):len(words)]
		spellBuf = spellBuf[len(words):]
		d.spell[s] = sp
		for i, w := range words {
			t := &toks[i]
			lw := lowers[s][i]
			t.flags = wordFlags(w, lw)
			t.lower = gazetteer.Hash(lw)
			id, ok := ids[t.lower]
			if !ok {
				id = int32(len(ids))
				ids[t.lower] = id
			}
			t.id = id
			form := w
			if d.class[s] == sentCaps {
				if c, ok := cased[lw]; ok {
					form = c
				} else {
					form = ""
				}
			}
			if form != "" {
				t.word = gazetteer.Hash(form)
				t.shape, t.short = shapes(form)
			} else {
				t.word = gazetteer.Hash("\x00caps")
				t.shape, t.short = t.word, t.word
			}
			affixes(lw, &sp[i].pre, &sp[i].suf)
			start := len(grams)
			grams = appendNgrams(grams, lw)
			sp[i].ngrams = grams[start:len(grams):len(grams)]
		}
		// The word list's lookups in a loop of their own: independent
		// of each other, their cache misses overlap.
		for i := range toks {
			toks[i].freq = x.freqCode(toks[i].lower)
		}
		x.markGazetteer(toks)
		d.sents[s] = toks
		if d.class[s] == sentNormal {
			for i := 1; i < len(toks); i++ {
				if toks[i].flags&fCap != 0 && lowers[s][i] != "i" {
					d.cased[s] = true
					break
				}
			}
		}
	}
	d.words = len(ids)
	docBits(d)
	return d
}

// Len returns the number of tokens in sentence s.
func (d *Doc) Len(s int) int { return len(d.sents[s]) }

// Sentences returns the number of sentences.
func (d *Doc) Sentences() int { return len(d.sents) }

func sentenceClass(words []string) uint8 {
	if IsDateline(words) {
		return sentDate
	}
	var c classCount
	for _, w := range words {
		c.add(sentenceWord(w))
	}
	return c.class()
}

// What sentenceClass sees of a word.
const (
	swLetter = 1 << iota // has a letter
	swLower              // has a lower-case letter
	swLong               // four runes or more
	swCap                // first letter upper case
)

// sentenceWord returns the swXxx bits of w.
func sentenceWord(w string) uint8 {
	var b uint8
	for _, r := range w {
		if unicode.IsLetter(r) {
			b |= swLetter
			if unicode.IsLower(r) {
				b |= swLower
			}
		}
	}
	if utf8.RuneCountInString(w) >= 4 {
		b |= swLong
	}
	if isCapitalised(w) {
		b |= swCap
	}
	return b
}

// classCount counts the words of a sentence that is not a dateline.
type classCount struct{ letters, caps, titled, long int }

// add counts a word with sentenceWord bits b.
func (c *classCount) add(b uint8) {
	if b&swLetter == 0 {
		return
	}
	c.letters++
	if b&swLower == 0 {
		c.caps++ // a single capital letter fits either
	}
	if b&swLong != 0 {
		c.long++
		if b&swCap != 0 {
			c.titled++
		}
	}
}

// class returns the class of the sentence counted.
func (c *classCount) class() uint8 {
	switch {
	case c.letters >= 1 && c.caps == c.letters && c.letters+c.long > 1:
		return sentCaps
	case c.long >= 3 && c.titled == c.long:
		return sentTitle
	}
	return sentNormal
}

// IsDateline reports whether words are a short line ending in an ISO date,
// such as "ROME 1996-12-06": a dateline, which names the place a story was
// filed from and, in CoNLL-2003, opens a document. The corpus reader splits
// documents with it, so training and tagging agree on what a dateline is.
func IsDateline(words []string) bool {
	if len(words) < 2 || len(words) > 8 {
		return false
	}
	last := words[len(words)-1]
	if len(last) != 10 || last[4] != '-' || last[7] != '-' {
		return false
	}
	for i := 0; i < len(last); i++ {
		if i != 4 && i != 7 && (last[i] < '0' || last[i] > '9') {
			return false
		}
	}
	return true
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// freqCode returns the token's word-frequency feature value: a rank band
// (1: top 1,000 words of spoken English ... 4: top 60,000), plus 8 when
// the word is usually capitalised; 0 for words outside the list.
func (x *Extractor) freqCode(lower uint64) uint8 {
	if x.gaz == nil {
		return 0
	}
	rank, capitalised, ok := x.gaz.Word(lower)
	if !ok {
		return 0
	}
	var c uint8
	switch {
	case rank < 1000:
		c = 1
	case rank < 5000:
		c = 2
	case rank < 20000:
		c = 3
	default:
		c = 4
	}
	if capitalised {
		c += 8
	}
	return c
}

// featureLists are the gazetteer lists that features see; the weights were
// trained with these. MajorCity serves the rules only.
const featureLists = gazetteer.Country | gazetteer.Region | gazetteer.City |
	gazetteer.FirstName | gazetteer.Organisation | gazetteer.Person | gazetteer.Landmark

// markMatch sets the gazetteer bits of a match of l tokens from token i on
// each feature list of lists: B, I and E, or S for a single word.
func markMatch(toks []token, i, l int, lists gazetteer.List) {
	lists &= featureLists
	for b := 0; lists != 0 && b < gazetteer.NumLists; b++ {
		if lists&(1<<b) == 0 {
			continue
		}
		base := uint32(b * 4)
		if l == 1 {
			toks[i].gaz |= 1 << (base + 3)
			continue
		}
		toks[i].gaz |= 1 << base
		for k := i + 1; k < i+l-1; k++ {
			toks[k].gaz |= 1 << (base + 1)
		}
		toks[i+l-1].gaz |= 1 << (base + 2)
	}
}

// markGazetteer sets each token's gazetteer bits from every list match
// covering it: B, I, E or S (single word) per list.
func (x *Extractor) markGazetteer(toks []token) {
	if x.gaz == nil {
		return
	}
	for i := range toks {
		h := uint64(0)
		for l := 1; l <= gazetteer.MaxWords && i+l <= len(toks); l++ {
			if toks[i+l-1].flags&fLetter == 0 {
				break
			}
			h = gazetteer.Extend(h, toks[i+l-1].lower)
			lists, longer := x.gaz.Find(h)
			markMatch(toks, i, l, lists)
			if !longer {
				break // no longer name starts so
			}
		}
	}
}
