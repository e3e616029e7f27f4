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

// TestFeedAddFullText: feed add --full-text stores the whole article of
// each item, searchable, and feed list says the feed fetches full text.
func TestFeedAddFullText(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Briefs</title><item><title>The pier</title>
			<link>http://` + r.Host + `/story</link><description>A short summary.</description></item></channel></rss>`))
	})
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		body := `<html><head><title>The pier</title></head><body><article><h1>The pier</h1>`
		for range 5 {
			body += `<p>The harbour's old pier reopened on Friday with a brass band, two years after the storm that broke it, and the quaywordmarker crowd cheered.</p>`
		}
		w.Write([]byte(body + `</article></body></html>`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "lib.db")
	code, _, stderr := runLib(t, db, "feed", "add", "--full-text", srv.URL+"/feed")
	if code != 0 || !strings.Contains(stderr, "1 full text fetched") {
		t.Fatalf("feed add --full-text: %d %q", code, stderr)
	}
	if code, stdout, _ := runLib(t, db, "search", "quaywordmarker"); code != 0 || !strings.Contains(stdout, "The pier") {
		t.Errorf("the full text is not searchable: %d %q", code, stdout)
	}
	if _, stdout, _ := runLib(t, db, "feed", "list"); !strings.Contains(stdout, "Briefs\t"+srv.URL+"/feed\t1/1 unread") || !strings.HasSuffix(strings.TrimSpace(stdout), "full text") {
		t.Errorf("feed list: %q", stdout)
	}
}

// TestConfiguredFeeds: the configuration's [feeds."URL"] title and
// full_text apply to the subscription.
func TestConfiguredFeeds(t *testing.T) {
	rss, err := os.ReadFile("../articles/fetch/testdata/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(rss) }))
	defer srv.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	if code, _, stderr := runLib(t, db, "feed", "add", srv.URL+"/rss"); code != 0 {
		t.Fatalf("feed add: %d %s", code, stderr)
	}
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("[feeds.\""+srv.URL+"/rss\"]\ntitle = \"My Harbour\"\nfull_text = true\n"), 0o644)
	code, stdout, stderr := runLib(t, db, "feed", "list", "--config", cfg)
	if code != 0 || !strings.HasPrefix(stdout, "My Harbour\t"+srv.URL+"/rss\t") || !strings.Contains(stdout, "\tfull text") {
		t.Errorf("feed list with the configuration: %d %q %q", code, stdout, stderr)
	}
}

// TestRefreshOutputSafe: what refresh, feed add and feed list print about
// feeds that name themselves with escape sequences and bidi controls, or
// fail with them in their answers, holds no control character.
func TestRefreshOutputSafe(t *testing.T) {
	evil := "\x1b]0;pwned\x07\u202eEvil\x1b[2J"
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>` + evil + ` &#x1b;[31m News</title>
<item><title>Item ` + evil + `</title><link>http://example.org/a</link><description>Text ` + evil + ` here.</description></item>
</channel></rss>`
	var fail atomic.Bool
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		if fail.Load() {
			http.Error(w, "broken "+evil, 500)
			return
		}
		w.Write([]byte(feed))
	})
	mux.HandleFunc("/other", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(feed)) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "lib.db")
	var outs []string
	for _, args := range [][]string{{"feed", "add", srv.URL + "/feed"}, {"feed", "add", srv.URL + "/other"}, {"refresh"}, {"feed", "list"}} {
		code, stdout, stderr := runLib(t, db, args[0], args[1:]...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		outs = append(outs, stdout, stderr)
	}
	fail.Store(true)
	_, stdout, stderr := runLib(t, db, "refresh")
	if !strings.Contains(stderr, "warning:") {
		t.Errorf("refresh with a failing feed: no warning in %q", stderr)
	}
	outs = append(outs, stdout, stderr)
	_, stdout, stderr = runLib(t, db, "feed", "list")
	outs = append(outs, stdout, stderr)
	for _, s := range outs {
		for _, r := range s {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Fatalf("control %U in the output:\n%q", r, s)
			}
		}
	}
	if !strings.Contains(strings.Join(outs, ""), "Evil") {
		t.Errorf("the feed's visible name is lost:\n%q", outs)
	}
}
