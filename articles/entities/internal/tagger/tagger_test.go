package tagger

import (
	"bytes"
	"slices"
	"testing"

	"github.com/byline/byline/articles/entities/gazetteer"
)

func TestTagStrings(t *testing.T) {
	for tag := Tag(0); tag < NumTags; tag++ {
		if got := ParseTag(tag.String()); got != tag {
			t.Errorf("ParseTag(%q) = %v, want %v", tag.String(), got, tag)
		}
	}
	if ParseTag("B-GPE") != O || ParseTag("junk") != O {
		t.Error("unknown tags should be O")
	}
}

// tiny returns a few training documents of our own making.
func tiny() []TrainDoc {
	mk := func(words string, tags ...Tag) ([]string, []Tag) {
		return bytes2words(words), tags
	}
	var docs []TrainDoc
	for i := 0; i < 5; i++ {
		w1, t1 := mk("Anna Berg visited Oslo .", BPer, IPer, O, BLoc, O)
		w2, t2 := mk("Mr Lund said Bergen was cold .", O, BPer, O, BLoc, O, O, O)
		docs = append(docs, TrainDoc{Words: [][]string{w1, w2}, Tags: [][]Tag{t1, t2}})
	}
	return docs
}

func bytes2words(s string) []string {
	var out []string
	for _, f := range bytes.Fields([]byte(s)) {
		out = append(out, string(f))
	}
	return out
}

func TestTrainWriteRead(t *testing.T) {
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(g)
	docs := tiny()
	first := Train(x, docs, TrainOptions{Epochs: 5, MinCount: 1, Seed: 1})
	for i := range docs {
		docs[i].Prior = first.Tag(docs[i].Words)
	}
	second := Train(x, docs, TrainOptions{Epochs: 5, MinCount: 1, Seed: 1, Seeds: 2})
	tg := &Tagger{First: first, Second: second}
	var buf bytes.Buffer
	if err := tg.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(buf.Bytes(), x)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs[:1] {
		want := tg.Tag(d.Words)
		got := back.Tag(d.Words)
		for s := range want {
			if !slices.Equal(got[s], want[s]) {
				t.Errorf("after Write/Read: %v, before: %v", got[s], want[s])
			}
			if !slices.Equal(got[s], d.Tags[s]) {
				t.Errorf("tags %v, want the training tags %v", got[s], d.Tags[s])
			}
		}
	}
	if _, err := Read([]byte("not gzip"), x); err == nil {
		t.Error("Read accepted garbage")
	}
}

func TestViterbiNeverStartsInside(t *testing.T) {
	var sc scratch
	n := 3
	sc.emit = make([]float32, n*NumTags)
	for i := 0; i < n; i++ {
		sc.emit[i*NumTags+int(IPer)] = 10 // I-PER everywhere scores best
	}
	var trans [NumTags + 1][NumTags]float32
	out := make([]Tag, n)
	viterbi(&sc, &trans, n, out)
	if out[0] == IPer {
		t.Errorf("tags %v start with I-PER", out)
	}
	for i := 1; i < n; i++ {
		if out[i].Inside() && out[i-1].Type() != out[i].Type() {
			t.Errorf("tags %v: %v follows %v", out, out[i], out[i-1])
		}
	}
}

func TestIsAddress(t *testing.T) {
	for w, want := range map[string]bool{
		"http://a.b/c": true, "jane@example.org": true, "report.pdf": true, "www.x.y": true,
		"u.s.": false, "st.": false, "austin": false,
	} {
		if got := isAddress(w); got != want {
			t.Errorf("isAddress(%q) = %v", w, got)
		}
	}
}

// TestOneStageWriteRead checks a tagger of one pass through Write and
// Read: its table has records of one model's weights.
func TestOneStageWriteRead(t *testing.T) {
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(g)
	docs := tiny()
	tg := &Tagger{First: Train(x, docs, TrainOptions{Epochs: 5, MinCount: 1, Seed: 1})}
	var buf bytes.Buffer
	if err := tg.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(buf.Bytes(), x)
	if err != nil {
		t.Fatal(err)
	}
	if back.Second != nil || back.First.shared == nil || back.First.shared.stages != 1 {
		t.Fatalf("read back %+v", back)
	}
	if back.Features() != tg.Features() {
		t.Errorf("%d features, wrote %d", back.Features(), tg.Features())
	}
	for _, d := range docs[:1] {
		want, got := tg.Tag(d.Words), back.Tag(d.Words)
		for s := range want {
			if !slices.Equal(got[s], want[s]) {
				t.Errorf("after Write/Read: %v, before: %v", got[s], want[s])
			}
		}
	}
	var again bytes.Buffer
	if err := back.Write(&again); err != nil || !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Errorf("Write of what Read gave differs (%v)", err)
	}
}
