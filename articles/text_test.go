package articles

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline/byline/model"
)

const sampleFile = "../../shared/samples/000_65ddc96782ead899.txt"

func headings(a *model.Article) []string {
	var hs []string
	for _, s := range a.Sections {
		hs = append(hs, s.Heading)
	}
	return hs
}

func TestParseTextSample(t *testing.T) {
	data, err := os.ReadFile(sampleFile)
	if err != nil {
		t.Skipf("reference sample not found (%v): ../shared is absent", err)
	}
	a, err := ParseText("sample.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.DateString(); got != "2024-03-26" {
		t.Errorf("date = %q, want 2024-03-26", got)
	}
	want := []string{"", "Urging for Precision and Protection", "Discussion Amidst Political Strain", "Alternatives to Escalation"}
	if got := headings(a); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("headings = %q, want %q", got, want)
	}
	for _, s := range a.Sections {
		for _, p := range s.Paragraphs {
			if strings.Contains(strings.ToLower(p), "advertisment") {
				t.Errorf("debris left in paragraph %q", p)
			}
		}
	}
	lead := a.Sections[0].Paragraphs[0]
	if !strings.HasPrefix(lead, "On March 27, 2024,") {
		t.Errorf("lead starts %q: the date marker must be removed", lead[:30])
	}
	if a.Title != "On March 27, 2024, a pivotal meeting took place at the Pentagon" {
		t.Errorf("title = %q", a.Title)
	}
	if n := len(a.Sections[3].Paragraphs); n != 2 {
		t.Errorf("last section has %d paragraphs, want 2", n)
	}
}

func TestParseTextCases(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		date     string
		headings []string
		paras    []int // paragraphs per section
		title    string
	}{
		{
			name:     "no date, no headings",
			in:       "The bridge reopened on Sunday.\n\nTraffic was light.",
			headings: []string{""},
			paras:    []int{2},
			title:    "The bridge reopened on Sunday",
		},
		{
			name:     "a run of short lines is not headings",
			in:       "Opening Ceremony\n\nClosing Remarks\n",
			headings: []string{""},
			paras:    []int{2},
			title:    "Opening Ceremony",
		},
		{
			name:     "date with leading blanks, debris at start and end",
			in:       "   date 2020-02-29 Advertisement\n\nThe vote passed.\n\nADVERTISEMENT\n\nSponsored\n",
			date:     "2020-02-29",
			headings: []string{""},
			paras:    []int{1},
			title:    "The vote passed",
		},
		{
			name:     "CRLF",
			in:       "date 2019-07-01 Lead one.\r\n\r\nA New Chapter\r\n\r\nBody.\r\n",
			date:     "2019-07-01",
			headings: []string{"", "A New Chapter"},
			paras:    []int{1, 1},
			title:    "Lead one",
		},
		{
			name:     "lone CR",
			in:       "Lead one.\r\rA New Chapter\r\rBody.",
			headings: []string{"", "A New Chapter"},
			paras:    []int{1, 1},
		},
		{
			name:     "debris inside a paragraph",
			in:       "Line one of the lead\nRead more\nline two of the lead.",
			headings: []string{""},
			paras:    []int{1},
			title:    "Line one of the lead line two of the lead",
		},
		{
			name:     "sentences and quotes are not headings",
			in:       "Lead.\n\nHe declined to comment.\n\n\"We will not back down\"\n\nhe said nothing\n\nIt rained",
			headings: []string{""},
			paras:    []int{5},
		},
		{
			name:     "all-caps heading and a number",
			in:       "Lead.\n\nTHE 2024 BUDGET\n\nBody.",
			headings: []string{"", "THE 2024 BUDGET"},
			paras:    []int{1, 1},
		},
		{
			name:     "a dateline opening the lead stays in it, not in the title",
			in:       "NAIROBI, Kenya — Ministers met on Tuesday.\n\nTalks resume in July.",
			headings: []string{""},
			paras:    []int{2},
			title:    "Ministers met on Tuesday",
		},
		{
			name:     "invalid date is text",
			in:       "date 2024-13-45 Lead.",
			headings: []string{""},
			paras:    []int{1},
			title:    "Date 2024-13-45 Lead",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseText("x.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := a.DateString(); got != tt.date {
				t.Errorf("date = %q, want %q", got, tt.date)
			}
			if got := headings(a); strings.Join(got, "|") != strings.Join(tt.headings, "|") {
				t.Errorf("headings = %q, want %q", got, tt.headings)
			}
			for i, s := range a.Sections {
				if i < len(tt.paras) && len(s.Paragraphs) != tt.paras[i] {
					t.Errorf("section %d has %d paragraphs %q, want %d", i, len(s.Paragraphs), s.Paragraphs, tt.paras[i])
				}
			}
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if a.Title == "" || a.Title == "x.txt" {
				t.Errorf("title %q must be derived, never the file name", a.Title)
			}
		})
	}
}

func TestParseTextFixtures(t *testing.T) {
	tests := []struct {
		file     string
		date     string
		headings []string
		contains string
	}{
		{"crlf_debris.txt", "", []string{"", "A Narrow Vote"}, "The council in Leeds voted on Monday to extend the tram line. The vote was close."},
		{"lone_cr.txt", "2023-01-05", []string{"", "Second Heading Here"}, "First paragraph with a lone CR. Still the same paragraph."},
		{"headings_only.txt", "", []string{""}, "Closing Remarks"},
		{"unicode.txt", "2022-12-01", []string{"", "Über den Fluss"}, "Zoë Ørsted and Łukasz Żmuda met in Kraków"},
		{"long_line.txt", "2021-06-30", []string{"", "A Heading"}, "Short tail."},
		{"not_headings.txt", "2024-02-02", []string{"", "The Mayor Of Springfield"}, "He declined to comment."},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			as, err := ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			a := as[0]
			if a.DateString() != tt.date {
				t.Errorf("date = %q, want %q", a.DateString(), tt.date)
			}
			if got := headings(a); strings.Join(got, "|") != strings.Join(tt.headings, "|") {
				t.Errorf("headings = %q, want %q", got, tt.headings)
			}
			var all strings.Builder
			for _, s := range a.Sections {
				for _, p := range s.Paragraphs {
					all.WriteString(p + "\n")
					if strings.ContainsAny(p, "\r\n") {
						t.Errorf("paragraph keeps a line break: %q", p)
					}
					if IsDebris(p) {
						t.Errorf("debris kept: %q", p)
					}
				}
			}
			if !strings.Contains(all.String(), tt.contains) {
				t.Errorf("text lacks %q", tt.contains)
			}
			if len(a.Title) > 80 {
				t.Errorf("title too long: %q", a.Title)
			}
		})
	}
}

func TestBinaryAndUnknownInput(t *testing.T) {
	for _, name := range []string{"binary.txt", "binary.dat"} {
		_, err := ReadFile(filepath.Join("testdata", name))
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v, want an *Error naming the file", name, err)
		}
	}
	l := Load([]string{"testdata/binary.txt", "testdata/unicode.txt", "testdata/missing.txt"})
	if len(l.Articles) != 1 || len(l.Problems) != 2 {
		t.Fatalf("Load: %d articles, %d problems (%v); want 1 and 2", len(l.Articles), len(l.Problems), l.Problems)
	}
	if !strings.Contains(l.Problems[1].Error(), "missing.txt") {
		t.Errorf("problem does not name the file: %v", l.Problems[1])
	}
}

// TestDisplayName checks that a file name is shown whole when it is safe
// and quoted, still naming the file, when it is not.
func TestDisplayName(t *testing.T) {
	for in, want := range map[string]string{
		"news/a.txt":                  "news/a.txt",
		"Málaga notes.txt":            "Málaga notes.txt",
		"esc\x1b]0;HACKED\atitle.txt": `"esc\x1b]0;HACKED\atitle.txt"`,
		"empty\x1b[2J.txt":            `"empty\x1b[2J.txt"`,
		"bad\xff.txt":                 `"bad\xff.txt"`,
		"two\nlines.txt":              `"two\nlines.txt"`,
		"\u202egnp.txt":               `"\u202egnp.txt"`,
	} {
		if got := DisplayName(in); got != want {
			t.Errorf("DisplayName(%q) = %s, want %s", in, got, want)
		}
	}
	if got := (&Error{Source: "https://x.org/f", Err: errors.New("https://x.org/f: HTTP 404 Not Found")}).Error(); got != "https://x.org/f: HTTP 404 Not Found" {
		t.Errorf("the URL is repeated: %q", got)
	}
	err := &Error{Source: "empty\x1b[2J.txt", Err: ErrEmpty}
	if got := err.Error(); got != `"empty\x1b[2J.txt": no article text` {
		t.Errorf("Error() = %q", got)
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\ttext\n", "plain\ttext\n"},
		{"a\x1b[31mred\x1b[0m b", "ared b"},
		{"title \x1b]0;pwned\x07x", "title x"},
		{"osc st \x1b]8;;http://x\x1b\\link", "osc st link"},
		{"c1 \u009b31m csi", "c1  csi"},
		{"bell\a nul\x00 del\x7f", "bell nul del"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"cr\r\n", "cr\n"},
		{"bidi \u202egnp.exe\u202c and \u2066isolate\u2069", "bidi gnp.exe and isolate"},
		{"marks \u200fkept", "marks \u200fkept"},
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	as, err := ReadFile("testdata/controls.txt")
	if err != nil {
		t.Fatal(err)
	}
	p := as[0].Sections[0].Paragraphs[0]
	if strings.ContainsAny(p, "\x1b\x07\u009b") {
		t.Errorf("controls survived: %q", p)
	}
}

func TestIsHeading(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Urging for Precision and Protection", true},
		{"Discussion Amidst Political Strain", true},
		{"Alternatives to Escalation", true},
		{"A Mediator's Proposal", true},
		{"He declined to comment.", false},
		{"\"We will not back down\"", false},
		{"Why now?", false},
		{"the quiet after the storm", false},
		{"This Is A Very Long Line That Keeps Going With Many Many Capitalised Words", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsHeading(tt.in); got != tt.want {
			t.Errorf("IsHeading(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestHeadlineNeverCutsAWord(t *testing.T) {
	long := strings.Repeat("supercalifragilistic ", 10)
	h := headline(long, 72)
	if !strings.HasSuffix(h, "…") || len(h) > 72+len("…") {
		t.Errorf("headline = %q, want a cut marked with …", h)
	}
	for _, w := range strings.Fields(strings.TrimSuffix(h, "…")) {
		if w != "Supercalifragilistic" && w != "supercalifragilistic" {
			t.Errorf("cut word %q in %q", w, h)
		}
	}
}
