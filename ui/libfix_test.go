package ui

import (
	"context"
	"errors"
	"github.com/byline/byline/ui/render"
	"strings"
	"testing"

	"github.com/byline/byline/library"
)

// searchIDs is what the library finds for query (completing its last word
// when nothing matches it as typed, as on Enter), every result.
func searchIDs(t *testing.T, lib *library.Library, query string) []int64 {
	t.Helper()
	rs, err := lib.Search(context.Background(), query, library.SearchOptions{Limit: -1, NoSnippets: true})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	return ids
}

// labelLine is the screen's second line, which holds the label of a
// filtered list.
func labelLine(t *testing.T, m *Model) string {
	t.Helper()
	lines := strings.Split(screen(t, m), "\n")
	if len(lines) < 2 {
		t.Fatal("no screen")
	}
	return lines[1]
}

// TestLibrarySearchPagesToTheEnd runs ranked searches with more results than
// a page and checks that the list reads them all: scrolling past the first
// page, and G, which goes to the true last result in one press. "minist"
// matches no word as typed, so Enter completes it; "government" matches
// as typed.
func TestLibrarySearchPagesToTheEnd(t *testing.T) {
	lib := newTestLibrary(t, 150)
	typed, err := lib.SearchQuery(context.Background(), library.ParseQuery("minist"), library.SearchOptions{Limit: 1})
	if err != nil || len(typed) != 0 {
		t.Fatalf("minist should match nothing as typed: %v %v", typed, err)
	}
	for _, tt := range []struct {
		name, query string
		keys        []string
	}{
		{"completed word, G", "minist", []string{"G"}},
		{"completed word, j", "minist", strings.Split(strings.Repeat("j", 77), "")},
		{"word as typed, G", "government", []string{"G"}},
		{"word as typed, pgdown", "government", strings.Split(strings.Repeat("f", 20), "")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := searchIDs(t, lib.Library, tt.query)
			if len(want) <= searchPage {
				t.Fatalf("%q finds %d articles, want more than a page", tt.query, len(want))
			}
			m := newLibModel(t, lib.Library, 120, 40)
			typeKeys(t, m, "/")
			typeKeys(t, m, strings.Split(tt.query, "")...)
			typeKeys(t, m, "enter")
			if got := labelLine(t, m); !strings.Contains(got, "/"+tt.query+" · 50+ results") {
				t.Errorf("before the end is read the label is %q, want 50+ results", got)
			}
			typeKeys(t, m, tt.keys...)
			l := m.lib().list.list()
			if l.total != len(want) || !l.exact || l.cursor != len(want)-1 {
				t.Fatalf("after %s: %d results (exact %v), cursor %d; want %d, the cursor on the last",
					tt.keys[0], l.total, l.exact, l.cursor, len(want))
			}
			if r, ok := l.row(l.cursor); !ok || r.ID != want[len(want)-1] {
				t.Errorf("the last row is %+v (read %v), want article %d", r, ok, want[len(want)-1])
			}
			n := render.Commas(len(want))
			if got := screen(t, m); !strings.Contains(got, "Search "+n+"/"+n) || !strings.Contains(got, "/"+tt.query+" · "+n+" results") {
				t.Errorf("title and label should count %s results:\n%s", n, got)
			}
			if tt.keys[0] == "G" {
				return
			}
			for i, id := range want {
				if r, ok := l.row(i); !ok || r.ID != id {
					t.Fatalf("row %d is %+v (read %v), want article %d", i, r, ok, id)
				}
			}
		})
	}
}

// TestLibrarySearchEndAfterMove checks that a key pressed after G, while
// the list is still being counted, keeps the cursor where it took it.
func TestLibrarySearchEndAfterMove(t *testing.T) {
	lib := newTestLibrary(t, 150)
	m := newLibModel(t, lib.Library, 120, 40)
	typeKeys(t, m, "/", "m", "i", "n", "i", "s", "t", "enter")
	_, end := m.Update(press("G"))
	typeKeys(t, m, "g")
	drain(t, m, end)
	if l := m.lib().list.list(); l.cursor != 0 || !l.exact {
		t.Errorf("cursor %d (exact %v) after G then g, want 0", l.cursor, l.exact)
	}
}

// TestLibraryLabelKeepsCount draws the label of a search whose query is
// wider than the pane: the query is cut with "…", the count stays.
func TestLibraryLabelKeepsCount(t *testing.T) {
	lib := newTestLibrary(t, 60)
	query := "government officials said government officials said government officials"
	for _, w := range []int{120, 100, 60} {
		m := newLibModel(t, lib.Library, w, 40)
		typeKeys(t, m, "/")
		paste(t, m, query)
		typeKeys(t, m, "enter")
		got := labelLine(t, m)
		if !strings.Contains(got, "… · ") || !strings.Contains(got, " results") || !strings.Contains(got, "esc: all") {
			t.Errorf("%d columns: label %q, want the query cut, the count and the hint", w, got)
		}
	}
}

// TestLibraryLayoutPeopleAndPlaces checks where People & Places go on a
// library as the terminal narrows, with an article open: a column of
// their own, below the Sections (as in the reader's layout), then gone;
// before an article is open they are not shown. Panes never overlap and
// the reader keeps its room.
func TestLibraryLayoutPeopleAndPlaces(t *testing.T) {
	for _, tt := range []struct {
		w, h  int
		open  bool
		where string // "right", "below" or "none"
	}{
		{130, 40, true, "right"},
		{110, 40, true, "right"},
		{109, 40, true, "below"},
		{100, 50, true, "below"},
		{80, 24, true, "below"},
		{80, 16, true, "none"}, // too few rows to share the column
		{100, 50, false, "none"},
		{79, 30, true, "none"},
		{64, 30, true, "none"},
		{60, 30, true, "none"},
	} {
		l := computeLibraryLayout(tt.w, tt.h, 0, 5, tt.open, 0)
		got := entitiesPlace(l)
		if got != tt.where {
			t.Errorf("%dx%d open %v: People & Places %s, want %s (%+v)", tt.w, tt.h, tt.open, got, tt.where, l)
		}
		if tt.w >= stackFrom && l.panes[focusReader].w < 40 {
			t.Errorf("%dx%d: reader only %d wide", tt.w, tt.h, l.panes[focusReader].w)
		}
		checkNoOverlap(t, tt.w, tt.h, l)
		if got == "below" {
			if l.panes[focusList].h < minLibArticlesH || l.panes[focusSections].y != l.panes[focusList].h || l.panes[focusEntities].y != l.panes[focusSections].y+l.panes[focusSections].h ||
				l.panes[focusEntities].y+l.panes[focusEntities].h != l.body.h || l.panes[focusSections].h < 5 {
				t.Errorf("%dx%d: left column not Articles, Sections, People & Places filling the body: %+v", tt.w, tt.h, l)
			}
		}
	}
}

// TestLibraryPeopleAndPlacesReachable opens an article at 80-109 columns:
// Tab reaches People & Places, and a lists the articles mentioning the
// selected person.
func TestLibraryPeopleAndPlacesReachable(t *testing.T) {
	lib := newTestLibrary(t, 12)
	for _, w := range []int{80, 100, 109} {
		m := newLibModel(t, lib.Library, w, 50)
		find(t, m, sampleTitle)
		typeKeys(t, m, "enter", "tab")
		if m.focus != focusEntities {
			t.Fatalf("%d columns: tab from the reader focuses %v, want People & Places", w, m.focus)
		}
		typeKeys(t, m, "a")
		if l := m.lib().list.list(); l.kind != listMentioning || l.label != "Lloyd Austin" || l.total == 0 {
			t.Errorf("%d columns: a lists %v %q (%d)", w, l.kind, l.label, l.total)
		}
	}
}

// TestLibraryPlurals checks the counts the library's panes write.
func TestLibraryPlurals(t *testing.T) {
	for _, tt := range []struct {
		n          int
		noun, want string
	}{
		{0, "article", "0 articles"},
		{1, "article", "1 article"},
		{2, "result", "2 results"},
		{1000, "feed", "1,000 feeds"},
	} {
		if got := render.Plural(tt.n, tt.noun, tt.noun+"s"); got != tt.want {
			t.Errorf("render.Plural(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
	s := &librarySource{refreshing: true, refTotal: 1, counts: library.Counts{Articles: 1, Unread: 1}}
	if got := s.activity(); !strings.HasSuffix(got, "refreshing 0/1 feed") {
		t.Errorf("activity = %q, want one feed", got)
	}
	if got := s.countsText(); got != "1 unread · 0 starred · 1 article" {
		t.Errorf("countsText = %q", got)
	}
	p := &libraryPane{filtered: &rowList{kind: listSearch, total: 1, exact: true}}
	if got := p.count(); got != "1 result" {
		t.Errorf("count = %q, want 1 result", got)
	}
	p.filtered = &rowList{kind: listMentioning, total: 1, exact: true}
	if got := p.count(); got != "1 article" {
		t.Errorf("count = %q, want 1 article", got)
	}
	p.filtered = &rowList{kind: listSearch, total: 50}
	if got := p.count(); got != "50+ results" {
		t.Errorf("count = %q, want 50+ results", got)
	}
}

// TestRefreshNoteCountsFailures checks that the note after a refresh does
// not claim that feeds which failed were refreshed.
func TestRefreshNoteCountsFailures(t *testing.T) {
	lib := newTestLibrary(t, 3)
	m := newLibModel(t, lib.Library, 100, 30)
	m.lib().refreshing = true
	send(t, m, refreshDoneMsg{res: library.RefreshResult{Feeds: 4, Warnings: []error{errors.New("a: 503"), errors.New("b: 404")}}})
	if got := m.lib().note; got != "refreshed 2 of 4 feeds · nothing new" {
		t.Errorf("note = %q", got)
	}
	m.lib().refreshing = true
	send(t, m, refreshDoneMsg{res: library.RefreshResult{Feeds: 1}})
	if got := m.lib().note; got != "refreshed 1 feed · nothing new" {
		t.Errorf("note = %q", got)
	}
}

// TestCountsKeepTheLatest delivers the counts read after two marks in the
// wrong order, as concurrent commands may: the counts read after the later
// mark stay shown.
func TestCountsKeepTheLatest(t *testing.T) {
	lib := newTestLibrary(t, 3)
	m := newLibModel(t, lib.Library, 100, 30)
	send(t, m, libToggledMsg{id: -1, counts: library.Counts{Articles: 3, Unread: 1, Starred: 1}, at: 2})
	send(t, m, libToggledMsg{id: -1, counts: library.Counts{Articles: 3, Unread: 2, Starred: 0}, at: 1})
	if c := m.lib().counts; c.Unread != 1 || c.Starred != 1 {
		t.Errorf("counts %+v, want those read after the later mark", c)
	}
}
