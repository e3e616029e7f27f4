package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// morningServer serves two summary feeds on one host, /a "Alpha News" and
// /b "Beta Times", three items each, linking to whole stories.
func morningServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	for path, title := range map[string]string{"/a": "Alpha News", "/b": "Beta Times"} {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>`, title)
			for i := 2; i >= 0; i-- {
				day := 10 + i
				if path == "/a" {
					day = 20 + i
				}
				fmt.Fprintf(w, `<item><title>%s %d</title><link>http://%s/story%s/%d</link><description>A two-line summary.</description>
					<pubDate>Mon, %02d Jan 2024 10:00:00 +0000</pubDate></item>`, title, i, r.Host, path, i, day)
			}
			fmt.Fprint(w, `</channel></rss>`)
		})
	}
	mux.HandleFunc("/story/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var b strings.Builder
		b.WriteString(`<html><head><title>Story</title></head><body><article><h1>Story</h1>`)
		for i := range 5 {
			fmt.Fprintf(&b, `<p>Paragraph %d of the whole story, told at length so that it is more than a summary, with the harbour and the pier.</p>`, i)
		}
		b.WriteString(`<h2>The Whole Story Ends</h2><p>And that is how the full text was fetched.</p></article></body></html>`)
		fmt.Fprint(w, b.String())
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestMorningFlowTerminal is the reading routine in a real terminal: open
// the library, pick a feed in the Feeds pane, open the next unread
// article, fetch its full text, mark the feed read, quit, and reopen at
// the same article.
func TestMorningFlowTerminal(t *testing.T) {
	bin := terminalBinary(t)
	srv := morningServer(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	for _, p := range []string{"/a", "/b"} {
		if out, err := exec.Command(bin, "feed", "add", "--db", db, srv.URL+p).CombinedOutput(); err != nil {
			t.Fatalf("feed add: %v\n%s", err, out)
		}
	}
	for round := range 2 {
		x := tmux{t: t, socket: fmt.Sprintf("byline-morning-%d-%d", os.Getpid(), round)}
		defer exec.Command("tmux", "-L", x.socket, "kill-server").Run()
		exitFile := filepath.Join(dir, fmt.Sprint("exit", round))
		cmd := fmt.Sprintf("%s library --no-refresh --db %s; echo $? > %s; sleep 30", bin, db, exitFile)
		x.run("new-session", "-d", "-s", "byline", "-x", "140", "-y", "40", "env", "TERM=xterm-256color", "sh", "-c", cmd)
		if round == 1 {
			x.waitFor("the same article, its full text, the feed read", func(s string) bool {
				return strings.Contains(s, "Reader · Beta Times 2") && strings.Contains(s, "The Whole Story Ends") &&
					strings.Contains(s, "Beta Times 1/3") && strings.Contains(s, "0/3 unread here")
			})
		} else {
			x.waitFor("the Feeds pane", func(s string) bool { return strings.Contains(s, "Feeds 1/3") && strings.Contains(s, "Beta Times") })
			x.run("send-keys", "-t", "byline", "BTab", "j", "j", "Enter")
			x.waitFor("Beta selected", func(s string) bool {
				return strings.Contains(s, "byline · Beta Times") && strings.Contains(s, "Beta Times 1/3")
			})
			x.run("send-keys", "-t", "byline", "U")
			x.waitFor("the next unread", func(s string) bool { return strings.Contains(s, "Reader · Beta Times 2") })
			x.run("send-keys", "-t", "byline", "F")
			x.waitFor("the full text", func(s string) bool { return strings.Contains(s, "The Whole Story Ends") })
			x.run("send-keys", "-t", "byline", "A")
			x.waitFor("Beta marked read", func(s string) bool { return strings.Contains(s, "read in Beta Times") })
		}
		x.run("send-keys", "-t", "byline", "q")
		if code := exitStatus(exitFile); code != "0" {
			t.Fatalf("round %d: exit status %q after q, want 0; screen:\n%s", round, code, x.screen())
		}
		exec.Command("tmux", "-L", x.socket, "kill-server").Run()
	}
}
