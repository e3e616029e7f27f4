package cli

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/byline/byline/library"
)

// TestRefreshExitStatus: byline refresh fails only when every feed failed.
func TestRefreshExitStatus(t *testing.T) {
	rss, err := os.ReadFile("../articles/fetch/testdata/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	var down atomic.Bool
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		if down.Load() {
			http.Error(w, "no", 503)
			return
		}
		w.Write(rss)
	})
	mux.HandleFunc("/rss2", func(w http.ResponseWriter, r *http.Request) {
		if down.Load() {
			http.Error(w, "no", 503)
			return
		}
		w.Write(rss)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "lib.db")
	for _, p := range []string{"/rss", "/rss2"} {
		if code, _, stderr := runLib(t, db, "feed", "add", srv.URL+p); code != 0 {
			t.Fatalf("feed add: %d %s", code, stderr)
		}
	}
	if code, _, stderr := runLib(t, db, "refresh"); code != 0 {
		t.Errorf("refresh with every feed answering: %d %s", code, stderr)
	}
	down.Store(true)
	code, _, stderr := runLib(t, db, "refresh")
	if code != 1 || strings.Count(stderr, "warning:") != 2 || !strings.Contains(stderr, "2 failed") {
		t.Errorf("refresh with every feed failing: %d %q, want 1 and two warnings", code, stderr)
	}
	for _, c := range []struct {
		res  library.RefreshResult
		want int
	}{
		{library.RefreshResult{}, 0},
		{library.RefreshResult{Feeds: 3, Warnings: []error{errors.New("a")}}, 0},
		{library.RefreshResult{Feeds: 2, Warnings: []error{errors.New("a"), errors.New("b")}}, 1},
	} {
		if got := refreshStatus(c.res); got != c.want {
			t.Errorf("refreshStatus(%d feeds, %d failed) = %d, want %d", c.res.Feeds, len(c.res.Warnings), got, c.want)
		}
	}
}
