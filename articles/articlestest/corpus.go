package articlestest

// The corpus generator: CorpusArticle makes article i of a large corpus,
// each about 3 KB, with a news-sized vocabulary (words.go), for the
// library's import, search and size budgets.

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// CorpusArticle returns article number i of the corpus for seed, about
// 3 KB of text. It is always the same text for the same seed and i, and
// any article can be made on its own, so a corpus is generated in parallel.
func CorpusArticle(seed uint64, i int) []byte {
	g := gen{r: rand.New(rand.NewPCG(seed, uint64(i)))}
	return g.article()
}

// CorpusName returns the file name of corpus article i: zero-padded so
// that a directory listing sorts in generation order.
func CorpusName(i int) string { return fmt.Sprintf("%06d.txt", i) }

// gen is the state of one corpus article being written.
type gen struct {
	r    *rand.Rand
	b    strings.Builder
	cast []string // the article's people, so that they recur
	locs []string // the article's places
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// zipf picks from list favouring its head, roughly as words occur in text.
func (g *gen) zipf(list []string) string {
	f := g.r.Float64()
	return list[int(f*f*float64(len(list)))]
}

func (g *gen) article() []byte {
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	date := start.AddDate(0, 0, g.r.IntN(7*365))
	for range 2 + g.r.IntN(3) {
		g.cast = append(g.cast, g.pick(firstNames)+" "+g.pick(lastNames))
	}
	for range 2 + g.r.IntN(3) {
		g.locs = append(g.locs, g.pick(places))
	}
	g.b.Grow(3300)
	if g.r.IntN(10) > 0 {
		fmt.Fprintf(&g.b, "date %s ", date.Format("2006-01-02"))
	}
	g.paragraph(3 + g.r.IntN(2))
	sections := 3 + g.r.IntN(3)
	for range sections {
		g.debris()
		g.b.WriteString(g.heading())
		g.b.WriteString("\n\n")
		for range 1 + g.r.IntN(2) {
			g.paragraph(3 + g.r.IntN(3))
		}
		if g.b.Len() > 3100 {
			break
		}
	}
	return []byte(g.b.String())
}

func (g *gen) debris() {
	if g.r.IntN(3) == 0 {
		g.b.WriteString(g.pick([]string{"Advertisment", "Advertisment", "ADVERTISEMENT", "Read more"}))
		g.b.WriteString("\n\n")
	}
}

func (g *gen) paragraph(sentences int) {
	for i := range sentences {
		if i > 0 {
			g.b.WriteByte(' ')
		}
		g.sentence()
	}
	g.b.WriteString("\n\n")
}

func (g *gen) person() string {
	if g.r.IntN(4) == 0 {
		return g.pick(firstNames) + " " + g.pick(lastNames)
	}
	p := g.cast[g.r.IntN(len(g.cast))]
	if g.r.IntN(3) == 0 {
		return p[strings.IndexByte(p, ' ')+1:]
	}
	return p
}

func (g *gen) place() string {
	if g.r.IntN(5) == 0 {
		return g.pick(places)
	}
	return g.locs[g.r.IntN(len(g.locs))]
}

func (g *gen) sentence() {
	switch g.r.IntN(6) {
	case 0:
		fmt.Fprintf(&g.b, "%s, the %s, said on %s that the %s in %s would %s %s.",
			g.person(), g.pick(roles), g.pick(weekdays), g.zipf(nouns), g.place(), g.zipf(verbs), g.phrase())
	case 1:
		fmt.Fprintf(&g.b, "In %s, %s %s the %s %s after %s %s.",
			g.place(), g.person(), g.zipf(pastVerbs), g.zipf(adjectives), g.zipf(nouns), g.zipf(nouns), g.phrase())
	case 2:
		fmt.Fprintf(&g.b, "Officials in %s and %s %s that %s %s %s.",
			g.place(), g.place(), g.zipf(pastVerbs), g.phrase(), g.zipf(verbs), g.phrase())
	case 3:
		fmt.Fprintf(&g.b, "\"We %s %s,\" %s told reporters in %s.",
			g.zipf(verbs), g.phrase(), g.person(), g.place())
	case 4:
		fmt.Fprintf(&g.b, "The %s %s %s, according to %s, who %s %s %s.",
			g.zipf(nouns), g.zipf(pastVerbs), g.phrase(), g.person(), g.zipf(pastVerbs), g.phrase(), g.phrase())
	default:
		fmt.Fprintf(&g.b, "%s %s %s while %s %s %s near %s.",
			capital(g.phrase()), g.zipf(pastVerbs), g.phrase(), g.person(), g.zipf(pastVerbs), g.phrase(), g.place())
	}
}

// phrase is a short noun phrase: "the new talks over the border".
func (g *gen) phrase() string {
	p := "the " + g.zipf(adjectives) + " " + g.zipf(nouns)
	if g.r.IntN(6) == 0 {
		p = "the " + g.rare() + " " + g.zipf(nouns)
	}
	if g.r.IntN(2) == 0 {
		p += " " + g.zipf(prepositions) + " the " + g.zipf(nouns)
	}
	return p
}

func (g *gen) heading() string {
	words := []string{capital(g.zipf(adjectives)), capital(g.zipf(nouns))}
	switch g.r.IntN(3) {
	case 0:
		words = append(words, "in", g.place())
	case 1:
		words = append(words, "and", capital(g.zipf(nouns)))
	default:
		words = append(words, capital(g.zipf(nouns)))
	}
	return strings.Join(words, " ")
}

// rare is one of a long tail of uncommon words (tens of thousands of
// them), so that the corpus's vocabulary, and its index, is news-sized.
func (g *gen) rare() string {
	n := 2 + g.r.IntN(2)
	var b strings.Builder
	for range n {
		b.WriteString(syllables[int(g.r.Float64()*g.r.Float64()*float64(len(syllables)))])
	}
	return b.String()
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
