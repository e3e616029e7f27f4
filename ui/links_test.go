package ui

import (
	"bytes"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

// linkPages serves two pages: /a.html links to /b.html (and elsewhere),
// /b.html links back. Their addresses are the server's.
func linkPages(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/a.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(pageA))
	})
	mux.HandleFunc("/b.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(pageB))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

const pageA = `<html><head><title>Harbour Traffic Study</title></head><body><article><h1>Harbour Traffic Study</h1>
<p>The harbour board published its counts on Monday. <a href="https://example.org/study?a=1&amp;b=2#fig">Read the traffic study</a> for the method, or see www.example.org/data for the figures.</p>
<h2>Ferries</h2>
<p>The ferries carried more people than in any year before, the board said, and <a href="/b.html">the timetable changes</a> follow from that. Crossings will run every twenty minutes in summer.</p>
<h2>Fishing</h2>
<p>Fishermen asked for a quieter harbour in the mornings. The board said it would listen, and that the counts would be repeated next spring to see whether anything changed.</p>
<p>More paragraphs follow so that the article is longer than one screen, about the harbour, its ferries, the fishermen and the board.</p>
<p>Yet another paragraph about the harbour board and the counts it published, to make the page long enough to scroll.</p>
</article></body></html>`

const pageB = `<html><head><title>New Ferry Timetable</title></head><body><article><h1>New Ferry Timetable</h1>
<p>From June the ferries leave every twenty minutes between seven and seven. The first crossing is earlier and the last one later than before.</p>
<p>The timetable follows the <a href="/a.html">harbour traffic study</a> published on Monday by the board.</p>
</article></body></html>`

// openPage reads page a of srv as the article the app starts on.
func openPage(t *testing.T, srv *httptest.Server, opts Options, w, h int) *Model {
	t.Helper()
	u := srv.URL + "/a.html"
	a, err := articles.ParseHTML(u, []byte(pageA), u)
	if err != nil {
		t.Fatal(err)
	}
	opts.Load, opts.Style, opts.Version = loaded([]*model.Article{a}), "dark", "test"
	m := newModel(opts)
	drain(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// TestLinksPane opens the Links pane: the links numbered in reading
// order, each with its address as written.
func TestLinksPane(t *testing.T) {
	const u = "https://news.example/harbour/a.html"
	a, err := articles.ParseHTML(u, []byte(pageA), u)
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, 160, 30, loaded([]*model.Article{a}))
	typeKeys(t, m, "L")
	s := screen(t, m)
	golden(t, "links_pane", s)
	for _, want := range []string{"Links 1/3", "1 Read the traffic study", "https://example.org/study?a=1", "&b=2#fig",
		"2 www.example.org/data", "3 the timetable changes", "https://news.example/b.html"} {
		if !strings.Contains(s, want) {
			t.Errorf("the pane lacks %q:\n%s", want, s)
		}
	}
	typeKeys(t, m, "j")
	if !strings.Contains(screen(t, m), "Links 2/3") {
		t.Errorf("j did not move the cursor:\n%s", screen(t, m))
	}
	typeKeys(t, m, "esc")
	if strings.Contains(screen(t, m), "Links 2/3") {
		t.Errorf("esc did not close the pane:\n%s", screen(t, m))
	}
	typeKeys(t, m, "?")
	if s := screen(t, m); !strings.Contains(s, "L  the article's links") || !strings.Contains(s, "o  open the link") {
		t.Errorf("help lacks the links keys:\n%s", s)
	}
}

// TestFollowLinkAndBack follows a link to a local page inside byline and
// comes back to the article where it was being read.
func TestFollowLinkAndBack(t *testing.T) {
	srv := linkPages(t)
	m := openPage(t, srv, Options{}, 120, 30)
	typeKeys(t, m, "]", "j")
	sec, frac := m.view.Position()
	typeKeys(t, m, "L", "j", "j", "enter")
	s := screen(t, m)
	if !strings.Contains(s, "New Ferry Timetable") || !strings.Contains(s, "From June the ferries") {
		t.Fatalf("the followed page is not shown:\n%s", s)
	}
	if !strings.Contains(statusOf(t, m), "backspace returns to Harbour Traffic Study") {
		t.Errorf("no way back is shown: %q", statusOf(t, m))
	}
	if m.focus != focusReader || m.view.linksOn {
		t.Errorf("after following, focus %v, links pane %v", m.focus, m.view.linksOn)
	}
	// What a source saves (the library's reading position) stays the
	// position of its own article.
	if gs, gf := m.view.Position(); gs != sec || gf != frac {
		t.Errorf("while following, the position saved is %d %.3f, not %d %.3f", gs, gf, sec, frac)
	}
	typeKeys(t, m, "backspace")
	s = screen(t, m)
	if !strings.Contains(s, "Harbour Traffic Study") || strings.Contains(s, "From June the ferries") {
		t.Fatalf("backspace did not return:\n%s", s)
	}
	if gs, gf := m.view.Position(); gs != sec || gf != frac {
		t.Errorf("back at %d %.3f, left at %d %.3f", gs, gf, sec, frac)
	}
	if m.c.keys.Back.Enabled() {
		t.Error("backspace is still enabled with nothing to go back to")
	}
}

// TestFollowRefusesOtherSchemes: a javascript: or file: link is never
// fetched, and a page that cannot be read is a note.
func TestFollowRefusesOtherSchemes(t *testing.T) {
	srv := linkPages(t)
	for _, tt := range []struct{ url, note string }{
		{"javascript:alert(1)", "only http and https"},
		{"file:///etc/passwd", "only http and https"},
		{srv.URL + "/missing.html", "404"},
	} {
		a := linkArticle(tt.url)
		m := newTestModel(t, 100, 30, loaded([]*model.Article{a}))
		typeKeys(t, m, "L", "enter")
		if m.view.Article() != a || !strings.Contains(statusOf(t, m), tt.note) {
			t.Errorf("%s: article %q, status %q", tt.url, m.view.Article().Title, statusOf(t, m))
		}
	}
}

// linkArticle is an article with one link, to u.
func linkArticle(u string) *model.Article {
	p := "Text with a link in it."
	return &model.Article{Title: "T", Source: "t.txt", Sections: []model.Section{{Paragraphs: []string{p}}},
		Links: []model.Link{{Text: "a link", URL: u, Start: strings.Index(p, "a link"), End: strings.Index(p, " in it")}}}
}

// TestLinksOpenInBrowser: o in the Links pane gives the browser the
// selected link's address as its one argument; never a javascript: or
// file: one.
func TestLinksOpenInBrowser(t *testing.T) {
	browser, record := standIn(t)
	for _, tt := range []struct{ url, want string }{
		{"https://example.org/x?a=1&b=2#f", "https://example.org/x?a=1&b=2#f\n"},
		{"www.example.org/x", "http://www.example.org/x\n"},
		{"javascript:alert(1)", ""},
		{"file:///etc/passwd", ""},
	} {
		os.Remove(record)
		m := newModel(Options{Load: loaded([]*model.Article{linkArticle(tt.url)}), Browser: browser})
		drain(t, m, m.Init())
		send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
		typeKeys(t, m, "L", "o")
		if tt.want == "" {
			time.Sleep(50 * time.Millisecond)
			if _, err := os.Stat(record); err == nil {
				t.Errorf("%s started the browser", tt.url)
			}
			if !strings.Contains(statusOf(t, m), "only http and https") {
				t.Errorf("%s: status %q", tt.url, statusOf(t, m))
			}
			continue
		}
		if got := waitFile(t, record); got != tt.want {
			t.Errorf("%s: the browser got %q, want %q", tt.url, got, tt.want)
		}
	}
}

// TestLinksCopyOSC52 copies the selected link in a real program: the
// terminal gets one OSC 52 sequence with the address in base64, and a
// note says so.
func TestLinksCopyOSC52(t *testing.T) {
	const u = "https://example.org/study?a=1&b=2#fig"
	a := linkArticle(u)
	var out bytes.Buffer
	m := newModel(Options{Load: loaded([]*model.Article{a}), Style: "dark"})
	p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(&out), tea.WithWindowSize(100, 30), tea.WithoutSignals())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	time.Sleep(200 * time.Millisecond)
	p.Send(press("L"))
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
	m = newTestModel(t, 100, 30, loaded([]*model.Article{linkArticle(u)}))
	typeKeys(t, m, "L")
	_, cmd := m.Update(press("y"))
	if cmd == nil || !strings.Contains(statusOf(t, m), "copied "+u) {
		t.Errorf("y: command %v, status %q", cmd, statusOf(t, m))
	}
}

// TestLinksRebound binds the Links pane and the way back to other keys:
// they work, and the help screen shows them.
func TestLinksRebound(t *testing.T) {
	srv := linkPages(t)
	m := openPage(t, srv, Options{Keys: map[string][]string{"links": {"ctrl+l"}, "back": {"X"}}}, 120, 30)
	typeKeys(t, m, "L")
	if m.view.linksOn {
		t.Fatal("L still opens the Links pane")
	}
	send(t, m, tea.KeyPressMsg{Code: 'l', Mod: tea.ModCtrl})
	if !m.view.linksOn {
		t.Fatal("ctrl+l does not open the Links pane")
	}
	typeKeys(t, m, "G", "enter")
	if m.view.Article().Title != "New Ferry Timetable" {
		t.Fatalf("not followed: %q", m.view.Article().Title)
	}
	typeKeys(t, m, "?")
	if s := screen(t, m); !strings.Contains(s, "ctrl+l  the article's links") || !strings.Contains(s, "X       back to the article") {
		t.Errorf("help does not show the rebound keys:\n%s", s)
	}
	typeKeys(t, m, "?", "X")
	if m.view.Article().Title != "Harbour Traffic Study" {
		t.Errorf("X did not go back: %q", m.view.Article().Title)
	}
}

// TestFollowThenNextArticle follows a link, then goes to the next
// article and back: the first is reopened where it was left, not where
// the followed page was.
func TestFollowThenNextArticle(t *testing.T) {
	srv := linkPages(t)
	u := srv.URL + "/a.html"
	a, _ := articles.ParseHTML(u, []byte(pageA), u)
	other := linkArticle("https://example.org/")
	m := newTestModel(t, 120, 30, loaded([]*model.Article{a, other}))
	typeKeys(t, m, "]", "]")
	sec, _ := m.view.Position()
	if sec == 0 {
		t.Fatal("] did not move into the article")
	}
	typeKeys(t, m, "L", "G", "enter")
	if m.view.Article() == a || len(m.view.history) != 1 {
		t.Fatal("the link was not followed")
	}
	typeKeys(t, m, "J")
	if m.view.Article() != other || len(m.view.history) != 0 || m.c.keys.Back.Enabled() {
		t.Fatalf("J: article %q, history %d", m.view.Article().Title, len(m.view.history))
	}
	typeKeys(t, m, "K")
	if got, _ := m.view.Position(); m.view.Article() != a || got != sec {
		t.Errorf("K: article %q at section %d, left at %d", m.view.Article().Title, got, sec)
	}
}
