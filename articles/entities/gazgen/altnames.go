package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// altPopulation is the population from which a city's other names are
// kept: the spellings people write ("Fallujah" for GeoNames' "Al
// Fallūjah", "Trivandrum" for "Thiruvananthapuram") are those of cities
// that make the news; a village's other names are mostly noise.
const altPopulation = 15000

// altMinLength is the shortest other name kept. The other names are in
// many languages, and the short ones are too often words or names in
// English text ("Ena" for Jena, "Hamas" for Hamm, "Nimo" for Nîmes).
const altMinLength = 6

// readAltCities returns the other names of the GeoNames cities (the
// cities1000.txt dump, tab-separated: id, name, asciiname, alternatenames,
// ..., population in column 15) of at least altPopulation people: the
// name without its diacritics and the alternate names written in the Latin
// alphabet, each as written and without its diacritics. An alternate name is kept
// only if it is written like a name (capitalised, with lower-case letters:
// not a code such as "TQD"), and is not a common English word or a first
// name (GeoNames lists "Naveen" as a name of Noida): skip holds those, in
// lower case. Other names shorter than altMinLength are left out.
//
// major holds the names of the cities of at least majorPopulation people
// among them.
func readAltCities(path string, skip map[string]bool) (out, major []string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		col := strings.Split(sc.Text(), "\t")
		if len(col) < 15 {
			continue
		}
		pop, err := strconv.Atoi(col[14])
		if err != nil || pop < altPopulation {
			continue
		}
		n0 := len(out)
		for _, n := range []string{col[1], col[2]} {
			if v := fold(n); nameLike(v) {
				out = append(out, v)
			}
		}
		for _, n := range strings.Split(col[3], ",") {
			for _, v := range []string{n, fold(n)} {
				if nameLike(v) && utf8.RuneCountInString(v) >= altMinLength && !skip[strings.ToLower(v)] {
					out = append(out, v)
				}
			}
		}
		if pop >= majorPopulation {
			major = append(major, out[n0:]...)
		}
	}
	return out, major, sc.Err()
}

// folder removes diacritics: "Sāmarrā" -> "Samarra".
var folder = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// fold returns name without diacritics and without the apostrophes and
// ayin/hamza marks of transliterations ("Sāmarrā’" -> "Samarra").
func fold(name string) string {
	s, _, err := transform.String(folder, name)
	if err != nil {
		return name
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '’', '‘', 'ʼ', 'ʻ', 'ʾ', 'ʿ', '`', '\'':
			return -1
		}
		return r
	}, s)
}

// nameLike reports whether s is written like a place name in the Latin
// alphabet: it starts with a capital letter, has a lower-case letter and
// otherwise only letters, spaces, hyphens, dots and apostrophes.
func nameLike(s string) bool {
	lower := false
	for i, r := range s {
		switch {
		case i == 0 && !unicode.IsUpper(r):
			return false
		case unicode.IsLower(r):
			lower = true
		case unicode.IsLetter(r) || r == ' ' || r == '-' || r == '.' || r == '\'':
		default:
			return false
		}
		if r > unicode.MaxLatin1 && !unicode.Is(unicode.Latin, r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return lower && len(s) >= 3
}
