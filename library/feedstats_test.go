package library

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/byline/byline/articles/fetch"
)

// twoFeeds serves two RSS feeds on one host, /a (titled "Alpha News") and
// /b ("Beta Times"), with n items each; item links point at /page/...
type twoFeeds struct {
	*httptest.Server
	mu sync.Mutex
	n  map[string]int
}

func newTwoFeeds(t testing.TB, n int) *twoFeeds {
	s := &twoFeeds{n: map[string]int{"/a": n, "/b": n}}
	titles := map[string]string{"/a": "Alpha News", "/b": "Beta Times"}
	mux := http.NewServeMux()
	for path, title := range titles {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			s.mu.Lock()
			count := s.n[path]
			s.mu.Unlock()
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>http://%s/</link>`, title, r.Host)
			for i := count - 1; i >= 0; i-- {
				fmt.Fprintf(w, `<item><title>%s story %d</title><link>http://%s/page%s/%d</link>
					<description>The %s report number %d about Gaza and Geneva.</description>
					<pubDate>Mon, %02d Jan 2024 10:00:00 +0000</pubDate></item>`,
					title, i, r.Host, path, i, title, i, i%28+1)
			}
			fmt.Fprint(w, `</channel></rss>`)
		})
	}
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func (s *twoFeeds) grow(path string, n int) {
	s.mu.Lock()
	s.n[path] += n
	s.mu.Unlock()
}

// subscribeBoth subscribes to the two feeds and refreshes them.
func subscribeBoth(t testing.TB, l *Library, s *twoFeeds) {
	t.Helper()
	ctx := context.Background()
	for _, p := range []string{"/a", "/b"} {
		if _, err := l.Subscribe(ctx, s.URL+p); err != nil {
			t.Fatal(err)
		}
	}
	res, err := l.Refresh(ctx, RefreshOptions{Client: fetch.New(fetch.Options{Version: "test"}), Recognize: dictRecognize})
	if err != nil || len(res.Warnings) > 0 {
		t.Fatalf("Refresh: %v %v", err, res.Warnings)
	}
}

func TestFeedItemsNamedByFeedTitle(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	s := newTwoFeeds(t, 3)
	subscribeBoth(t, l, s)
	es, err := l.List(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 6 {
		t.Fatalf("%d entries, want 6", len(es))
	}
	for _, e := range es {
		want, url := "Alpha News", s.URL+"/a"
		if strings.HasPrefix(e.Title, "Beta") {
			want, url = "Beta Times", s.URL+"/b"
		}
		if e.Origin != want || e.Feed != url {
			t.Errorf("%q: Origin %q Feed %q, want %q %q", e.Title, e.Origin, e.Feed, want, url)
		}
		if !strings.HasPrefix(e.Source, s.URL+"/page/") {
			t.Errorf("%q: Source %q, want the item's link", e.Title, e.Source)
		}
	}
}

func TestFeedStatsAndFilters(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	s := newTwoFeeds(t, 4)
	subscribeBoth(t, l, s)
	es, _ := l.List(ctx, 0, 0)
	for _, e := range es {
		if e.Title == "Alpha News story 1" {
			if err := l.SetRead(ctx, e.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	st, err := l.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.All != (Count{Unread: 7, Total: 8}) || len(st.Feeds) != 2 {
		t.Fatalf("Stats = %+v", st)
	}
	for _, f := range st.Feeds {
		want := Count{Unread: 4, Total: 4}
		if f.Title == "Alpha News" {
			want.Unread = 3
		}
		if f.Count != want || f.Checked.IsZero() || f.Err != "" {
			t.Errorf("%+v, want %+v", f, want)
		}
	}
	for _, c := range []struct {
		query string
		want  int
	}{
		{`feed:"Alpha News"`, 4},
		{`feed:beta`, 4},
		{`feed:"Alpha News" unread`, 3},
		{`feed:"Alpha News" gaza`, 4},
		{`feed:"Alpha News" feed:beta`, 0},
		{`feed:` + s.URL + `/b`, 4},
		{`source:alpha`, 4},
		{`source:page/b`, 4},
		{`feed:nothing`, 0},
		{`gaza`, 8},
	} {
		rs, err := l.Search(ctx, c.query, SearchOptions{Limit: -1})
		if err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		if len(rs) != c.want {
			t.Errorf("Search(%s) = %d results, want %d", c.query, len(rs), c.want)
		}
		for _, r := range rs {
			if strings.Contains(c.query, "Alpha") && r.Origin != "Alpha News" {
				t.Errorf("Search(%s) found %q of %q", c.query, r.Title, r.Origin)
			}
		}
	}
	n, err := l.CountQuery(ctx, Query{In: Scope{Feed: s.URL + "/a"}, Unread: true})
	if err != nil || n != 3 {
		t.Errorf("CountQuery(unread in Alpha) = %d, %v; want 3", n, err)
	}
}

func TestFilesNamedFromTheirFolder(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	dir := t.TempDir()
	writeFile(t, dir, "news/world/index.txt", articleText("2024-03-01", "Lloyd Austin spoke in Geneva."))
	writeFile(t, dir, "news/local/index.txt", articleText("2024-03-02", "Yoav Gallant spoke in Rafah."))
	single := writeFile(t, dir, "single.txt", articleText("2024-03-03", "Gaza again."))
	if _, err := l.Import(ctx, []string{filepath.Join(dir, "news"), single}, ImportOptions{Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	es, err := l.List(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, e := range es {
		got[e.Origin] = true
	}
	for _, want := range []string{"world/index.txt", "local/index.txt", ""} {
		if !got[want] {
			t.Errorf("no article from %q among %v", want, got)
		}
	}
	st, err := l.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Folders) != 1 || st.Folders[0].Name != "news" || st.Folders[0].Count != (Count{2, 2}) {
		t.Fatalf("Folders = %+v", st.Folders)
	}
	n, err := l.CountQuery(ctx, Query{In: Scope{Folder: st.Folders[0].Path}})
	if err != nil || n != 2 {
		t.Errorf("articles in the folder = %d, %v", n, err)
	}
	rs, _ := l.Search(ctx, "source:world", SearchOptions{})
	if len(rs) != 1 || rs[0].Origin != "world/index.txt" {
		t.Errorf("source:world = %+v", rs)
	}
}

func TestOPMLTitlesAndFolders(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	s := newTwoFeeds(t, 2)
	doc := `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
		<outline text="World"><outline text="My Alpha" type="rss" xmlUrl="` + s.URL + `/a"/>
			<outline text="Deeper"><outline text="x" title="My Beta" type="rss" xmlUrl="` + s.URL + `/b"/></outline></outline>
		</body></opml>`
	added, problems, err := l.ImportOPML(ctx, strings.NewReader(doc))
	if err != nil || added != 2 || len(problems) > 0 {
		t.Fatalf("ImportOPML = %d, %v, %v", added, problems, err)
	}
	if _, err := l.Refresh(ctx, RefreshOptions{Client: fetch.New(fetch.Options{Version: "test"}), Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	st, err := l.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"My Alpha": "World", "My Beta": "World / Deeper"}
	for _, f := range st.Feeds {
		if folder, ok := want[f.Title]; !ok || folder != f.Folder || f.Total != 2 {
			t.Errorf("feed %+v", f)
		}
	}
	n, _ := l.CountQuery(ctx, Query{In: Scope{Group: "World"}})
	if n != 2 {
		t.Errorf("group World has %d articles, want 2", n)
	}
	es, _ := l.List(ctx, 0, 1)
	if len(es) != 1 || (es[0].Origin != "My Alpha" && es[0].Origin != "My Beta") {
		t.Errorf("entry named %+v, want the OPML title", es)
	}
	var out strings.Builder
	if err := l.ExportOPML(ctx, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `<outline text="World / Deeper"`) || !strings.Contains(out.String(), `text="My Beta"`) {
		t.Errorf("export lost folders or titles:\n%s", out.String())
	}
}

// countsMatch checks the counts the triggers keep against the articles.
func countsMatch(t testing.TB, l *Library) {
	t.Helper()
	var bad int
	err := l.db.QueryRow(`SELECT count(*) FROM (
		SELECT source_id, count(*) AS total, sum(read = 0) AS unread FROM articles GROUP BY source_id) t
		FULL JOIN (SELECT * FROM source_counts WHERE total != 0) c ON c.source_id = t.source_id
		WHERE t.total IS NOT c.total OR t.unread IS NOT c.unread`).Scan(&bad)
	if err != nil {
		t.Fatal(err)
	}
	if bad != 0 {
		t.Errorf("%d sources whose kept counts differ from their articles", bad)
	}
}

func TestSourceCountsFollowWrites(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	dir := t.TempDir()
	a := writeFile(t, dir, "news/a.txt", articleText("2024-03-01", "Lloyd Austin spoke in Geneva."))
	writeFile(t, dir, "news/b.txt", articleText("2024-03-02", "Yoav Gallant spoke in Rafah."))
	if _, err := l.Import(ctx, []string{filepath.Join(dir, "news")}, ImportOptions{Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	countsMatch(t, l)
	s := newTwoFeeds(t, 3)
	subscribeBoth(t, l, s)
	countsMatch(t, l)
	m, _ := l.MarkRead(ctx, Scope{Feed: s.URL + "/a"})
	countsMatch(t, l)
	l.Undo(ctx, m)
	countsMatch(t, l)
	es, _ := l.List(ctx, 0, 0)
	l.ToggleRead(ctx, es[0].ID)
	l.SetRead(ctx, es[1].ID, true)
	l.SetRead(ctx, es[1].ID, true)
	countsMatch(t, l)
	// A file rewritten and one deleted: its articles replaced and gone.
	os.WriteFile(a, []byte(articleText("2024-03-05", "Gaza again.")), 0o644)
	os.Remove(filepath.Join(dir, "news/b.txt"))
	if _, err := l.Import(ctx, []string{filepath.Join(dir, "news")}, ImportOptions{Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	countsMatch(t, l)
	s.grow("/b", 2)
	if _, err := l.Refresh(ctx, RefreshOptions{Client: fetch.New(fetch.Options{Version: "test"}), Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	l.MarkRead(ctx, Scope{})
	countsMatch(t, l)
	st, _ := l.Stats(ctx)
	if st.All.Unread != 0 || st.Feeds[1].Total != 5 {
		t.Errorf("Stats after everything read: %+v", st)
	}
}

func TestOPMLBadInput(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	deep := strings.Repeat(`<outline text="d">`, 20) + `<outline text="deep" xmlUrl="http://h/deep"/>` + strings.Repeat(`</outline>`, 20)
	doc := `<?xml version="1.0"?><opml version="2.0"><body>
		<outline text="&#x1b;]0;pwn&#x7;&#x202e;Evil&#x1b;[2J Folder"><outline text="&#x202e;Mine&#x2066;" xmlUrl="http://h/a"/></outline>
		<outline text="not a url" xmlUrl="javascript:alert(1)"/>` + deep + `</body></opml>`
	added, problems, err := l.ImportOPML(ctx, strings.NewReader(doc))
	// The feed below the folders nested too deep is kept, in the deepest
	// folder that is named; only the bad URL is a problem.
	if err != nil || added != 2 || len(problems) != 1 {
		t.Fatalf("ImportOPML = %d, %v, %v; want 2 feeds and the bad URL reported", added, problems, err)
	}
	st, _ := l.Stats(ctx)
	var mine, deepFeed *FeedStats
	for i := range st.Feeds {
		switch st.Feeds[i].URL {
		case "http://h/a":
			mine = &st.Feeds[i]
		case "http://h/deep":
			deepFeed = &st.Feeds[i]
		}
	}
	if mine == nil || mine.Title != "Mine" || mine.Folder != "Evil Folder" {
		t.Errorf("stored %+v", st.Feeds)
	}
	if deepFeed == nil || strings.Count(deepFeed.Folder, " / ") != maxOPMLDepth-1 {
		t.Errorf("the deep feed: %+v", deepFeed)
	}
	if _, _, err := l.ImportOPML(ctx, strings.NewReader("<opml><body><outline")); err == nil {
		t.Error("broken OPML accepted")
	}
	if _, _, err := l.ImportOPML(ctx, strings.NewReader(strings.Repeat(" ", maxOPML+1))); err == nil || !strings.Contains(err.Error(), "larger") {
		t.Errorf("a huge OPML: %v", err)
	}
}

// TestOPMLCategories: a feed outside any OPML folder is filed under its
// first category (OPML 2.0's slash-delimited category attribute).
func TestOPMLCategories(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	doc := `<opml version="2.0"><body>
		<outline text="A" xmlUrl="http://h/a" category="/Tech/Go,/Other"/>
		<outline text="In folder"><outline text="B" xmlUrl="http://h/b" category="/Ignored"/></outline>
		<outline text="C" xmlUrl="http://h/c"/></body></opml>`
	if added, problems, err := l.ImportOPML(ctx, strings.NewReader(doc)); err != nil || added != 3 || len(problems) != 0 {
		t.Fatalf("ImportOPML = %d, %v, %v", added, problems, err)
	}
	st, _ := l.Stats(ctx)
	want := map[string]string{"http://h/a": "Tech / Go", "http://h/b": "In folder", "http://h/c": ""}
	for _, f := range st.Feeds {
		if f.Folder != want[f.URL] {
			t.Errorf("%s in folder %q, want %q", f.URL, f.Folder, want[f.URL])
		}
	}
}
