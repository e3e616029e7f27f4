// Command genfeed writes or serves a generated RSS 2.0 feed of N items
// (articlestest.Feed: corpus articles as HTML), for the feed benchmarks:
//
//	go run ./cmd/genfeed -n 5000 -out /tmp/feed5000.xml
//	go run ./cmd/genfeed -n 5000 -serve 127.0.0.1:8199   # http://127.0.0.1:8199/feed.xml
//
// The same -n, -seed and -base always give the same bytes; with -serve,
// -base defaults to the served URL, so byline and newsboat fetch the same
// feed. It serves until interrupted.
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"

	"github.com/byline/byline/articles/articlestest"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("genfeed", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 5000, "number of items")
	seed := fs.Uint64("seed", 1, "random seed")
	base := fs.String("base", "", "the feed's link and the prefix of its items' links (default: the served URL, else http://127.0.0.1/feed)")
	out := fs.String("out", "", "write the feed to this file (-: standard output)")
	serve := fs.String("serve", "", "serve the feed on this address at /feed.xml (e.g. 127.0.0.1:8199)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if (*out == "") == (*serve == "") || *n < 0 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: genfeed [-n N] [-seed S] [-base URL] -out FILE|- | -serve ADDR")
		return 2
	}
	if *serve != "" {
		return serveFeed(*serve, *n, *seed, *base, stdout, stderr)
	}
	if *base == "" {
		*base = "http://127.0.0.1/feed"
	}
	feed := articlestest.Feed(*n, *seed, *base)
	var err error
	if *out == "-" {
		_, err = stdout.Write(feed)
	} else if err = os.WriteFile(*out, feed, 0o644); err == nil {
		fmt.Fprintf(stderr, "wrote %d items, %d bytes, to %s\n", *n, len(feed), *out)
	}
	if err != nil {
		fmt.Fprintln(stderr, "genfeed:", err)
		return 1
	}
	return 0
}

// serveFeed serves the feed at http://addr/feed.xml until interrupted.
func serveFeed(addr string, n int, seed uint64, base string, stdout, stderr io.Writer) int {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(stderr, "genfeed:", err)
		return 1
	}
	url := "http://" + ln.Addr().String() + "/feed.xml"
	if base == "" {
		base = url
	}
	feed := articlestest.Feed(n, seed, base)
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Length", strconv.Itoa(len(feed)))
		w.Write(feed)
	})
	fmt.Fprintf(stdout, "serving %d items, %d bytes, at %s\n", n, len(feed), url)
	srv := &http.Server{Handler: mux}
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt)
		<-c
		srv.Close()
	}()
	if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
		fmt.Fprintln(stderr, "genfeed:", err)
		return 1
	}
	return 0
}
