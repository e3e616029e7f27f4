package library

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/byline/byline/model"
)

// searchLibrary holds four small articles with known people, places and dates.
func searchLibrary(t *testing.T) *Library {
	t.Helper()
	l, _ := openTemp(t)
	dir := t.TempDir()
	writeFile(t, dir, "austin.txt", sample)
	writeFile(t, dir, "kyiv.txt", articleText("2023-05-01",
		"Ukrainian officials in Kyiv said the ceasefire talks had stalled. Volodymyr Zelensky met envoys.",
		"Talks in Geneva", "Diplomats met in Geneva to discuss the ceasefire once more."))
	writeFile(t, dir, "rafah.txt", articleText("2024-04-02",
		"Aid convoys waited at Rafah as Lloyd Austin urged a pause in Gaza.",
		"Crossing Closed", "The crossing near Rafah stayed closed for a week."))
	writeFile(t, dir, "undated.txt", "Café owners in Zürich complained about prices.\n\nThe ceasefire did not matter there.\n")
	if _, err := l.Import(context.Background(), []string{dir}, ImportOptions{Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	return l
}

func titles(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Title)
	}
	return out
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	l := searchLibrary(t)
	for _, tc := range []struct {
		query  string
		prefix bool
		want   []string // titles, in order; nil means no result
	}{
		{"pivotal meeting", false, []string{"On March 27, 2024, a pivotal meeting took place at the Pentagon"}},
		{"Rafah", false, []string{"Aid convoys waited at Rafah as Lloyd Austin urged a pause in Gaza", "On March 27, 2024, a pivotal meeting took place at the Pentagon"}},
		{"raf", true, []string{"Aid convoys waited at Rafah as Lloyd Austin urged a pause in Gaza", "On March 27, 2024, a pivotal meeting took place at the Pentagon"}},
		// On Enter a word that matches nothing as typed is completed, so
		// the results seen while typing stay; a finished word is not.
		{"raf", false, []string{"Aid convoys waited at Rafah as Lloyd Austin urged a pause in Gaza", "On March 27, 2024, a pivotal meeting took place at the Pentagon"}},
		{"raf ", false, nil},
		{"raf ", true, nil},
		{"raf unread", true, nil},
		{"lloyd aust", true, []string{"Aid convoys waited at Rafah as Lloyd Austin urged a pause in Gaza", "On March 27, 2024, a pivotal meeting took place at the Pentagon"}},
		{"rafah raf", true, []string{"Aid convoys waited at Rafah as Lloyd Austin urged a pause in Gaza", "On March 27, 2024, a pivotal meeting took place at the Pentagon"}},
		{`"ceasefire talks"`, false, []string{"Ukrainian officials in Kyiv said the ceasefire talks had stalled"}},
		{"zurich cafe", false, []string{"Café owners in Zürich complained about prices"}},
		{"ceasefire after:2023-01-01", false, []string{"Ukrainian officials in Kyiv said the ceasefire talks had stalled"}},
		{"before:2024-01-01", false, []string{"Ukrainian officials in Kyiv said the ceasefire talks had stalled"}},
		{`person:"Lloyd Austin" after:2024-04-01`, false, []string{"Aid convoys waited at Rafah as Lloyd Austin urged a pause in Gaza"}},
		{"place:Geneva", false, []string{"Ukrainian officials in Kyiv said the ceasefire talks had stalled"}},
		{"place:zurich", false, []string{"Café owners in Zürich complained about prices"}},
		{"person:austin place:gaza ceasefire", false, nil},
		{"person:austin place:gaza", false, []string{"Aid convoys waited at Rafah as Lloyd Austin urged a pause in Gaza", "On March 27, 2024, a pivotal meeting took place at the Pentagon"}},
		{"nothing-matches-this", false, nil},
		{`"`, false, []string{"Aid convoys waited at Rafah as Lloyd Austin urged a pause in Gaza", "On March 27, 2024, a pivotal meeting took place at the Pentagon", "Ukrainian officials in Kyiv said the ceasefire talks had stalled", "Café owners in Zürich complained about prices"}},
	} {
		rs, err := l.Search(ctx, tc.query, SearchOptions{Prefix: tc.prefix})
		if err != nil {
			t.Errorf("Search(%q): %v", tc.query, err)
			continue
		}
		if got := titles(rs); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Search(%q, prefix %v) = %q, want %q", tc.query, tc.prefix, got, tc.want)
		}
	}
}

func TestSearchSnippetMarksTerms(t *testing.T) {
	l := searchLibrary(t)
	rs, err := l.Search(context.Background(), "crossing closed", SearchOptions{})
	if err != nil || len(rs) != 1 {
		t.Fatalf("%v %v", rs, err)
	}
	got := strings.ToLower(rs[0].Marked("[", "]"))
	if !strings.Contains(got, "[crossing]") || !strings.Contains(got, "[closed]") {
		t.Errorf("snippet %q does not mark the terms", got)
	}
	for _, m := range rs[0].Marks {
		if w := strings.ToLower(rs[0].Snippet[m[0]:m[1]]); w != "crossing" && w != "closed" {
			t.Errorf("mark %v covers %q", m, w)
		}
	}
}

func TestSearchShortPrefixAfterWords(t *testing.T) {
	l := searchLibrary(t)
	rs, err := l.Search(context.Background(), "crossing c", SearchOptions{Prefix: true})
	if err != nil || len(rs) != 1 {
		t.Fatalf("%v %v", rs, err)
	}
	for _, m := range rs[0].Marks {
		if w := strings.ToLower(rs[0].Snippet[m[0]:m[1]]); w != "crossing" {
			t.Errorf("the left-out prefix is marked: %q", w)
		}
	}
}

func TestSearchUnreadAndStarred(t *testing.T) {
	ctx := context.Background()
	l := searchLibrary(t)
	all, _ := l.List(ctx, 0, 0)
	if len(all) != 4 || all[3].Title != "Café owners in Zürich complained about prices" {
		t.Fatalf("List: newest first, undated last: %q", titlesOf(all))
	}
	l.SetRead(ctx, all[0].ID, true)
	if on, err := l.ToggleStarred(ctx, all[1].ID); err != nil || !on {
		t.Fatalf("ToggleStarred: %v %v", on, err)
	}
	unread, _ := l.Search(ctx, "unread", SearchOptions{})
	starred, _ := l.Search(ctx, "starred", SearchOptions{})
	if len(unread) != 3 || len(starred) != 1 || starred[0].ID != all[1].ID {
		t.Errorf("unread %q, starred %q", titles(unread), titles(starred))
	}
	c, err := l.Counts(ctx)
	if err != nil || c != (Counts{Articles: 4, Unread: 3, Starred: 1}) {
		t.Errorf("Counts = %+v, %v", c, err)
	}
	if err := l.SetRead(ctx, 999999, true); err == nil {
		t.Error("SetRead on a missing article succeeded")
	}
}

func titlesOf(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Title)
	}
	return out
}

func TestArticlesMentioning(t *testing.T) {
	ctx := context.Background()
	l := searchLibrary(t)
	es, err := l.ArticlesMentioning(ctx, "Lloyd Austin", model.Person, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Aid convoys waited at Rafah as Lloyd Austin urged a pause in Gaza", "On March 27, 2024, a pivotal meeting took place at the Pentagon"}
	if got := titlesOf(es); !reflect.DeepEqual(got, want) {
		t.Errorf("ArticlesMentioning = %q, want %q", got, want)
	}
	people, err := l.Entities(ctx, model.Person, 0)
	if err != nil || len(people) != 3 || people[0].Name != "Lloyd Austin" || people[0].Articles != 2 {
		t.Errorf("Entities = %+v, %v", people, err)
	}
}

func TestParseQuery(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, tc := range []struct {
		in   string
		want Query
	}{
		{"", Query{}},
		{"Lloyd Austin", Query{Terms: []Term{{Text: "Lloyd"}, {Text: "Austin"}}}},
		{`"Lloyd Austin" gaz*`, Query{Terms: []Term{{Text: "Lloyd Austin", Phrase: true}, {Text: "gaz", Prefix: true}}}},
		{`person:"Lloyd Austin" place:Gaza after:2024-03-01 unread`, Query{
			People: []string{"Lloyd Austin"}, Places: []string{"Gaza"}, After: day("2024-03-01"), Unread: true}},
		{"before:2024-04-01 starred US-Israel", Query{Before: day("2024-04-01"), Starred: true,
			Terms: []Term{{Text: "US"}, {Text: "Israel"}}}},
		{"after:yesterday", Query{Terms: []Term{{Text: "after"}, {Text: "yesterday"}},
			Problems: []string{"after:yesterday: not a date (YYYY-MM-DD); searched as text"}}},
		{"before:2024-13-45", Query{Terms: []Term{{Text: "before"}, {Text: "2024"}, {Text: "13"}, {Text: "45"}},
			Problems: []string{"before:2024-13-45: not a date (YYYY-MM-DD); searched as text"}}},
		{`"unread"`, Query{Terms: []Term{{Text: "unread", Phrase: true}}}},
		{`person:`, Query{Terms: []Term{{Text: "person"}},
			Problems: []string{`person: needs a name (person:"Lloyd Austin"); searched as text`}}},
		{`place:""`, Query{Terms: []Term{{Text: "place"}},
			Problems: []string{`place:"" needs a name (place:Gaza); searched as text`}}},
		{`x OR y NEAR(`, Query{Terms: []Term{{Text: "x"}, {Text: "OR"}, {Text: "y"}, {Text: "NEAR"}}}},
	} {
		if got := ParseQuery(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseQuery(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
	l, _ := openTemp(t)
	if got, _, _ := l.matchExpr(context.Background(), ParseQuery(`x OR y NEAR(`)); got != `"x" AND "OR" AND "y" AND "NEAR"` {
		t.Errorf("operators must be quoted: %s", got)
	}
}

// TestSearchCompletedPages checks that the later pages of a search whose
// last word was completed on Enter are read with the word completed too:
// "raf" matches nothing as typed, so its second page is Rafah's.
func TestSearchCompletedPages(t *testing.T) {
	ctx := context.Background()
	l := searchLibrary(t)
	first, err := l.Search(ctx, "raf", SearchOptions{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	second, err := l.Search(ctx, "raf", SearchOptions{Limit: 1, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 1 || len(second) != 1 || first[0].Title == second[0].Title {
		t.Errorf("pages %q and %q, want the two Rafah articles one per page", titles(first), titles(second))
	}
	// A word that matches as typed is not completed on a later page.
	if rs, _ := l.Search(ctx, "rafah", SearchOptions{Limit: 5, Offset: 2}); len(rs) != 0 {
		t.Errorf("page past the end of %q: %q", "rafah", titles(rs))
	}
}

// TestSearchCountsExact: past the ranking window (1,000 matches), a search
// with no limit returns every match and Count tells the true number, for
// every kind of query; a later page past the window is still filled.
func TestSearchCountsExact(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	dir := t.TempDir()
	const n = rankWindow + 60
	for i := range n {
		text := fmt.Sprintf("date 2024-03-%02d The harbour story number %d names Lloyd Austin.\n", 1+i%28, i)
		if i%3 == 0 {
			text = fmt.Sprintf("date 2024-04-%02d The market story number %d names Gaza.\n", 1+i%28, i)
		}
		writeFile(t, dir, fmt.Sprintf("%04d.txt", i), text)
	}
	if _, err := l.Import(ctx, []string{dir}, ImportOptions{Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	market := (n + 2) / 3
	for _, tc := range []struct {
		query  string
		prefix bool
		want   int
	}{
		{"story", false, n},
		{"harbour", false, n - market},
		{"market", false, market},
		{"harb", true, n - market},
		{"harbo", false, n - market}, // completed, as Search completes it
		{"story unread", false, n},
		{`person:"Lloyd Austin"`, false, n - market},
		{"place:Gaza story", false, market},
		{"after:2024-04-01", false, market},
		{"starred", false, 0},
		{"nothingmatches", false, 0},
	} {
		opts := SearchOptions{Prefix: tc.prefix}
		got, err := l.Count(ctx, tc.query, opts)
		if err != nil || got != tc.want {
			t.Errorf("Count(%q) = %d, %v; want %d", tc.query, got, err, tc.want)
		}
		opts.Limit, opts.NoSnippets = -1, true
		rs, err := l.Search(ctx, tc.query, opts)
		if err != nil || len(rs) != tc.want {
			t.Errorf("Search(%q, Limit: -1) = %d results, %v; want %d", tc.query, len(rs), err, tc.want)
		}
		ids := map[int64]bool{}
		for _, r := range rs {
			ids[r.ID] = true
		}
		if len(ids) != len(rs) {
			t.Errorf("Search(%q, Limit: -1) repeats results", tc.query)
		}
	}
	if rs, _ := l.Search(ctx, "story", SearchOptions{Limit: 20}); len(rs) != 20 {
		t.Errorf("Limit 20: %d results", len(rs))
	}
	if rs, _ := l.Search(ctx, "story", SearchOptions{Limit: 50, Offset: n - 30, NoSnippets: true}); len(rs) != 30 {
		t.Errorf("the last page, past the ranking window: %d results, want 30", len(rs))
	}
}
