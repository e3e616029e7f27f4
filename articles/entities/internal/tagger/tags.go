// Package tagger is the recogniser's statistical core: a structured averaged
// perceptron over BIO tags for the four CoNLL types (PER, LOC, ORG, MISC),
// with hashed sparse features, gazetteer and document-level features, and
// first-order Viterbi decoding used both in training and in tagging, and
// rules applied after decoding (see rules.go).
package tagger

import "strings"

// Tag is a BIO tag index.
type Tag uint8

// The tags. B-X begins a span of type X, I-X continues it.
const (
	O Tag = iota
	BPer
	IPer
	BLoc
	ILoc
	BOrg
	IOrg
	BMisc
	IMisc
	// NumTags is the number of tags.
	NumTags = 9
)

// String returns the CoNLL spelling of t ("O", "B-PER", ...).
func (t Tag) String() string {
	switch t {
	case BPer:
		return "B-PER"
	case IPer:
		return "I-PER"
	case BLoc:
		return "B-LOC"
	case ILoc:
		return "I-LOC"
	case BOrg:
		return "B-ORG"
	case IOrg:
		return "I-ORG"
	case BMisc:
		return "B-MISC"
	case IMisc:
		return "I-MISC"
	}
	return "O"
}

// ParseTag converts a CoNLL or IOB2 tag to a Tag; unknown types become O.
func ParseTag(s string) Tag {
	if len(s) < 3 || (s[0] != 'B' && s[0] != 'I') || s[1] != '-' {
		return O
	}
	var b Tag
	switch strings.ToUpper(s[2:]) {
	case "PER":
		b = BPer
	case "LOC":
		b = BLoc
	case "ORG":
		b = BOrg
	case "MISC":
		b = BMisc
	default:
		return O
	}
	if s[0] == 'I' {
		return b + 1
	}
	return b
}

// Begins reports whether t is a B- tag.
func (t Tag) Begins() bool { return t != O && t%2 == 1 }

// Inside reports whether t is an I- tag.
func (t Tag) Inside() bool { return t != O && t%2 == 0 }

// Type returns the B- tag of t's entity type (BPer, BLoc, ...), or O.
func (t Tag) Type() Tag {
	if t.Inside() {
		return t - 1
	}
	return t
}

// allowed reports whether tag b may follow tag a (a == NumTags: sentence start).
func allowed(a, b Tag) bool {
	if !b.Inside() {
		return true
	}
	return a != NumTags && a.Type() == b.Type()
}
