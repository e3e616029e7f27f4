package articles_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/model"
	"github.com/yuin/goldmark/util"
)

// injection is a hostile payload and the visible text around or inside it
// that must survive it.
type injection struct {
	name, payload string
	keep          []string
}

// injections are the cases of issue 14: raw escape sequences, C1 and C0
// controls, bidirectional overrides and isolates, and character references
// that decode to them, alone or split across Markdown's inline syntax.
var injections = []injection{
	{"CSI", "\x1b[2J", nil},
	{"OSC 0", "\x1b]0;EVIL\a", nil},
	{"OSC 2", "\x1b]2;EVIL\x1b\\", nil},
	{"OSC 8", "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\", []string{"click"}},
	{"OSC 52", "\x1b]52;c;ZXZpbA==\a", nil},
	{"DCS", "\x1bPq#0;2;0;0;0\x1b\\", nil},
	{"APC", "\x1b_Gf=24;AAAA\x1b\\", nil},
	{"C1 CSI", "\u009b2J", nil},
	{"C1 OSC", "\u009d0;EVIL\u009c", nil},
	{"C1 NEL", "a\u0085b", []string{"a", "b"}},
	{"BEL", "ding\a", []string{"ding"}},
	{"BS", "safe\bEVIL", []string{"safe", "EVIL"}},
	{"CR", "safe\rEVIL", []string{"safe", "EVIL"}},
	{"LRE", "x\u202ay", []string{"x", "y"}},
	{"RLE", "x\u202by", []string{"x", "y"}},
	{"PDF", "x\u202cy", []string{"x", "y"}},
	{"LRO", "x\u202dy", []string{"x", "y"}},
	{"RLO", "txt.\u202eexe", []string{"txt.", "exe"}},
	{"LRI", "x\u2066y", []string{"x", "y"}},
	{"RLI", "x\u2067y", []string{"x", "y"}},
	{"FSI", "x\u2068y", []string{"x", "y"}},
	{"PDI", "x\u2069y", []string{"x", "y"}},
	{"&#27;", "&#27;[2J", nil},
	{"&#x1b;", "&#x1b;]0;EVIL&#7;", nil},
	{"&#X1B; no semicolon", "&#X1B[8mhidden", []string{"hidden"}},
	{"&#0027", "&#0027[2J", nil},
	{"&#155;", "&#155;2J", nil},
	{"&#7;", "ding&#7;", []string{"ding"}},
	{"&#8;", "safe&#8;&#8;EVIL", []string{"safe", "EVIL"}},
	{"&#13;", "safe&#13;EVIL", []string{"safe", "EVIL"}},
	{"&#x9d;", "&#x9d;0;EVIL&#x9c;", []string{"EVIL"}},
	{"&#x202e;", "txt.&#x202e;exe", []string{"txt.", "exe"}},
	{"&#8238;", "txt.&#8238;exe", []string{"txt.", "exe"}},
	{"&#x2066;", "x&#x2066;y&#x2069;", []string{"x", "y"}},
	{"&#x10000001b; wrapped", "&#x10000001b;[2J &#4294967323;]0;EVIL&#7;", nil},
	{"in emphasis", "*&#27;[2J* _b&#x1b;[8m_ **&#155;**", nil},
	{"in a link", "[&#27;]0;t&#7;](http://x.example/&#27;[2J)", nil},
	{"in a code span", "See `&#27;[&#27;#8m` here", []string{"See", "here"}},
	{"in a code span, split", "`&#2`7;` `&#x1`b;`", nil},
	{"rebuilt", "&#&#27;27;[2J &&#27;#x1b;[2J &#82&#27;35;x &#x&#82&#27;1b;", nil},
}

// leakIn returns the first control or bidirectional character in s, also
// after decoding the character references a Markdown or HTML renderer
// would (decoded), or -1.
func leakIn(s string, decoded bool) rune {
	texts := []string{s}
	if decoded {
		texts = append(texts, html.UnescapeString(s), string(util.ResolveNumericReferences([]byte(s))))
	}
	for _, t := range texts {
		for _, r := range t {
			if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 ||
				r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069) {
				return r
			}
		}
	}
	return -1
}

// fields lists everything an article shows, by name.
func fields(a *model.Article) map[string]string {
	f := map[string]string{"title": a.Title, "byline": a.Byline}
	for i, s := range a.Sections {
		f["heading "+string(rune('0'+i%10))] += s.Heading + "\n"
		f["paragraphs"] += strings.Join(s.Paragraphs, "\n") + "\n"
	}
	return f
}

// checkArticles fails t if any article shows a control character, or if
// the visible text of c is lost from all of them.
func checkArticles(t *testing.T, path string, c injection, as []*model.Article, extra ...string) {
	t.Helper()
	if len(as) == 0 {
		t.Errorf("%s %s: no article", path, c.name)
		return
	}
	var all strings.Builder
	for _, a := range as {
		for name, v := range fields(a) {
			if r := leakIn(v, a.Format == model.Markdown); r >= 0 {
				t.Errorf("%s %s: %s holds %U: %q", path, c.name, name, r, v)
			}
			all.WriteString(v)
		}
		if a.Title == "" {
			t.Errorf("%s %s: empty title", path, c.name)
		}
	}
	for _, v := range extra {
		if r := leakIn(v, false); r >= 0 {
			t.Errorf("%s %s: %U in %q", path, c.name, r, v)
		}
		all.WriteString(v)
	}
	for _, k := range append([]string{"Alpha", "omega"}, c.keep...) {
		if !strings.Contains(all.String(), k) {
			t.Errorf("%s %s: lost %q: %q", path, c.name, k, all.String())
		}
	}
}

// xmlEscape escapes s for XML text, so that an HTML fragment in a feed
// keeps its references for the HTML parser.
func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// documents returns the case c as a document of every format, by the path
// it takes.
func documents(c injection) map[string]string {
	p := c.payload
	para := "Alpha " + p + " omega, and more words to make a paragraph a reader keeps."
	return map[string]string{
		"text.txt": "Alpha " + p + " omega said on Tuesday.\n\nSection " + p + " Heading\n\n" + para + "\n",
		"markdown.md": "---\ntitle: 'Alpha " + p + " omega'\nauthor: 'By " + p + "'\n---\n" +
			"## Part " + p + "\n\n" + para + "\n\n> " + para + "\n\n- item [link " + p + "](http://x.example/" + p + ") `code " + p + "`\n",
		"heading.md": "# Alpha " + p + " omega\n\n" + para + "\n\n" + p + "\n",
		"page.html": "<!DOCTYPE html><html><head><title>Alpha " + p + " omega</title>" +
			`<meta name="author" content="Dana ` + p + `"></head><body><article><h1>Alpha ` + p + " omega</h1>" +
			strings.Repeat("<p>"+para+" <a href=\"http://x.example/"+p+"\">link "+p+"</a></p>", 3) +
			"<h2>Part " + p + "</h2><p>" + para + "</p></article></body></html>",
		"feed.rss": `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ` + p + `</title><link>http://x.example/` + p + `</link>` +
			"<item><title>Alpha " + p + " omega</title><author>Dana " + p + "</author><link>http://x.example/" + p + "</link>" +
			"<description>" + xmlEscape("<p>"+para+"</p><h2>Part "+p+"</h2><p>"+para+"</p>") + "</description></item>" +
			"<item><title>" + xmlEscape("<b>Alpha</b> "+p+" omega") + "</title><description>" + para + "</description></item>" +
			"</channel></rss>",
		"feed.atom": `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="html">` + xmlEscape("Feed "+p) + "</title>" +
			"<entry><title type=\"html\">" + xmlEscape("Alpha "+p+" omega") + "</title><author><name>Dana " + p + "</name></author>" +
			`<link href="http://x.example/` + xmlEscape(p) + `"/><content type="html">` + xmlEscape("<p>"+para+"</p>") + "</content></entry>" +
			"<entry><title>Alpha " + p + " omega</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + para + "</p></div></content></entry>" +
			"</feed>",
	}
}

// TestInjectionEveryPath feeds each injection through each parser path —
// plain text, Markdown (front matter, headings, paragraphs, quotes, lists,
// links, code), HTML (title, meta, headings, paragraphs, links), RSS and
// Atom (feed and item titles, authors, links, bodies), file names, and
// pages fetched from a URL, an extension-less Markdown page among them —
// and asserts that no control or bidirectional character comes out, even
// after decoding references, and that the visible text is kept.
func TestInjectionEveryPath(t *testing.T) {
	counts := map[string]int{}
	var mux http.ServeMux
	srv := httptest.NewServer(&mux)
	defer srv.Close()
	var current injection
	serve := func(name, ctype string) {
		mux.HandleFunc("/"+name, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.Write([]byte(documents(current)[name]))
		})
	}
	serve("page.html", "text/html")
	serve("feed.rss", "application/rss+xml")
	mux.HandleFunc("/notes", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(documents(current)["heading.md"]))
	})
	client := fetch.New(fetch.Options{Timeout: 10 * time.Second})
	dir := t.TempDir()
	for _, c := range injections {
		current = c
		docs := documents(c)
		for name, doc := range docs {
			as, err := articles.Parse(name, []byte(doc))
			if err != nil {
				t.Errorf("%s %s: %v", name, c.name, err)
				continue
			}
			checkArticles(t, name, c, as)
			counts[name]++
		}
		// The feeds' own titles and links.
		for _, name := range []string{"feed.rss", "feed.atom"} {
			f, err := articles.ParseFeed(name, []byte(docs[name]))
			if err != nil {
				t.Errorf("%s %s: %v", name, c.name, err)
				continue
			}
			for _, v := range []string{f.Title, f.Link} {
				if r := leakIn(v, false); r >= 0 {
					t.Errorf("%s %s: feed title or link holds %U: %q", name, c.name, r, v)
				}
			}
			if !strings.HasPrefix(f.Title, "Feed") {
				t.Errorf("%s %s: feed title %q", name, c.name, f.Title)
			}
		}
		// Fetched: a page, a feed, and Markdown without an extension.
		for _, name := range []string{"page.html", "feed.rss", "notes"} {
			as, err := client.ParseURL(context.Background(), srv.URL+"/"+name)
			if err != nil {
				t.Errorf("fetch %s %s: %v", name, c.name, err)
				continue
			}
			if name == "notes" && (len(as) != 1 || as[0].Format != model.Markdown) {
				t.Errorf("fetch %s %s: not read as Markdown", name, c.name)
			}
			checkArticles(t, "fetch "+name, c, as)
			counts["fetch "+name]++
		}
		// File and directory names: the articles load, their errors and
		// export name them without a control character.
		name := strings.ReplaceAll("Alpha "+c.payload+" omega", "/", "_")
		sub := filepath.Join(dir, strings.ReplaceAll(c.name, "/", "_"), name)
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		for file, data := range map[string]string{name + ".txt": docs["text.txt"], name + ".md": "", name + ".html": "\x00bin"} {
			if err := os.WriteFile(filepath.Join(sub, file), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		l := articles.Open([]string{filepath.Dir(sub)})
		if len(l.Articles) != 1 || len(l.Problems) != 2 {
			t.Errorf("file names %s: %d articles, %v", c.name, len(l.Articles), l.Problems)
			continue
		}
		var msgs []string
		for _, err := range l.Problems {
			msgs = append(msgs, err.Error())
		}
		var js bytes.Buffer
		if err := articles.WriteJSON(&js, l.Articles[0]); err != nil {
			t.Fatal(err)
		}
		var back struct{ Source string }
		if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Source != l.Articles[0].Source {
			t.Errorf("file names %s: export source %q (%v), want %q", c.name, back.Source, err, l.Articles[0].Source)
		}
		checkArticles(t, "file names", c, l.Articles, append(msgs, js.String())...)
		counts["file names"]++
	}
	for _, path := range []string{"text.txt", "markdown.md", "heading.md", "page.html", "feed.rss", "feed.atom", "fetch page.html", "fetch feed.rss", "fetch notes", "file names"} {
		t.Logf("%-16s %d cases", path, counts[path])
		if counts[path] != len(injections) {
			t.Errorf("%s: %d cases ran, want %d", path, counts[path], len(injections))
		}
	}
}
