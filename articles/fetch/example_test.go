package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/byline/byline/articles/fetch"
)

func ExampleClient_Get() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()
	c := fetch.New(fetch.Options{Version: "1.0"})
	first, _ := c.Get(context.Background(), srv.URL, fetch.Validators{})
	fmt.Println(string(first.Body), first.Validators.ETag)
	again, _ := c.Get(context.Background(), srv.URL, first.Validators)
	fmt.Println(again.NotModified)
	// Output:
	// <rss/> "v1"
	// true
}

func ExampleUserAgent() {
	fmt.Println(fetch.UserAgent("0.1.0"))
	// Output: byline/0.1.0 (+terminal news reader)
}
