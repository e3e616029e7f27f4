package model

import "testing"

func TestFind(t *testing.T) {
	a := &Article{Sections: []Section{{Heading: "Straße", Paragraphs: []string{"aaaa", "Ünïcode ünïcode", ""}}}}
	tests := []struct {
		q    string
		want []Match
	}{
		{"", nil},
		{"aa", []Match{{0, 0, 0, 2}, {0, 0, 2, 4}}},
		{"ünïcode", []Match{{0, 1, 0, 9}, {0, 1, 10, 19}}},
		{"Ünïcode", []Match{{0, 1, 0, 9}}},
		{"straße", []Match{{0, -1, 0, 7}}},
		{"zzz", nil},
	}
	for _, tt := range tests {
		got := a.Find(tt.q)
		if len(got) != len(tt.want) {
			t.Errorf("Find(%q) = %v, want %v", tt.q, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Find(%q)[%d] = %v, want %v", tt.q, i, got[i], tt.want[i])
			}
		}
	}
}

func TestPosLess(t *testing.T) {
	if !(Pos{0, -1, 5, 6}).Less(Pos{0, 0, 0, 1}) || (Pos{1, 0, 0, 1}).Less(Pos{0, 3, 0, 1}) {
		t.Error("reading order wrong")
	}
}

func BenchmarkFind(b *testing.B) {
	var secs []Section
	for i := 0; i < 300; i++ {
		secs = append(secs, Section{Heading: "Alternatives to Escalation", Paragraphs: []string{
			"Secretary Austin's concerns extended to the high toll the conflict has taken on Gaza's civilian population, advocating for increased humanitarian aid and Rafah.",
			"The Pentagon meeting between Lloyd Austin and Yoav Gallant serves as a crucial juncture in addressing the ongoing conflict in Gaza and Rafah.",
		}})
	}
	a := &Article{Sections: secs}
	b.ReportAllocs()
	for b.Loop() {
		a.Find("rafah")
	}
}
