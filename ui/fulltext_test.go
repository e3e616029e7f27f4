package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline/byline/library"
)

// storyServer serves a feed of summaries (/feed) whose items link to
// /story/0 (a whole article) and /story/1 (a 404).
func storyServer(t testing.TB) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Briefs</title>`)
		for i := range 2 {
			fmt.Fprintf(w, `<item><title>Brief %d</title><link>http://%s/story/%d</link><description>Two lines of summary %d.</description>
				<pubDate>Mon, %02d Jan 2024 10:00:00 +0000</pubDate></item>`, i, r.Host, i, i, 10-i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/story/0", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, wholeStory)
	})
	mux.HandleFunc("/story/1", http.NotFound)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// wholeStory is the page of /story/0.
var wholeStory = func() string {
	var b strings.Builder
	b.WriteString(`<html><head><title>Brief 0</title></head><body><article><h1>Brief 0</h1>`)
	for i := range 5 {
		fmt.Fprintf(&b, `<p>Paragraph %d: Lloyd Austin met Yoav Gallant to discuss Rafah, and the talks went on late into the night as aides waited outside.</p>`, i)
	}
	b.WriteString(`<h2>What Comes Next</h2><p>Both sides said they would meet again in Washington within a month, officials confirmed.</p></article></body></html>`)
	return b.String()
}()

func newStoryLibrary(t testing.TB, srv *httptest.Server) *library.Library {
	t.Helper()
	ctx := context.Background()
	lib := openLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	if _, err := lib.Subscribe(ctx, srv.URL+"/feed"); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Refresh(ctx, library.RefreshOptions{Client: testClient(), Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestFullTextKey(t *testing.T) {
	srv := storyServer(t)
	lib := newStoryLibrary(t, srv)
	m := newLibModel(t, lib, 120, 30, func(o *Options) { o.Web = testClient() })
	m.lib().recognize = dictRecognize
	find(t, m, "Brief 0")
	typeKeys(t, m, "enter")
	if !m.c.keys.FullText.Enabled() {
		t.Fatal("F is off on a summary")
	}
	typeKeys(t, m, "F")
	got := screen(t, m)
	for _, want := range []string{"What Comes Next", "Lloyd Austin", "full text from 127.0.0.1"} {
		if !strings.Contains(got, want) {
			t.Errorf("after F the screen lacks %q:\n%s", want, got)
		}
	}
	if a := m.view.Article(); a == nil || len(a.Sections) < 2 {
		t.Errorf("the reader shows %v", a)
	}
	if m.lib().canFullText() {
		t.Error("the full text can still be fetched once it is shown")
	}
	// The failure: a note, the summary stays, no wait.
	find(t, m, "Brief 1")
	m.setFocus(focusList)
	typeKeys(t, m, "enter", "F")
	got = screen(t, m)
	if !strings.Contains(got, "no full text") || !strings.Contains(got, "404") || !strings.Contains(got, "Two lines of summary 1") {
		t.Errorf("a failed full text is not a note over the summary:\n%s", got)
	}
}

func TestFeedsPaneMarksAFeedForFullText(t *testing.T) {
	srv := storyServer(t)
	lib := newStoryLibrary(t, srv)
	m := newLibModel(t, lib, 120, 30, func(o *Options) { o.Web = testClient() })
	m.setFocus(focusFeeds)
	feedsRow(t, m, "Wire Briefs")
	typeKeys(t, m, "F")
	st, _ := lib.Stats(context.Background())
	if !st.Feeds[0].FullText || !strings.Contains(m.lib().note, "full text of new items") {
		t.Errorf("F on a feed: FullText %v, note %q", st.Feeds[0].FullText, m.lib().note)
	}
	if !strings.Contains(screen(t, m), "¶") {
		t.Errorf("the Feeds pane does not mark the feed:\n%s", screen(t, m))
	}
}
