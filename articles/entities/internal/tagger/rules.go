package tagger

import (
	"strings"

	"github.com/byline/byline/articles/entities/gazetteer"
)

// Rules applied after decoding. They carry knowledge the 1996 news the
// tagger learns from lacks or contradicts: that facilities (streets,
// parks, hotels, restaurants) are places, that a business named by a
// possessive ("Wendy's", "Del Frisco's") is one name, that "Gulf of
// Mexico" is one place, that "Miami Florida" and "Baltimore, MD" name a
// city and its state, that in text that capitalises names a word in
// lower case is rarely a place, and that outside sports reports a major
// city's name is the city, not its team (cityrule.go).

// places is the gazetteer lists that name places.
const places = gazetteer.Country | gazetteer.Region | gazetteer.City

// hashSet returns the set of the hashes of words.
func hashSet(words ...string) map[uint64]bool {
	m := make(map[uint64]bool, len(words))
	for _, w := range words {
		m[gazetteer.Hash(w)] = true
	}
	return m
}

// facilityHeads end the name of a facility or a natural feature when
// capitalised: "Hayes Street Grill", "Sand Hill Park", "Ashtamudi Lake".
var facilityHeads = hashSet(
	"street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "boulevard", "blvd",
	"lane", "highway", "park", "airport", "hotel", "motel", "inn", "resort", "restaurant",
	"cafe", "café", "grill", "pub", "pizza", "pizzeria", "diner", "bistro", "bakery", "mall",
	"plaza", "square", "bridge", "bridges", "beach", "lake", "mountain", "mountains",
	"hospital", "clinic", "stadium", "arena", "center", "centre", "station", "museum",
	"gallery", "library", "church", "cathedral", "temple", "mosque", "palace", "castle",
	"tower", "hall", "auditorium", "theater", "theatre", "cinema", "garage", "memorial",
	"base", "garden", "gardens", "zoo", "island", "islands", "bay", "valley", "hill", "hills",
	"river", "canyon", "falls", "district", "village", "heights", "harbour", "harbor",
	"chowk", "keys", "strip", "delta", "desert", "peninsula", "coast", "strait", "straits", "canal",
	"sea", "ocean", "gulf", "basin", "plateau", "forest", "glacier", "reef", "lagoon", "fjord",
)

// IsPlaceHead reports whether word (any case) ends the name of a facility or
// a natural feature when capitalised: "Street", "Park", "Delta", "Valley".
func IsPlaceHead(word string) bool { return facilityHeads[gazetteer.Hash(strings.ToLower(word))] }

// lowerHeads may end a facility's name in lower case after capitalised
// words: "Sand Hill park", "St Pancras station".
var lowerHeads = hashSet(
	"park", "street", "road", "avenue", "bridge", "station", "strip", "hotel", "mall", "square",
)

// possessiveEnds are the words that may follow a business named by a
// possessive ("at Del Frisco's for dinner"), where a possessive would be
// followed by what is owned.
var possessiveEnds = hashSet(
	"in", "at", "for", "on", "to", "with", "and", "or", "is", "was", "are", "were", "has",
	"had", "tomorrow", "tonight", "today", "yesterday", "the", "this", "last", "next",
	"near", "around", "after", "before", "because", "but", "when", "if", "since", "so",
	"then", "again", "instead", "anymore", "now", "too",
	"all", "every", "once", "twice", "soon", "later", ".", ",", "?", "!", ";", ":", "--", "-",
)

// possessives are the tokens of a possessive ending: "'s" and, in text
// written without apostrophes, "s".
var possessives = hashSet("'s", "s", "’s")

// postalCodes are the US states' two-letter codes; those that are also
// words ("IN", "OR", "ME") are left out.
var postalCodes = hashSet(
	"ak", "az", "ar", "ca", "ct", "fl", "ga", "ia", "id", "il", "ks", "ky", "md",
	"mi", "mn", "mo", "mt", "nc", "nd", "ne", "nh", "nj", "nm", "nv", "ny", "ri", "sc", "sd",
	"tn", "tx", "ut", "va", "vt", "wa", "wi", "wv", "wy", "d.c.", "dc",
)

// zipShape is the shape of a five-digit ZIP code.
var zipShape, _ = shapes("12345")

// applyRules corrects the decoded tags of d in place.
func (x *Extractor) applyRules(d *Doc, tags [][]Tag) {
	if x.gaz == nil {
		return
	}
	sports := d.sports()
	for s := range d.sents {
		toks, ts := d.sents[s], tags[s]
		x.lowerCaseRule(toks, ts)
		if !sports {
			x.cityRule(toks, ts)
		}
		x.possessiveRule(toks, ts)
		if d.class[s] == sentNormal {
			x.facilityRule(toks, ts)
		}
		x.gazetteerRule(toks, ts)
		x.addressRule(toks, ts)
	}
}

// lists returns the gazetteer lists toks as a whole is on.
func (x *Extractor) lists(toks []token) gazetteer.List {
	if len(toks) == 0 || len(toks) > gazetteer.MaxWords {
		return 0
	}
	h := uint64(0)
	for i := range toks {
		h = gazetteer.Extend(h, toks[i].lower)
	}
	return x.gaz.Lookup(h)
}

// setSpan tags tokens [from, to) as one span of type typ (a B- tag),
// closing whatever span it cuts.
func setSpan(ts []Tag, from, to int, typ Tag) {
	ts[from] = typ
	for i := from + 1; i < to; i++ {
		ts[i] = typ + 1
	}
	if to < len(ts) && ts[to].Inside() {
		ts[to] = ts[to].Type()
	}
}

// spanStart returns where the span holding token i begins.
func spanStart(ts []Tag, i int) int {
	for i > 0 && ts[i].Inside() {
		i--
	}
	return i
}

// SpanEnd returns where the span that begins at token i (a B- tag) ends:
// the index just past its last I- tag.
func SpanEnd(ts []Tag, i int) int {
	j := i + 1
	for j < len(ts) && ts[j] == ts[i]+1 {
		j++
	}
	return j
}

// possessiveRule joins a name and a possessive ending that nothing owned
// follows, "at Del Frisco's for dinner", into one name, a place (a
// restaurant or shop) unless the tagger took it for a MISC name.
func (x *Extractor) possessiveRule(toks []token, ts []Tag) {
	for i := 1; i < len(toks); i++ {
		if !possessives[toks[i].lower] || ts[i] != O || ts[i-1] == O {
			continue
		}
		if n := i + 1; n < len(toks) && !possessiveEnds[toks[n].lower] {
			continue
		}
		from := spanStart(ts, i-1)
		typ := ts[from].Type()
		if typ != BMisc {
			typ = BLoc
		}
		setSpan(ts, from, i+1, typ)
	}
}

// facilityRule tags as a place a run of capitalised words ending in a
// facility's or natural feature's head word: "Hayes Street Grill".
func (x *Extractor) facilityRule(toks []token, ts []Tag) {
	for i := 1; i < len(toks); i++ {
		t := &toks[i]
		capHead := t.flags&(fCap|fFacility) == fCap|fFacility
		lowHead := t.flags&(fLower|fLink) == fLower|fLink && lowerHeads[t.lower]
		if !capHead && !lowHead {
			continue
		}
		if capHead && i+1 < len(toks) && toks[i+1].flags&fCap != 0 {
			continue // the head is inside a longer name: "Wall Street Journal"
		}
		from := i
		for from > 0 && toks[from-1].flags&fCap != 0 && toks[from-1].flags&fTitle == 0 {
			from--
		}
		if from == 0 && from < i && toks[0].freq != 0 && toks[0].freq <= 2 {
			from++ // a common word starting the sentence: "The Peak District"
		}
		// Nationalities before the name stay apart: "Australian Anthony Hill".
		for from < i && ts[from].Type() == BMisc && ts[i].Type() != BMisc {
			from++
		}
		if ts[from].Inside() {
			continue // the run cuts a longer name
		}
		if from == i {
			continue
		}
		if lowHead && x.lists(toks[from:i])&places != 0 {
			continue // a known place and a common noun: "Frankfurt airport"
		}
		if ts[i].Type() == BPer && toks[i-1].gaz&(1<<(3*4+3)) != 0 {
			continue // a first name and a surname: "Tony Hall"
		}
		setSpan(ts, from, i+1, BLoc)
	}
}

// gazetteerRule corrects spans by the place gazetteer: a place split
// around "of" is one ("Gulf of Mexico"); a city followed by its state or
// country is two places ("Miramar Florida").
func (x *Extractor) gazetteerRule(toks []token, ts []Tag) {
	for i := 0; i < len(toks); i++ {
		if ts[i] != BLoc {
			continue
		}
		for l := gazetteer.MaxWords; l >= 3; l-- {
			if i+l > len(toks) {
				continue
			}
			m := toks[i : i+l]
			if m[l-1].flags&fCap == 0 || (i+l < len(ts) && ts[i+l] == ILoc) || x.lists(m)&places == 0 {
				continue
			}
			setSpan(ts, i, i+l, BLoc)
			break
		}
	}
	for i := 0; i < len(toks); {
		if ts[i] == O {
			i++
			continue
		}
		typ := ts[i].Type()
		j := SpanEnd(ts, i)
		all := x.lists(toks[i:j]) &^ gazetteer.MajorCity
		switch {
		case typ == BLoc && j-i >= 2 && all == 0 && uncommon(toks[i:j]) && !facilityHeads[toks[j-1].lower]:
			if x.lists(toks[j-1:j])&(gazetteer.Region|gazetteer.Country) != 0 &&
				x.lists(toks[i:j-1])&gazetteer.City != 0 {
				setSpan(ts, i, j-1, BLoc)
				setSpan(ts, j-1, j, BLoc)
			}
		}
		i = j
	}
}

// uncommon reports whether no word of toks is a common lower-case word.
func uncommon(toks []token) bool {
	for i := range toks {
		if toks[i].freq != 0 && toks[i].freq < 8 {
			return false
		}
	}
	return true
}

// addressRule tags "City, State" as two places: "Baltimore, MD 21202",
// "Saginaw, Michigan".
func (x *Extractor) addressRule(toks []token, ts []Tag) {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].lower != hComma || toks[i-1].flags&fCap == 0 {
			continue
		}
		st := &toks[i+1]
		zip := i+2 < len(toks) && toks[i+2].shape == zipShape
		state := st.flags&fCap != 0 && uncommon(toks[i+1:i+2]) &&
			x.lists(toks[i+1:i+2])&gazetteer.Region != 0 && !facilityHeads[st.lower]
		code := st.flags&fAllCaps != 0 && postalCodes[st.lower] &&
			(zip || i+2 == len(toks) || toks[i+2].flags&fPunct != 0)
		if !state && !code || ts[i+1] != O && ts[i+1] != BLoc && !zip ||
			i+2 < len(ts) && ts[i+2].Inside() {
			continue
		}
		from := i - 1
		if ts[from] != O {
			from = spanStart(ts, from)
		}
		if x.lists(toks[from:i])&gazetteer.City == 0 {
			continue
		}
		setSpan(ts, from, i, BLoc)
		setSpan(ts, i+1, i+2, BLoc)
	}
}

// hComma is the hash of ",".
var hComma = gazetteer.Hash(",")

// Shapes of one- and two-letter lower-case words.
var (
	shapeX, _  = shapes("x")
	shapeXX, _ = shapes("xx")
)

// lowerCaseRule drops the places written in lower case that are unlikely
// to be places: in a sentence that capitalises names, any but a known
// place that is not also a common word; in a sentence written in lower
// case, a one- or two-letter word ("ta" in "got ta go") or a single word
// the gazetteer does not know. A word with a capital inside ("al-Aqsa")
// is not in lower case.
func (x *Extractor) lowerCaseRule(toks []token, ts []Tag) {
	cased := false
	for i := 1; i < len(toks); i++ {
		if toks[i].flags&fCap != 0 && toks[i].lower != hI {
			cased = true
			break
		}
	}
	for i := 0; i < len(toks); {
		if ts[i] != BLoc {
			i++
			continue
		}
		j := SpanEnd(ts, i)
		if toks[i].flags&(fLower|fInnerCap) == fLower {
			tiny := j-i == 1 && (toks[i].shape == shapeX || toks[i].shape == shapeXX)
			known := x.lists(toks[i:j])&places != 0
			single := j-i == 1 && (j == len(toks) || !possessives[toks[j].lower])
			if tiny || cased && (!known || !uncommon(toks[i:j])) || !cased && !known && single {
				for k := i; k < j; k++ {
					ts[k] = O
				}
			}
		}
		i = j
	}
}

// hI is the hash of "i", the pronoun written "I" in a sentence otherwise in
// lower case.
var hI = gazetteer.Hash("i")
