package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/library"
	"github.com/byline/byline/model"
)

// TestLibraryKeys sends keys to the app on a real library and checks the
// state after them: the list, the open article, the counts.
func TestLibraryKeys(t *testing.T) {
	lib := newTestLibrary(t, 12)
	type state struct {
		focus   focus
		kind    listKind
		label   string
		open    string // the open article's title
		filter  bool
		unread  int
		starred int
	}
	tests := []struct {
		name string
		keys []string
		want state
	}{
		{"starts on the list", nil, state{focus: focusList, unread: 13}},
		{"enter opens and marks read", []string{"enter"}, state{focus: focusReader, open: "first", unread: 12}},
		{"m marks the cursor's article", []string{"m"}, state{focus: focusList, unread: 12}},
		{"m twice leaves it unread", []string{"m", "m"}, state{focus: focusList, unread: 13}},
		{"s stars", []string{"s"}, state{focus: focusList, unread: 13, starred: 1}},
		{"m in the reader marks the open article", []string{"enter", "m"}, state{focus: focusReader, open: "first", unread: 13}},
		{"/ searches as you type", []string{"/", "R", "a", "f", "a"}, state{focus: focusList, kind: listSearch, label: "Rafa", filter: true, unread: 13}},
		{"enter runs the ranked search", []string{"/", "R", "a", "f", "a", "h", "enter"}, state{focus: focusList, kind: listSearch, label: "Rafah", filter: true, unread: 13}},
		{"esc in the prompt restores the list", []string{"/", "R", "a", "f", "a", "h", "esc"}, state{focus: focusList, unread: 13}},
		{"esc after the search restores the list", []string{"/", "R", "a", "f", "a", "h", "enter", "esc"}, state{focus: focusList, unread: 13}},
		{"tab with no article skips the empty panes", []string{"tab"}, state{focus: focusReader, unread: 13}},
		{"/ in the reader searches the article", []string{"enter", "/", "G", "a", "z", "a"}, state{focus: focusReader, open: "first", unread: 12}},
		{"J opens the next article", []string{"enter", "J"}, state{focus: focusReader, open: "second", unread: 11}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Each case starts from a library with no marks.
			for _, e := range mustList(t, lib.Library) {
				lib.SetRead(context.Background(), e.ID, false)
				lib.SetStarred(context.Background(), e.ID, false)
			}
			m := newLibModel(t, lib.Library, 120, 40)
			first, second := titleAt(t, m, 0), titleAt(t, m, 1)
			typeKeys(t, m, tt.keys...)
			l := m.lib().list.list()
			if m.lib().list.pending != nil {
				l = m.lib().list.pending
			}
			got := state{focus: m.focus, kind: l.kind, label: l.label, filter: m.lib().list.Filtered(),
				unread: m.lib().counts.Unread, starred: m.lib().counts.Starred}
			if a := m.view.Article(); a != nil {
				got.open = map[string]string{first: "first", second: "second"}[a.Title]
				if got.open == "" {
					got.open = a.Title
				}
			}
			if got != tt.want {
				t.Errorf("state = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func mustList(t *testing.T, lib *library.Library) []library.Entry {
	t.Helper()
	es, err := lib.List(context.Background(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func titleAt(t *testing.T, m *Model, i int) string {
	t.Helper()
	r, ok := m.lib().list.all.row(i)
	if !ok {
		t.Fatalf("row %d not read", i)
	}
	return r.Title
}

// TestLibraryMarksPersist checks that m and s are written to the library
// file: a second connection, opened afresh, sees them.
func TestLibraryMarksPersist(t *testing.T) {
	lib := newTestLibrary(t, 3)
	m := newLibModel(t, lib.Library, 120, 40)
	id := find(t, m, sampleTitle)
	typeKeys(t, m, "s", "m")
	again := openLibrary(t, lib.path)
	if e := entry(t, again, id); !e.Starred || !e.Read {
		t.Errorf("after s and m: starred %v read %v, want both", e.Starred, e.Read)
	}
	typeKeys(t, m, "s")
	if e := entry(t, again, id); e.Starred {
		t.Error("s again should unstar")
	}
	if got := m.status.info.counts; got != "3 unread · 0 starred · 4 articles" {
		t.Errorf("status counts = %q", got)
	}
}

// TestLibraryPositionRestored reads into an article, quits, and opens it
// again in a new app on the same file: the view is where it was left.
func TestLibraryPositionRestored(t *testing.T) {
	lib := newTestLibrary(t, 3)
	m := newLibModel(t, lib.Library, 120, 40)
	id := find(t, m, sampleTitle)
	typeKeys(t, m, "enter", "3", "j", "j")
	sec, top := m.rv().CurrentSection(), m.rv().Top()
	if sec != 2 {
		t.Fatalf("section %d after 3, want 2", sec)
	}
	_, cmd := m.Update(press("q"))
	if msgs := runCmd(cmd); len(msgs) != 1 {
		t.Fatalf("q gave %v, want the saved position", msgs)
	} else if _, next := m.Update(msgs[0]); !isQuit(next) {
		t.Fatal("saving the position should quit")
	}
	if p := entry(t, openLibrary(t, lib.path), id).Position; p.Section != 2 {
		t.Errorf("saved position %+v, want section 2", p)
	}

	m2 := newLibModel(t, openLibrary(t, lib.path), 120, 40)
	find(t, m2, sampleTitle)
	typeKeys(t, m2, "enter")
	if got := m2.rv().Top(); got != top || m2.rv().CurrentSection() != sec {
		t.Errorf("reopened at line %d (section %d), want line %d (section %d)", got, m2.rv().CurrentSection(), top, sec)
	}
}

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

// TestLibraryStaleSearchDropped answers two keystrokes' searches out of
// order: the older answer must not replace the newer.
func TestLibraryStaleSearchDropped(t *testing.T) {
	lib := newTestLibrary(t, 12)
	m := newLibModel(t, lib.Library, 120, 40)
	older := m.lib().list.Search("Gaz", true)
	newer := m.lib().list.Search("Rafah", true)
	for _, c := range []tea.Cmd{newer, older} {
		send(t, m, c())
	}
	if l := m.lib().list.list(); l.label != "Rafah" {
		t.Errorf("shown %q, want the newer search", l.label)
	}
}

// TestLibraryFilters passes the query syntax's filters to the library.
func TestLibraryFilters(t *testing.T) {
	lib := newTestLibrary(t, 12)
	tests := []struct {
		query string
		want  func(r *libRow) bool
	}{
		{`person:"Lloyd Austin"`, func(r *libRow) bool { return r.Title == sampleTitle }},
		{`place:Rafah`, func(r *libRow) bool { return r.Title == sampleTitle }},
		{`after:2025-01-01`, func(r *libRow) bool { return r.Date.Year() >= 2025 }},
		{`unread`, func(r *libRow) bool { return !r.Read }},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			m := newLibModel(t, lib.Library, 120, 40)
			typeKeys(t, m, "/")
			typeKeys(t, m, strings.Split(tt.query, "")...)
			typeKeys(t, m, "enter")
			l := m.lib().list.list()
			if l.kind != listSearch || l.total == 0 {
				t.Fatalf("%q: %d results of kind %v", tt.query, l.total, l.kind)
			}
			for i := range l.total {
				if r, ok := l.row(i); !ok || !tt.want(r) {
					t.Errorf("%q: result %d %+v does not pass the filter", tt.query, i, r)
				}
			}
		})
	}
}

// TestLibraryMentioning lists the articles mentioning the entity under
// the cursor of People & Places, and goes back with Esc.
func TestLibraryMentioning(t *testing.T) {
	lib := newTestLibrary(t, 12)
	m := newLibModel(t, lib.Library, 120, 40)
	find(t, m, sampleTitle)
	typeKeys(t, m, "enter", "tab")
	if m.focus != focusEntities {
		t.Fatalf("focus %v, want People & Places", m.focus)
	}
	typeKeys(t, m, "a")
	l := m.lib().list.list()
	if l.kind != listMentioning || l.label != "Lloyd Austin" || m.focus != focusList {
		t.Fatalf("after a: %v %q focus %v", l.kind, l.label, m.focus)
	}
	want, _ := lib.ArticlesMentioning(context.Background(), "Lloyd Austin", model.Person, 0)
	if l.total != len(want) || l.total == 0 {
		t.Errorf("%d articles listed, the library has %d", l.total, len(want))
	}
	if got := screen(t, m); !strings.Contains(got, "◆ Lloyd Austin · 1 article") || !strings.Contains(got, "esc: all") {
		t.Errorf("no label of the filter:\n%s", got)
	}
	typeKeys(t, m, "tab") // away from the list, Esc does not leave it: no hint
	if got := screen(t, m); !strings.Contains(got, "◆ Lloyd Austin") || strings.Contains(got, "esc: all") {
		t.Errorf("the hint should show only while the list has the focus:\n%s", got)
	}
	typeKeys(t, m, "shift+tab")
	typeKeys(t, m, "esc")
	if m.lib().list.Filtered() || m.focus != focusEntities {
		t.Errorf("esc should restore the whole list and go back: filtered %v focus %v", m.lib().list.Filtered(), m.focus)
	}

	// From a search's results, Esc goes back to them.
	typeKeys(t, m, "shift+tab", "shift+tab", "shift+tab", "/", "R", "a", "f", "a", "h", "enter", "enter", "tab", "a")
	if l := m.lib().list.list(); l.kind != listMentioning {
		t.Fatalf("a from a search result lists %v %q", l.kind, l.label)
	}
	typeKeys(t, m, "esc")
	if l := m.lib().list.list(); l.kind != listSearch || l.label != "Rafah" || m.focus != focusEntities {
		t.Errorf("esc should go back to the search: %v %q focus %v", l.kind, l.label, m.focus)
	}
}

// TestLibraryPaging reads a long list a page at a time: after G only the
// pages in view (and either side) are read, never the whole list.
func TestLibraryPaging(t *testing.T) {
	lib := newTestLibrary(t, 3*pageSize)
	m := newLibModel(t, lib.Library, 120, 40)
	if got := len(m.lib().list.all.pages); got != 1 {
		t.Errorf("first screen read %d pages, want 1", got)
	}
	typeKeys(t, m, "G")
	l := m.lib().list.all
	if l.cursor != l.total-1 {
		t.Errorf("cursor %d after G, want %d", l.cursor, l.total-1)
	}
	if _, ok := l.row(l.cursor); !ok {
		t.Error("the last row is not read")
	}
	if len(l.pages) >= 4 || l.pages[1] != nil {
		t.Errorf("read pages %v, want the first and those in view only", keys(l.pages))
	}
	if got := screen(t, m); !strings.Contains(got, "Library 301/301") {
		t.Errorf("title should count the position:\n%s", got)
	}
}

func keys(pages map[int][]libRow) []int {
	var out []int
	for k := range pages {
		out = append(out, k)
	}
	return out
}

// TestLibraryKeysOnlyInLibrary checks that m, s and a are disabled, and
// left out of the help screen, outside library mode.
func TestLibraryKeysOnlyInLibrary(t *testing.T) {
	m := newTestModel(t, 100, 30, loaded([]*model.Article{sample(t)}))
	k := m.c.keys
	if k.Read.Enabled() || k.Star.Enabled() || k.Mentioning.Enabled() {
		t.Error("library keys enabled without a library")
	}
	typeKeys(t, m, "?")
	if got := screen(t, m); strings.Contains(got, "star") || strings.Contains(got, "Library") {
		t.Errorf("help lists library keys:\n%s", got)
	}
	lm := newLibModel(t, newTestLibrary(t, 1).Library, 100, 30)
	typeKeys(t, lm, "?")
	if got := screen(t, lm); !strings.Contains(got, "star / unstar") || !strings.Contains(got, "mark read / unread") {
		t.Errorf("help in library mode lacks m and s:\n%s", got)
	}
}

// TestLibraryPasteSearch pastes into the library's search prompt: the
// list shows the results as it does for the same text typed, and Enter
// runs the ranked search.
func TestLibraryPasteSearch(t *testing.T) {
	lib := newTestLibrary(t, 12)
	m := newLibModel(t, lib.Library, 120, 40)
	typeKeys(t, m, "/")
	paste(t, m, "Ra\tfa\n")
	l := m.lib().list.list()
	if m.lib().list.pending != nil {
		l = m.lib().list.pending
	}
	if got := m.search.Value(); got != "Ra fa" {
		t.Errorf("prompt holds %q, want %q", got, "Ra fa")
	}
	if l.kind != listSearch || l.label != "Ra fa" || !m.lib().list.Filtered() {
		t.Errorf("after the paste the list is kind %v %q (filtered %v), want the search for %q", l.kind, l.label, m.lib().list.Filtered(), "Ra fa")
	}
	typeKeys(t, m, "backspace", "backspace", "backspace")
	paste(t, m, "fah")
	typeKeys(t, m, "enter")
	l = m.lib().list.list()
	if m.search.Active() || l.kind != listSearch || l.label != "Rafah" {
		t.Errorf("enter after the paste: prompt open %v, list kind %v %q, want the ranked search for Rafah", m.search.Active(), l.kind, l.label)
	}
	if l.total == 0 {
		t.Error("the ranked search for a pasted Rafah found nothing")
	}
}
