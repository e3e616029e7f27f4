package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/library"
	"github.com/byline/byline/model"
)

// payloads are the terminal-injection cases of the hardening issue: each
// is put into every string the app shows (title, heading, paragraph, the
// names of people and places, the source's file name, an error, a link,
// the search prompt) and must not reach the screen as a control.
var payloads = map[string]string{
	"CSI clear":    "a\x1b[2Jb",
	"OSC title":    "a\x1b]0;pwned\x07b",
	"OSC 2 title":  "a\x1b]2;pwned\x1b\\b",
	"OSC 8 link":   "a\x1b]8;;http://evil/\x1b\\click\x1b]8;;\x1b\\b",
	"OSC 52":       "a\x1b]52;c;ZXZpbA==\x07b",
	"DCS":          "a\x1bP1$qm\x1b\\b",
	"APC":          "a\x1b_payload\x1b\\b",
	"C1 CSI":       "a\u009b2Jb",
	"C1 OSC":       "a\u009d0;pwned\u009cb",
	"BEL":          "a\x07b",
	"backspace":    "safe\x08\x08EVIL",
	"CR overwrite": "safe\rEVIL",
	"RLO":          "a\u202etxt.exe",
	"LRE PDF":      "a\u202ab\u202c",
	"isolates":     "a\u2066b\u2067c\u2068d\u2069",
	"entity ESC":   "a &#27;[2J b",
	"entity hex":   "a &#x1b;]0;pwned&#7; b",
	"entity C1":    "a &#155;31m b &#x9d;",
	"entity bidi":  "a &#x202e;txt b",
	"entity split": "a *&#27;*[2J `&#27;[8m` [&#27;](http://x/&#27;) b",
}

// TestInjectionEveryPane puts each payload into every string of an article
// (as plain text and as Markdown, which glamour renders and decodes), and
// walks every pane of the files view — Articles, Sections, Reader, People &
// Places, the section panes, help, the search prompt, a problem — at three
// sizes, checking every screen holds SGR sequences and printable text only.
func TestInjectionEveryPane(t *testing.T) {
	keys := []string{"j", "enter", "tab", "enter", "tab", "enter", "n", "e", "P", "P", "v", "l", "v", "?", "j", "?", "/", "a", "enter", "n", "esc", "G", "g", "J", "K"}
	cases := 0
	for name, p := range payloads {
		for _, format := range []model.Format{model.Plain, model.Markdown} {
			a := hostileArticle(p, format)
			b := hostileArticle(p, format)
			b.Source = "other" + p + ".txt"
			for _, size := range [][2]int{{120, 40}, {80, 24}, {41, 10}} {
				m := newTestModel(t, size[0], size[1], loaded([]*model.Article{a, b}, &articles.Error{Source: "bad" + p + ".bin", Err: errors.New("broken " + p)}))
				checkScreenSafe(t, name, "start", m)
				for _, k := range keys {
					send(t, m, press(k))
					checkScreenSafe(t, name, k, m)
				}
				// The payload typed (pasted) into the search prompt.
				send(t, m, press("/"))
				paste(t, m, p)
				checkScreenSafe(t, name, "pasted", m)
				send(t, m, press("enter"))
				checkScreenSafe(t, name, "pasted search", m)
				cases++
			}
		}
	}
	t.Logf("%d payloads x 2 formats x 3 sizes = %d runs, %d screens each", len(payloads), cases, len(keys)+3)
}

// TestInjectionLibraryPanes imports files whose names and text hold each
// payload into a real library and walks the library's panes: the
// Articles list, the search results with snippets, the people and places,
// an opened article and help.
func TestInjectionLibraryPanes(t *testing.T) {
	src := t.TempDir()
	i := 0
	for _, p := range payloads {
		name := strings.NewReplacer("/", "_", "\x00", "_").Replace("story "+p) + ".txt"
		body := "Title " + p + "\n\nLloyd Austin " + p + " went to Gaza " + p + " again.\n\nA Heading " + p + "\n\nMore text about Rafah " + p + " here.\n"
		if err := os.WriteFile(filepath.Join(src, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		i++
	}
	lib := openLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	res, err := lib.Import(context.Background(), []string{src}, library.ImportOptions{Recognize: dictRecognize, Workers: 1})
	// A body with a control the text reader takes for binary data is a
	// problem, not an article; every other file is added.
	if err != nil || res.Added+len(res.Problems) != i || res.Added < i-2 {
		t.Fatalf("import: %+v %v", res, err)
	}
	m := newLibModel(t, lib, 120, 40)
	checkScreenSafe(t, "library", "start", m)
	for _, p := range payloads {
		for _, k := range []string{"j", "/", "g", "a", "z", "a", "enter", "j", "enter", "tab", "n", "e", "esc", "tab", "tab", "?", "?"} {
			send(t, m, press(k))
			checkScreenSafe(t, "library", k, m)
		}
		send(t, m, press("/"))
		paste(t, m, p)
		checkScreenSafe(t, "library", "pasted", m)
		send(t, m, press("enter"))
		checkScreenSafe(t, "library", "pasted search", m)
		send(t, m, press("esc"))
	}
}

// hostileArticle is an article with p in its title, source, heading, paragraphs,
// people and places.
func hostileArticle(p string, format model.Format) *model.Article {
	para := "Lloyd Austin" + p + " met in Gaza" + p + " with [a link" + p + "](http://example.com/" + p + ") and more."
	a := &model.Article{Source: "story" + p + ".txt", Title: "Title " + p, Byline: "By " + p, Format: format,
		Sections: []model.Section{{Paragraphs: []string{para, "second " + p}}, {Heading: "Heading " + p, Paragraphs: []string{para}}}}
	for _, e := range []struct {
		name string
		typ  model.EntityType
		at   string
	}{{"Lloyd Austin" + p, model.Person, "Lloyd Austin"}, {"Gaza" + p, model.Place, "Gaza"}} {
		start := strings.Index(para, e.at)
		ent := model.Entity{Name: e.name, Type: e.typ}
		for s := range a.Sections {
			ent.Mentions = append(ent.Mentions, model.Mention{Section: s, Paragraph: 0, Start: start, End: start + len(e.at) + len(p), Text: e.name})
		}
		a.Entities = append(a.Entities, ent)
	}
	return a
}

// checkSafe fails unless the screen holds only SGR escape sequences
// (parameters [0-9;:], final m), printable text and newlines: no other
// escape, no C0 or C1 control, no bidi control.
func checkScreenSafe(t *testing.T, name, after string, m *Model) {
	t.Helper()
	if err := terminalSafe(m.View().WindowTitle); err != nil {
		t.Fatalf("%s after %q: the window title holds %v", name, after, err)
	}
	s := m.View().Content
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			j := i + 2
			if i+1 >= len(s) || s[i+1] != '[' {
				t.Fatalf("%s after %q: escape that is not CSI at %d in %q", name, after, i, around(s, i))
			}
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j >= len(s) || s[j] != 'm' {
				t.Fatalf("%s after %q: CSI that is not SGR at %d in %q", name, after, i, around(s, i))
			}
			i = j + 1
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\n' {
			i += n
			continue
		}
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == utf8.RuneError && n == 1 {
			t.Fatalf("%s after %q: control %U at %d in %q", name, after, r, i, around(s, i))
		}
		i += n
	}
}

func around(s string, i int) string {
	return s[max(0, i-40):min(len(s), i+40)]
}
