package gazetteer

import "testing"

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
	}
	for _, tt := range tests {
		if got := g.Lists(tt.words...); got&tt.want != tt.want || tt.want == 0 && got != 0 {
			t.Errorf("Lists(%q) = %b, want %b set", tt.words, got, tt.want)
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
