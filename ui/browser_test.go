package ui

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
)

// standIn writes a browser stand-in that records its arguments, one per
// line, and returns its path and the record's.
func standIn(t *testing.T) (browser, record string) {
	t.Helper()
	dir := t.TempDir()
	record = filepath.Join(dir, "args")
	browser = filepath.Join(dir, "browser")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + record + ".tmp && mv " + record + ".tmp " + record + "\n"
	if err := os.WriteFile(browser, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return browser, record
}

// waitFile waits for the stand-in's record, or fails.
func waitFile(t *testing.T, path string) string {
	t.Helper()
	for range 200 {
		if data, err := os.ReadFile(path); err == nil {
			return string(data)
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s was never written", path)
	return ""
}

// TestOpenRunsBrowser opens an article's link: the configured browser
// gets the URL as one argument, exactly as written; a javascript: or
// file: link never starts it.
func TestOpenRunsBrowser(t *testing.T) {
	browser, record := standIn(t)
	for _, tt := range []struct {
		source, want string
	}{
		{"https://example.org/story?id=1&ref=rss#top", "https://example.org/story?id=1&ref=rss#top\n"},
		{"javascript:alert(1)", ""},
		{"file:///etc/passwd", ""},
	} {
		os.Remove(record)
		a := &model.Article{Title: "T", Source: tt.source, Sections: []model.Section{{Paragraphs: []string{"Text."}}}}
		m := newModel(Options{Load: loaded([]*model.Article{a}), Browser: browser + " --new-tab"})
		drain(t, m, m.Init())
		send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
		typeKeys(t, m, "o")
		if tt.want == "" {
			time.Sleep(50 * time.Millisecond)
			if _, err := os.Stat(record); err == nil {
				t.Errorf("%s started the browser", tt.source)
			}
			continue
		}
		if got := waitFile(t, record); got != "--new-tab\n"+tt.want {
			t.Errorf("%s: the browser got %q", tt.source, got)
		}
		if !strings.Contains(statusOf(t, m), "opened https://example.org/story") {
			t.Errorf("no note: %q", statusOf(t, m))
		}
	}
}

// TestOpenFailureIsANote starts a browser that does not exist: a note
// says so and the reader goes on.
func TestOpenFailureIsANote(t *testing.T) {
	a := &model.Article{Title: "T", Source: "https://example.org/x", Sections: []model.Section{{Paragraphs: []string{"Text."}}}}
	m := newModel(Options{Load: loaded([]*model.Article{a}), Browser: filepath.Join(t.TempDir(), "no-such-browser")})
	drain(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	typeKeys(t, m, "o")
	if got := statusOf(t, m); !strings.Contains(got, "could not start the browser") {
		t.Errorf("status %q", got)
	}
}

// TestCopyWritesOSC52 copies the article's link in a real program: the
// terminal gets the OSC 52 sequence with the URL in base64, and the URL
// nowhere else.
func TestCopyWritesOSC52(t *testing.T) {
	const u = "https://example.org/story?id=1&ref=rss#top"
	a := &model.Article{Title: "T", Source: u, Sections: []model.Section{{Paragraphs: []string{"Text."}}}}
	var out bytes.Buffer
	m := newModel(Options{Load: loaded([]*model.Article{a}), Style: "dark"})
	p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(&out), tea.WithWindowSize(100, 30), tea.WithoutSignals())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	time.Sleep(200 * time.Millisecond)
	p.Send(press("y"))
	time.Sleep(200 * time.Millisecond)
	p.Send(press("q"))
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	osc := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(u)) + "\a"
	if !bytes.Contains(out.Bytes(), []byte(osc)) {
		t.Errorf("no OSC 52 with the URL in %q", out.String())
	}
	if n := bytes.Count(out.Bytes(), []byte("\x1b]52;")); n != 1 {
		t.Errorf("%d OSC 52 sequences, want 1", n)
	}
}
