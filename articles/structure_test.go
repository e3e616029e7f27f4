package articles

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/byline/byline/model"
)

// TestStructureFixtures reads each kind of block from a fixture: the
// headline, bylines, datelines, credits, captions, stamps, related-links
// lists, results lists, question headings, a run of short lines and an
// email's greeting and sign-off.
func TestStructureFixtures(t *testing.T) {
	tests := []struct {
		file     string
		title    string
		byline   string
		headings []string
		paras    [][]string // each section's paragraphs, by their first words
		absent   []string   // text that must not be in any heading or paragraph
	}{
		{
			file:     "wire_story.txt",
			title:    "KENYA HOSTS NILE TALKS AS DROUGHT BITES",
			byline:   "Amina Odhiambo and Peter Blackburn, Staff writer",
			headings: []string{"KENYA HOSTS NILE TALKS AS DROUGHT BITES", "What Happens Next?"},
			paras:    [][]string{{"NAIROBI, Kenya — Ministers"}, {"The delegations will return"}},
			absent:   []string{"Photo", "AP Photo", "Updated", "Related", "Ethiopia Fills", "Egypt Warns", "By Amina"},
		},
		{
			file:     "results.txt",
			title:    "ALPINE SKIING - ALPHAND WINS IN TIGNES",
			headings: []string{"ALPINE SKIING - ALPHAND WINS IN TIGNES"},
			paras: [][]string{{"TIGNES , France 1996-12-06", "Luc Alphand of France", "Men", "1. Luc Alphand",
				"2. Jesper Ronnback", "3. Kristian Ghedina", "Standings", "Alphand 100 points", "Ronnback 80 points"}},
		},
		{
			file:     "email.txt",
			title:    "Thanks for the notes from the meeting in Lisbon",
			headings: []string{""},
			paras:    [][]string{{"Hi Maria,", "Thanks for the notes", "Best regards", "John", "Carlos,", "Forwarded from Maria"}},
		},
		{
			file:     "signoff.txt",
			headings: []string{""},
			paras:    [][]string{{"Let me know", "Phillip", "Jim,", "Take a look"}},
		},
		{
			file:     "short_run.txt",
			title:    "Agenda For The Day",
			headings: []string{"Agenda For The Day"},
			paras:    [][]string{{"Opening Ceremony", "Closing Remarks", "Final Thoughts", "The conference in Geneva"}},
		},
		{
			file:     "reuters_byline.txt",
			title:    "Italy's prime minister Lamberto Dini said on Friday that the budget…",
			byline:   "John Smith, Reuters",
			headings: []string{"", "Budget Vote Looms"},
			paras:    [][]string{{"ROME (Reuters) - Italy's"}, {"The Senate votes"}},
		},
		{
			file:     "see_link.txt",
			title:    "The report covers the river basin and its reservoirs in detail",
			headings: []string{""},
			paras:    [][]string{{"See https://", "The report covers"}},
		},
		{
			file:     "reference.txt",
			headings: []string{"", "Urging for Precision and Protection", "Discussion Amidst Political Strain", "Alternatives to Escalation"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			as, err := ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			a := as[0]
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if a.Byline != tt.byline {
				t.Errorf("byline = %q, want %q", a.Byline, tt.byline)
			}
			if got := headings(a); !slices.Equal(got, tt.headings) {
				t.Errorf("headings = %q, want %q", got, tt.headings)
			}
			for i, want := range tt.paras {
				if i >= len(a.Sections) {
					break
				}
				got := a.Sections[i].Paragraphs
				if len(got) != len(want) {
					t.Errorf("section %d: %d paragraphs %q, want %d", i, len(got), got, len(want))
					continue
				}
				for j, p := range got {
					if !strings.HasPrefix(p, want[j]) {
						t.Errorf("section %d paragraph %d = %q, want it to start %q", i, j, p, want[j])
					}
				}
			}
			for _, s := range a.Sections {
				for _, x := range tt.absent {
					if strings.Contains(s.Heading, x) {
						t.Errorf("heading %q holds furniture %q", s.Heading, x)
					}
					for _, p := range s.Paragraphs {
						if strings.Contains(p, x) {
							t.Errorf("paragraph %q holds furniture %q", p, x)
						}
					}
				}
			}
		})
	}
}

func TestBylineOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By John Smith", "John Smith"},
		{"BY JOHN SMITH", "JOHN SMITH"},
		{"By Ana da Silva and Li Wei", "Ana da Silva and Li Wei"},
		{"By John Smith | Staff writer", "John Smith, Staff writer"},
		{"By John F. Kennedy", "John F. Kennedy"},
		{"John Smith, Reuters", "John Smith, Reuters"},
		{"Jane Roe, The Associated Press", "Jane Roe, The Associated Press"},
		{"By the river the town is quiet", ""},
		{"By Tuesday the vote was over.", ""},
		{"Rome, Italy", ""},
		{"Smith, Reuters", ""},
	}
	for _, tt := range tests {
		got, ok := bylineOf(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("bylineOf(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestBlockShapes(t *testing.T) {
	for _, tt := range []struct {
		in                       string
		heading, data, furniture bool
	}{
		{in: "What Happens Next?", heading: true},
		{in: "Why now?"},
		{in: "THE 2024 BUDGET", heading: true},
		{in: "1. Jesper Ronnback ( Sweden ) 25.76 points", data: true},
		{in: "Leeds 1 Chelsea 0", data: true},
		{in: "TIGNES , France 1996-12-06", data: true},
		{in: "Men", heading: true}, // a heading only when body text follows
		{in: "Scorers :"},
		{in: "TEHRAN ( AFP ) -"},
		{in: "Leeds )"},
		{in: "European Tour after the British Masters won by Robert Allenby on"},
		{in: "Why ?"},
		{in: "Ijaz Ahmed b Croft 79", data: true},
		{in: "67 Mark Calcavecchia , Payne Stewart , Billy Mayfair", data: true},
		{in: "The Class of 2024", heading: true},
		{in: "Netherlands - Ronald de Boer ( 52nd minute ) , Van Gastel", data: true},
		{in: "AP Photo / Nasser Nasser", furniture: true},
		{in: "Hello Everyone"},
		{in: "Best Regards"},
		{in: "Photo: Reuters", furniture: true},
		{in: "Photograph: Jane Doe/Getty Images", furniture: true},
		{in: "Delegates arrive in Nairobi. (AP Photo/Brian Inganga)", furniture: true},
		{in: "REUTERS/Jason Reed", furniture: true},
		{in: "Updated 12:30 GMT", data: true, furniture: true},
		{in: "Published 3 hours ago", furniture: true},
		{in: "Updated guidance was issued to schools across the region on Monday.", furniture: false},
	} {
		if got := headingShape(tt.in); got != tt.heading && !tt.furniture {
			t.Errorf("headingShape(%q) = %v, want %v", tt.in, got, tt.heading)
		}
		if got := isDataRow(tt.in); got != tt.data {
			t.Errorf("isDataRow(%q) = %v, want %v", tt.in, got, tt.data)
		}
		if got := isFurniture(tt.in); got != tt.furniture {
			t.Errorf("isFurniture(%q) = %v, want %v", tt.in, got, tt.furniture)
		}
	}
}

// TestDatelinePlaces checks that a dateline stays text whose place is a
// mention, listed by its name rather than in capitals.
func TestDatelinePlaces(t *testing.T) {
	for _, tt := range []struct{ file, place, mention string }{
		{"wire_story.txt", "Nairobi", "NAIROBI"},
		{"results.txt", "Tignes", "TIGNES"},
		{"reuters_byline.txt", "Rome", "ROME"},
	} {
		as, err := ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		a := as[0]
		found := false
		for _, e := range a.Entities {
			if e.Name != tt.place || e.Type != model.Place {
				continue
			}
			for _, m := range e.Mentions {
				if m.Text == tt.mention && m.Paragraph >= 0 {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: place %q with the dateline mention %q not found in %+v", tt.file, tt.place, tt.mention, a.Entities)
		}
	}
}

// TestExportAuthor checks that the byline reaches `byline export` as the
// author.
func TestExportAuthor(t *testing.T) {
	as, err := ReadFile(filepath.Join("testdata", "wire_story.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteJSON(&b, as[0]); err != nil {
		t.Fatal(err)
	}
	if want := `"author":"Amina Odhiambo and Peter Blackburn, Staff writer"`; !strings.Contains(b.String(), want) {
		t.Errorf("export lacks %s: %s", want, b.String())
	}
}

// TestExportFeedItem: a feed item's export names its feed, its author and
// its own address.
func TestExportFeedItem(t *testing.T) {
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
<item><title>Ferry timetable approved</title><link>https://news.example/ferry?id=1&amp;x=2</link>
<author>jane@example.org (Jane Doe)</author><description>The council approved the new ferry timetable on Monday.</description></item>
</channel></rss>`
	f, err := ParseFeed("https://news.example/feed.xml", []byte(rss))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteJSON(&b, f.Articles[0]); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"feed":"Harbour News"`, `"url":"https://news.example/ferry?id=1&x=2"`, `"author":"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("export lacks %s: %s", want, b.String())
		}
	}
	f, _ = ParseFeed("https://news.example/untitled.xml", []byte(strings.Replace(rss, "<title>Harbour News</title>", "", 1)))
	if got := f.Articles[0].Feed; got != "https://news.example/untitled.xml" {
		t.Errorf("a feed without a title: Feed = %q, want its address", got)
	}
}
