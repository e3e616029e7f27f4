package tagger

import "sync"

// Tagger runs the first-pass model and, if there is one, the second-pass
// model, which sees the first pass's tags for the whole document.
// It is read-only and safe for concurrent use.
type Tagger struct {
	First, Second *Model

	// Strict keeps a common lower-case word out of a person's or place's
	// name when decoding text that capitalises names ("the Santiago singer
	// Mon Laferte" is a place and a person, not one place). It is a
	// constraint of tagging only, like the rules: training, which decodes
	// to choose epochs, priors and penalties, runs without it, so the
	// weights are what they were. Read turns it on.
	Strict bool

	jointOnce sync.Once
	joint     *joint   // both models' weights in one table (joint.go)
	fast      fastOnce // the word cache of tagging with both (cache.go)
}

// jointTable returns the joint table of First and Second, built on first use.
func (t *Tagger) jointTable() *joint {
	t.jointOnce.Do(func() {
		keys, rows := t.weightRows()
		t.joint, _, _ = readJoint(appendJoint(nil, keys, rows, 2), 2)
	})
	return t.joint
}

func (t *Tagger) stages() []*Model {
	if t.Second == nil {
		return []*Model{t.First}
	}
	return []*Model{t.First, t.Second}
}

// SetPenalty makes every stage subtract per from the score of each person
// it finds and loc from that of each place (from the B- tags, so that a
// long name pays no more than a short one); the training command chooses
// them on validation data. Call it before the tagger is shared.
func (t *Tagger) SetPenalty(per, loc float32) {
	for _, m := range t.stages() {
		m.penalty = [NumTags]float32{}
		m.penalty[BPer], m.penalty[BLoc] = per, loc
	}
}

// Features returns the number of features with weights, all stages.
func (t *Tagger) Features() int {
	n := 0
	for _, m := range t.stages() {
		n += m.Features()
	}
	return n
}

// Tag tags a document given as sentences of words, one tag per word.
func (t *Tagger) Tag(sents [][]string) [][]Tag {
	if t.Second != nil {
		f := t.fastPath()
		w, _ := f.pool.Get().(*work)
		if w == nil {
			w = new(work)
		}
		d, tags := f.tag(t, sents, w)
		t.First.x.applyRules(d, tags)
		w.release()
		f.pool.Put(w)
		return tags
	}
	d := t.First.x.Prepare(sents)
	d.strict = t.Strict
	tags := t.First.TagDoc(d)
	t.First.x.applyRules(d, tags)
	return tags
}

// TagStrings tags a document and returns CoNLL tag strings.
func (t *Tagger) TagStrings(sents [][]string) [][]string {
	return Strings(t.Tag(sents))
}

// Strings converts tags to their CoNLL spelling.
func Strings(tags [][]Tag) [][]string {
	out := make([][]string, len(tags))
	for i, ts := range tags {
		out[i] = make([]string, len(ts))
		for j, t := range ts {
			out[i][j] = t.String()
		}
	}
	return out
}
