package articles

import (
	"strings"
	"testing"

	"github.com/byline/byline/model"
)

// checkLinks compares a's links with want and checks that each link's
// offsets point at its text (in Markdown they span its source, markup
// and all).
func checkLinks(t *testing.T, a *model.Article, want []model.Link) {
	t.Helper()
	if len(a.Links) != len(want) {
		t.Fatalf("%d links, want %d:\n got %+v\nwant %+v", len(a.Links), len(want), a.Links, want)
	}
	for i, l := range a.Links {
		if l != want[i] {
			t.Errorf("link %d = %+v\n        want %+v", i, l, want[i])
		}
		if l.InText() && a.Format == model.Plain {
			if got := a.Text(l.Section, l.Paragraph)[l.Start:l.End]; got != l.Text {
				t.Errorf("link %d: the text at its offsets is %q, not %q", i, got, l.Text)
			}
		}
	}
}

func TestLinksHTML(t *testing.T) {
	page := `<html><head><title>Traffic</title></head><body><article><h1>Traffic</h1>
<p>The city published its data on Monday. <a href="https://example.com/study?a=1&amp;b=2#fig">Read the traffic study</a> for details, or see www.example.org/x?q=%20y.</p>
<h2>Method</h2>
<p>Counts were made at <a href="/counts/2024.html?x=1&amp;y=2">forty junctions</a> across the city over a fortnight, by hand and by camera, and compared with last year.</p>
</article></body></html>`
	a, err := ParseHTML("page.html", []byte(page), "https://news.example.net/story/1")
	if err != nil {
		t.Fatal(err)
	}
	p0 := a.Sections[0].Paragraphs[0]
	checkLinks(t, a, []model.Link{
		{Text: "Read the traffic study", URL: "https://example.com/study?a=1&b=2#fig", Section: 0, Paragraph: 0,
			Start: strings.Index(p0, "Read"), End: strings.Index(p0, " for details")},
		{Text: "www.example.org/x?q=%20y", URL: "www.example.org/x?q=%20y", Section: 0, Paragraph: 0,
			Start: strings.Index(p0, "www."), End: len(p0) - 1},
		{Text: "forty junctions", URL: "https://news.example.net/counts/2024.html?x=1&y=2", Section: 1, Paragraph: 0,
			Start: len("Counts were made at "), End: len("Counts were made at forty junctions")},
	})
}

func TestLinksMarkdown(t *testing.T) {
	md := "# Title\n\nSee [the *study*](https://example.com/s?a=1&amp;b=2\\_x \"t\") and <https://ex.com/a?b=1&c> today.\n\n" +
		"Bare https://ex.com/?a=1&b#top and www.example.com, not `www.code.com` nor ![img](https://img.example/x.png).\n"
	a, err := ParseMarkdown("a.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	p0, p1 := a.Sections[0].Paragraphs[0], a.Sections[0].Paragraphs[1]
	at := func(p, s string) int { return strings.Index(p, s) }
	checkLinks(t, a, []model.Link{
		{Text: "the study", URL: "https://example.com/s?a=1&b=2_x", Section: 0, Paragraph: 0,
			Start: at(p0, "the *"), End: at(p0, "*](")},
		{Text: "https://ex.com/a?b=1&c", URL: "https://ex.com/a?b=1&c", Section: 0, Paragraph: 0,
			Start: at(p0, "https://ex.com"), End: at(p0, "> today")},
		{Text: "https://ex.com/?a=1&b#top", URL: "https://ex.com/?a=1&b#top", Section: 0, Paragraph: 1,
			Start: at(p1, "https"), End: at(p1, " and")},
		{Text: "www.example.com", URL: "www.example.com", Section: 0, Paragraph: 1,
			Start: at(p1, "www.example"), End: at(p1, ", not")},
	})
}

func TestLinksFeed(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
<item><title>Bridge reopens</title><link>https://news.example.org/bridge?id=7&amp;ref=rss</link>
<description>&lt;p&gt;The bridge reopened. &lt;a href="/photos?set=1&amp;amp;n=2"&gt;See the photos&lt;/a&gt; or https://maps.example.org/b.&lt;/p&gt;</description></item>
</channel></rss>`
	f, err := ParseFeed("f.xml", []byte(feed))
	if err != nil {
		t.Fatal(err)
	}
	a := f.Articles[0]
	p := a.Sections[0].Paragraphs[0]
	checkLinks(t, a, []model.Link{
		{Text: "Bridge reopens", URL: "https://news.example.org/bridge?id=7&ref=rss", Section: -1, Paragraph: -1},
		{Text: "See the photos", URL: "https://news.example.org/photos?set=1&n=2", Section: 0, Paragraph: 0,
			Start: strings.Index(p, "See"), End: strings.Index(p, " or ")},
		{Text: "https://maps.example.org/b", URL: "https://maps.example.org/b", Section: 0, Paragraph: 0,
			Start: strings.Index(p, "https"), End: len(p) - 1},
	})
	if a.URL() != "https://news.example.org/bridge?id=7&ref=rss" {
		t.Errorf("the item's own URL is %q", a.URL())
	}
}

func TestLinksText(t *testing.T) {
	text := "Ferry Times Cut\n\nThe timetable (at https://ferry.example/t?from=a&to=b#x) changed; see www.ferry.example. " +
		"Also http://a.example/%7Euser/, and \"https://q.example/p\". Not http:// alone nor wwwx.example.\n"
	a, err := ParseText("f.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	p := a.Sections[0].Paragraphs[0]
	link := func(u string) model.Link {
		i := strings.Index(p, u)
		return model.Link{Text: u, URL: u, Section: 0, Paragraph: 0, Start: i, End: i + len(u)}
	}
	checkLinks(t, a, []model.Link{
		link("https://ferry.example/t?from=a&to=b#x"), link("www.ferry.example"),
		link("http://a.example/%7Euser/"), link("https://q.example/p"),
	})
	if l := a.Links[1]; l.Address() != "http://www.ferry.example" {
		t.Errorf("Address of %q = %q", l.URL, l.Address())
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://a.example/x?a=1&b=2#f": "https://a.example/x?a=1&b=2#f",
		" https://a.example/ ":          "https://a.example/",
		"https://a.example/\x1b[31mx":   "https://a.example/%1B[31mx",
		"https://a.example/\u202ex":     "https://a.example/%E2%80%AEx",
		"https://a.\nexample/a b":       "https://a.example/a%20b",
		"https://a.example/\u009b2J":    "https://a.example/%C2%9B2J",
		"https://a.example/\x9b2J":      "https://a.example/%9B2J",
		"https://a.example/\xff":        "https://a.example/%FF",
	} {
		if got := SafeURL(in); got != want {
			t.Errorf("SafeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLinksHostile: anchors whose address or text hold escape sequences
// or bidirectional controls, as bytes or character references, keep
// none of them.
func TestLinksHostile(t *testing.T) {
	page := `<html><body><article><p>A long enough paragraph about the harbour and its ferries, with a link:
<a href="https://evil.example/&#x1b;]0;pwned&#x7;?&#8238;x">click &#x1b;[2Jhere&#8238; now</a> and more words after it.</p></article></body></html>`
	a, err := ParseHTML("p.html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Links) != 1 {
		t.Fatalf("links %+v", a.Links)
	}
	l := a.Links[0]
	for _, s := range []string{l.URL, l.Text} {
		if Sanitize(s) != s || strings.ContainsAny(s, "\x1b\x07\u202e") {
			t.Errorf("%q keeps a control character", s)
		}
	}
	if l.URL != "https://evil.example/%1B]0;pwned%07?%E2%80%AEx" {
		t.Errorf("URL = %q", l.URL)
	}
}

func TestExportLinks(t *testing.T) {
	a := &model.Article{Source: "https://news.example/a?x=1&y=2", Title: "T",
		Sections: []model.Section{{Paragraphs: []string{"See www.example.com/?a=1&b now."}}}}
	a.Links = textLinks(a)
	var b strings.Builder
	if err := WriteJSON(&b, a); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"url":"https://news.example/a?x=1&y=2"`,
		`"links":[{"text":"www.example.com/?a=1&b","url":"www.example.com/?a=1&b","section":0,"paragraph":0,"start":4,"end":26}]`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("export lacks %s:\n%s", want, b.String())
		}
	}
}

// TestLinksHostileMarkdown: a Markdown link whose text or destination
// decodes, through escapes and character references, to escape sequences
// or bidirectional controls keeps none of them.
func TestLinksHostileMarkdown(t *testing.T) {
	md := "# T\n\nSee [click &#x1b;[2Jhere&#8238; \\*now](https://evil.example/&#27;]0;pwned&#7;?&#x202E;x) today.\n"
	a, err := ParseMarkdown("a.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Links) != 1 {
		t.Fatalf("links %+v", a.Links)
	}
	l := a.Links[0]
	// The references that decode to controls are neutralised before the
	// links are read (sanitize.go), so the address keeps what is visible.
	if l.Text != "2Jhere *now" || l.URL != "https://evil.example/]0;pwned?x" {
		t.Errorf("link %+v", l)
	}
}

// FuzzLinks reads any text as plain text, Markdown and HTML: every link
// found lies inside its paragraph, a plain one's offsets hold its text,
// and no text or address keeps a character a terminal would act on.
func FuzzLinks(f *testing.F) {
	for _, s := range []string{
		"See https://a.example/x?a=1&b=2#f and www.b.example.",
		"# T\n\n[x](https://a.example/&#27;) <https://b.example> www.c.example `www.d`",
		`<p>Some text <a href="/x?&#x1b;">a &#8238;link</a> here and there, long enough.</p>`,
		"(www.a.example/(x)) \"https://q.example/p\". http:// www.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var as []*model.Article
		if a, err := ParseText("f.txt", []byte(s)); err == nil {
			as = append(as, a)
		}
		if a, err := ParseMarkdown("f.md", []byte(s)); err == nil {
			as = append(as, a)
		}
		if a, err := ParseHTML("f.html", []byte(s), "https://base.example/dir/page.html"); err == nil {
			as = append(as, a)
		}
		for _, a := range as {
			for _, l := range a.Links {
				if Sanitize(l.Text) != l.Text || SafeURL(l.URL) != l.URL {
					t.Errorf("link %+v keeps control characters", l)
				}
				if !l.InText() {
					continue
				}
				p := a.Text(l.Section, l.Paragraph)
				if l.Start < 0 || l.Start > l.End || l.End > len(p) {
					t.Fatalf("link %+v outside its paragraph %q", l, p)
				}
				if a.Format == model.Plain && p[l.Start:l.End] != l.Text {
					t.Errorf("link %+v: the text at its offsets is %q", l, p[l.Start:l.End])
				}
			}
		}
	})
}
