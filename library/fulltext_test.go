package library

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/byline/byline/articles/fetch"
)

// storyPage is a whole article as a news site serves it.
func storyPage(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html><head><title>Story %d</title><meta name="author" content="Jane Reporter"></head><body>
		<nav>Home · World · Sport</nav><article><h1>Story %d</h1>`, n, n)
	for i := range 6 {
		fmt.Fprintf(&b, `<p>Paragraph %d of the whole story: Lloyd Austin travelled to Rafah and spoke about the zeppelinword%d at length, `+
			`answering questions from reporters about the talks and what would follow in the weeks to come.</p>`, i, n)
	}
	b.WriteString(`<h2>Reactions</h2><p>Officials in Geneva welcomed the talks, saying the meeting had been long awaited by everyone involved.</p></article>
		<footer>Copyright</footer></body></html>`)
	return b.String()
}

// summaryFeed serves a feed of n summary-only items linking to /story/N
// (the odd ones answer 404) and the story pages.
func summaryFeed(t testing.TB, n int) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Summaries</title>`)
		for i := range n {
			fmt.Fprintf(w, `<item><title>Story %d</title><link>http://%s/story/%d</link><description>Two lines of summary %d.</description>
				<pubDate>Mon, %02d Jan 2024 10:00:00 +0000</pubDate></item>`, i, r.Host, i, i, i+1)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/story/", func(w http.ResponseWriter, r *http.Request) {
		var i int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/story/"), "%d", &i)
		if i%2 == 1 {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, storyPage(i))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFullTextOfASummary(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	srv := summaryFeed(t, 2)
	client := fetch.New(fetch.Options{Version: "test"})
	if _, err := l.Subscribe(ctx, srv.URL+"/feed"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Refresh(ctx, RefreshOptions{Client: client, Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	es, _ := l.List(ctx, 0, 0)
	ids := map[string]int64{}
	for _, e := range es {
		ids[e.Title] = e.ID
	}
	a, e, err := l.Article(ctx, ids["Story 0"])
	if err != nil || !SummaryOnly(e, a) {
		t.Fatalf("Story 0 is not a summary: %v %+v", err, e)
	}
	full, e, err := l.FetchFullText(ctx, client, ids["Story 0"], dictRecognize)
	if err != nil {
		t.Fatal(err)
	}
	if e.FullText != FullTextOK || len(full.Sections) < 2 || full.Title != "Story 0" {
		t.Fatalf("full text: %+v, %d sections", e, len(full.Sections))
	}
	stored, e, _ := l.Article(ctx, ids["Story 0"])
	if len(stored.Sections) != len(full.Sections) || SummaryOnly(e, stored) || e.Byline != "Jane Reporter" {
		t.Errorf("stored article has %d sections, byline %q", len(stored.Sections), e.Byline)
	}
	people := map[string]bool{}
	for _, ent := range stored.Entities {
		people[ent.Name] = true
	}
	if !people["Lloyd Austin"] || !people["Rafah"] {
		t.Errorf("people and places of the full text: %v", people)
	}
	if rs, _ := l.Search(ctx, "zeppelinword0", SearchOptions{}); len(rs) != 1 || rs[0].ID != ids["Story 0"] {
		t.Errorf("the full text is not searchable: %v", rs)
	}
	if rs, _ := l.Search(ctx, `person:"Lloyd Austin"`, SearchOptions{}); len(rs) != 1 {
		t.Errorf("person: finds %d articles, want the full text's", len(rs))
	}
	sum, ok, err := l.Summary(ctx, ids["Story 0"])
	if err != nil || !ok || !strings.Contains(sum.Sections[0].Paragraphs[0], "Two lines of summary 0") {
		t.Errorf("summary kept: %v %v %+v", ok, err, sum)
	}
	consistency(t, l)

	// A page that fails: a note on the article, the summary stays.
	_, e, err = l.FetchFullText(ctx, client, ids["Story 1"], dictRecognize)
	if err == nil || !strings.Contains(e.FullText, "404") {
		t.Fatalf("failed fetch: %v, FullText %q", err, e.FullText)
	}
	a, e, _ = l.Article(ctx, ids["Story 1"])
	if !strings.Contains(e.FullText, "404") || !strings.Contains(a.Sections[0].Paragraphs[0], "Two lines of summary 1") {
		t.Errorf("after a failed fetch: %q %+v", e.FullText, a.Sections)
	}
	consistency(t, l)
}

func TestFeedMarkedForFullText(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	srv := summaryFeed(t, 4)
	client := fetch.New(fetch.Options{Version: "test"})
	l.Subscribe(ctx, srv.URL+"/feed")
	if err := l.SetFullText(ctx, srv.URL+"/feed", true); err != nil {
		t.Fatal(err)
	}
	if err := l.SetFullText(ctx, srv.URL+"/nothing", true); err == nil {
		t.Error("SetFullText of a feed not subscribed")
	}
	if _, err := l.Refresh(ctx, RefreshOptions{Client: client, Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	n, warnings, err := l.FillFullText(ctx, FullTextOptions{Client: client, Recognize: dictRecognize})
	if err != nil || n != 2 || len(warnings) != 2 {
		t.Fatalf("FillFullText = %d, %v, %v; want 2 stored, 2 warnings", n, warnings, err)
	}
	// Tried once: a second run fetches nothing.
	if n, warnings, _ := l.FillFullText(ctx, FullTextOptions{Client: client}); n != 0 || len(warnings) != 0 {
		t.Errorf("second FillFullText = %d, %v", n, warnings)
	}
	st, _ := l.Stats(ctx)
	if !st.Feeds[0].FullText {
		t.Error("Stats does not say the feed fetches full text")
	}
}
