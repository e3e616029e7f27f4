package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
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
