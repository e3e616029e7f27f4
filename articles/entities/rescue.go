package entities

import (
	"strings"
	"unicode"

	"github.com/byline/byline/articles/entities/gazetteer"
	"github.com/byline/byline/articles/entities/internal/tagger"
)

// placePrefixes open a place's name in several languages: "Cerro Alegre",
// "Mount Kenya", "Lake Naivasha".
var placePrefixes = map[string]bool{
	"cerro": true, "mount": true, "mt.": true, "lake": true, "loch": true,
	"monte": true, "isla": true, "sierra": true, "cape": true, "lago": true,
}

// namedThings are nouns that a following "named X" or "called X" names as
// a thing, not a person: "the rover, named Chandni".
var namedThings = map[string]bool{
	"rover": true, "lander": true, "probe": true, "spacecraft": true, "satellite": true,
	"ship": true, "vessel": true, "boat": true, "yacht": true, "ferry": true,
	"robot": true, "drone": true, "aircraft": true, "plane": true, "train": true,
	"storm": true, "hurricane": true, "typhoon": true, "cyclone": true,
	"dog": true, "cat": true, "horse": true, "dolphin": true, "whale": true,
	"bear": true, "elephant": true, "panda": true, "tiger": true, "puppy": true,
	"telescope": true, "mission": true, "project": true, "programme": true,
	"program": true, "operation": true, "app": true, "software": true, "tool": true,
	"chatbot": true, "engine": true, "rocket": true, "car": true, "band": true,
}

// articleWords open a sentence in a language byline's tagger was not
// trained on and are not people's names: "Der Vertrag wurde ...".
var articleWords = map[string]bool{
	"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true,
	"ein": true, "eine": true, "le": true, "la": true, "les": true, "el": true,
	"il": true, "lo": true, "los": true, "las": true, "het": true, "een": true,
}

// notPerson reports whether a person span is a thing named like one ("the
// rover, named Chandni", "Hurricane Rita") or a foreign sentence's first
// words ("Der Vertrag").
func (d *doc) notPerson(s span, g *gazetteer.Gazetteer) bool {
	if s.typ != tagger.BPer {
		return false
	}
	toks := d.units[s.u].sents[s.sent]
	if s.to-s.from == 2 && s.from == 0 && articleWords[strings.ToLower(toks[0].text)] &&
		g.Lists(toks[1].text)&gazetteer.FirstName == 0 {
		return true
	}
	if s.to-s.from != 1 || s.from == 0 {
		return false
	}
	switch strings.ToLower(toks[s.from-1].text) {
	case "hurricane", "typhoon", "cyclone", "storm":
		return true // "Hurricane Rita"
	case "named", "called", "dubbed", "nicknamed", "christened":
	default:
		return false
	}
	for i := s.from - 2; i >= 0 && i >= s.from-4; i-- {
		if namedThings[strings.ToLower(toks[i].text)] {
			return true
		}
	}
	return false
}

// rescuePlaces adds the places the tagger missed where the text itself
// says what they are, in paragraphs only:
//   - a prefix such as "Cerro" or "Mount" before a capitalised word
//     ("Cerro Alegre"), or before a place ("Cerro Concepción");
//   - "the" before a river, sea, region or landmark that the gazetteer
//     lists and that is no common word ("the Nile's waters");
//   - a listed town joined by "and" or "or" to a place ("Paisley and
//     Greenock");
//   - "from the X to" a place ("from the Gorbals to Partick").
//
// An organisation or other name that one of these says is a place becomes
// one (the tagger reads "Cerro Alegre" as a company, having never seen a
// cerro). The rescued spans are appended.
func (d *doc) rescuePlaces(spans []span, g *gazetteer.Gazetteer) []span {
	inSpan := map[[3]int]int{} // (unit, sentence, token) -> index into spans + 1
	for k, s := range spans {
		for i := s.from; i < s.to; i++ {
			inSpan[[3]int{s.u, s.sent, i}] = k + 1
		}
	}
	isPlace := func(u, sent, i int) bool {
		k := inSpan[[3]int{u, sent, i}]
		return k > 0 && spans[k-1].typ == tagger.BLoc
	}
	common := func(w string) bool {
		_, capitalised, ok := g.Word(gazetteer.Hash(strings.ToLower(w)))
		return ok && !capitalised
	}
	// theRiver reports whether toks[i], after "the", is a river, sea or
	// region that the gazetteer lists, standing alone: followed by a
	// possessive or punctuation, not by a noun it qualifies ("the German
	// embassy", "the Arctic island").
	theRiver := func(toks []token, i int) bool {
		w := toks[i].text
		if common(w) || g.Lists(w)&(gazetteer.Region|gazetteer.Landmark) == 0 ||
			g.Lists(w)&(gazetteer.Person|gazetteer.Organisation|gazetteer.Country) != 0 {
			return false
		}
		if i+1 == len(toks) {
			return true
		}
		switch toks[i+1].text {
		case "'s", "’s", ",", ".", ";", ":", ")", "!", "?":
			return true
		}
		return false
	}
	// Organisations and other names that the same words make places.
	for k := range spans {
		s := &spans[k]
		if s.typ != tagger.BOrg && s.typ != tagger.BMisc || d.units[s.u].paragraph < 0 {
			continue
		}
		toks := d.units[s.u].sents[s.sent]
		w := toks[s.from].text
		prev := ""
		if s.from > 0 {
			prev = strings.ToLower(toks[s.from-1].text)
		}
		one := s.to-s.from == 1
		switch {
		case s.to-s.from >= 2 && placePrefixes[strings.ToLower(w)],
			one && s.typ == tagger.BOrg && prev == "the" && theRiver(toks, s.from) && s.to < len(toks) &&
				(toks[s.to].text == "'s" || toks[s.to].text == "’s"), // "the Nile's waters", not "the Rockies ."
			one && (prev == "and" || prev == "or") && s.from >= 2 && isPlace(s.u, s.sent, s.from-2) && !common(w) &&
				g.Lists(w)&(gazetteer.City|gazetteer.MajorCity|gazetteer.Region|gazetteer.Country) != 0:
			s.typ = tagger.BLoc
		}
	}
	var add []span
	for ui := range d.units {
		if d.units[ui].paragraph < 0 {
			continue
		}
		for si, toks := range d.units[ui].sents {
			free := func(i int) bool {
				return i >= 0 && i < len(toks) && isTitleCase(toks[i].text) && inSpan[[3]int{ui, si, i}] == 0
			}
			for i := 1; i < len(toks); i++ {
				if !free(i) {
					continue
				}
				w := toks[i].text
				prev := strings.ToLower(toks[i-1].text)
				switch {
				case placePrefixes[strings.ToLower(w)] && i+1 < len(toks) && unicode.IsUpper(firstRune(toks[i+1].text)):
					if k := inSpan[[3]int{ui, si, i + 1}]; k > 0 {
						if spans[k-1].typ == tagger.BLoc && spans[k-1].from == i+1 {
							spans[k-1].from = i
						}
						continue
					}
					if free(i + 1) {
						add = append(add, span{u: ui, sent: si, from: i, to: i + 2, typ: tagger.BLoc})
						i++
					}
				case prev == "the" && theRiver(toks, i):
					add = append(add, span{u: ui, sent: si, from: i, to: i + 1, typ: tagger.BLoc})
				case (prev == "and" || prev == "or") && i >= 2 && isPlace(ui, si, i-2) && !common(w) &&
					g.Lists(w)&(gazetteer.City|gazetteer.MajorCity|gazetteer.Region|gazetteer.Country) != 0 && !free(i+1):
					add = append(add, span{u: ui, sent: si, from: i, to: i + 1, typ: tagger.BLoc})
				case prev == "the" && i >= 2 && strings.EqualFold(toks[i-2].text, "from") && i+2 < len(toks) &&
					toks[i+1].text == "to" && isPlace(ui, si, i+2) && !common(w):
					add = append(add, span{u: ui, sent: si, from: i, to: i + 1, typ: tagger.BLoc})
				}
			}
		}
	}
	if len(add) == 0 {
		return spans
	}
	return append(spans, add...)
}
