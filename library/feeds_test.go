package library

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/model"
)

// feedServer serves the fetcher's RSS fixture at /rss (with an ETag, so a
// second fetch is a 304), a 500 at /down and broken XML at /broken. extra,
// when set, is spliced in as one more item.
type feedServer struct {
	*httptest.Server
	mu      sync.Mutex
	version int
	extra   string
	hits    map[string]int
}

func newFeedServer(t *testing.T) *feedServer {
	rss, err := os.ReadFile("../articles/fetch/testdata/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	broken, _ := os.ReadFile("../articles/fetch/testdata/broken.xml")
	page, _ := os.ReadFile("../articles/fetch/testdata/page.html")
	fs := &feedServer{hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		defer fs.mu.Unlock()
		fs.hits["/rss"]++
		etag := `"` + string(rune('a'+fs.version)) + `"`
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		body := rss
		if fs.extra != "" {
			body = bytes.Replace(rss, []byte("<item>"), []byte(fs.extra+"<item>"), 1)
		}
		w.Write(body)
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 500) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { w.Write(broken) })
	mux.HandleFunc("/world/austin", func(w http.ResponseWriter, r *http.Request) { w.Write(page) })
	fs.Server = httptest.NewServer(mux)
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) addItem(item string) {
	fs.mu.Lock()
	fs.version++
	fs.extra = item
	fs.mu.Unlock()
}

func TestRefreshFeeds(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	srv := newFeedServer(t)
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close() // unreachable
	for _, u := range []string{srv.URL + "/rss", srv.URL + "/down", srv.URL + "/broken", dead.URL + "/feed"} {
		if isNew, err := l.Subscribe(ctx, u); err != nil || !isNew {
			t.Fatalf("Subscribe(%s) = %v, %v", u, isNew, err)
		}
	}
	if isNew, err := l.Subscribe(ctx, srv.URL+"/rss"); err != nil || isNew {
		t.Errorf("second Subscribe = %v, %v", isNew, err)
	}
	if _, err := l.Subscribe(ctx, "ftp://example.com/feed"); err == nil {
		t.Error("an ftp URL was subscribed")
	}
	client := fetch.New(fetch.Options{Version: "test"})
	var progress []RefreshProgress
	res, err := l.Refresh(ctx, RefreshOptions{Client: client, Recognize: dictRecognize,
		Progress: func(p RefreshProgress) { progress = append(progress, p) }})
	if err != nil {
		t.Fatal(err)
	}
	if res.Feeds != 4 || res.New != 2 || len(res.Warnings) != 3 || len(progress) != 4 || progress[3].Done != 4 {
		t.Fatalf("first refresh: %+v, progress %+v", res, progress)
	}
	feeds, err := l.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range feeds {
		ok := strings.HasSuffix(f.URL, "/rss")
		if ok != (f.Err == "") || f.Checked.IsZero() {
			t.Errorf("feed %+v", f)
		}
		if ok && (f.Title != "The Daily Ledger: World" || f.Articles != 2) {
			t.Errorf("feed %+v", f)
		}
	}
	rs, _ := l.Search(ctx, "Kerem Shalom", SearchOptions{})
	if len(rs) != 1 || rs[0].Source != "https://ledger.example/world/2024/03/27/rafah-convoys" {
		t.Fatalf("feed item not searchable: %+v", rs)
	}
	l.SetRead(ctx, rs[0].ID, true)

	// Unchanged: a 304, nothing new.
	res, err = l.Refresh(ctx, RefreshOptions{Client: client, Feeds: []string{srv.URL + "/rss"}})
	if err != nil || res.NotModified != 1 || res.New != 0 {
		t.Fatalf("second refresh: %+v %v", res, err)
	}
	// One new item: only it is stored; the old ones keep their state.
	srv.addItem(`<item><title>Fuel reaches the north</title><link>https://ledger.example/world/fuel</link>
		<pubDate>Thu, 28 Mar 2024 07:00:00 GMT</pubDate><description>The first fuel trucks reached northern Gaza.</description></item>`)
	res, err = l.Refresh(ctx, RefreshOptions{Client: client, Feeds: []string{srv.URL + "/rss"}})
	if err != nil || res.New != 1 || res.NotModified != 0 {
		t.Fatalf("third refresh: %+v %v", res, err)
	}
	if e, _ := l.Entry(ctx, rs[0].ID); !e.Read {
		t.Error("refresh lost an item's read mark")
	}
	if n := consistency(t, l); n != 3 {
		t.Errorf("%d articles, want 3", n)
	}
	if err := l.Unsubscribe(ctx, srv.URL+"/down"); err != nil {
		t.Fatal(err)
	}
	if err := l.Unsubscribe(ctx, srv.URL+"/down"); err == nil {
		t.Error("second Unsubscribe succeeded")
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	in := `<?xml version="1.0"?>
<opml version="1.0"><head><title>mine</title></head><body>
  <outline text="News">
    <outline text="Ledger" type="rss" xmlUrl="https://ledger.example/world/rss.xml" htmlUrl="https://ledger.example/world"/>
    <outline text="Harbour" type="rss" xmlUrl="https://harbour.example/atom.xml"/>
  </outline>
  <outline text="Bad" type="rss" xmlUrl="gopher://old.example/feed"/>
  <outline text="Just a folder"/>
</body></opml>`
	added, problems, err := l.ImportOPML(ctx, strings.NewReader(in))
	if err != nil || added != 2 || len(problems) != 1 {
		t.Fatalf("ImportOPML = %d, %v, %v", added, problems, err)
	}
	var out bytes.Buffer
	if err := l.ExportOPML(ctx, &out); err != nil {
		t.Fatal(err)
	}
	other, _ := openTemp(t)
	added, problems, err = other.ImportOPML(ctx, &out)
	if err != nil || added != 2 || len(problems) != 0 {
		t.Fatalf("re-import of the export = %d, %v, %v\n%s", added, problems, err, out.String())
	}
	if _, _, err := l.ImportOPML(ctx, strings.NewReader("not xml")); err == nil {
		t.Error("garbage accepted as OPML")
	}
}

func TestImportURLs(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	srv := newFeedServer(t)
	client := fetch.New(fetch.Options{Version: "test"})
	opts := ImportOptions{Fetch: client.Fetch, Recognize: dictRecognize}
	res, err := l.Import(ctx, []string{srv.URL + "/rss", srv.URL + "/world/austin", srv.URL + "/down"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != 3 || len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Error(), "500") {
		t.Fatalf("%+v", res)
	}
	rs, _ := l.Search(ctx, `"Alternatives to Escalation"`, SearchOptions{})
	if len(rs) != 1 || rs[0].Source != srv.URL+"/world/austin" {
		t.Errorf("page not stored: %+v", rs)
	}
	// A feed added by URL again keeps its older items.
	srv.addItem(`<item><title>Fuel reaches the north</title><link>https://ledger.example/world/fuel</link></item>`)
	res, err = l.Import(ctx, []string{srv.URL + "/rss"}, opts)
	if err != nil || res.Updated != 1 || res.Articles != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if n := consistency(t, l); n != 4 {
		t.Errorf("%d articles, want 4", n)
	}
}

func TestSubscribeCleansURLs(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	for _, u := range []string{"https://example.org/a\u202eb", "https://example.org/ab", "https://example.org/a\u200bb", "https://example.org/a\u0085b"} {
		if _, err := l.Subscribe(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := l.Subscribe(ctx, "https://example.org/a\x1b[2Jb"); err != nil {
		t.Fatal(err)
	}
	feeds, err := l.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range feeds {
		got = append(got, f.URL)
	}
	want := []string{"https://example.org/a%E2%80%AEb", "https://example.org/ab", "https://example.org/a%E2%80%8Bb",
		"https://example.org/a%C2%85b", "https://example.org/a%1B[2Jb"}
	if !slices.Equal(got, want) {
		t.Errorf("stored URLs %q, want %q", got, want)
	}
	if err := l.Unsubscribe(ctx, "https://example.org/a\u202eb"); err != nil {
		t.Errorf("Unsubscribe of the URL as given: %v", err)
	}
}

// TestRefreshRecognisesOnlyNewItems: a changed feed's items already in the
// library are not recognised again (they are not stored again either),
// and an item the library held when the feed was fetched but no longer
// holds when the writer stores it is prepared by the writer and stored
// whole.
func TestRefreshRecognisesOnlyNewItems(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	srv := newFeedServer(t)
	var calls atomic.Int64
	recognize := func(a *model.Article) {
		calls.Add(1)
		dictRecognize(a)
	}
	client := fetch.New(fetch.Options{Version: "test"})
	opts := RefreshOptions{Client: client, Recognize: recognize, Feeds: []string{srv.URL + "/rss"}}
	if res, err := l.Refresh(ctx, opts); err != nil || res.New != 2 || calls.Load() != 2 {
		t.Fatalf("first refresh: %+v, %v, %d recognised", res, err, calls.Load())
	}
	srv.addItem(`<item><title>Fuel reaches the north</title><link>https://ledger.example/world/fuel</link>
		<description>The first fuel trucks reached northern Gaza.</description></item>`)
	calls.Store(0)
	if res, err := l.Refresh(ctx, opts); err != nil || res.New != 1 || calls.Load() != 1 {
		t.Fatalf("refresh with one new item: %+v, %v, %d recognised", res, err, calls.Load())
	}

	// The writer meets a pending item whose key is not stored, streamed
	// (a large feed) or not.
	for _, streamed := range []bool{true, false} {
		link := fmt.Sprintf("https://ledger.example/world/late-%v", streamed)
		a := &model.Article{Source: link, Title: "Late", Format: model.Plain,
			Sections: []model.Section{{Paragraphs: []string{"Kerem Shalom reopened on Tuesday."}}}}
		p := parsed{source: "http://late.example/feed", hash: []byte(link)} // another hash each time: changed
		if streamed {
			stream := make(chan item, 1)
			stream <- item{key: link, pending: a}
			close(stream)
			p.stream = stream
		} else {
			p.items = []item{{key: link, pending: a}}
		}
		w := newWriter(l)
		w.recognize = recognize
		calls.Store(0)
		n, err := w.write(ctx, []parsed{p}, addNew)
		if err != nil || n != 1 || calls.Load() != 1 {
			t.Fatalf("pending item (streamed %v): %d stored, %v, %d recognised", streamed, n, err, calls.Load())
		}
		rs, _ := l.Search(ctx, `"Kerem Shalom reopened" source:`+link, SearchOptions{})
		if len(rs) != 1 || rs[0].Source != link {
			t.Fatalf("the pending item (streamed %v) is not searchable: %+v", streamed, rs)
		}
		if got, _, err := l.Article(ctx, rs[0].ID); err != nil || len(got.Sections) != 1 {
			t.Fatalf("the pending item's body: %+v, %v", got, err)
		}
	}
	consistency(t, l)
}
