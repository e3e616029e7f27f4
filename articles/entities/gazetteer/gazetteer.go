// Package gazetteer holds compact lists of place names and first names and
// looks up token sequences in them. The lists are generated from npm packages
// by ../gazgen (see ATTRIBUTION.md for their sources and licences).
package gazetteer

import (
	"bytes"
	_ "embed"
	"strings"
)

//go:generate go run ./mktable

// tableBytes is the name and word table that ./mktable builds from the
// lists (Build): read in place, never parsed.
//
//go:embed gazetteer.tab
var tableBytes []byte

//go:embed countryaliases.txt
var countryAliases []byte

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
// It is read-only and safe for concurrent use.
type Gazetteer struct {
	names     *table            // name hash -> lists | more if a longer name starts so
	words     *table            // word hash -> rank<<1 | 1 if usually capitalised
	countries map[string]string // alias key -> country name: "us" -> "United States"
}

// Load returns the gazetteer embedded in the binary. Its tables are read
// in place, so it costs well under a millisecond and little memory. It
// returns an error only if the embedded table is corrupt.
func Load() (*Gazetteer, error) {
	return read(tableBytes, countryAliases)
}

// read returns the gazetteer of a table that Build wrote and of the
// country aliases.
func read(tab, aliases []byte) (*Gazetteer, error) {
	if !bytes.HasPrefix(tab, []byte(tableMagic)) {
		return nil, errCorrupt
	}
	names, rest, err := readTable(tab[len(tableMagic):], 2)
	if err != nil {
		return nil, err
	}
	words, rest, err := readTable(rest, 4)
	if err != nil {
		return nil, err
	}
	if len(rest) != 0 {
		return nil, errCorrupt
	}
	g := &Gazetteer{names: names, words: words, countries: map[string]string{}}
	for line := range lines(aliases) {
		names := strings.Split(string(line), "\t")
		for _, n := range names {
			g.countries[countryKey(n)] = names[0]
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
	v, ok := g.words.get32(h)
	return int(v >> 1), v&1 == 1, ok
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
	return List(g.names.get16(h))
}

// Find is Lookup that also reports whether a longer name starts with the
// word sequence, so that a search for names can stop early.
func (g *Gazetteer) Find(h uint64) (l List, longer bool) {
	v := g.names.get16(h)
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
	return List(g.names.get16(h))
}
