package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/library"
)

// feedHost serves RSS feeds on one host: /a "Alpha News" and /b "Beta
// Times", n items each, newest first; more adds items to one.
type feedHost struct {
	*httptest.Server
	mu sync.Mutex
	n  map[string]int
}

func newFeedHost(t testing.TB, n int) *feedHost {
	h := &feedHost{n: map[string]int{"/a": n, "/b": n}}
	titles := map[string]string{"/a": "Alpha News", "/b": "Beta Times"}
	mux := http.NewServeMux()
	for path, title := range titles {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			h.mu.Lock()
			count := h.n[path]
			h.mu.Unlock()
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>`, title)
			for i := count - 1; i >= 0; i-- {
				// Alpha's items are the newer: Alpha 0 on day 20, Beta 0 on day 10.
				day := 10 + i
				if path == "/a" {
					day = 20 + i
				}
				fmt.Fprintf(w, `<item><title>%s %d</title><link>http://%s/page%s/%d</link><author>desk@example.org (Desk %d)</author>
					<description>The %s report number %d, from Gaza.</description>
					<pubDate>%s</pubDate></item>`,
					title, i, r.Host, path, i, i, title, i, fmt.Sprintf("Mon, %02d Jan 2024 10:00:00 +0000", day))
			}
			fmt.Fprint(w, `</channel></rss>`)
		})
	}
	mux.HandleFunc("/page/", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	h.Server = httptest.NewServer(mux)
	t.Cleanup(h.Close)
	return h
}

func (h *feedHost) more(path string, n int) {
	h.mu.Lock()
	h.n[path] += n
	h.mu.Unlock()
}

// newFeedLibrary is a library subscribed to both feeds of h, refreshed.
func newFeedLibrary(t testing.TB, h *feedHost) (*library.Library, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	lib := openLibrary(t, path)
	for _, p := range []string{"/a", "/b"} {
		if _, err := lib.Subscribe(ctx, h.URL+p); err != nil {
			t.Fatal(err)
		}
	}
	res, err := lib.Refresh(ctx, library.RefreshOptions{Client: testClient(), Recognize: dictRecognize})
	if err != nil || len(res.Warnings) > 0 {
		t.Fatalf("refresh: %v %v", err, res.Warnings)
	}
	return lib, path
}

func testClient() *fetch.Client { return fetch.New(fetch.Options{Version: "test"}) }

// feedsRow moves the Feeds pane's cursor to the row named name.
func feedsRow(t testing.TB, m *Model, name string) {
	t.Helper()
	p := m.lib().feeds
	for i, r := range p.rows {
		if r.name == name {
			p.cursor = i
			return
		}
	}
	t.Fatalf("no row %q in the Feeds pane", name)
}

// listed is the titles of the whole list's rows read so far, in order.
func listed(m *Model) []string {
	l := m.lib().list.list()
	var out []string
	for i := 0; i < l.total; i++ {
		if r, ok := l.row(i); ok {
			out = append(out, r.Title)
		}
	}
	return out
}

func TestFeedsPaneSelectsAFeed(t *testing.T) {
	h := newFeedHost(t, 3)
	lib, _ := newFeedLibrary(t, h)
	m := newLibModel(t, lib, 120, 30)
	got := screen(t, m)
	for _, want := range []string{"Feeds", "All", "6/6", "Alpha News", "Beta Times", "3/3", "Alpha News 0", "2024-01-22 · Alpha News"} {
		if !strings.Contains(got, want) {
			t.Errorf("screen lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "127.0.0.1") {
		t.Errorf("a feed item is named by its host:\n%s", got)
	}
	m.setFocus(focusFeeds)
	feedsRow(t, m, "Beta Times")
	typeKeys(t, m, "enter")
	if titles := listed(m); len(titles) != 3 || !strings.HasPrefix(titles[0], "Beta Times") {
		t.Fatalf("after selecting Beta the list has %v", titles)
	}
	if m.focus != focusList {
		t.Errorf("focus %v after selecting a feed, want the Articles pane", m.focus)
	}
	got = screen(t, m)
	for _, want := range []string{"byline · Beta Times", "3/3 unread here", "Beta Times 1/3"} {
		if !strings.Contains(got, want) {
			t.Errorf("screen lacks %q:\n%s", want, got)
		}
	}
	// All again.
	m.setFocus(focusFeeds)
	feedsRow(t, m, "All")
	typeKeys(t, m, "enter")
	if n := len(listed(m)); n != 6 {
		t.Errorf("All lists %d articles, want 6", n)
	}
}

func TestUnreadFlowKeys(t *testing.T) {
	h := newFeedHost(t, 3)
	lib, path := newFeedLibrary(t, h)
	m := newLibModel(t, lib, 120, 30)
	m.setFocus(focusFeeds)
	feedsRow(t, m, "Beta Times")
	typeKeys(t, m, "enter", "U")
	if a := m.view.Article(); a == nil || a.Title != "Beta Times 2" {
		t.Fatalf("U opened %v, want Beta Times 2 (the newest unread of Beta)", a)
	}
	typeKeys(t, m, "U")
	if a := m.view.Article(); a == nil || a.Title != "Beta Times 1" {
		t.Fatalf("second U opened %v, want Beta Times 1", a)
	}
	if e, ok := m.lib().list.CursorEntry(); !ok || e.Title != "Beta Times 1" {
		t.Errorf("the list's cursor is on %+v, want the article opened", e)
	}
	// Mark Beta read, undo, mark again: counts follow at once.
	typeKeys(t, m, "A")
	if c := m.lib().feeds.Count(library.Scope{Feed: h.URL + "/b"}); c.Unread != 0 {
		t.Errorf("Beta has %d unread after A", c.Unread)
	}
	if !strings.Contains(m.lib().note, "marked 1 article read in Beta Times") {
		t.Errorf("note %q", m.lib().note)
	}
	typeKeys(t, m, "ctrl+z")
	if c := m.lib().feeds.Count(library.Scope{Feed: h.URL + "/b"}); c.Unread != 1 {
		t.Errorf("Beta has %d unread after undo, want 1", c.Unread)
	}
	typeKeys(t, m, "A")
	// No unread left in Beta: U goes on to All.
	typeKeys(t, m, "U")
	if a := m.view.Article(); a == nil || a.Title != "Alpha News 2" {
		t.Fatalf("U after Beta was read opened %v, want Alpha News 2", a)
	}
	if !m.lib().feeds.selected.All() {
		t.Errorf("selection %+v, want All", m.lib().feeds.selected)
	}
	// Hide read: the list keeps the unread and the open article.
	typeKeys(t, m, "H")
	titles := listed(m)
	if len(titles) != 3 || titles[0] != "Alpha News 2" {
		t.Errorf("with read hidden the list is %v", titles)
	}
	open := m.lib().entry.ID
	quit(t, m)

	// Reopen: the same article, the same list, read still hidden.
	lib.Close()
	lib2 := openLibrary(t, path)
	m2 := newLibModel(t, lib2, 120, 30)
	if m2.lib().entry.ID != open || m2.view.Article() == nil {
		t.Errorf("reopened on %d, want article %d open", m2.lib().entry.ID, open)
	}
	if !m2.lib().hideRead || len(listed(m2)) != 3 {
		t.Errorf("reopened with hideRead %v and %v listed", m2.lib().hideRead, listed(m2))
	}
	st, _ := lib2.Stats(context.Background())
	for _, f := range st.Feeds {
		if want := map[string]int{"Alpha News": 2, "Beta Times": 0}[f.Title]; f.Unread != want {
			t.Errorf("%s has %d unread after reopening, want %d", f.Title, f.Unread, want)
		}
	}
}

// quit presses q and runs what it returns (the session is saved).
func quit(t testing.TB, m *Model) {
	t.Helper()
	_, cmd := m.Update(press("q"))
	drain(t, m, cmd)
}

func TestArticleHeaderAndFilterHelp(t *testing.T) {
	h := newFeedHost(t, 3)
	lib, _ := newFeedLibrary(t, h)
	m := newLibModel(t, lib, 140, 30)
	typeKeys(t, m, "enter")
	got := screen(t, m)
	for _, want := range []string{"│ Alpha News · Desk 2 · 2024-01-22 ", "│ " + h.URL + "/page/a/2 "} {
		if !strings.Contains(got, want) {
			t.Errorf("the reader's header lacks %q:\n%s", want, got)
		}
	}
	typeKeys(t, m, "?")
	got = screen(t, m)
	for _, w := range []string{"Search filters:", `feed:"Name"`, "source:", "next unread article", "mark the selected feed read"} {
		if !strings.Contains(got, w) {
			t.Errorf("help lacks %q:\n%s", w, got)
		}
	}
	typeKeys(t, m, "esc")
	m.setFocus(focusList)
	typeKeys(t, m, "/")
	if !strings.Contains(screen(t, m), `feed:"Name" source:`) {
		t.Errorf("the prompt's hint lacks the filters:\n%s", screen(t, m))
	}
}

// TestRefreshKeepsTheCursor: r refreshes the selected feed in the
// background; its new items appear above and the cursor stays on its
// article.
func TestRefreshKeepsTheCursor(t *testing.T) {
	h := newFeedHost(t, 3)
	lib, _ := newFeedLibrary(t, h)
	m := newLibModel(t, lib, 120, 30, func(o *Options) { o.Fetch = testClient() })
	id := find(t, m, "Alpha News 0")
	h.more("/a", 2)
	typeKeys(t, m, "R")
	if e, ok := m.lib().list.CursorEntry(); !ok || e.ID != id {
		t.Errorf("cursor on %+v after the refresh, want Alpha News 0", e)
	}
	if titles := listed(m); len(titles) != 8 || titles[0] != "Alpha News 4" {
		t.Errorf("after the refresh the list is %v", titles)
	}
	if !strings.Contains(m.lib().note, "2 new") {
		t.Errorf("note %q", m.lib().note)
	}
	// r on Beta's row: only Beta is fetched.
	m.setFocus(focusFeeds)
	feedsRow(t, m, "Beta Times")
	h.more("/a", 1)
	h.more("/b", 1)
	typeKeys(t, m, "r")
	st, _ := lib.Stats(context.Background())
	for _, f := range st.Feeds {
		if want := map[string]int{"Alpha News": 5, "Beta Times": 4}[f.Title]; f.Total != want {
			t.Errorf("%s has %d articles after r on Beta, want %d", f.Title, f.Total, want)
		}
	}
	if c := m.lib().feeds.Count(library.Scope{Feed: h.URL + "/b"}); c.Total != 4 {
		t.Errorf("the Feeds pane counts %d in Beta, want 4", c.Total)
	}
}

// TestAnotherProcessImportShows: the open app polls the library; what
// another handle (another process) adds appears, the cursor staying put.
func TestAnotherProcessImportShows(t *testing.T) {
	h := newFeedHost(t, 2)
	lib, path := newFeedLibrary(t, h)
	m := newLibModel(t, lib, 120, 30)
	id := find(t, m, "Beta Times 1")
	w, err := lib.Watch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	m.lib().watcher = w // as libWatchMsg installs it, without the poll's ticks
	other := openLibrary(t, path)
	h.more("/a", 1)
	if _, err := other.Refresh(context.Background(), library.RefreshOptions{Client: testClient(), Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	changed, err := w.Changed(context.Background())
	if err != nil || !changed {
		t.Fatalf("Changed = %v, %v", changed, err)
	}
	// What pollCmd delivers after its tick.
	send(t, m, libPolledMsg{changed: true})
	if titles := listed(m); len(titles) != 5 || titles[0] != "Alpha News 2" {
		t.Errorf("after another process's refresh the list is %v", titles)
	}
	if e, ok := m.lib().list.CursorEntry(); !ok || e.ID != id {
		t.Errorf("cursor on %+v, want Beta Times 1", e)
	}
	if c := m.lib().counts; c.Articles != 5 {
		t.Errorf("counts %+v, want 5 articles", c)
	}
}

func TestOPMLFoldersFold(t *testing.T) {
	h := newFeedHost(t, 2)
	ctx := context.Background()
	lib := openLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	doc := `<opml version="2.0"><body><outline text="World"><outline text="A" title="Alpha" xmlUrl="` + h.URL + `/a"/>
		<outline text="Beta" xmlUrl="` + h.URL + `/b"/></outline></body></opml>`
	if _, _, err := lib.ImportOPML(ctx, strings.NewReader(doc)); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Refresh(ctx, library.RefreshOptions{Client: testClient(), Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	m := newLibModel(t, lib, 120, 30)
	got := screen(t, m)
	for _, w := range []string{"▾ World", "4/4", "  Alpha", "  Beta"} {
		if !strings.Contains(got, w) {
			t.Errorf("screen lacks %q:\n%s", w, got)
		}
	}
	m.setFocus(focusFeeds)
	feedsRow(t, m, "World")
	typeKeys(t, m, "z")
	got = screen(t, m)
	if !strings.Contains(got, "▸ World") || m.lib().feeds.Rows() != 2 || m.lay.panes[focusFeeds].h != 4 {
		t.Errorf("folded World still shows its feeds:\n%s", got)
	}
	typeKeys(t, m, "enter")
	if n := len(listed(m)); n != 4 || m.lib().feeds.selected.Group != "World" {
		t.Errorf("selecting World lists %d (selected %+v)", n, m.lib().feeds.selected)
	}
	quit(t, m)
	m2 := newLibModel(t, lib, 120, 30)
	if !strings.Contains(screen(t, m2), "▸ World") {
		t.Errorf("the fold was not kept:\n%s", screen(t, m2))
	}
}

// TestCountsFollowMarks: opening an article and m change the Feeds pane's
// counts at once; the Feeds pane shows a feed's URL on the status line.
func TestCountsFollowMarks(t *testing.T) {
	h := newFeedHost(t, 3)
	lib, _ := newFeedLibrary(t, h)
	m := newLibModel(t, lib, 120, 30)
	beta := library.Scope{Feed: h.URL + "/b"}
	find(t, m, "Beta Times 1")
	typeKeys(t, m, "enter")
	if c := m.lib().feeds.Count(beta); c.Unread != 2 {
		t.Errorf("Beta has %d unread after opening one, want 2", c.Unread)
	}
	m.setFocus(focusList)
	find(t, m, "Beta Times 0")
	typeKeys(t, m, "m")
	if c := m.lib().feeds.Count(beta); c.Unread != 1 {
		t.Errorf("Beta has %d unread after m, want 1", c.Unread)
	}
	if c := m.lib().feeds.Count(library.Scope{}); c.Unread != 4 {
		t.Errorf("All has %d unread, want 4", c.Unread)
	}
	m2 := newLibModel(t, lib, 120, 30)
	m2.setFocus(focusFeeds)
	feedsRow(t, m2, "Beta Times")
	send(t, m2, press("j")) // the last row: the cursor stays on Beta
	if !strings.Contains(screen(t, m2), h.URL+"/b") {
		t.Errorf("the status line does not show the feed's URL:\n%s", screen(t, m2))
	}
}
