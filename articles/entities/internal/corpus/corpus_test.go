package corpus

import (
	"slices"
	"strings"
	"testing"
)

func TestSpans(t *testing.T) {
	tests := []struct {
		tags []string
		want []Span
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}, []Span{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{[]string{"I-LOC", "I-LOC", "B-LOC"}, []Span{{0, 2, "LOC"}, {2, 3, "LOC"}}},
		{[]string{"B-PER", "I-LOC"}, []Span{{0, 1, "PER"}, {1, 2, "LOC"}}},
		{[]string{"O", "O"}, nil},
	}
	for _, tt := range tests {
		if got := Spans(tt.tags); !slices.Equal(got, tt.want) {
			t.Errorf("Spans(%q) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}

func TestScore(t *testing.T) {
	s := Score{}
	s.Add([]string{"B-PER", "I-PER", "O", "B-LOC"}, []string{"B-PER", "O", "O", "B-LOC"})
	s.Add([]string{"B-LOC", "O"}, []string{"B-LOC", "B-PER"})
	if c := *s["PER"]; c != (Count{TP: 0, FP: 2, FN: 1}) {
		t.Errorf("PER = %+v", c)
	}
	if c := *s["LOC"]; c != (Count{TP: 2}) || c.F1() != 1 {
		t.Errorf("LOC = %+v, F1 %v", c, c.F1())
	}
}

func TestReadCoNLLSplitsDocuments(t *testing.T) {
	data := `HEADLINE B-MISC 0
ONE O 0

Jane B-PER 0
Doe I-PER 0

ROME B-LOC 0
1996-12-06 O 0

Text O 0
. O 0

SECOND O 0
HEADLINE O 0

PARIS B-LOC 0
1996-12-07 O 0

More O 0
`
	docs, err := ReadCoNLL(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var lens []int
	for _, d := range docs {
		lens = append(lens, len(d))
	}
	if !slices.Equal(lens, []int{4, 3}) {
		t.Errorf("document lengths = %v, want [4 3]", lens)
	}
	if got := docs[0][1].Tags; !slices.Equal(got, []string{"B-PER", "I-PER"}) {
		t.Errorf("tags = %q", got)
	}
}

func TestReadUNER(t *testing.T) {
	data := "# newdoc id = a\n# sent_id = a-1\n# text = Hi Rome\n1\tHi\tO\t-\t-\n2\tRome\tB-LOC\t-\tx\n\n" +
		"# sent_id = a-2\n1\tOk\tO\t-\t-\n\n# newdoc id = b\n1\tAnn\tB-PER\t-\t-\n"
	docs, err := ReadUNER(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0]) != 2 || len(docs[1]) != 1 {
		t.Fatalf("docs = %v", docs)
	}
	if got := docs[0][0]; !slices.Equal(got.Words, []string{"Hi", "Rome"}) || got.Tags[1] != "B-LOC" {
		t.Errorf("first sentence = %+v", got)
	}
}
