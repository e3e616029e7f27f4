package articlestest

// The sample-shaped generator: Article makes one article of any size from
// a handful of names and phrases, close to the built-in samples.

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The sample generator's vocabulary: few names, so that the same people
// and places recur across an article, as in the samples.
var (
	samplePeople = []string{"Lloyd Austin", "Yoav Gallant", "Amina Mohamed", "William Ruto", "Camila Nieto",
		"Ingrid Solberg", "Meera Iyer", "Arjun Nair", "Fiona MacLeod", "Kwame Mensah", "Sofia Rossi",
		"Hiroshi Tanaka", "Lucía Fernández", "Oleksandr Kovalenko", "Aisha Bello", "Nguyen Van Long"}
	samplePlaces = []string{"Gaza", "Rafah", "Washington", "Nairobi", "Valparaíso", "Bengaluru", "Glasgow",
		"Kampala", "Madrid", "Canberra", "Kraków", "Lagos", "Osaka", "Lima", "Kyiv", "Hanoi"}
	sampleTopics   = []string{"Precision", "Protection", "Escalation", "Talks", "Water", "Harbour", "Budget", "Elections", "Rivers", "Schools", "Railways", "Trade"}
	sampleJoiners  = []string{"and", "for", "to", "amid", "after", "over"}
	sampleOpenings = []string{"The meeting, significant in its timing,", "Officials said", "Despite these tensions,", "By advocating for restraint,", "As discussions continue,"}
	sampleVerbs    = []string{"met", "spoke with", "called on", "praised", "criticised", "welcomed"}
	sampleTails    = []string{"to discuss the humanitarian situation", "before a second round of talks", "amid growing concern over supplies",
		"as engineers presented new figures", "while crowds gathered outside", "in a statement released late on Tuesday"}
)

// Sentence returns one sample-like sentence naming a person and a place.
func Sentence(r *rand.Rand) string {
	return fmt.Sprintf("%s %s %s %s in %s %s.",
		sampleOpenings[r.IntN(len(sampleOpenings))], samplePeople[r.IntN(len(samplePeople))], sampleVerbs[r.IntN(len(sampleVerbs))],
		samplePeople[r.IntN(len(samplePeople))], samplePlaces[r.IntN(len(samplePlaces))], sampleTails[r.IntN(len(sampleTails))])
}

// Heading returns a short title-case heading.
func Heading(r *rand.Rand) string {
	return fmt.Sprintf("%s %s %s", sampleTopics[r.IntN(len(sampleTopics))], sampleJoiners[r.IntN(len(sampleJoiners))], sampleTopics[r.IntN(len(sampleTopics))])
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
