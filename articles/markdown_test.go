package articles

import (
	"strings"
	"testing"
)

func TestParseMarkdown(t *testing.T) {
	in := "---\ntitle: Front Title\ndate: 2024-02-09\nauthor: Desk\n---\n\n# Front Title\n\nLead **bold**.\n\n## First\n\nText.\n\n```go\ncode\n\nmore code\n```\n\n### Second\n\n- a\n- b\n"
	a, err := ParseMarkdown("x.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Front Title" || a.DateString() != "2024-02-09" || a.Byline != "Desk" {
		t.Errorf("title %q date %q byline %q", a.Title, a.DateString(), a.Byline)
	}
	if got := strings.Join(headings(a), "|"); got != "|First|Second" {
		t.Errorf("headings = %q", got)
	}
	if got := a.Sections[1].Paragraphs; len(got) != 2 || !strings.Contains(got[1], "more code") {
		t.Errorf("fenced block split: %q", got)
	}
	if a.Sections[0].Paragraphs[0] != "Lead **bold**." {
		t.Errorf("markdown not kept: %q", a.Sections[0].Paragraphs[0])
	}
}

func TestParseMarkdownTitleFromHeading(t *testing.T) {
	a, err := ParseMarkdown("y.md", []byte("# The Title\n\nBody.\n\n## Part\n\nMore."))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "The Title" || len(a.Sections) != 2 || a.Sections[0].Heading != "" {
		t.Errorf("title %q sections %q", a.Title, headings(a))
	}
}

func TestSamples(t *testing.T) {
	l := Samples()
	if len(l.Problems) > 0 || len(l.Articles) < 3 {
		t.Fatalf("samples: %d articles, problems %v", len(l.Articles), l.Problems)
	}
	for _, a := range l.Articles {
		if a.Title == "" || a.DateString() == "" || len(a.Sections) < 3 {
			t.Errorf("%s: title %q date %q %d sections", a.Source, a.Title, a.DateString(), len(a.Sections))
		}
	}
}
