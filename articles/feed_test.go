package articles

import (
	"errors"
	"strings"
	"testing"
)

func TestParseFeed(t *testing.T) {
	type item struct {
		source, title, date, byline string
		headings                    []string
		firstPara                   string
	}
	for _, tc := range []struct {
		file  string
		title string
		items []item
	}{
		{"rss.xml", "The Daily Ledger: World", []item{
			{"https://ledger.example/world/2024/03/27/rafah-convoys", "Aid convoys wait at Rafah crossing", "2024-03-27", "Omar Haddad",
				[]string{"", "A Slow Inspection"}, "Trucks carrying food and medicine queued for a third day at the Rafah crossing on Wednesday."},
			{"https://ledger.example/world/2024/03/26/un-vote", "Ceasefire vote set at the Security Council", "2024-03-26", "",
				[]string{""}, "Diplomats in New York expect a vote on Monday."},
		}},
		{"atom.xml", "Harbour Notes", []item{
			{"https://harbour.example/2024/pier", "The pier reopens", "2024-08-02", "Ines Costa",
				[]string{"", "Boats From Six Countries"}, "The pier reopened on Friday, two years after the storm."},
			{"https://harbour.example/2024/fees", "Harbour fees to rise", "2024-07-30", "",
				[]string{""}, "The council approved higher mooring fees from September."},
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			f, err := ParseFeed(tc.file, webFixture(t, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tc.title || len(f.Articles) != len(tc.items) {
				t.Fatalf("feed %q with %d items", f.Title, len(f.Articles))
			}
			for i, want := range tc.items {
				a := f.Articles[i]
				var headings []string
				for _, s := range a.Sections {
					headings = append(headings, s.Heading)
				}
				got := item{a.Source, a.Title, a.DateString(), a.Byline, headings, a.Sections[0].Paragraphs[0]}
				if strings.Join(got.headings, "|") != strings.Join(want.headings, "|") ||
					got.source != want.source || got.title != want.title || got.date != want.date ||
					got.byline != want.byline || got.firstPara != want.firstPara {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, got, want)
				}
			}
		})
	}
}

func TestParseFeedThroughParse(t *testing.T) {
	as, err := Parse("world.rss", webFixture(t, "rss.xml"))
	if err != nil || len(as) != 2 {
		t.Fatalf("Parse: %d articles, %v", len(as), err)
	}
	// Sniffed from content when the name says nothing.
	if as, err := Parse("https://ledger.example/feed", webFixture(t, "atom.xml")); err != nil || len(as) != 2 {
		t.Fatalf("Parse sniffed: %d articles, %v", len(as), err)
	}
}

func TestParseXHTMLPage(t *testing.T) {
	page := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Harbour fees</title></head>
<body><article><p>The council approved higher mooring fees from September, citing repairs to the pier.</p></article></body></html>`
	as, err := Parse("https://harbour.example/fees", []byte(page))
	if err != nil || len(as) != 1 || as[0].Title != "Harbour fees" {
		t.Fatalf("XHTML page: %v %v", as, err)
	}
}

func TestParseFeedErrors(t *testing.T) {
	_, err := Parse("broken.xml", webFixture(t, "broken.xml"))
	var ae *Error
	if !errors.As(err, &ae) || ae.Source != "broken.xml" || !strings.Contains(err.Error(), "feed") {
		t.Errorf("broken XML: %v", err)
	}
	_, err = ParseFeed("empty.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>`))
	if !errors.Is(err, ErrEmpty) {
		t.Errorf("feed without items: %v", err)
	}
}
