package render

import (
	"strings"
	"testing"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/model"
	"github.com/charmbracelet/x/ansi"
)

func TestParseLine(t *testing.T) {
	tests := []struct {
		in, text string
		runs     []run
	}{
		{"plain  ", "plain", nil},
		{"\x1b[1mbold\x1b[m rest\x1b[38;5;252m \x1b[m", "bold rest", []run{{0, "1"}, {4, ""}}},
		{"\x1b[31ma\x1b[1mb\x1b[0mc", "abc", []run{{0, "31"}, {1, "31;1"}, {2, ""}}},
		{"x\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\\x07y", "xlinky", nil},
	}
	for _, tt := range tests {
		l := parseLine(tt.in, interner{})
		if l.Text != tt.text || len(l.runs) != len(tt.runs) {
			t.Errorf("parseLine(%q) = %q %v, want %q %v", tt.in, l.Text, l.runs, tt.text, tt.runs)
			continue
		}
		for i := range l.runs {
			if l.runs[i] != tt.runs[i] {
				t.Errorf("parseLine(%q) runs %v, want %v", tt.in, l.runs, tt.runs)
			}
		}
	}
}

func TestPaint(t *testing.T) {
	l := parseLine("\x1b[1mLloyd\x1b[m Austin met", interner{})
	sgrs := MarkSGRs{MarkPerson: "4", MarkMatch: "7", MarkCurrent: "41"}
	tests := []struct {
		ovs  []Overlay
		want string
	}{
		{nil, "\x1b[1mLloyd\x1b[m Austin met    "},
		{[]Overlay{{0, 12, MarkPerson}}, "\x1b[4mLloyd Austin\x1b[m met    "},
		{[]Overlay{{0, 12, MarkPerson}, {6, 9, MarkCurrent}}, "\x1b[4mLloyd \x1b[m\x1b[41mAus\x1b[m\x1b[4mtin\x1b[m met    "},
	}
	for _, tt := range tests {
		var b strings.Builder
		l.Paint(&b, 20, tt.ovs, &sgrs)
		if b.String() != tt.want {
			t.Errorf("paint(%v) = %q, want %q", tt.ovs, b.String(), tt.want)
		}
	}
	var b strings.Builder
	l.Paint(&b, 8, nil, &sgrs)
	if got := ansi.Strip(b.String()); got != "Lloyd Au" {
		t.Errorf("truncated paint = %q", got)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	a := &model.Article{Title: "T", Sections: []model.Section{{Paragraphs: []string{
		"- not a list", "# not a heading", "12. not a list", "a *b* _c_ `d` [e](f) <g> h & i ~~j~~ | k \\ l",
	}}}}
	out, err := Article(a, 80, "dark", false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range a.Sections[0].Paragraphs {
		if !strings.Contains(out, p) {
			t.Errorf("%q is not shown literally in:\n%s", p, out)
		}
	}
}

// TestSpansWrapped checks that source positions map onto the rendered
// lines, and that a name wrapped across two lines is marked on both.
func TestSpansWrapped(t *testing.T) {
	para := "Talks went on between the Secretary Lloyd Austin and his guest."
	a := &model.Article{Title: "T", Sections: []model.Section{{Heading: "Talks", Paragraphs: []string{para}}}}
	r, err := newRenderer(Look{Style: "dark"}, 44)
	if err != nil {
		t.Fatal(err)
	}
	s, err := renderSection(r, a, 0, 44)
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(para, "Lloyd Austin")
	sp := s.Spans(0, start, start+len("Lloyd Austin"), nil)
	var got []string
	for _, x := range sp {
		got = append(got, s.Lines[x.Line].Text[x.From:x.To])
	}
	if strings.Join(got, " ") != "Lloyd Austin" || len(sp) != 2 {
		var lines []string
		for _, l := range s.Lines {
			lines = append(lines, l.Text)
		}
		t.Errorf("spans cover %q, want Lloyd and Austin on two lines; rendered:\n%s", got, strings.Join(lines, "\n"))
	}
	h := s.Spans(-1, 0, 5, nil)
	if len(h) != 1 || s.Lines[h[0].Line].Text[h[0].From:h[0].To] != "Talks" {
		t.Errorf("heading span %v", h)
	}
}

func TestCheckStyle(t *testing.T) {
	for _, ok := range []string{"", "auto", "dark", "light", "dracula", "notty", "ascii"} {
		if err := CheckStyle(ok); err != nil {
			t.Errorf("CheckStyle(%q) = %v", ok, err)
		}
	}
	if err := CheckStyle("nope\x1b[31m"); err == nil || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("CheckStyle(bad) = %v", err)
	}
	if _, err := Article(&model.Article{}, 80, "nope", false); err == nil {
		t.Error("Article with an unknown style must fail")
	}
}

// TestArticleHighlights prints an article in colour: its people and places
// are painted in their styles, as in the reader; plain text has none.
func TestArticleHighlights(t *testing.T) {
	p := "Lloyd Austin flew to Gaza on Monday."
	a := &model.Article{Title: "T", Sections: []model.Section{{Paragraphs: []string{p}}, {Heading: "Next", Paragraphs: []string{"More in Gaza."}}}}
	a.Entities = []model.Entity{
		{Name: "Lloyd Austin", Type: model.Person, Mentions: []model.Mention{{Section: 0, Paragraph: 0, Start: 0, End: 12}}},
		{Name: "Gaza", Type: model.Place, Mentions: []model.Mention{{Section: 0, Paragraph: 0, Start: 21, End: 25}, {Section: 1, Paragraph: 0, Start: 8, End: 12}}},
	}
	sgrs := SGRs(MarkStyles(NewTheme(true)))
	out, err := Article(a, 60, "dark", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\x1b[" + sgrs[MarkPerson] + "mLloyd Austin\x1b[m", "\x1b[" + sgrs[MarkPlace] + "mGaza\x1b[m"} {
		if strings.Count(out, want) < 1 {
			t.Errorf("colour print lacks %q:\n%q", want, out)
		}
	}
	if n := strings.Count(out, "\x1b["+sgrs[MarkPlace]+"mGaza"); n != 2 {
		t.Errorf("Gaza highlighted %d times, want 2", n)
	}
	plain, err := Article(a, 60, "dark", false)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain, "\x1b") || !strings.Contains(plain, p) {
		t.Errorf("plain print:\n%q", plain)
	}
}

// TestTitleDrawnOnce: a title derived from the lead is not drawn above the
// lead (it would repeat its first words), a plain-text headline that is
// also the lead's heading is drawn once, and a title of its own is drawn.
func TestTitleDrawnOnce(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       int // times the title's words are on the page
	}{
		{"derived", "The council approved the new ferry timetable on Monday evening.\n\nMore text about ferries follows here in a second paragraph.\n", 1},
		{"headline", "FERRY TIMETABLE APPROVED\n\nThe council approved the new ferry timetable on Monday evening after a long debate.\n\nMore text about ferries follows here.\n", 1},
	} {
		a, err := articles.ParseText(tt.name+".txt", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		out, err := Article(a, 80, "notty", false)
		if err != nil {
			t.Fatal(err)
		}
		probe := strings.Fields(a.Title)[0] + " " + strings.Fields(a.Title)[1]
		if n := strings.Count(out, probe); n != tt.want {
			t.Errorf("%s: title %q: %q is on the page %d times, want %d:\n%s", tt.name, a.Title, probe, n, tt.want, out)
		}
	}
	a := &model.Article{Title: "A Title Of Its Own", Sections: []model.Section{{Paragraphs: []string{"Body text that says something else entirely."}}}}
	if out, _ := Article(a, 80, "notty", false); !strings.Contains(out, "A Title Of Its Own") {
		t.Errorf("an explicit title is not drawn:\n%s", out)
	}
}

// TestTitleHighlights prints Markdown, HTML and feed articles whose titles
// name a person and a place: in colour both are painted on the title line,
// where a title without mentions has neither.
func TestTitleHighlights(t *testing.T) {
	sgrs := SGRs(MarkStyles(NewTheme(true)))
	for _, src := range articlestest.TitledSources() {
		as, err := articles.Parse(src.Name, src.Data)
		if err != nil {
			t.Fatal(err)
		}
		articles.Recognize(as)
		a := as[0]
		out, err := Article(a, 60, "dark", true)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(out, "\n")
		for _, want := range []string{"\x1b[" + sgrs[MarkPerson] + "m" + src.Person + "\x1b[m", "\x1b[" + sgrs[MarkPlace] + "m" + src.Place + "\x1b[m"} {
			if !strings.Contains(first, want) {
				t.Errorf("%s: title line lacks %q:\n%q", src.Name, want, first)
			}
		}
		a.Entities = nil
		bare, err := Article(a, 60, "dark", true)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(bare, "\x1b["+sgrs[MarkPerson]+"m") || strings.Contains(bare, "\x1b["+sgrs[MarkPlace]+"m") {
			t.Errorf("%s: highlights without mentions:\n%q", src.Name, bare)
		}
	}
}
