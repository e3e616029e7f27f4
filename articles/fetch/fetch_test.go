package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/byline/byline/articles"
)

// server serves the testdata fixtures and misbehaving endpoints.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	fixture := func(name, ctype string) http.HandlerFunc {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return func(w http.ResponseWriter, r *http.Request) {
			const etag = `"v1"`
			const modified = "Wed, 27 Mar 2024 09:00:00 GMT"
			if r.Header.Get("User-Agent") != "byline/1.2.3 (+terminal news reader)" {
				http.Error(w, "bad user agent "+r.Header.Get("User-Agent"), http.StatusForbidden)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", modified)
			w.Header().Set("Content-Type", ctype)
			if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == modified {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				w.Header().Set("Content-Encoding", "gzip")
				zw := gzip.NewWriter(w)
				zw.Write(data)
				zw.Close()
				return
			}
			w.Write(data)
		}
	}
	mux.HandleFunc("/world/austin", fixture("page.html", "text/html; charset=utf-8"))
	mux.HandleFunc("/rss", fixture("rss.xml", "application/rss+xml"))
	mux.HandleFunc("/atom", fixture("atom.xml", "application/atom+xml"))
	mux.HandleFunc("/broken", fixture("broken.xml", "application/rss+xml"))
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/hops/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		if n == 0 {
			fmt.Fprint(w, "arrived")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hops/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // answers only after the client gave up
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("x"), 1<<16)
		for range 3 << 4 { // 3 MB, no Content-Length
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/big-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(3<<20))
		w.Write([]byte("x"))
	})
	mux.HandleFunc("/gzip-bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zeros := make([]byte, 1<<20)
		for range 3 { // 3 MB of zeros in a few KB
			zw.Write(zeros)
		}
		zw.Close()
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// client has a 1 MB cap so that the size tests stay small, and a timeout
// long enough never to be what a test measures.
func client() *Client {
	return New(Options{Version: "1.2.3", Timeout: time.Minute, MaxBytes: 1 << 20})
}

func TestDefaults(t *testing.T) {
	c := New(Options{})
	if c.maxBytes != 20<<20 || c.http.Timeout != 30*time.Second || c.userAgent != "byline/dev (+terminal news reader)" {
		t.Errorf("defaults: %d bytes, %v, %q", c.maxBytes, c.http.Timeout, c.userAgent)
	}
}

func TestGetParsesRealShapedSources(t *testing.T) {
	srv := server(t)
	for _, tc := range []struct {
		path  string
		count int
		title string
	}{
		{"/world/austin", 1, "Austin urges precision in Gaza talks with Gallant"},
		{"/rss", 2, "Aid convoys wait at Rafah crossing"},
		{"/atom", 2, "The pier reopens"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			r, err := client().Get(context.Background(), srv.URL+tc.path, Validators{})
			if err != nil {
				t.Fatal(err)
			}
			as, err := articles.Parse(r.URL, r.Body)
			if err != nil {
				t.Fatal(err)
			}
			if len(as) != tc.count || as[0].Title != tc.title {
				t.Errorf("%d articles, first %q", len(as), as[0].Title)
			}
		})
	}
}

func TestConditionalGet(t *testing.T) {
	srv := server(t)
	c := client()
	first, err := c.Get(context.Background(), srv.URL+"/rss", Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || first.Validators.ETag != `"v1"` || first.Validators.LastModified == "" {
		t.Fatalf("first response %+v", first.Validators)
	}
	for _, v := range []Validators{first.Validators, {ETag: `"v1"`}, {LastModified: first.Validators.LastModified}} {
		again, err := c.Get(context.Background(), srv.URL+"/rss", v)
		if err != nil {
			t.Fatal(err)
		}
		if !again.NotModified || again.Body != nil || again.Validators != v {
			t.Errorf("with %+v: not modified %v, %d bytes", v, again.NotModified, len(again.Body))
		}
	}
	changed, err := c.Get(context.Background(), srv.URL+"/rss", Validators{ETag: `"v0"`})
	if err != nil || changed.NotModified || len(changed.Body) == 0 {
		t.Errorf("stale validators must fetch the body: %v", err)
	}
}

func TestGetFailures(t *testing.T) {
	srv := server(t)
	for _, tc := range []struct {
		path  string
		check func(error) bool
	}{
		{"/loop/a", func(err error) bool { return errors.Is(err, ErrTooManyRedirects) }},
		{"/hops/11", func(err error) bool { return errors.Is(err, ErrTooManyRedirects) }},
		{"/500", func(err error) bool {
			var se *StatusError
			return errors.As(err, &se) && se.Code == 500
		}},
		{"/slow", func(err error) bool {
			var te interface{ Timeout() bool }
			return errors.As(err, &te) && te.Timeout()
		}},
		{"/big", func(err error) bool { return errors.Is(err, ErrTooLarge) }},
		{"/big-declared", func(err error) bool { return errors.Is(err, ErrTooLarge) }},
		{"/gzip-bomb", func(err error) bool { return errors.Is(err, ErrTooLarge) }},
	} {
		t.Run(tc.path, func(t *testing.T) {
			c := client()
			if tc.path == "/slow" {
				// The server answers only once the client gave up, so any
				// timeout works: a short one keeps the test quick.
				c = New(Options{Version: "1.2.3", Timeout: 200 * time.Millisecond})
			}
			r, err := c.Get(context.Background(), srv.URL+tc.path, Validators{})
			if err == nil {
				t.Fatalf("no error; %d bytes", len(r.Body))
			}
			if !tc.check(err) {
				t.Fatalf("unexpected error %v", err)
			}
			// As reported, wrapped in the source's error: the URL once.
			msg := (&articles.Error{Source: srv.URL + tc.path, Err: err}).Error()
			if n := strings.Count(msg, srv.URL); n != 1 {
				t.Errorf("the URL appears %d times in %q", n, msg)
			}
		})
	}
}

func TestTenRedirectsAreFollowed(t *testing.T) {
	srv := server(t)
	r, err := client().Get(context.Background(), srv.URL+"/hops/10", Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if string(r.Body) != "arrived" || !strings.HasSuffix(r.URL, "/hops/0") {
		t.Errorf("%q at %s", r.Body, r.URL)
	}
}

func TestBrokenFeedIsAClearError(t *testing.T) {
	srv := server(t)
	r, err := client().Get(context.Background(), srv.URL+"/broken", Validators{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = articles.Parse(r.URL+".xml", r.Body)
	if err == nil || !strings.Contains(err.Error(), "not a readable RSS or Atom feed") {
		t.Errorf("broken feed: %v", err)
	}
}

func TestOnlyHTTP(t *testing.T) {
	if _, err := client().Get(context.Background(), "file:///etc/passwd", Validators{}); err == nil {
		t.Error("file: URL fetched")
	}
}

func TestReadURL(t *testing.T) {
	srv := server(t)
	as, err := client().ReadURL(context.Background(), srv.URL+"/world/austin")
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Source != srv.URL+"/world/austin" || len(as[0].Sections) != 3 {
		t.Fatalf("%d articles: %+v", len(as), as)
	}
	_, err = client().ReadURL(context.Background(), srv.URL+"/500")
	var ae *articles.Error
	if !errors.As(err, &ae) || ae.Source != srv.URL+"/500" {
		t.Errorf("failure does not name the URL: %v", err)
	}
}
