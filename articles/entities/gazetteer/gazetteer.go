// Package gazetteer holds compact lists of place names and first names and
// looks up token sequences in them. The lists are generated from npm packages
// by ../gazgen (see ATTRIBUTION.md for their sources and licences).
package gazetteer

import (
	"bytes"
	"embed"
	"strings"
)

//go:embed countries.txt regions.txt geography.txt cities.txt firstnames.txt words.txt organisations.txt majorcities.txt people.txt landmarks.txt groups.txt countryaliases.txt altcities.txt
var files embed.FS

// List is a bit set naming the lists a name is on.
type List uint8

// The lists. A name may be on several.
const (
	Country      List = 1 << iota // countries, their common aliases and continents
	Region                        // first-level administrative regions (states, provinces), seas, rivers, mountains
	City                          // GeoNames cities, their other names and national capitals
	FirstName                     // popular given names in several languages
	Organisation                  // well-known organisations, written by hand
	MajorCity                     // cities of at least 100,000 people
	Person                        // well-known people, from WordNet
	Landmark                      // places, waters, mountains and buildings named in WordNet
)

// NumLists is the number of distinct lists.
const NumLists = 8

// MaxWords is the longest name, in words, that Match looks for.
const MaxWords = 5

// Gazetteer maps hashed lower-case word sequences to the lists they are on.
// It is read-only after Load and safe for concurrent use.
type Gazetteer struct {
	names     *table            // name hash -> lists | more if a longer name starts so
	words     map[uint64]uint32 // rank<<1 | 1 if usually capitalised
	countries map[string]string // alias key -> country name: "us" -> "United States"
}

// Load parses the embedded lists. It returns an error only if the embedded
// files are corrupt.
func Load() (*Gazetteer, error) {
	g := &Gazetteer{names: newTable(384 << 10), words: make(map[uint64]uint32, 60000)}
	if err := g.loadWords(); err != nil {
		return nil, err
	}
	if err := g.loadCountries(); err != nil {
		return nil, err
	}
	for _, l := range []struct {
		file string
		list List
	}{
		{"countries.txt", Country},
		{"regions.txt", Region},
		{"geography.txt", Region},
		{"cities.txt", City},
		{"altcities.txt", City},
		{"firstnames.txt", FirstName},
		{"organisations.txt", Organisation},
		{"majorcities.txt", MajorCity},
		{"people.txt", Person},
		{"landmarks.txt", Landmark},
		{"groups.txt", Organisation},
	} {
		text, err := files.ReadFile(l.file)
		if err != nil {
			return nil, err
		}
		for line := range lines(text) {
			g.add(line, l.list)
		}
	}
	return g, nil
}

// lines yields the lines of text.
func lines(text []byte) func(func([]byte) bool) {
	return func(yield func([]byte) bool) {
		for len(text) > 0 {
			line := text
			if i := bytes.IndexByte(text, '\n'); i >= 0 {
				line, text = text[:i], text[i+1:]
			} else {
				text = nil
			}
			if !yield(line) {
				return
			}
		}
	}
}

// loadWords reads the word frequency list: English words, most frequent
// first, each as it is most often written.
func (g *Gazetteer) loadWords() error {
	text, err := files.ReadFile("words.txt")
	if err != nil {
		return err
	}
	rank := uint32(0)
	for line := range lines(text) {
		if len(line) == 0 {
			continue
		}
		v := rank << 1
		if line[0] >= 'A' && line[0] <= 'Z' {
			v |= 1
		}
		h := hashLower(line)
		if _, dup := g.words[h]; !dup {
			g.words[h] = v
		}
		rank++
	}
	return nil
}

// loadCountries reads the country aliases: per line a country's name and
// its other names, tab-separated.
func (g *Gazetteer) loadCountries() error {
	data, err := files.ReadFile("countryaliases.txt")
	if err != nil {
		return err
	}
	g.countries = map[string]string{}
	for line := range lines(data) {
		names := strings.Split(string(line), "\t")
		for _, n := range names {
			g.countries[countryKey(n)] = names[0]
		}
	}
	return nil
}

// countryKey is how a country's names are compared: case, dots and spacing
// ignored, so "U.S." and "US" are one.
func countryKey(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(name, ".", ""))), " ")
}

// Country returns the name of the country that name is another name for
// ("US", "U.S.", "America" -> "United States"; "United States" itself), and
// false for a name that is not a country's alias.
func (g *Gazetteer) Country(name string) (string, bool) {
	c, ok := g.countries[countryKey(name)]
	return c, ok
}

// Word looks up a word by the Hash of its lower-case form and returns its
// frequency rank in spoken English (0 is the most frequent) and whether it
// is usually written capitalised (a name: "John", "Paris"). ok is false for
// words outside the list.
func (g *Gazetteer) Word(h uint64) (rank int, capitalised, ok bool) {
	v, ok := g.words[h]
	return int(v >> 1), v&1 == 1, ok
}

// add adds a name, a line of space-separated words, to list l.
func (g *Gazetteer) add(name []byte, l List) {
	var prefixes [MaxWords - 1]uint64
	h, n := uint64(0), 0
	for len(name) > 0 {
		i := bytes.IndexByte(name, ' ')
		w := name
		if i >= 0 {
			w, name = name[:i], name[i+1:]
		} else {
			name = nil
		}
		if len(w) == 0 {
			continue
		}
		if n > 0 && n < MaxWords {
			prefixes[n-1] = h
		}
		h = Extend(h, hashLower(w))
		n++
	}
	if n > 0 && n <= MaxWords {
		g.names.or(h, uint16(l))
		for _, p := range prefixes[:n-1] {
			g.names.or(p, more)
		}
	}
}

// more marks a word sequence that a longer name starts with.
const more = 1 << 8

// hashLower returns Hash(strings.ToLower(string(w))) without allocating
// for ASCII words.
func hashLower(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range w {
		if c >= 0x80 {
			return Hash(strings.ToLower(string(w)))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// Lookup returns the lists that the word sequence with hash h (built with
// Extend from the lower-case words' Hash values) is on.
func (g *Gazetteer) Lookup(h uint64) List {
	return List(g.names.get(h))
}

// Find is Lookup that also reports whether a longer name starts with the
// word sequence, so that a search for names can stop early.
func (g *Gazetteer) Find(h uint64) (l List, longer bool) {
	v := g.names.get(h)
	return List(v), v&more != 0
}

// Hash returns a 64-bit FNV-1a hash of s.
func Hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Extend returns the hash of a word sequence with hash h followed by a word
// with hash w. The empty sequence has hash 0.
func Extend(h, w uint64) uint64 {
	return Mix(h*0x9E3779B97F4A7C15 + w + 1)
}

// Mix is the splitmix64 finaliser: it spreads the bits of x.
func Mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// Lists returns the lists that the name made of words is on; case is ignored.
func (g *Gazetteer) Lists(words ...string) List {
	h := uint64(0)
	for _, w := range words {
		h = Extend(h, Hash(strings.ToLower(w)))
	}
	return List(g.names.get(h))
}
