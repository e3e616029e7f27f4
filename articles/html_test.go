package articles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The web fixtures live with the fetcher's, which serves them over httptest.
func webFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("fetch", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseHTMLPage(t *testing.T) {
	as, err := Parse("https://ledger.example/world/austin-gallant", webFixture(t, "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	a := as[0]
	if a.Title != "Austin urges precision in Gaza talks with Gallant" {
		t.Errorf("title %q", a.Title)
	}
	if a.DateString() != "2024-03-26" || a.Byline != "Dana Whitfield" {
		t.Errorf("date %q byline %q", a.DateString(), a.Byline)
	}
	var headings []string
	for _, s := range a.Sections {
		headings = append(headings, s.Heading)
		for _, p := range s.Paragraphs {
			if IsDebris(p) || strings.Contains(p, "window.track") || strings.Contains(p, "All rights reserved") {
				t.Errorf("debris kept: %q", p)
			}
		}
	}
	want := []string{"", "Urging for Precision and Protection", "Alternatives to Escalation"}
	if strings.Join(headings, "|") != strings.Join(want, "|") {
		t.Fatalf("headings %q, want %q", headings, want)
	}
	if !strings.HasPrefix(a.Sections[0].Paragraphs[0], "WASHINGTON — US Defense Secretary Lloyd Austin") {
		t.Errorf("lead %q", a.Sections[0].Paragraphs[0])
	}
	if got := a.Sections[2].Paragraphs; len(got) != 3 || got[1] != "More crossings for aid trucks into northern Gaza." {
		t.Errorf("last section %q", got)
	}
}

func TestParseHTMLEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name, html string
		wantErr    bool
		check      func(t *testing.T, title string, paras []string)
	}{
		{"empty page", "<html><body></body></html>", true, nil},
		{"controls stripped", "<html><head><title>T\x1b[31m</title></head><body><p>Evil \x1b]0;owned\x07 text that is long enough to be kept as the article body by readability.</p></body></html>", false,
			func(t *testing.T, title string, paras []string) {
				for _, s := range append(paras, title) {
					if strings.ContainsAny(s, "\x1b\x07") {
						t.Errorf("control kept in %q", s)
					}
				}
			}},
		{"no metadata title derived", "<html><body><article><p>Harbour workers walked out on Monday over pay, closing the port for the day.</p></article></body></html>", false,
			func(t *testing.T, title string, paras []string) {
				if title == "" {
					t.Error("empty title")
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseHTML("page.html", []byte(tc.html), "")
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v", err)
			}
			if err != nil {
				return
			}
			var paras []string
			for _, s := range a.Sections {
				paras = append(paras, s.Paragraphs...)
			}
			tc.check(t, a.Title, paras)
		})
	}
}
