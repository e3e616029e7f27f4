package tagger

import (
	"slices"
	"strings"
	"testing"

	"github.com/byline/byline/articles/entities/gazetteer"
)

// TestRules checks each post-decoding rule on a sentence of our own, given
// the tags a model might have decoded.
func TestRules(t *testing.T) {
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(g)
	for _, c := range []struct {
		name, words string
		in, want    []Tag
	}{
		{
			"possessive business before a preposition",
			"We ate at Del Frisco 's for dinner .",
			[]Tag{O, O, O, BLoc, ILoc, O, O, O, O},
			[]Tag{O, O, O, BLoc, ILoc, ILoc, O, O, O},
		},
		{
			"possessive business taken for a person",
			"The best is Wendy s .",
			[]Tag{O, O, O, BPer, O, O},
			[]Tag{O, O, O, BLoc, ILoc, O},
		},
		{
			"possessive before what is owned",
			"Austin 's remarks were brief .",
			[]Tag{BPer, O, O, O, O, O},
			[]Tag{BPer, O, O, O, O, O},
		},
		{
			"facility taken for an organisation",
			"I like Hayes Street Grill a lot .",
			[]Tag{O, O, BOrg, IOrg, IOrg, O, O, O},
			[]Tag{O, O, BLoc, ILoc, ILoc, O, O, O},
		},
		{
			"untagged facility",
			"It is right by Civic Center now .",
			[]Tag{O, O, O, O, O, O, O, O},
			[]Tag{O, O, O, O, BLoc, ILoc, O, O},
		},
		{
			"facility head inside a longer name",
			"He reads the Wall Street Journal daily .",
			[]Tag{O, O, O, BOrg, IOrg, IOrg, O, O},
			[]Tag{O, O, O, BOrg, IOrg, IOrg, O, O},
		},
		{
			"a person whose surname is a facility word",
			"We met Tony Hall today .",
			[]Tag{O, O, BPer, IPer, O, O},
			[]Tag{O, O, BPer, IPer, O, O},
		},
		{
			"known place and a common noun",
			"They landed at Frankfurt airport .",
			[]Tag{O, O, O, BLoc, O, O},
			[]Tag{O, O, O, BLoc, O, O},
		},
		{
			"place split around of",
			"Storms cross the Gulf of Mexico .",
			[]Tag{O, O, O, BLoc, O, BLoc, O},
			[]Tag{O, O, O, BLoc, ILoc, ILoc, O},
		},
		{
			"city and state without a comma",
			"I live in Miramar Florida now .",
			[]Tag{O, O, O, BLoc, ILoc, O, O},
			[]Tag{O, O, O, BLoc, BLoc, O, O},
		},
		{
			"city, state and ZIP code",
			"Suite 500 Baltimore , MD 21202",
			[]Tag{O, O, BOrg, O, O, O},
			[]Tag{O, O, BLoc, O, BLoc, O},
		},
		{
			"a country of two words after a comma",
			"Cape Town , South Africa",
			[]Tag{BLoc, ILoc, O, BLoc, ILoc},
			[]Tag{BLoc, ILoc, O, BLoc, ILoc},
		},
		{
			"two lower-case letters",
			"you got ta go .",
			[]Tag{O, O, BLoc, O, O},
			[]Tag{O, O, O, O, O},
		},
		{
			"lower-case word in capitalised text",
			"Ginny , see the attached guaranty .",
			[]Tag{BPer, O, O, O, O, BLoc, O},
			[]Tag{BPer, O, O, O, O, O, O},
		},
		{
			"a capital inside a word",
			"Pilgrims prayed at al-Aqsa on Friday .",
			[]Tag{O, O, O, BLoc, O, O, O},
			[]Tag{O, O, O, BLoc, O, O, O},
		},
		{
			"major city taken for its team",
			"Are you enjoying Houston ?",
			[]Tag{O, O, O, BOrg, O},
			[]Tag{O, O, O, BLoc, O},
		},
		{
			"major city of two words taken for its team",
			"Rents in Kansas City rose .",
			[]Tag{O, O, BOrg, IOrg, O, O},
			[]Tag{O, O, BLoc, ILoc, O, O},
		},
		{
			"team named after its city in a sports report",
			"Houston beat Philadelphia 4-3 .",
			[]Tag{BOrg, O, BOrg, O, O},
			[]Tag{BOrg, O, BOrg, O, O},
		},
		{
			"major city that is also a common word",
			"Nice people here .",
			[]Tag{BOrg, O, O, O},
			[]Tag{BOrg, O, O, O},
		},
		{
			"known place in lower-case text",
			"i live in kerala now",
			[]Tag{O, O, O, BLoc, O},
			[]Tag{O, O, O, BLoc, O},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			words := strings.Fields(c.words)
			if len(words) != len(c.in) || len(words) != len(c.want) {
				t.Fatalf("%d words, %d tags in, %d tags wanted", len(words), len(c.in), len(c.want))
			}
			d := x.Prepare([][]string{words})
			tags := [][]Tag{slices.Clone(c.in)}
			x.applyRules(d, tags)
			if !slices.Equal(tags[0], c.want) {
				t.Errorf("%q: got %v, want %v", c.words, Strings(tags), Strings([][]Tag{c.want}))
			}
		})
	}
}
