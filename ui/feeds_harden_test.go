package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/library"
)

// hostileNames holds what no text from a feed, an OPML file or a fetched page
// may put on the terminal: bidi embeddings, overrides and isolates, and
// the debris of escape sequences. (The directional marks U+200E, U+200F
// and U+061C are kept, as articles.Sanitize keeps them: Arabic and Hebrew
// text uses them, and they reorder nothing beyond their neighbours.)
var hostileNames = []string{"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\x1b]", "]0;", "\x07", "[31m", "[2J"}

// checkClean fails when the app's raw output or its screen holds any of
// hostileNames, an escape sequence other than the app's own SGR colours.
func checkClean(t *testing.T, m *Model, where string) {
	t.Helper()
	raw := m.View().Content
	for _, h := range hostileNames {
		if h == "[31m" || h == "[2J" {
			continue // the app's own colours are CSI sequences in raw
		}
		if strings.Contains(raw, h) {
			t.Errorf("%s: the output holds %q", where, h)
		}
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] == 0x1b && (i+1 >= len(raw) || raw[i+1] != '[') {
			t.Errorf("%s: an escape that is not a CSI at %d: %q", where, i, raw[i:min(i+12, len(raw))])
			break
		}
	}
	s := screen(t, m)
	for _, h := range hostileNames {
		if strings.Contains(s, h) {
			t.Errorf("%s: the screen shows %q:\n%s", where, h, s)
		}
	}
}

// TestHostileFeedsOPMLAndPages: feed titles, OPML titles and folder names,
// and a page fetched for its full text, full of bidi controls and escape
// sequences (as character references, the only way XML carries them),
// reach the terminal clean.
func TestHostileFeedsOPMLAndPages(t *testing.T) {
	evil := `&#x202e;&#x1b;]0;pwn&#x7;Evil&#x2066;&#x200f;&#x1b;[31m`
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s Feed</title>
			<item><title>%s item</title><link>http://%s/page</link><author>x@y (%s Author)</author><description>%s short.</description></item>
			</channel></rss>`, evil, evil, r.Host, evil, evil)
	})
	mux.HandleFunc("/other", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Plain</title>
			<item><title>Plain item</title><link>http://%s/page2</link><description>Short.</description></item></channel></rss>`, r.Host)
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		var b strings.Builder
		fmt.Fprintf(&b, "<html><head><title>\u202e\x1b]0;pwn\x07Page</title></head><body><article><h1>Page</h1>")
		for i := range 5 {
			fmt.Fprintf(&b, "<p>Paragraph %d \u202etxet desrever\u202c and \x1b[31mred\x1b[0m and \x1b]0;title\x07 and &#x2067;isolate&#x2069; in a story long enough to be read as one.</p>", i)
		}
		b.WriteString("<h2>\u202eHeading\x1b[2J</h2><p>The end of the page, \u200fwith a mark.</p></article></body></html>")
		fmt.Fprint(w, b.String())
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()
	lib := openLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	doc := `<?xml version="1.0"?><opml version="2.0"><body>
		<outline text="` + evil + ` Folder"><outline text="` + evil + ` Mine" xmlUrl="` + srv.URL + `/other"/></outline>
		<outline text="x" xmlUrl="` + srv.URL + `/feed"/></body></opml>`
	if _, problems, err := lib.ImportOPML(ctx, strings.NewReader(doc)); err != nil || len(problems) > 0 {
		t.Fatalf("ImportOPML: %v %v", err, problems)
	}
	if _, err := lib.Refresh(ctx, library.RefreshOptions{Client: testClient(), Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	m := newLibModel(t, lib, 140, 36, func(o *Options) { o.Web = testClient() })
	m.lib().recognize = dictRecognize
	checkClean(t, m, "the Feeds pane")
	if !strings.Contains(screen(t, m), "Folder") || !strings.Contains(screen(t, m), "Mine") {
		t.Errorf("the OPML folder or title is gone:\n%s", screen(t, m))
	}
	// The item with the hostileNames title, opened, and its page's full text.
	m.setFocus(focusFeeds)
	for i, r := range m.lib().feeds.rows {
		if r.scope.Feed == srv.URL+"/feed" {
			m.lib().feeds.cursor = i
		}
	}
	typeKeys(t, m, "enter", "enter")
	if m.view.Article() == nil {
		t.Fatal("no article opened")
	}
	checkClean(t, m, "the summary")
	typeKeys(t, m, "F")
	if a := m.view.Article(); a == nil || len(a.Sections) < 2 {
		t.Fatalf("no full text: %q", m.lib().note)
	}
	checkClean(t, m, "the full text")
	typeKeys(t, m, "?")
	checkClean(t, m, "the help screen")
}

// TestFeedsPaneCleansNames: names that reach the pane raw (a library
// written by another program) are cleaned where they are drawn.
func TestFeedsPaneCleansNames(t *testing.T) {
	c := &common{keys: DefaultKeyMap()}
	c.setBackground(true)
	p := newFeedsPane(c)
	p.SetSize(40, 8)
	bad := "\x1b]0;pwn\x07Bad\u202e\x1b[2J\u2066Name"
	p.SetStats(library.Stats{Feeds: []library.FeedStats{{URL: "http://x/feed", Title: bad, Folder: bad, Count: library.Count{Unread: 1, Total: 2}}},
		Folders: []library.FolderStats{{Path: "/tmp/" + bad, Name: bad}}})
	out := p.View()
	for _, h := range hostileNames {
		if strings.Contains(out, h) {
			t.Errorf("the pane draws %q:\n%s", h, out)
		}
	}
	if !strings.Contains(out, "BadName") {
		t.Errorf("the cleaned name is not shown:\n%s", out)
	}
	if got := p.Label(library.Scope{Feed: "http://x/feed"}); got != bad {
		t.Fatalf("Label = %q", got) // raw here: the status line and notes clean it
	}
}

// TestFeedsTerminalSizes drives the library with its Feeds pane, and the
// unread keys, at every size: nothing panics, every screen has the
// terminal's size.
func TestFeedsTerminalSizes(t *testing.T) {
	h := newFeedHost(t, 4)
	lib, _ := newFeedLibrary(t, h)
	keys := []string{"shift+tab", "j", "enter", "U", "H", "A", "ctrl+z", "z", "shift+tab", "k", "enter", "H", "C", "ctrl+z", "G", "tab"}
	for _, size := range sizes {
		m := newLibModel(t, lib, size[0], size[1])
		checkScreen(t, "feeds", "start", m)
		for _, k := range keys {
			send(t, m, press(k))
			checkScreen(t, "feeds", k, m)
		}
		for _, s := range append(sizes, size) {
			m.Update(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
		}
		checkScreen(t, "feeds", "resized", m)
	}
}
