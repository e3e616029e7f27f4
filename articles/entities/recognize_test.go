package entities

import (
	"slices"
	"strings"
	"testing"

	"github.com/byline/byline/model"
)

// article builds an article from sections written as "# Heading" lines and
// paragraphs separated by blank lines.
func article(text string) *model.Article {
	a := &model.Article{Title: "test"}
	var sec model.Section
	for _, block := range strings.Split(text, "\n\n") {
		block = strings.TrimSpace(block)
		if h, ok := strings.CutPrefix(block, "# "); ok {
			if sec.Heading != "" || len(sec.Paragraphs) > 0 {
				a.Sections = append(a.Sections, sec)
			}
			sec = model.Section{Heading: h}
			continue
		}
		sec.Paragraphs = append(sec.Paragraphs, block)
	}
	a.Sections = append(a.Sections, sec)
	return a
}

// names returns the canonical names of a's entities of type t.
func names(a *model.Article, t model.EntityType) []string {
	var out []string
	for _, e := range a.Entities {
		if e.Type == t {
			out = append(out, e.Name)
		}
	}
	return out
}

// mentionTexts returns every mention text of a's entities of type t.
func mentionTexts(a *model.Article, t model.EntityType) []string {
	var out []string
	for _, e := range a.Entities {
		if e.Type == t {
			for _, m := range e.Mentions {
				out = append(out, m.Text)
			}
		}
	}
	return out
}

// checkSpans fails unless every mention's offsets select its text.
func checkSpans(t *testing.T, a *model.Article) {
	t.Helper()
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if got := a.Text(m.Section, m.Paragraph); m.Start < 0 || m.End > len(got) || got[m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %+v does not match its text", e.Name, m)
			}
		}
	}
}

func TestRecognize(t *testing.T) {
	tests := []struct {
		name           string
		text           string
		people, places []string // must all be found (canonical names)
		notNames       []string // must not be any entity's name or mention
		mentions       []string // must be among the mention texts
	}{
		{
			name:     "titles stay outside the span",
			text:     "US Defense Secretary Lloyd Austin met Israeli Defense Minister Yoav Gallant at the Pentagon on Tuesday.",
			people:   []string{"Lloyd Austin", "Yoav Gallant"},
			places:   []string{"United States"},
			notNames: []string{"US Defense Secretary Lloyd Austin", "Defense Secretary Lloyd Austin", "Secretary Lloyd Austin", "Israeli"},
		},
		{
			name:     "possessive and hyphenated places",
			text:     "On Monday, Lloyd Austin spoke about US-Israel ties. Austin's remarks were brief, and the Israel-Hamas talks went on in Cairo.",
			people:   []string{"Lloyd Austin"},
			places:   []string{"United States", "Israel", "Cairo"},
			mentions: []string{"Austin", "US", "Israel"},
			notNames: []string{"Austin's", "US-Israel", "Israel-Hamas", "Hamas"},
		},
		{
			name:     "nationalities and organisations are neither",
			text:     "Israeli and French officials said Hamas had written to the United Nations Security Council. The Bank of France kept its rates, said Marie Dubois, an economist in Lyon.",
			people:   []string{"Marie Dubois"},
			places:   []string{"Lyon"},
			notNames: []string{"Israeli", "French", "Hamas", "United Nations Security Council", "France", "Bank of France"},
		},
		{
			name:     "a lower-case word is no name in capitalised text",
			text:     "Engineers in Bengaluru celebrated on Monday night after a small lunar rover built by a team of university students sent its first photographs from the Moon's south polar region. The rover, named Chandni, travelled eleven metres in its first hour, farther than its designers had dared to hope. Professor Meera Iyer said so.",
			people:   []string{"Meera Iyer"},
			places:   []string{"Bengaluru"},
			notNames: []string{"rover", "The rover"},
		},
		{
			name:     "mentions group under the full name",
			text:     "Lloyd Austin arrived in Brussels on Monday. Secretary Austin then met his counterparts, and Austin said the talks were useful.",
			people:   []string{"Lloyd Austin"},
			places:   []string{"Brussels"},
			notNames: []string{"Austin", "Secretary Austin"},
		},
		{
			name:     "a name keeps one meaning unless the text says otherwise",
			text:     "Defense Secretary Lloyd Austin visited troops on Friday. Later, Austin told reporters the visit had gone well.\n\nThe company moved its offices to Austin, Texas, last year.",
			people:   []string{"Lloyd Austin"},
			places:   []string{"Austin"},
			mentions: []string{"Austin"},
		},
		{
			name:     "names that are also words",
			text:     "Will Ferrell and Rose Byrne star in the film, which Grant Shapps praised. We will apply for a grant, and prices rose again.",
			people:   []string{"Will Ferrell", "Rose Byrne", "Grant Shapps"},
			notNames: []string{"Will", "Rose", "Grant", "will", "rose", "grant"},
		},
		{
			name:   "places that are names",
			text:   "Michael Jordan flew from Chicago to Amman, the capital of Jordan. Paris Hilton spent the weekend in Paris, and Georgia Nicolson later travelled to Tbilisi in Georgia.",
			people: []string{"Michael Jordan", "Paris Hilton", "Georgia Nicolson"},
			places: []string{"Chicago", "Amman", "Jordan", "Paris", "Tbilisi", "Georgia"},
		},
		{
			name:   "modern names from many cultures",
			text:   "Narendra Modi met Xi Jinping and Cyril Ramaphosa in New Delhi. Ukrainian President Volodymyr Zelensky spoke with Jacinda Ardern, while Recep Tayyip Erdogan hosted Olusegun Obasanjo in Ankara.",
			people: []string{"Narendra Modi", "Xi Jinping", "Cyril Ramaphosa", "Volodymyr Zelensky", "Jacinda Ardern", "Recep Tayyip Erdogan", "Olusegun Obasanjo"},
			places: []string{"New Delhi", "Ankara"},
		},
		{
			name:     "a common word ends a name",
			text:     "The headline act, the Santiago singer Mon Laferte, will close the festival on Sunday night.",
			people:   []string{"Mon Laferte"},
			places:   []string{"Santiago"},
			notNames: []string{"Santiago singer Mon Laferte", "Santiago singer"},
		},
		{
			name:     "a natural feature named after a river is a place",
			text:     "Egypt's delegation argued that any treaty must guarantee a minimum annual flow to Cairo and the farmland of the Nile Delta.",
			places:   []string{"Egypt", "Cairo", "Nile Delta"},
			notNames: []string{"Nile"},
		},
		{
			name:   "places written without their diacritics or by another name",
			text:   "Reporters who drove from Samarra to Fallujah on Sunday said the road was quiet. Later they flew from Trivandrum to Bombay.",
			places: []string{"Samarra", "Fallujah", "Trivandrum", "Bombay"},
		},
		{
			name:   "unicode names and quotes",
			text:   "José Núñez met Zoë Kravitz in “São Paulo” on Friday, and Łukasz Nowak flew on to Kraków.",
			people: []string{"José Núñez", "Zoë Kravitz", "Łukasz Nowak"},
			places: []string{"São Paulo", "Kraków"},
		},
		{
			name:   "all-capital lines",
			text:   "PRESIDENT EMMANUEL MACRON ARRIVES IN BERLIN FOR TALKS WITH GERMANY\n\nEmmanuel Macron arrived in Berlin on Monday for talks on trade.",
			people: []string{"Emmanuel Macron"},
			places: []string{"Berlin"},
		},
		{
			name:     "title-case headings are not names",
			text:     "Gaza talks resumed in Cairo on Sunday.\n\n# Urging for Precision and Protection\n\nThe envoy asked for restraint.",
			places:   []string{"Gaza", "Cairo"},
			notNames: []string{"Urging", "Precision", "Protection", "Urging for Precision and Protection"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article(tt.text)
			Recognize(a)
			checkSpans(t, a)
			people, places := names(a, model.Person), names(a, model.Place)
			for _, p := range tt.people {
				if !slices.Contains(people, p) {
					t.Errorf("person %q not found; people %q, places %q", p, people, places)
				}
			}
			for _, p := range tt.places {
				if !slices.Contains(places, p) {
					t.Errorf("place %q not found; people %q, places %q", p, people, places)
				}
			}
			all := append(mentionTexts(a, model.Person), mentionTexts(a, model.Place)...)
			for _, n := range tt.notNames {
				if slices.Contains(people, n) || slices.Contains(places, n) {
					t.Errorf("%q is an entity; people %q, places %q", n, people, places)
				}
				if strings.Contains(n, " ") && slices.Contains(all, n) {
					t.Errorf("%q is a mention", n)
				}
			}
			for _, m := range tt.mentions {
				if !slices.Contains(all, m) {
					t.Errorf("mention %q not found in %q", m, all)
				}
			}
		})
	}
}

// TestCountryAliases checks that a country's other names are one place,
// listed under the country's name, and that other places stay apart.
func TestCountryAliases(t *testing.T) {
	a := article("The US and Britain met in Paris on Monday. U.S. officials said the United States would act, and the UK agreed. Officials in Texas were not told.")
	Recognize(a)
	checkSpans(t, a)
	count := map[string]int{}
	for _, e := range a.Entities {
		if e.Type == model.Place {
			count[e.Name] = len(e.Mentions)
		}
	}
	for name, want := range map[string]int{"United States": 3, "United Kingdom": 2, "Paris": 1, "Texas": 1} {
		if count[name] != want {
			t.Errorf("%s: %d mentions, want %d; places %v", name, count[name], want, count)
		}
	}
	for _, alias := range []string{"US", "U.S.", "UK", "Britain"} {
		if _, ok := count[alias]; ok {
			t.Errorf("%q listed apart from its country; places %v", alias, count)
		}
	}
}

// TestRecognizeOddText checks that unusual text never panics and that every
// span still selects its text.
func TestRecognizeOddText(t *testing.T) {
	for _, text := range []string{
		"",
		"   \n\t ",
		"'s 's - -- ... ?!",
		"ÉMILE ZOLA À PARIS",
		"日本の東京で Shinzo Abe が話した。",
		"Austin's",
		"US-",
		"-Israel",
		"U.S.-Israel",
		"“”‘’",
		"x\u200bAustin\u00a0Smith",
		strings.Repeat("Anna Berg visited Oslo. ", 300),
		"\xff\xfeBad UTF-8 Paris",
	} {
		a := article(text)
		Recognize(a)
		checkSpans(t, a)
	}
}

// TestRecognizeLongText tags a text longer than one window: the names of
// every window are found, and spans still select their text.
func TestRecognizeLongText(t *testing.T) {
	defer func(w int) { maxWindow = w }(maxWindow)
	maxWindow = 50
	a := article(strings.Repeat("Anna Berg visited Oslo on Monday. ", 60))
	Recognize(a)
	checkSpans(t, a)
	count := map[string]int{}
	for _, e := range a.Entities {
		count[e.Name] = len(e.Mentions)
	}
	if count["Anna Berg"] != 60 || count["Oslo"] != 60 {
		t.Errorf("mentions %v, want 60 of Anna Berg and of Oslo", count)
	}
}
