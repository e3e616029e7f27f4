package fetch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/byline/byline/articles"
)

// TestHostileServers reads from servers that never finish: one that sends
// its body a byte at a time forever (slowloris), one that never answers,
// and one that sends headers and then nothing. Each ends at the client's
// timeout (short here, DefaultTimeout otherwise) with a message naming the
// URL, as an *articles.Error from ParseURL.
func TestHostileServers(t *testing.T) {
	done := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for {
			if _, err := w.Write([]byte("<")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-done:
		}
	})
	mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-done:
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(done)
	c := New(Options{Timeout: 300 * time.Millisecond})
	for _, tc := range []struct{ path, want string }{
		{"/drip", "context deadline exceeded (Client.Timeout or context cancellation while reading body)"},
		{"/hang", "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"},
		{"/headers", "context deadline exceeded (Client.Timeout or context cancellation while reading body)"},
	} {
		as, err := c.ParseURL(context.Background(), srv.URL+tc.path)
		var ae *articles.Error
		if len(as) != 0 || !errors.As(err, &ae) {
			t.Errorf("%s: %d articles, %v", tc.path, len(as), err)
			continue
		}
		if got, want := err.Error(), srv.URL+tc.path+": "+tc.want; got != want {
			t.Errorf("%s: %q, want %q", tc.path, got, want)
		}
		var te interface{ Timeout() bool }
		if !errors.As(err, &te) || !te.Timeout() || !strings.Contains(err.Error(), "deadline") {
			t.Errorf("%s: not a timeout: %v", tc.path, err)
		}
	}
}

// TestErrorsShowNoControls fetches URLs holding bidirectional and control
// characters, from a server whose status line holds an escape sequence:
// every message names the URL quoted and holds no control character.
func TestErrorsShowNoControls(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				bufio.NewReader(conn).ReadString('\n')
				fmt.Fprint(conn, "HTTP/1.1 500 \x1b]0;EVIL\a\u202eboom\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
			}()
		}
	}()
	base := "http://" + ln.Addr().String()
	c := New(Options{Timeout: 5 * time.Second})
	for _, u := range []string{base + "/news\u202etxt.exe", base + "/plain", "ftp://x.example/\u202eexe", "http://x.example/\x1b[2J"} {
		_, err := c.ParseURL(context.Background(), u)
		if err == nil {
			t.Errorf("%q: no error", u)
			continue
		}
		msg := err.Error()
		for _, r := range msg {
			if r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Errorf("%q: %U in %q", u, r, msg)
				break
			}
		}
		if strings.ContainsAny(u, "\u202e\x1b") && !strings.HasPrefix(msg, strconv.Quote(u)) {
			t.Errorf("%q: message does not quote the URL: %q", u, msg)
		}
	}
}
