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

// linkSite serves an article whose links lead to a second page on the
// same local server.
func linkSite(t *testing.T) *httptest.Server {
	t.Helper()
	pages := map[string]string{
		"/harbour.html": `<html><head><title>Harbour Traffic Study</title></head><body><article><h1>Harbour Traffic Study</h1>
<p>The harbour board published its counts on Monday. <a href="https://example.org/study?a=1&amp;b=2#fig">Read the traffic study</a> for the method and the figures behind it.</p>
<h2>Ferries</h2>
<p>The ferries carried more people than in any year before, the board said, and <a href="/timetable.html">the timetable changes</a> follow from that.</p>
<h2>Fishing</h2>
<p>Fishermen asked for a quieter harbour in the mornings, and the board said it would listen to them.</p>
</article></body></html>`,
		"/timetable.html": `<html><head><title>New Ferry Timetable</title></head><body><article><h1>New Ferry Timetable</h1>
<p>From June the ferries leave every twenty minutes between seven in the morning and seven at night.</p>
<p>The first crossing is earlier and the last one later than before, the operator said on Tuesday.</p>
</article></body></html>`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestTerminalLinks drives the links in a real terminal, with a
// configuration that rebinds quit and next-section: open a page from a
// local server, open the Links pane, follow a link to another local page
// inside byline and come back to where the first was left, and copy a
// link's address, which tmux's clipboard buffer then holds.
func TestTerminalLinks(t *testing.T) {
	bin := terminalBinary(t)
	srv := linkSite(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte("[keys]\nquit = [\"x\"]\nnext_section = [\">\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	x := tmux{t: t, socket: fmt.Sprintf("byline-links-test-%d", os.Getpid())}
	exitFile := filepath.Join(dir, "exit")
	cmd := fmt.Sprintf("%s --config %s %s/harbour.html; echo $? > %s; sleep 30", bin, cfg, srv.URL, exitFile)
	x.run("-f", "/dev/null", "new-session", "-d", "-s", "byline", "-x", "120", "-y", "40",
		"env", "TERM=xterm-256color", "XDG_CONFIG_HOME="+dir, "sh", "-c", cmd)
	defer exec.Command("tmux", "-L", x.socket, "kill-server").Run()
	// tmux keeps what a program copies with OSC 52 in a paste buffer.
	x.run("set-option", "-g", "set-clipboard", "on")

	x.waitFor("the page", func(s string) bool {
		return strings.Contains(s, "Harbour Traffic Study") && strings.Contains(s, "§ 1/3")
	})
	x.run("send-keys", "-t", "byline", ">")
	x.waitFor("the rebound next-section key", func(s string) bool { return strings.Contains(s, "§ 2/3") })

	x.run("send-keys", "-t", "byline", "L")
	x.waitFor("the Links pane", func(s string) bool { return strings.Contains(s, "Links 1/2") })
	x.run("send-keys", "-t", "byline", "j", "Enter")
	x.waitFor("the followed page", func(s string) bool {
		return strings.Contains(s, "New Ferry Timetable") && strings.Contains(s, "backspace returns to Harbour")
	})
	x.run("send-keys", "-t", "byline", "BSpace")
	x.waitFor("the first page where it was left", func(s string) bool {
		return strings.Contains(s, "Reader · Ferries") && strings.Contains(s, "§ 2/3") && !strings.Contains(s, "New Ferry Timetable")
	})

	x.run("send-keys", "-t", "byline", "L", "y")
	const want = "https://example.org/study?a=1&b=2#fig"
	x.waitFor("the copy note", func(s string) bool { return strings.Contains(s, "copied "+want) })
	if got := x.run("show-buffer"); got != want {
		t.Errorf("tmux's buffer holds %q, want %q", got, want)
	}

	// q is no longer quit: the help screen still opens after it.
	x.run("send-keys", "-t", "byline", "q", "?")
	x.waitFor("the help screen after q", func(s string) bool { return strings.Contains(s, "Help · byline") })
	x.run("send-keys", "-t", "byline", "x", "x")
	if code := exitStatus(exitFile); code != "0" {
		t.Fatalf("exit status %q after the rebound quit key, want 0; screen:\n%s", code, x.screen())
	}
}
