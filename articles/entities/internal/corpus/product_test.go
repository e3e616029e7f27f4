package corpus

import "testing"

func TestPlainAndProduct(t *testing.T) {
	d := Document{
		{Words: []string{"ROME", "1996-12-06"}, Tags: []string{"B-LOC", "O"}},
		{Words: []string{"Lamberto", "Dini", "met", "Kohl", "."}, Tags: []string{"B-PER", "I-PER", "O", "B-PER", "O"}},
		{Words: []string{"Advertisement"}, Tags: []string{"O"}},
	}
	if got, want := string(Plain(d)), "ROME 1996-12-06\n\nLamberto Dini met Kohl .\n\nAdvertisement\n"; got != want {
		t.Fatalf("Plain = %q, want %q", got, want)
	}
	p := NewProduct()
	p.Add(d, []Unit{
		{Text: "Lamberto Dini met Kohl .", Mentions: []Mention{{0, 13, "PER"}, {18, 21, "LOC"}}},
	})
	if p.Sentences != 3 || p.Unaligned != 2 {
		t.Errorf("sentences %d unaligned %d, want 3 and 2", p.Sentences, p.Unaligned)
	}
	if c := p.Score["PER"]; c.TP != 1 || c.FN != 1 || c.FP != 0 {
		t.Errorf("PER %+v, want tp 1 fn 1 (Kohl tagged as a place)", *c)
	}
	if c := p.Score["LOC"]; c.TP != 0 || c.FN != 1 || c.FP != 1 {
		t.Errorf("LOC %+v, want fp 1 (Kohl) fn 1 (ROME dropped)", *c)
	}
}

func TestTagsOfPartialMention(t *testing.T) {
	got := tagsOf([]string{"New", "York", "City"}, []Mention{{2, 8, "LOC"}})
	want := []string{"B-LOC", "I-LOC", "O"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("tagsOf = %v, want %v", got, want)
		}
	}
}
