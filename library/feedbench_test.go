package library

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/model"
)

// BenchmarkRefreshLargeFeed is the first fetch of one large feed into a
// new library (what `byline feed add` does): fetch from 127.0.0.1, parse,
// recognise people and places with the real recogniser, store. The feed
// is articlestest.Feed (cmd/genfeed); $BYLINE_BENCH_FEED_ITEMS sets its
// size (default 500; the issue-11 measure is 5,000 items, 18 MB):
//
//	BYLINE_BENCH_FEED_ITEMS=5000 go test -run '^$' -bench RefreshLargeFeed -benchtime 3x ./library
//
// The sub-benchmark recognise is the whole work; none leaves out the
// recogniser (a no-op in its place), to show what fetching, parsing and
// storing cost on their own; changed is the next refresh of the feed once
// it has one item more (every item fetched and parsed again, one new).
func BenchmarkRefreshLargeFeed(b *testing.B) {
	b.Run("recognise", func(b *testing.B) { benchRefreshFeed(b, nil) })
	b.Run("none", func(b *testing.B) { benchRefreshFeed(b, func(*model.Article) {}) })
	b.Run("changed", benchRefreshChanged)
}

// BenchmarkRefreshManyFeeds is the first refresh of 40 feeds of 50 items
// each (articlestest.Feed), from 127.0.0.1, real recogniser: many small
// feeds, where preparing one overlaps writing another.
func BenchmarkRefreshManyFeeds(b *testing.B) {
	const feeds, items = 40, 50
	data := make([][]byte, feeds)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, err := strconv.Atoi(r.URL.Path[len("/feed/"):])
		if err != nil || i < 0 || i >= feeds {
			http.NotFound(w, r)
			return
		}
		w.Write(data[i])
	}))
	defer srv.Close()
	var urls []string
	for i := range feeds {
		urls = append(urls, srv.URL+"/feed/"+strconv.Itoa(i))
		data[i] = articlestest.Feed(items, uint64(i+1), urls[i])
	}
	ctx := context.Background()
	client := fetch.New(fetch.Options{})
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		l, err := Open(ctx, filepath.Join(b.TempDir(), strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := l.Refresh(ctx, RefreshOptions{Client: client, Feeds: urls})
		b.StopTimer()
		if err != nil || res.New != feeds*items {
			b.Fatalf("%+v, %v", res, err)
		}
		l.Close()
		b.StartTimer()
	}
}

func benchRefreshChanged(b *testing.B) {
	n := benchFeedItems(b)
	var feed []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(feed) }))
	defer srv.Close()
	ctx := context.Background()
	client := fetch.New(fetch.Options{})
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		l, err := Open(ctx, filepath.Join(b.TempDir(), strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		feed = articlestest.Feed(n, 1, srv.URL)
		if _, err := l.Refresh(ctx, RefreshOptions{Client: client, Feeds: []string{srv.URL}}); err != nil {
			b.Fatal(err)
		}
		feed = articlestest.Feed(n+1, 1, srv.URL)
		b.StartTimer()
		res, err := l.Refresh(ctx, RefreshOptions{Client: client, Feeds: []string{srv.URL}})
		b.StopTimer()
		if err != nil || res.New != 1 {
			b.Fatalf("%+v, %v", res, err)
		}
		l.Close()
		b.StartTimer()
	}
}

// benchFeedItems is $BYLINE_BENCH_FEED_ITEMS, 500 when not set.
func benchFeedItems(b *testing.B) int {
	n := 500
	if s := os.Getenv("BYLINE_BENCH_FEED_ITEMS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	return n
}

func benchRefreshFeed(b *testing.B, recognize func(*model.Article)) {
	n := benchFeedItems(b)
	feed := articlestest.Feed(n, 1, "http://127.0.0.1/feed")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(feed) }))
	defer srv.Close()
	ctx := context.Background()
	client := fetch.New(fetch.Options{})
	b.SetBytes(int64(len(feed)))
	items := 0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		l, err := Open(ctx, filepath.Join(b.TempDir(), strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.Subscribe(ctx, srv.URL); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := l.Refresh(ctx, RefreshOptions{Client: client, Feeds: []string{srv.URL}, Recognize: recognize})
		b.StopTimer()
		if err != nil || res.New != n {
			b.Fatalf("%+v, %v", res, err)
		}
		items += res.New
		l.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(items)/b.Elapsed().Seconds(), "items/s")
}
