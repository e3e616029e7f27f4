package entities

import (
	"slices"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	r, err := load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"Austin's dialogue", []string{"Austin", "'s", "dialogue"}},
		{"Austin’s dialogue", []string{"Austin", "’s", "dialogue"}},
		{"US-Israel relations", []string{"US", "-", "Israel", "relations"}},
		{"the Israel-Hamas war", []string{"the", "Israel", "-", "Hamas", "war"}},
		{"Jean-Pierre and a large-scale test", []string{"Jean-Pierre", "and", "a", "large-scale", "test"}},
		{"Mr. Smith met U.S. officials.", []string{"Mr.", "Smith", "met", "U.S.", "officials", "."}},
		{"“São Paulo,” she said", []string{"“", "São", "Paulo", ",", "”", "she", "said"}},
		{"It cost 1,200.50 dollars", []string{"It", "cost", "1,200.50", "dollars"}},
		{"see https://example.com/a?b=c now", []string{"see", "https://example.com/a?b=c", "now"}},
		{"don't", []string{"do", "n't"}},
		{"**Gaza** (AP)", []string{"**", "Gaza", "**", "(", "AP", ")"}},
		{"REUTERS/Jason Reed and/or 24/7", []string{"REUTERS", "/", "Jason", "Reed", "and/or", "24/7"}},
		{"at Del Frisco 's for dinner", []string{"at", "Del", "Frisco", "'s", "for", "dinner"}},
		{"said 'so", []string{"said", "'", "so"}},
		{"8. Charles-Michael Friedek (Germany) 1:45.32", []string{"8.", "Charles-Michael", "Friedek", "(", "Germany", ")", "1:45.32"}},
		{"Note: at 12:30", []string{"Note", ":", "at", "12:30"}},
		{"BOSTON 69 65 .515 5", []string{"BOSTON", "69", "65", ".515", "5"}},
		{"mail mj.mc@hotmail.com or Lisa_cv.doc", []string{"mail", "mj.mc@hotmail.com", "or", "Lisa_cv.doc"}},
	}
	for _, tt := range tests {
		toks := tokenize(tt.text, r.g)
		var got []string
		for _, tok := range toks {
			got = append(got, tok.text)
			if tt.text[tok.start:tok.end] != tok.text {
				t.Errorf("%q: token %q has offsets %d-%d", tt.text, tok.text, tok.start, tok.end)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	r, err := load()
	if err != nil {
		t.Fatal(err)
	}
	text := `Mr. Austin arrived. "It went well," he said. Then he left for the U.S. on Monday! Was it late?`
	var got []string
	for _, s := range sentences(tokenize(text, r.g)) {
		var words []string
		for _, tok := range s {
			words = append(words, tok.text)
		}
		got = append(got, strings.Join(words, " "))
	}
	want := []string{
		"Mr. Austin arrived .",
		`" It went well , " he said .`,
		"Then he left for the U.S. on Monday !",
		"Was it late ?",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

func TestSentencesClosingQuoteApart(t *testing.T) {
	r, err := load()
	if err != nil {
		t.Fatal(err)
	}
	if got := sentences(tokenize(`But he served well when he had to . "`, r.g)); len(got) != 1 {
		t.Errorf("a closing quote set apart starts a sentence: %d sentences", len(got))
	}
}

// TestCountFields checks countFields against strings.Fields.
func TestCountFields(t *testing.T) {
	for _, s := range []string{"", " ", "Lloyd", "Lloyd Austin", "  Lloyd\tJ.  Austin ", "a\u00a0b", "x\u2003y z", "\xff \xfe", "Köln  Bonn\n"} {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
	}
}
