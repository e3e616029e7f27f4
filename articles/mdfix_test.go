package articles

import (
	"errors"
	"strings"
	"testing"
)

func TestParseMarkdownSetextHeadings(t *testing.T) {
	for _, tc := range []struct {
		name, in, title, headings string
	}{
		{"title and section", "Setext Title\n============\n\nLead.\n\nPart Two\n--------\n\nText.\n", "Setext Title", "|Part Two"},
		{"two-line title", "Setext\nTitle\n===\nLead.\n", "Setext Title", ""},
		{"level 1 after text is a section", "# Top\n\nLead.\n\nLater\n=====\n\nText.\n", "Top", "|Later"},
		{"level 2 in the text", "# Top\n\nLead.\n\nA Part\n---\nText.\n", "Top", "|A Part"},
		{"thematic break after a blank", "# Top\n\nLead.\n\n---\n\nText.\n", "Top", ""},
		{"not inside a fence", "# Top\n\n```\nCode\n===\n```\n", "Top", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseMarkdown("s.md", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(headings(a), "|"); a.Title != tc.title || got != tc.headings {
				t.Errorf("title %q headings %q, want %q %q", a.Title, got, tc.title, tc.headings)
			}
			for _, s := range a.Sections {
				for _, p := range s.Paragraphs {
					if strings.Contains(p, "===") && !strings.Contains(p, "```") || p == "--------" {
						t.Errorf("underline kept as text: %q", p)
					}
				}
			}
		})
	}
}

func TestParseMarkdownHeadingText(t *testing.T) {
	in := "# Title with *emphasis*\n\nLead.\n\n" +
		"## Heading with `code` and **bold** and [link](http://x)\n\nText.\n\n" +
		"### Escaped \\* &amp; <b>raw</b> ![alt](i.png) `a\\*` ###\n\nMore.\n\n" +
		"Setext with _markup_ #\n---\n\nEnd.\n"
	a, err := ParseMarkdown("h.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := "|Heading with code and bold and link|Escaped * & raw alt a\\*|Setext with markup #"
	if got := strings.Join(headings(a), "|"); a.Title != "Title with emphasis" || got != want {
		t.Errorf("title %q headings %q\nwant %q", a.Title, got, want)
	}
	if p := a.Sections[1].Paragraphs; len(p) != 1 || p[0] != "Text." {
		t.Errorf("section text %q", p)
	}
}

func TestParseMarkdownFrontMatter(t *testing.T) {
	body := "\n# Real Title\n\nBody.\n"
	for _, tc := range []struct {
		name, front, title, date, byline string
	}{
		{"unclosed flow", "title: [unclosed\ndate: 2024-02-09\nauthor: Desk", "Real Title", "", ""},
		{"unclosed quote", "title: \"Front\ndate: 2024-02-09", "Real Title", "", ""},
		{"colon in plain value", "title: Front: Colon\nauthor: Desk", "Real Title", "", ""},
		{"repeated key", "title: Front\ntitle: Again", "Real Title", "", ""},
		{"not a mapping", "just some text", "Real Title", "", ""},
		{"tab indentation", "title: Front\n\tauthor: Desk", "Real Title", "", ""},
		{"bad date", "title: Real Title\ndate: notadate\nauthor: Desk", "Real Title", "", "Desk"},
		{"impossible date", "date: 2024-13-45", "Real Title", "", ""},
		{"timestamp", "date: 2024-02-09T10:00:00Z", "Real Title", "2024-02-09", ""},
		{"quoted and commented", "# a comment\ntitle: \"Real Title\" # why\nauthor: 'Desk''s'\ntags: [a, b,\n  c]\nextra:\n  nested: yes\nlist:\n- one\n", "Real Title", "", "Desk's"},
		{"empty", "", "Real Title", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := "---\n" + tc.front + "\n---\n" + body
			if tc.front == "" {
				in = "---\n---\n" + body
			}
			a, err := ParseMarkdown("f.md", []byte(in))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title || a.DateString() != tc.date || a.Byline != tc.byline {
				t.Errorf("title %q date %q byline %q, want %q %q %q", a.Title, a.DateString(), a.Byline, tc.title, tc.date, tc.byline)
			}
			if got := strings.Join(headings(a), "|"); got != "" || len(a.Sections[0].Paragraphs) != 1 || a.Sections[0].Paragraphs[0] != "Body." {
				t.Errorf("sections %q %q: front matter leaked or title demoted", got, a.Sections[0].Paragraphs)
			}
		})
	}
}

func TestParseMarkdownEmpty(t *testing.T) {
	_, terr := ParseText("e.txt", nil)
	for _, in := range []string{
		"",
		"\n\n",
		"---\ntitle: Only Front Matter\ndate: 2024-02-09\n---\n",
		"---\ntitle: Only Front Matter\n---\n\n\n",
		"---\ntitle: [unclosed\n---\n",
		"date 2024-02-09\n",
	} {
		_, err := ParseMarkdown("e.md", []byte(in))
		if !errors.Is(err, ErrEmpty) || strings.TrimPrefix(err.Error(), "e.md") != strings.TrimPrefix(terr.Error(), "e.txt") {
			t.Errorf("%q: %v, want the error of an empty .txt (%v)", in, err, terr)
		}
	}
	// A title alone is text, as a lone heading is in a .txt.
	if a, err := ParseMarkdown("t.md", []byte("---\ndate: 2024-02-09\n---\n# Just a Title\n")); err != nil || a.Title != "Just a Title" {
		t.Errorf("title only: %v %v", a, err)
	}
}

// TestParseMarkdownThematicBreakFirst checks that a file opening with a
// `---` rule keeps the text before the next rule: it is not front matter.
func TestParseMarkdownThematicBreakFirst(t *testing.T) {
	a, err := ParseMarkdown("rule.md", []byte("---\n\nSome text after a thematic break.\n\n---\n\nMore text.\n"))
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, s := range a.Sections {
		all = append(all, s.Paragraphs...)
	}
	if got := strings.Join(all, "\n"); !strings.Contains(got, "Some text after a thematic break.") || !strings.Contains(got, "More text.") {
		t.Errorf("paragraphs %q, want both texts", all)
	}
}

// TestParseMarkdownRules checks that thematic breaks are neither text nor
// titles, and that text between two rules is kept even when it reads like
// YAML ("Update: ...").
func TestParseMarkdownRules(t *testing.T) {
	for _, tc := range []struct{ in, title, text string }{
		{"---\n\nUpdate: the meeting in Paris was postponed until Friday.\n\n---\n\nMore text about Berlin.\n",
			"Update: the meeting in Paris was postponed until Friday", "Update: the meeting in Paris was postponed until Friday.|More text about Berlin."},
		{"---\n\nText after a rule in Paris.\n\n## Section Two\n\nMore text.\n", "Text after a rule in Paris", "Text after a rule in Paris.|More text."},
		{"---\nText directly after rule, no blank line, in London.\n\n## Two\n\nBody.\n", "Text directly after rule, no blank line, in London", "Text directly after rule, no blank line, in London.|Body."},
		{"***\n\nStar rule then text in Cairo.\n\n* * *\n\nEnd.\n", "Star rule then text in Cairo", "Star rule then text in Cairo.|End."},
	} {
		a, err := ParseMarkdown("r.md", []byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, s := range a.Sections {
			all = append(all, s.Paragraphs...)
		}
		if a.Title != tc.title || strings.Join(all, "|") != tc.text {
			t.Errorf("%q: title %q, paragraphs %q; want %q, %q", tc.in, a.Title, all, tc.title, tc.text)
		}
	}
}
