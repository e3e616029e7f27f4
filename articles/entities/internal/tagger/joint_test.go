package tagger

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/byline/byline/articles/entities/gazetteer"
)

// separate returns a copy of t whose models have each their own table,
// filled from t's joint table.
func separate(t *Tagger) *Tagger {
	out := &Tagger{Strict: t.Strict}
	for h, m := range t.stages() {
		c := &Model{x: m.x, trans: m.trans, penalty: m.penalty, scale: m.scale}
		fs := m.shared.features()
		c.alloc(len(fs))
		c.n = m.n
		for _, f := range fs {
			w, _ := m.shared.row(f)
			c.put(f, [NumTags]int16(w[h*NumTags:]))
		}
		if h == 0 {
			out.First = c
		} else {
			out.Second = c
		}
	}
	return out
}

// TestJointMatchesTwoPasses checks that tagging with the joint table gives
// exactly the tags of running the first model, then the second on the
// first's tags, each with its own table.
func TestJointMatchesTwoPasses(t *testing.T) {
	tg, x := readTagger(t) // one joint table
	sep := separate(tg)    // a table per model
	tg.SetPenalty(3, 5)    // penalties apply in both passes either way
	sep.SetPenalty(3, 5)
	for _, text := range []string{
		"US Defense Secretary Lloyd Austin welcomed Israeli Defense Minister Yoav Gallant at the Pentagon .\nAustin said Gaza and Rafah were on the agenda .",
		"LONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four for 38 on Friday as Leicestershire beat Somerset .",
		"we went to paris and then to new york with john\nGreat pizza at Britt 's on Main Street !",
		"",
	} {
		var sents [][]string
		for _, line := range strings.Split(text, "\n") {
			sents = append(sents, strings.Fields(line))
		}
		d := x.Prepare(sents)
		want := sep.First.TagDoc(d)
		d.SetPrior(want)
		want = sep.Second.TagDoc(d)
		got := tg.tagJoint(x.Prepare(sents))
		d = x.Prepare(sents)
		shared := tg.First.TagDoc(d) // the models read through the joint table
		d.SetPrior(shared)
		shared = tg.Second.TagDoc(d)
		for s := range want {
			if !slices.Equal(got[s], want[s]) || !slices.Equal(shared[s], want[s]) {
				t.Errorf("%q: joint %v, shared models %v, two passes %v", sents[s], got[s], shared[s], want[s])
			}
		}
	}
}

// TestWeightsRegenerate checks that the embedded weights file is what
// Write lays out for the weights it holds, byte for byte, so the table
// read in place is the one the writer builds (deterministically), and
// that the copies with a table per model write the same file.
func TestWeightsRegenerate(t *testing.T) {
	raw, err := os.ReadFile("../../weights.bin")
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Read(raw, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []*Tagger{tg, separate(tg)} {
		var buf bytes.Buffer
		if err := w.Write(&buf); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), raw) {
			t.Errorf("Write gives %d bytes that differ from weights.bin (%d bytes)", buf.Len(), len(raw))
		}
	}
	if tg.Features() != 195281 {
		t.Errorf("%d features", tg.Features())
	}
}

func TestReadCorrupt(t *testing.T) {
	raw, err := os.ReadFile("../../weights.bin")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, len(magic), len(magic) + 4, len(magic) + 4 + headerLen, len(raw) / 2, len(raw) - 1} {
		if _, err := Read(raw[:n], nil); err == nil {
			t.Errorf("Read accepted %d of %d bytes", n, len(raw))
		}
	}
	if _, err := Read(append(slices.Clone(raw), 0, 0, 0, 0), nil); err == nil {
		t.Error("Read accepted trailing bytes")
	}
}

// TestReadUnaligned checks that a weights file that is not aligned in
// memory for reading in place is decoded into a copy that tags the same.
func TestReadUnaligned(t *testing.T) {
	raw, err := os.ReadFile("../../weights.bin")
	if err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(g)
	buf := make([]byte, len(raw)+1)
	copy(buf[1:], raw)
	odd, err := Read(buf[1:], x)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Read(raw, x)
	if err != nil {
		t.Fatal(err)
	}
	if &odd.joint.recs2[0] == (*rec2)(unsafe.Pointer(&buf[1])) {
		t.Fatal("the unaligned records were read in place")
	}
	sents := [][]string{strings.Fields("US Defense Secretary Lloyd Austin welcomed Israeli Defense Minister Yoav Gallant at the Pentagon .")}
	if got, want := odd.TagStrings(sents), tg.TagStrings(sents); !slices.Equal(got[0], want[0]) {
		t.Errorf("unaligned: %q, in place: %q", got[0], want[0])
	}
}
