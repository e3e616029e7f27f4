package gazetteer

import (
	"bytes"
	"os"
	"slices"
	"testing"
)

func TestLists(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words []string
		want  List
	}{
		{[]string{"France"}, Country},
		{[]string{"united", "STATES"}, Country},
		{[]string{"Texas"}, Region},
		{[]string{"Chicago"}, City},
		{[]string{"São", "Paulo"}, City},
		{[]string{"Will"}, FirstName},
		{[]string{"Houston"}, City | MajorCity},
		{[]string{"kansas", "city"}, MajorCity},
		{[]string{"Albert", "Einstein"}, Person},
		{[]string{"Rhine"}, Landmark},
		{[]string{"Derbyshire"}, Landmark},
		{[]string{"Oval", "Office"}, Landmark},
		{[]string{"Precision"}, 0},
		// Other names of cities (GeoNames), without their diacritics.
		{[]string{"Fallujah"}, City | MajorCity},   // "Al Fallūjah"
		{[]string{"Samarra"}, City | MajorCity},    // "Sāmarrā’"
		{[]string{"Trivandrum"}, City | MajorCity}, // "Thiruvananthapuram"
		{[]string{"Bombay"}, City | MajorCity},
	}
	for _, tt := range tests {
		if got := g.Lists(tt.words...); got&tt.want != tt.want || tt.want == 0 && got != 0 {
			t.Errorf("Lists(%q) = %b, want %b set", tt.words, got, tt.want)
		}
	}
}

// TestOtherNamesLeftOut checks that the cities' other names that are
// words, people or organisations in English are not taken as cities.
func TestOtherNamesLeftOut(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"Hamas", // Lithuanian for Hamm
		"Nimo",  // Esperanto for Nîmes
		"TQD",   // a code of Fallujah's
	} {
		if got := g.Lists(name); got&(City|MajorCity) != 0 {
			t.Errorf("Lists(%q) = %b, want no city", name, got)
		}
	}
}

func TestCountry(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"US": "United States", "U.S.": "United States", "america": "United States",
		"United States": "United States", "UK": "United Kingdom", "Britain": "United Kingdom",
	} {
		if got, ok := g.Country(name); !ok || got != want {
			t.Errorf("Country(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	for _, name := range []string{"Texas", "Paris", "Georgia Tech", ""} {
		if got, ok := g.Country(name); ok {
			t.Errorf("Country(%q) = %q, want no country", name, got)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestFindLonger(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	seq := func(words ...string) uint64 {
		h := uint64(0)
		for _, w := range words {
			h = Extend(h, Hash(w))
		}
		return h
	}
	for _, tt := range []struct {
		words  []string
		list   List
		longer bool
	}{
		{[]string{"new"}, 0, true},              // New York, New Delhi...
		{[]string{"new", "york"}, Region, true}, // the state; New York City too
		{[]string{"gulf", "of"}, 0, true},       // Gulf of Mexico
		{[]string{"precision"}, 0, false},
	} {
		l, longer := g.Find(seq(tt.words...))
		if l&tt.list != tt.list || longer != tt.longer {
			t.Errorf("Find(%q) = %b, %v; want %b set, %v", tt.words, l, longer, tt.list, tt.longer)
		}
	}
}

// TestTableUpToDate checks that the embedded gazetteer.tab is what the
// lists beside it build: run `go generate ./articles/entities/gazetteer`
// after changing a list.
func TestTableUpToDate(t *testing.T) {
	b, err := Build(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, tableBytes) {
		t.Fatalf("gazetteer.tab (%d bytes) is not what the lists build (%d bytes): run go generate ./articles/entities/gazetteer", len(tableBytes), len(b))
	}
}

func TestReadCorrupt(t *testing.T) {
	for _, n := range []int{0, 4, len(tableMagic), len(tableMagic) + 10, len(tableBytes) / 2, len(tableBytes) - 1} {
		if _, err := read(tableBytes[:n], countryAliases); err == nil {
			t.Errorf("read accepted %d of %d bytes", n, len(tableBytes))
		}
	}
	if _, err := read(append(slices.Clone(tableBytes), 0, 0, 0, 0), countryAliases); err == nil {
		t.Error("read accepted trailing bytes")
	}
}
