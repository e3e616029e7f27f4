package entities

import (
	"slices"
	"testing"

	"github.com/byline/byline/model"
)

// TestWireNames checks the name cases of real wire copy, one article each:
// names in headings, slashes in credits, name particles, datelines in
// capitals and places written in lower case.
func TestWireNames(t *testing.T) {
	tests := []struct {
		name           string
		text           string
		people, places []string // names that must be found
		notPeople      []string // names that must not be people
	}{
		{
			name:   "heading places and a two-word person need no confirmation",
			text:   "# Talks in ROME as ( U.S. ) envoy Hillary Clinton arrives\n\nThe envoy met ministers on Friday and left in the evening.",
			people: []string{"Hillary Clinton"},
			places: []string{"Rome", "United States"},
		},
		{
			name:   "a single capitalised heading word is the body's person",
			text:   "# SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN\n\nAlan Shearer was named captain on Friday. Shearer said he was proud.",
			people: []string{"Alan Shearer"},
			places: []string{"England"},
		},
		{
			name:   "no name across a slash",
			text:   "The president spoke in the Rose Garden on Monday. REUTERS/Jason Reed took the picture for the agency.",
			people: []string{"Jason Reed"},
		},
		{
			name:   "particles",
			text:   "Ursula von der Leyen met President Luiz Inácio Lula da Silva of Brazil and Jonas Gahr Støre in Brussels on Monday, and Mohammed bin Salman sent a message.",
			people: []string{"Ursula von der Leyen", "Luiz Inácio Lula da Silva", "Jonas Gahr Støre", "Mohammed bin Salman"},
			places: []string{"Brussels"},
		},
		{
			name:   "dateline in capitals",
			text:   "WASHINGTON 1996-12-06\n\nThe Senate passed the bill on Friday after a long debate.",
			places: []string{"Washington"},
		},
		{
			name:      "a greeting is not part of a name",
			text:      "Hi Maria Lopez, thanks for the notes from Lisbon.",
			people:    []string{"Maria Lopez"},
			notPeople: []string{"Hi Maria Lopez"},
		},
		{
			name:   "lower-case places in web text",
			text:   "I am a student living in canada and I want to visit malaysia next year, and then tampa bay. Any tips?",
			places: []string{"canada", "malaysia", "tampa bay"},
		},
		{
			name:      "a common lower-case word is not a place",
			text:      "The food in Lyon was nice and the people were friendly. We walked to the river every day.",
			places:    []string{"Lyon"},
			notPeople: []string{"nice"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article(tt.text)
			Recognize(a)
			checkSpans(t, a)
			people, places := names(a, model.Person), names(a, model.Place)
			for _, p := range tt.people {
				if !slices.Contains(people, p) {
					t.Errorf("person %q not found; people %q, places %q", p, people, places)
				}
			}
			for _, p := range tt.places {
				if !slices.Contains(places, p) {
					t.Errorf("place %q not found; people %q, places %q", p, people, places)
				}
			}
			for _, p := range tt.notPeople {
				if slices.Contains(people, p) || slices.Contains(places, p) {
					t.Errorf("%q found as a name; people %q, places %q", p, people, places)
				}
			}
		})
	}
}

// TestPlacesFromContext checks the places the tagger misses that the
// words around them name, and the things named like people.
func TestPlacesFromContext(t *testing.T) {
	tests := []struct {
		text          string
		places, never []string
	}{
		{"Concerts are planned on Cerro Alegre and Cerro Concepción, the two hills above the port.", []string{"Cerro Alegre", "Cerro Concepción"}, nil},
		{"Talks turned to the sharing of the Nile's waters in the dry season.", []string{"Nile"}, nil},
		{"The index covers every street, from the Gorbals to Partick, in Glasgow.", []string{"Gorbals", "Partick"}, nil},
		{"MacLeod said the index would be extended to Paisley and Greenock next year.", []string{"Paisley", "Greenock"}, nil},
		{"The rover, named Chandni, travelled eleven metres in its first hour.", nil, []string{"Chandni"}},
		{"Oil rose as Hurricane Rita threatened the Gulf of Mexico.", nil, []string{"Rita"}},
		{"Der Vertrag wurde in Köln unterzeichnet.", []string{"Köln"}, []string{"Der Vertrag"}},
		{"She walked from the Station to Leeds, said Ann Hale of Leeds.", []string{"Leeds"}, []string{"Station"}},
	}
	for _, tt := range tests {
		a := article(tt.text)
		Recognize(a)
		checkSpans(t, a)
		people, places := names(a, model.Person), names(a, model.Place)
		for _, p := range tt.places {
			if !slices.Contains(places, p) {
				t.Errorf("%q: place %q not found; places %q", tt.text, p, places)
			}
		}
		for _, p := range tt.never {
			if slices.Contains(people, p) || slices.Contains(places, p) {
				t.Errorf("%q: %q recognised; people %q places %q", tt.text, p, people, places)
			}
		}
	}
}
