package entities

import (
	"slices"
	"strings"
	"unicode"

	"github.com/byline/byline/articles/entities/gazetteer"
	"github.com/byline/byline/articles/entities/internal/tagger"
	"github.com/byline/byline/model"
)

// entity is a person or place being assembled from spans.
type entity struct {
	typ   tagger.Tag // BPer or BLoc
	spans []span
	last  int // index of the latest span assigned, for choosing among namesakes
}

// grouper assigns spans to entities so that, within one article, a name
// keeps one meaning.
type grouper struct {
	d        *doc
	g        *gazetteer.Gazetteer
	ents     []*entity
	byName   map[nameKey]*entity  // {person, "Lloyd Austin"}, {place, "gaza"}
	surnames map[string][]*entity // "Austin" -> people whose full name ends so
	covered  map[[2]int][]bool    // (unit, sentence) -> tokens inside a span
	lowered  map[string]bool      // see doc.lowered
	step     int
}

// group turns tagged spans into entities: people with their full names,
// places, mentions propagated to untagged occurrences and confirmed
// heading names, in order of first mention.
func group(d *doc, spans []span, g *gazetteer.Gazetteer) []model.Entity {
	gr := &grouper{d: d, g: g, byName: map[nameKey]*entity{}, surnames: map[string][]*entity{},
		covered: map[[2]int][]bool{}, lowered: d.lowered()}
	things := map[string]bool{} // names of things named like people, in this article
	for _, s := range spans {
		if d.notPerson(s, g) {
			things[d.text(s)] = true
		}
	}
	spans = slices.DeleteFunc(spans, func(s span) bool {
		return d.lowerSlip(s, g) || s.typ == tagger.BPer && things[d.text(s)]
	})
	for k := range spans {
		// "Hi Maria," names Maria.
		if s := &spans[k]; s.typ == tagger.BPer && s.to-s.from >= 2 &&
			salutations[strings.ToLower(d.units[s.u].sents[s.sent][s.from].text)] {
			s.from++
		}
	}
	spans = d.joinParticles(spans, g)
	spans = d.rescuePlaces(spans, g)
	var body, heads []span
	for k := range spans {
		if gr.looksPersonal(spans[k]) {
			spans[k].typ = tagger.BPer
		}
		if c, ok := gr.countryBeforeTitle(spans[k]); ok {
			spans = append(spans, c)
		}
	}
	sortSpans(spans)
	for _, s := range spans {
		if d.units[s.u].paragraph < 0 { // a heading or the title
			heads = append(heads, s)
			if s.typ == tagger.BOrg || s.typ == tagger.BMisc {
				gr.cover(s)
			}
			continue
		}
		body = append(body, s)
		gr.cover(s)
	}
	// Full names first, so that "Austin" finds "Lloyd Austin" wherever it is.
	for _, s := range body {
		if s.typ == tagger.BPer && s.to-s.from >= 2 {
			gr.person(d.text(s))
		}
	}
	votes := gr.vote(body)
	for _, s := range body {
		switch s.typ {
		case tagger.BPer, tagger.BLoc:
			gr.assign(s, votes)
		}
	}
	for _, s := range heads {
		gr.heading(s)
	}
	gr.propagate()
	return gr.entities()
}

// lowered maps the capitalised first word of each sentence of the
// paragraphs, in lower case, to whether the article writes it so
// somewhere: the only words propagate asks about. Gathering these first
// and then looking the article's lower-case words up among them costs far
// less than keeping a set of every lower-case word.
func (d *doc) lowered() map[string]bool {
	lowered := map[string]bool{}
	for _, u := range d.units {
		if u.paragraph < 0 {
			continue
		}
		for _, s := range u.sents {
			if len(s) > 0 && unicode.IsUpper(firstRune(s[0].text)) {
				lowered[strings.ToLower(s[0].text)] = false
			}
		}
	}
	if len(lowered) == 0 {
		return lowered
	}
	for _, u := range d.units {
		for _, s := range u.sents {
			for _, t := range s {
				if _, ok := lowered[t.text]; ok && unicode.IsLower(firstRune(t.text)) {
					lowered[t.text] = true
				}
			}
		}
	}
	return lowered
}

// lowerSlip reports whether s is a tagging slip of the kind "The rover,
// named Chandni": a name none of whose words is capitalised, in text that
// does use capitals. Names with a lower-case particle ("de Klerk",
// "al-Assad") keep a capitalised word; text written all in lower case is
// left to the tagger.
func (d *doc) lowerSlip(s span, g *gazetteer.Gazetteer) bool {
	u := &d.units[s.u]
	words := make([]string, 0, s.to-s.from)
	for _, t := range u.sents[s.sent][s.from:s.to] {
		if !unicode.IsLower(firstRune(t.text)) || strings.IndexFunc(t.text, unicode.IsUpper) > 0 {
			return false // "al-Aqsa" has its capital after the particle
		}
		words = append(words, t.text)
	}
	if s.typ == tagger.BLoc && lowerPlace(words, g) {
		return false
	}
	return strings.IndexFunc(u.text, unicode.IsUpper) >= 0
}

// looksPersonal reports whether an organisation span is better read as a
// person: two or three title-case words, the first a known given name, the
// others not common lower-case words, and the whole no known organisation
// ("Lloyd Austin arrived ...", which the tagger, trained on 1996 news where
// Lloyd's is an insurer, may take for a company), and not ending in a
// place's head word ("Nile Delta", "Jordan Valley").
func (gr *grouper) looksPersonal(s span) bool {
	if s.typ != tagger.BOrg || s.to-s.from < 2 || s.to-s.from > 3 {
		return false
	}
	if toks := gr.d.units[s.u].sents[s.sent]; s.to < len(toks) && isNumber(toks[s.to].text) {
		return false // "Ross County 3 0 0 3", "London Irish 27": a team in a table
	}
	words := gr.d.wordsOf(s)
	if gr.g.Lists(words...)&gazetteer.Organisation != 0 || gr.g.Lists(words[0])&gazetteer.FirstName == 0 ||
		gr.g.Lists(words[0])&(gazetteer.MajorCity|gazetteer.Country) != 0 || // "Paris St Germain"
		tagger.IsPlaceHead(words[len(words)-1]) {
		return false // "Nile Delta": Nile is a given name too
	}
	for i, w := range words {
		if !isTitleCase(w) {
			return false
		}
		if i == 0 {
			continue
		}
		if _, capitalised, ok := gr.g.Word(gazetteer.Hash(strings.ToLower(w))); ok && !capitalised {
			return false
		}
	}
	return true
}

// countryBeforeTitle finds the country that starts an organisation span
// which is really part of a title: in "US Defense Secretary Lloyd Austin"
// the tagger may read "US Defense" as an organisation; "US" is a place.
func (gr *grouper) countryBeforeTitle(s span) (span, bool) {
	if s.typ != tagger.BOrg && s.typ != tagger.BMisc || s.to-s.from < 2 {
		return span{}, false
	}
	toks := gr.d.units[s.u].sents[s.sent]
	if s.to >= len(toks) || !tagger.IsTitle(toks[s.to].text) {
		return span{}, false
	}
	if gr.g.Lists(toks[s.from].text)&gazetteer.Country == 0 {
		return span{}, false
	}
	return span{u: s.u, sent: s.sent, from: s.from, to: s.from + 1, typ: tagger.BLoc}, true
}

// isNumber reports whether w is written in digits only.
func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// isTitleCase reports whether w is a capital followed by lower-case letters.
func isTitleCase(w string) bool {
	for i, r := range w {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

func (gr *grouper) cover(s span) {
	k := [2]int{s.u, s.sent}
	c := gr.covered[k]
	if c == nil {
		c = make([]bool, len(gr.d.units[s.u].sents[s.sent]))
		gr.covered[k] = c
	}
	for i := s.from; i < s.to; i++ {
		c[i] = true
	}
}

// nameKey is how an entity is found by name: a person by the name as
// written, a place by placeKey. A struct, not a prefixed string, so that
// a look-up makes no string.
type nameKey struct {
	place bool
	name  string
}

// person returns the person with full name text, creating it.
func (gr *grouper) person(text string) *entity {
	key := nameKey{name: text}
	if e := gr.byName[key]; e != nil {
		return e
	}
	e := &entity{typ: tagger.BPer}
	gr.ents = append(gr.ents, e)
	gr.byName[key] = e
	if words := strings.Fields(text); len(words) >= 2 {
		last := words[len(words)-1]
		gr.surnames[last] = append(gr.surnames[last], e)
	}
	return e
}

// placeKey is the key of the place named text: a country's other names
// ("US", "U.S.", "America") share the country's key.
func (gr *grouper) placeKey(text string) nameKey {
	if c, ok := gr.g.Country(text); ok {
		text = c
	}
	return nameKey{place: true, name: strings.ToLower(text)}
}

// place returns the place named text, creating it.
func (gr *grouper) place(text string) *entity {
	key := gr.placeKey(text)
	if e := gr.byName[key]; e != nil {
		return e
	}
	e := &entity{typ: tagger.BLoc}
	gr.ents = append(gr.ents, e)
	gr.byName[key] = e
	return e
}

// alias returns the entity that the name text refers to in this article:
// a person's full name or surname, a single-word person, or a place.
func (gr *grouper) alias(text string) *entity {
	if e := gr.byName[nameKey{name: text}]; e != nil {
		return e
	}
	if cands := gr.surnames[text]; len(cands) > 0 {
		best := cands[0]
		for _, c := range cands[1:] {
			if c.last > best.last {
				best = c
			}
		}
		return best
	}
	return gr.byName[gr.placeKey(text)]
}

// vote counts, for each single-word name not part of a person's full name,
// whether it was tagged as a person or a place more often (ties go to the
// first mention), so a name keeps one meaning.
func (gr *grouper) vote(body []span) map[string]tagger.Tag {
	count := map[string]int{}
	first := map[string]tagger.Tag{}
	for _, s := range body {
		if s.typ != tagger.BPer && s.typ != tagger.BLoc || gr.explicitPlace(s) && s.typ == tagger.BLoc {
			continue
		}
		text := gr.d.text(s)
		if _, ok := first[text]; !ok {
			first[text] = s.typ
		}
		if s.typ == tagger.BPer {
			count[text]++
		} else {
			count[text]--
		}
	}
	out := map[string]tagger.Tag{}
	for text, c := range count {
		switch {
		case c > 0:
			out[text] = tagger.BPer
		case c < 0:
			out[text] = tagger.BLoc
		default:
			out[text] = first[text]
		}
	}
	return out
}

// assign adds a body span to its entity.
func (gr *grouper) assign(s span, votes map[string]tagger.Tag) {
	text := gr.d.text(s)
	if s.typ == tagger.BPer && s.to-s.from >= 2 {
		gr.add(gr.person(text), s)
		return
	}
	if gr.explicitPlace(s) {
		gr.add(gr.place(text), s)
		return
	}
	// A country or region the tagger saw as a place stays one even when
	// someone in the article bears its name (Michael Jordan, Jordan).
	if s.typ == tagger.BLoc && gr.g.Lists(gr.d.wordsOf(s)...)&(gazetteer.Country|gazetteer.Region) != 0 {
		gr.add(gr.place(text), s)
		return
	}
	if e := gr.byName[nameKey{name: text}]; e != nil {
		gr.add(e, s)
		return
	}
	if len(gr.surnames[text]) > 0 {
		gr.add(gr.alias(text), s)
		return
	}
	if votes[text] == tagger.BPer {
		gr.add(gr.person(text), s)
	} else {
		gr.add(gr.place(text), s)
	}
}

// explicitPlace reports whether the text itself says s is a place:
// "Austin, Texas".
func (gr *grouper) explicitPlace(s span) bool {
	toks := gr.d.units[s.u].sents[s.sent]
	if s.to+1 >= len(toks) || toks[s.to].text != "," {
		return false
	}
	next := toks[s.to+1].text
	return unicode.IsUpper(firstRune(next)) && gr.g.Lists(next)&(gazetteer.Region|gazetteer.Country) != 0
}

func (gr *grouper) add(e *entity, s span) {
	gr.step++
	e.last = gr.step
	e.spans = append(e.spans, s)
	gr.cover(s)
}

// propagate adds the capitalised occurrences of known names that the
// tagger left untagged, in paragraphs and headings.
func (gr *grouper) propagate() {
	for ui, u := range gr.d.units {
		for si, toks := range u.sents {
			cov := gr.covered[[2]int{ui, si}]
			for i := 0; i < len(toks); i++ {
				if cov != nil && cov[i] || !unicode.IsUpper(firstRune(toks[i].text)) {
					continue
				}
				for n := min(4, len(toks)-i); n >= 1; n-- {
					if !gr.free(cov, toks, i, n) {
						continue
					}
					s := span{u: ui, sent: si, from: i, to: i + n}
					if n == 1 && i == 0 && u.paragraph >= 0 && gr.lowered[strings.ToLower(toks[i].text)] {
						continue
					}
					e := gr.alias(gr.d.text(s))
					if e != nil && e.typ == tagger.BPer && gr.explicitPlace(s) {
						e = gr.place(gr.d.text(s))
					}
					if e != nil {
						s.typ = e.typ
						gr.add(e, s)
						cov = gr.covered[[2]int{ui, si}]
						i += n - 1
						break
					}
				}
			}
		}
	}
}

// free reports whether tokens [i, i+n) are capitalised and in no span.
func (gr *grouper) free(cov []bool, toks []token, i, n int) bool {
	for k := i; k < i+n; k++ {
		if cov != nil && cov[k] || !unicode.IsUpper(firstRune(toks[k].text)) {
			return false
		}
	}
	return true
}

// entities builds the result: mentions in reading order, entities by first
// mention, people named by their fullest form.
func (gr *grouper) entities() []model.Entity {
	var out []model.Entity
	for _, e := range gr.ents {
		if len(e.spans) == 0 {
			continue
		}
		ent := model.Entity{Type: model.Person}
		if e.typ == tagger.BLoc {
			ent.Type = model.Place
		}
		ent.Mentions = make([]model.Mention, 0, len(e.spans))
		for _, s := range e.spans {
			ent.Mentions = append(ent.Mentions, gr.d.mention(s))
		}
		slices.SortStableFunc(ent.Mentions, byPos)
		ent.Name = canonical(ent)
		if c, ok := gr.g.Country(ent.Name); ok && ent.Type == model.Place {
			ent.Name = c // "US" and "U.S." are listed as the United States
		}
		out = append(out, ent)
	}
	slices.SortStableFunc(out, func(a, b model.Entity) int { return byPos(a.Mentions[0], b.Mentions[0]) })
	return out
}

// byPos orders mentions in reading order (model.Pos.Less), for a stable
// sort.
func byPos(a, b model.Mention) int {
	switch p, q := a.Pos(), b.Pos(); {
	case p.Less(q):
		return -1
	case q.Less(p):
		return 1
	}
	return 0
}

// canonical returns the fullest form of the entity's name: the mention with
// the most words, preferring paragraphs to headings, mixed case to capitals
// and earlier to later.
func canonical(e model.Entity) string {
	best, bestScore := "", -1
	for _, m := range e.Mentions {
		score := countFields(m.Text) * 4
		if m.Paragraph >= 0 {
			score += 2
		}
		if !isAllCaps(m.Text) {
			score++
		}
		if score > bestScore {
			best, bestScore = m.Text, score
		}
	}
	name := strings.Join(strings.Fields(best), " ")
	if isAllCaps(name) && strings.IndexFunc(name, unicode.IsLetter) >= 0 && !acronym(name) {
		name = titleCase(name) // a dateline's "WASHINGTON" is listed as Washington
	}
	return name
}

// countFields is len(strings.Fields(s)), without making the slice.
func countFields(s string) int {
	n, inField := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !inField {
			n++
		}
		inField = !space
	}
	return n
}

// acronym reports whether an all-caps name is short enough to be written
// so ("US", "UAE", "NYC"): one word of at most three letters.
func acronym(name string) bool {
	return !strings.Contains(name, " ") && len([]rune(strings.Trim(name, "."))) <= 3 || strings.Contains(name, ".")
}

// titleCase writes an all-caps name in title case: each letter after a
// letter in lower case ("AL-AIN" is "Al-Ain", "O'BRIEN" is "O'Brien").
func titleCase(s string) string {
	var b strings.Builder
	prev := ' '
	for _, r := range s {
		if unicode.IsLetter(prev) {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
