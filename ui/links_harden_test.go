package ui

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/byline/byline/model"
)

// terminalSafe returns an error naming the first thing in s a terminal
// would act on other than colours: an escape sequence that is not SGR, a
// control character but newline, a C1 control, a bidirectional control
// or invalid UTF-8.
func terminalSafe(s string) error {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			j := i + 1
			if j >= len(s) || s[j] != '[' {
				return fmt.Errorf("escape sequence %q", s[i:min(i+12, len(s))])
			}
			for j++; j < len(s) && strings.IndexByte("0123456789;:", s[j]) >= 0; j++ {
			}
			if j >= len(s) || s[j] != 'm' {
				return fmt.Errorf("escape sequence %q", s[i:min(j+1, len(s))])
			}
			i = j + 1
			continue
		case r == utf8.RuneError && w == 1:
			return fmt.Errorf("invalid UTF-8 at %d", i)
		case r == '\n':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			return fmt.Errorf("control character %U in %q", r, s[max(i-20, 0):min(i+20, len(s))])
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			return fmt.Errorf("bidirectional control %U in %q", r, s[max(i-20, 0):min(i+20, len(s))])
		}
		i += w
	}
	return nil
}

// checkSafe fails when anything the app draws or names is unsafe.
func checkSafe(t *testing.T, m *Model, when string) {
	t.Helper()
	v := m.View()
	for what, s := range map[string]string{"screen": v.Content, "window title": v.WindowTitle} {
		if err := terminalSafe(s); err != nil {
			t.Errorf("%s: the %s holds %v", when, what, err)
		}
	}
}

// hostile are link texts and addresses with what would move the cursor,
// set the window title, clear the screen or reorder the text.
var hostile = []string{"\x1b]0;pwned\a", "\x1b[2J", "\u202e", "\u009b31m", "\u2066", "\x07", "\r"}

// TestLinksHostileNeverReachTerminal shows links whose text and address
// hold control and bidirectional characters (as a library or a future
// parser might hand them over) in the Links pane, the status line and
// the notes of o and y: none reaches the terminal.
func TestLinksHostileNeverReachTerminal(t *testing.T) {
	p := "Text with links in it."
	a := &model.Article{Title: "T\x1b]0;x\a\u202eitle", Source: "t.txt", Sections: []model.Section{{Paragraphs: []string{p}}}}
	for i, h := range hostile {
		a.Links = append(a.Links, model.Link{Text: "click" + h + "here", URL: "https://evil.example/" + h + "?q=" + fmt.Sprint(i),
			Start: 0, End: 4})
	}
	a.Links = append(a.Links, model.Link{Text: "feed" + hostile[0], URL: "https://evil.example/\x1b[31m", Section: -1, Paragraph: -1})
	m := newTestModel(t, 100, 30, loaded([]*model.Article{a}))
	typeKeys(t, m, "L")
	checkSafe(t, m, "the Links pane")
	for range a.Links {
		typeKeys(t, m, "o")
		checkSafe(t, m, "o")
		typeKeys(t, m, "y")
		checkSafe(t, m, "y")
		typeKeys(t, m, "enter")
		checkSafe(t, m, "enter")
		typeKeys(t, m, "j")
		checkSafe(t, m, "j")
	}
	if m.view.Article() != a {
		t.Errorf("a link with control characters was followed")
	}
}

// TestFollowHostilePage follows a link to a page whose title, text and
// links hold escape sequences and bidirectional controls as character
// references: the page is sanitised as any source is, and nothing of it
// reaches the terminal — reader, status, window title, its Links pane.
func TestFollowHostilePage(t *testing.T) {
	page := `<html><head><title>Evil&#x1b;]0;pwned&#7; &#8238;txt.exe</title></head><body><article>
<h1>Evil&#x1b;]0;pwned&#7; &#8238;txt.exe</h1>
<p>Some text &#x1b;[2Jwith a clear screen, &#x9b;31m a C1 CSI, &#x2066;an isolate and a bell &#7; in it, long enough to be read as the page's content.</p>
<p>And <a href="https://evil.example/&#x1b;]0;x&#7;?&#8238;q">a link &#x1b;[5mwith&#8238; controls</a> at the end of a paragraph.</p>
</article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	m := newTestModel(t, 100, 30, loaded([]*model.Article{linkArticle(srv.URL + "/evil.html")}))
	typeKeys(t, m, "L", "enter")
	if !strings.Contains(screen(t, m), "Some text") {
		t.Fatalf("the page was not followed:\n%s", screen(t, m))
	}
	checkSafe(t, m, "the followed page")
	typeKeys(t, m, "L")
	checkSafe(t, m, "the followed page's Links pane")
	if m.view.links.Len() != 1 {
		t.Errorf("the followed page has %d links, want 1", m.view.links.Len())
	}
	typeKeys(t, m, "y", "esc", "backspace")
	checkSafe(t, m, "back")
	if m.view.Article().Title != "T" {
		t.Errorf("not back: %q", m.view.Article().Title)
	}
}

// TestTerminalSafeCatches makes sure the check above can fail.
func TestTerminalSafeCatches(t *testing.T) {
	for _, h := range append(hostile[:len(hostile):len(hostile)], "\x1b[1;31mok\x1b[m\x1b[?25l") {
		if terminalSafe("a"+h+"b") == nil {
			t.Errorf("%q passes", h)
		}
	}
	if err := terminalSafe("\x1b[1;38;2;1;2;3mok\x1b[m\n"); err != nil {
		t.Error(err)
	}
}
