package entities

import (
	"strings"
	"unicode"

	"github.com/byline/byline/articles/entities/gazetteer"
	"github.com/byline/byline/articles/entities/internal/tagger"
)

// The name rules of wire and web copy: names in headings, name particles
// and greetings, places written in lower case.

// salutations open a letter before the name of the person addressed.
var salutations = map[string]bool{"hi": true, "hello": true, "dear": true, "hey": true, "thanks": true}

// particles join the parts of a person's name: "Ursula von der Leyen",
// "Lula da Silva", "Mohammed bin Salman".
var particles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "da": true,
	"do": true, "dos": true, "das": true, "di": true, "du": true, "del": true,
	"della": true, "le": true, "la": true, "bin": true, "bint": true, "ibn": true,
	"al": true, "el": true, "ben": true, "ter": true, "zu": true, "y": true,
}

// joinParticles makes one person of a name the tagger cut at its
// particles: a person span, lower-case particles, and capitalised words
// (tagged or not) after them; or capitalised words, particles and a person
// span. The spans must be in reading order within each sentence.
func (d *doc) joinParticles(spans []span, g *gazetteer.Gazetteer) []span {
	sortSpans(spans)
	out := spans[:0]
	for k := 0; k < len(spans); k++ {
		s := spans[k]
		toks := d.units[s.u].sents[s.sent]
		// Forwards: the particles after s and the capitalised words after them.
		i := s.to
		for i < len(toks) && particles[toks[i].text] {
			i++
		}
		if s.typ == tagger.BPer && i > s.to && i < len(toks) && unicode.IsUpper(firstRune(toks[i].text)) {
			j := i
			for j < len(toks) && j-i < 3 && isTitleCase(toks[j].text) {
				j++
			}
			if j > i {
				s.to = j
				for k+1 < len(spans) && spans[k+1].u == s.u && spans[k+1].sent == s.sent && spans[k+1].from < s.to {
					s.to = max(s.to, spans[k+1].to)
					k++
				}
			}
		}
		// Backwards: capitalised words and particles before a person, not
		// inside the span before it, not common words ("The de Klerk").
		if s.typ == tagger.BPer {
			free := func(i int) bool {
				if n := len(out); n > 0 && out[n-1].u == s.u && out[n-1].sent == s.sent && out[n-1].to > i {
					return false
				}
				_, capitalised, ok := g.Word(gazetteer.Hash(strings.ToLower(toks[i].text)))
				return isTitleCase(toks[i].text) && (!ok || capitalised)
			}
			i := s.from
			for i > 0 && particles[toks[i-1].text] {
				i--
			}
			if i < s.from && i > 0 && free(i-1) {
				j := i - 1
				for j > 0 && i-j < 3 && free(j-1) {
					j--
				}
				s.from = j
			}
		}
		out = append(out, s)
	}
	return out
}

// heading assigns a name found in a heading or a title. Headings are
// short and often in capitals, where the tagger guesses more, so a name
// the body does not use is kept only when it is unlikely to be a guess: a
// place the gazetteer lists ("ROME", "( U.S. )"), a person of two words
// or more, or a listed given name or person (an email's "Mike"). A single
// unlisted word needs the body's confirmation, in any case ("SHEARER" is
// the body's Shearer).
func (gr *grouper) heading(s span) {
	text := gr.d.text(s)
	if e := gr.alias(text); e != nil {
		gr.add(e, s)
		return
	}
	if e := gr.aliasFold(text); e != nil {
		gr.add(e, s)
		return
	}
	switch {
	case s.typ == tagger.BLoc && gr.listedPlace(s):
		gr.add(gr.place(text), s)
	case s.typ == tagger.BPer && (s.to-s.from >= 2 || gr.g.Lists(text)&(gazetteer.FirstName|gazetteer.Person) != 0):
		gr.add(gr.person(text), s)
	}
}

// aliasFold is alias ignoring case, for names in capitals: "SHEARER" is
// the Shearer of the body, "ROBERTO DURAN" its Roberto Duran.
func (gr *grouper) aliasFold(text string) *entity {
	if !isAllCaps(text) {
		return nil
	}
	var best *entity
	for key, e := range gr.byName {
		if !key.place && strings.EqualFold(key.name, text) && (best == nil || e.last > best.last) {
			best = e
		}
	}
	if best != nil {
		return best
	}
	for last, cands := range gr.surnames {
		if strings.EqualFold(last, text) {
			for _, c := range cands {
				if best == nil || c.last > best.last {
					best = c
				}
			}
		}
	}
	return best
}

// placeLists are the gazetteer lists of places.
const placeLists = gazetteer.Country | gazetteer.Region | gazetteer.City | gazetteer.MajorCity | gazetteer.Landmark

// listedPlace reports whether the gazetteer lists s as a place, spelling
// aside ("U.S." and "US" are one country).
func (gr *grouper) listedPlace(s span) bool {
	if _, ok := gr.g.Country(gr.d.text(s)); ok {
		return true
	}
	return gr.g.Lists(gr.d.wordsOf(s)...)&placeLists != 0
}

// geoHeads end a place's name after the place it is named for.
var geoHeads = map[string]bool{
	"bay": true, "island": true, "islands": true, "lake": true, "river": true,
	"county": true, "city": true, "beach": true, "valley": true, "coast": true,
	"harbour": true, "harbor": true, "gulf": true, "sea": true, "falls": true,
}

// lowerPlace reports whether a place written in lower case ("canada",
// "tampa bay", "cordoba"), as web text often does, is still safely a
// place: the gazetteer lists it as a country, region or large city, and
// none of its words is a common word that is usually written in lower
// case ("nice", "reading", "bath").
func lowerPlace(words []string, g *gazetteer.Gazetteer) bool {
	const lists = gazetteer.Country | gazetteer.Region | gazetteer.MajorCity
	if g.Lists(words...)&lists == 0 {
		// "tampa bay": a listed place and a geographic word.
		n := len(words)
		if n < 2 || !geoHeads[words[n-1]] || g.Lists(words[:n-1]...)&lists == 0 {
			return false
		}
		words = words[:n-1]
	}
	for _, w := range words {
		if _, capitalised, ok := g.Word(gazetteer.Hash(w)); ok && !capitalised {
			return false
		}
	}
	return true
}
