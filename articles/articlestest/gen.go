// Package articlestest generates articles in byline's plain-text news format
// for tests and benchmarks: deterministic, sample-shaped text of any size
// with dates, title-case headings, debris lines and the names of people and
// places.
package articlestest

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var (
	people = []string{"Lloyd Austin", "Yoav Gallant", "Amina Mohamed", "William Ruto", "Camila Nieto",
		"Ingrid Solberg", "Meera Iyer", "Arjun Nair", "Fiona MacLeod", "Kwame Mensah", "Sofia Rossi",
		"Hiroshi Tanaka", "Lucía Fernández", "Oleksandr Kovalenko", "Aisha Bello", "Nguyen Van Long"}
	places = []string{"Gaza", "Rafah", "Washington", "Nairobi", "Valparaíso", "Bengaluru", "Glasgow",
		"Kampala", "Madrid", "Canberra", "Kraków", "Lagos", "Osaka", "Lima", "Kyiv", "Hanoi"}
	topics   = []string{"Precision", "Protection", "Escalation", "Talks", "Water", "Harbour", "Budget", "Elections", "Rivers", "Schools", "Railways", "Trade"}
	joiners  = []string{"and", "for", "to", "amid", "after", "over"}
	openings = []string{"The meeting, significant in its timing,", "Officials said", "Despite these tensions,", "By advocating for restraint,", "As discussions continue,"}
	verbs    = []string{"met", "spoke with", "called on", "praised", "criticised", "welcomed"}
	tails    = []string{"to discuss the humanitarian situation", "before a second round of talks", "amid growing concern over supplies",
		"as engineers presented new figures", "while crowds gathered outside", "in a statement released late on Tuesday"}
)

// Sentence returns one sample-like sentence naming a person and a place.
func Sentence(r *rand.Rand) string {
	return fmt.Sprintf("%s %s %s %s in %s %s.",
		openings[r.IntN(len(openings))], people[r.IntN(len(people))], verbs[r.IntN(len(verbs))],
		people[r.IntN(len(people))], places[r.IntN(len(places))], tails[r.IntN(len(tails))])
}

// Heading returns a short title-case heading.
func Heading(r *rand.Rand) string {
	return fmt.Sprintf("%s %s %s", topics[r.IntN(len(topics))], joiners[r.IntN(len(joiners))], topics[r.IntN(len(topics))])
}

// Article returns an article of about size bytes in the plain-text format:
// a date marker, a lead, then sections of three to five paragraphs under
// title-case headings, with an "Advertisment" line now and then. The same
// seed gives the same text.
func Article(size int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	b.Grow(size + 1024)
	fmt.Fprintf(&b, "date 2024-%02d-%02d ", 1+r.IntN(12), 1+r.IntN(28))
	paragraph := func() {
		n := 3 + r.IntN(4)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(Sentence(r))
		}
		b.WriteString("\n\n")
	}
	paragraph()
	for b.Len() < size {
		if r.IntN(4) == 0 {
			b.WriteString("Advertisment\n\n")
		}
		b.WriteString(Heading(r))
		b.WriteString("\n\n")
		for n := 3 + r.IntN(3); n > 0 && b.Len() < size; n-- {
			paragraph()
		}
	}
	return []byte(b.String())
}
