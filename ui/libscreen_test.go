package ui

import (
	"context"
	"github.com/byline/byline/ui/render"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/library"
)

// TestLibraryScreens draws the app on a library at fixed sizes.
func TestLibraryScreens(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		keys []string
		want []string
	}{
		{"library", 120, 40, nil, []string{"Library 1/13", "13 unread · 0 starred · 13 articles", "byline library", "enter"}},
		{"library_search", 120, 40, []string{"/", "g", "o", "v", "e", "r", "n", "m", "e", "n", "t", "enter"},
			[]string{"Search 1/", "/government · ", "esc: all", "…"}},
		{"library_search_typing", 120, 40, []string{"/", "G", "a", "z"},
			[]string{"Search 1/1", "/Gaz · 1 result", sampleTitle[:20], "/Gaz", "enter ranks · esc: all"}},
		{"library_open", 120, 40, []string{"sample", "enter"}, []string{"Sections", "People & Places", "12 unread", "▌"}},
		{"library_narrow", 60, 24, nil, []string{"Library 1/13"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newLibModel(t, newTestLibrary(t, 12).Library, tt.w, tt.h)
			keys := tt.keys
			if len(keys) > 0 && keys[0] == "sample" {
				find(t, m, sampleTitle)
				keys = keys[1:]
			}
			typeKeys(t, m, keys...)
			got := screen(t, m)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("screen lacks %q:\n%s", w, got)
				}
			}
			golden(t, tt.name, got)
		})
	}
}

// TestLibrarySearchHighlights checks that a result's snippet paints the
// query's terms with the match style.
func TestLibrarySearchHighlights(t *testing.T) {
	lib := newTestLibrary(t, 3)
	m := newLibModel(t, lib.Library, 120, 40)
	typeKeys(t, m, "/", "R", "a", "f", "a", "h", "enter")
	r, ok := m.lib().list.list().row(0)
	if !ok || len(r.marks) == 0 {
		t.Fatalf("first result %+v has no marks", r)
	}
	painted := "\x1b[" + m.c.styles.View.Marks[render.MarkMatch] + "m" + "Rafah" + "\x1b[m"
	if !strings.Contains(m.View().Content, painted) {
		t.Errorf("the snippet does not highlight Rafah as a match")
	}
}

// TestLibraryRefresh refreshes two feeds served locally, one of them
// failing: the new items appear, the failure is a warning line, and the
// app never stops.
func TestLibraryRefresh(t *testing.T) {
	rss, err := os.ReadFile("../articles/fetch/testdata/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(rss)
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down for maintenance", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	lib := newTestLibrary(t, 2)
	for _, u := range []string{srv.URL + "/rss", srv.URL + "/down"} {
		if _, err := lib.Subscribe(context.Background(), u); err != nil {
			t.Fatal(err)
		}
	}
	m := newLibModel(t, lib.Library, 120, 40, func(o *Options) { o.Fetch = fetch.New(fetch.Options{Version: "test"}) })
	if m.lib().refreshing {
		t.Fatal("the refresh never finished")
	}
	if len(m.problems.warnings) != 1 || !strings.Contains(m.problems.warnings[0], "/down") || !strings.Contains(m.problems.warnings[0], "500") {
		t.Errorf("warnings = %q, want one for /down", m.problems.warnings)
	}
	if got := m.lib().counts.Articles; got != 5 {
		t.Errorf("%d articles after the refresh, want 3 + the feed's 2", got)
	}
	if got := m.lib().list.all.total; got != 5 {
		t.Errorf("the list shows %d articles, want the new ones too", got)
	}
	got := screen(t, m)
	for _, w := range []string{"⚠ 1 feed could not be refreshed · p: show", "refreshed 1 of 2 feeds · 2 new", "Aid convoys"} {
		if !strings.Contains(got, w) {
			t.Errorf("screen lacks %q:\n%s", w, got)
		}
	}
	typeKeys(t, m, "p")
	if got := screen(t, m); !strings.Contains(got, "/down") {
		t.Errorf("p should list the failed feed:\n%s", got)
	}
}

// TestLibraryRefreshProgress shows the spinner and count while a refresh
// runs: the progress is delivered by hand, one feed at a time.
func TestLibraryRefreshProgress(t *testing.T) {
	lib := newTestLibrary(t, 1)
	m := newLibModel(t, lib.Library, 120, 40)
	m.Update(refreshStartedMsg{total: 12})
	for i := 1; i <= 3; i++ {
		m.Update(refreshProgressMsg{library.RefreshProgress{Done: i, Total: 12}})
	}
	if got := screen(t, m); !strings.Contains(got, "refreshing 3/12 feeds") {
		t.Errorf("no progress in the status line:\n%s", got)
	}
}

// TestLibraryProgram runs the real bubbletea program on a library and
// types while pages, searches and articles are read in commands: with
// -race it checks that commands never share what Update changes. It
// asserts no timing.
func TestLibraryProgram(t *testing.T) {
	lib := newTestLibrary(t, 3*pageSize)
	m := newModel(Options{Library: lib.Library, Style: "dark"})
	p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithWindowSize(120, 40), tea.WithoutSignals())
	done := make(chan error, 1)
	go func() {
		_, err := p.Run()
		done <- err
	}()
	for _, k := range []string{"j", "pgdown", "G", "g", "enter", "3", "j", "s", "m", "tab", "tab", "/", "g", "a", "z", "enter", "j", "enter", "J", "K", "q"} {
		p.Send(press(k))
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
