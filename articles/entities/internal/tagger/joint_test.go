package tagger

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/byline/byline/articles/entities/gazetteer"
)

// TestJointMatchesTwoPasses checks that tagging with the joint table gives
// exactly the tags of running the first model, then the second on the
// first's tags, each with its own table.
func TestJointMatchesTwoPasses(t *testing.T) {
	raw, err := os.ReadFile("../../weights.bin")
	if err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(g)
	tg, err := Read(raw, x) // one joint table
	if err != nil {
		t.Fatal(err)
	}
	sep, err := read(raw, x) // a table per model
	if err != nil {
		t.Fatal(err)
	}
	tg.SetPenalty(3, 5) // penalties apply in both passes either way
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
