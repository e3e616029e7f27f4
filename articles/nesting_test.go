package articles

import (
	"github.com/byline/byline/model"
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes and the allocations f makes.
func allocated(f func()) (bytes, mallocs uint64) {
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	f()
	runtime.ReadMemStats(&m1)
	return m1.TotalAlloc - m0.TotalAlloc, m1.Mallocs - m0.Mallocs
}

// TestDeepFeedItemKeepsBody gives a feed item nested deeper than the 512
// elements x/net/html parses its body: as RSS escaped HTML, as RSS
// markup, and as Atom XHTML.
func TestDeepFeedItemKeepsBody(t *testing.T) {
	open, closing := strings.Repeat("<div>", 600), strings.Repeat("</div>", 600)
	for name, doc := range map[string]string{
		"escaped.rss": "<rss><channel><item><title>Deep</title><description>" + xmlEscapeTest(open+"<p>The body text.</p>"+closing) + "</description></item></channel></rss>",
		"markup.rss":  "<rss><channel><item><title>Deep</title><description>" + open + "<p>The body text.</p>" + closing + "</description></item></channel></rss>",
		"xhtml.atom": `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Deep</title><content type="xhtml">` +
			open + "<h2>A Part</h2><p>The body text.</p>" + closing + "</content></entry></feed>",
	} {
		f, err := ParseFeed(name, []byte(doc))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		a := f.Articles[0]
		if a.Title != "Deep" || !strings.Contains(a.Sections[len(a.Sections)-1].Paragraphs[0], "The body text.") {
			t.Errorf("%s: lost its body: %q %+v", name, a.Title, a.Sections)
		}
	}
}

func xmlEscapeTest(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// TestDeepHTMLBounded reads a page of 100,000 nested divs: its text and
// title come out, and the memory it takes stays a small multiple of its
// size.
func TestDeepHTMLBounded(t *testing.T) {
	const n = 100_000
	page := "<html><head><title>Deep page</title></head><body>" + strings.Repeat("<div>", n) +
		"<h2>A Part</h2><p>Deep text here.</p>" + strings.Repeat("</div>", n) + "</body></html>"
	var as []*model.Article
	var err error
	b, _ := allocated(func() { as, err = Parse("deep.html", []byte(page)) })
	if err != nil {
		t.Fatal(err)
	}
	a := as[0]
	if a.Title != "Deep page" || len(a.Sections) != 1 || a.Sections[0].Heading != "A Part" || a.Sections[0].Paragraphs[0] != "Deep text here." {
		t.Errorf("deep page: %q %+v", a.Title, a.Sections)
	}
	if limit := uint64(32 * len(page)); b > limit {
		t.Errorf("deep page (%d bytes) allocated %d bytes, more than %d", len(page), b, limit)
	}
}

// TestMarkdownNestingLinear parses thousands of nested quotes, list
// markers, nested list items, brackets and emphasis runs, in paragraphs and
// headings, at 1k, 2k, 4k and 8k: the memory and the allocations grow
// linearly with the input (goldmark's grew faster, and its time far
// faster: a 3,000-level list took a minute), and input nested beyond the
// limits never reaches goldmark's block parser (markdownTooDeep).
func TestMarkdownNestingLinear(t *testing.T) {
	shapes := map[string]func(n int) string{
		"quotes": func(n int) string { return "# Title\n\n" + strings.Repeat(">", n) + " x\n\n# Part\n\ntext\n" },
		"quote lines": func(n int) string {
			return "# Title\n\n" + strings.Repeat("> > > > > > > > > > > > > > > > > > x\n", n)
		},
		"list markers": func(n int) string { return "# Title\n\n" + strings.Repeat("- ", n) + "x\n" },
		"ordered":      func(n int) string { return "# Title\n\n" + strings.Repeat("1. ", n) + "x\n" },
		"nested list": func(n int) string {
			var b strings.Builder
			b.WriteString("# Title\n\n")
			for i := range n {
				b.WriteString(strings.Repeat("  ", i%100) + "- item\n")
			}
			return b.String()
		},
		"brackets": func(n int) string {
			return "# Title\n\n" + strings.Repeat("[", n) + "x" + strings.Repeat("](", n) + "\n"
		},
		"emphasis": func(n int) string {
			return "# Title\n\n" + strings.Repeat("*", n) + "x" + strings.Repeat("*", n) + "\n"
		},
		"heading emphasis": func(n int) string {
			return "# " + strings.Repeat("*_", n) + "x" + strings.Repeat("_*", n) + "\n\ntext\n"
		},
		"heading brackets": func(n int) string {
			return "## " + strings.Repeat("[", n) + "x" + strings.Repeat("](", n) + "\n\ntext\n"
		},
		"paragraphs": func(n int) string { return "# Title\n\n" + strings.Repeat("p\n\n", 25*n) },
	}
	for name, shape := range shapes {
		var base, baseAllocs, baseLen float64
		for _, n := range []int{1000, 2000, 4000, 8000} {
			doc := []byte(shape(n))
			var err error
			b, m := allocated(func() { _, err = ParseMarkdown("deep.md", doc) })
			if err != nil {
				t.Errorf("%s %d: %v", name, n, err)
				continue
			}
			if n == 1000 {
				base, baseAllocs, baseLen = float64(b), float64(m), float64(len(doc))
				continue
			}
			// Linear: the ratio to the input's growth stays near 1 (a
			// quadratic cost doubles it at each step); small costs get slack.
			grow := float64(len(doc)) / baseLen
			if r := float64(b) / (base + 64<<10) / grow; r > 2 {
				t.Errorf("%s %d: %d bytes, %.1f times the linear growth from %.0f", name, n, b, r, base)
			}
			if r := float64(m) / (baseAllocs + 100) / grow; r > 2 {
				t.Errorf("%s %d: %d allocations, %.1f times the linear growth from %.0f", name, n, m, r, baseAllocs)
			}
		}
	}
	for _, name := range []string{"quotes", "list markers", "ordered", "nested list"} {
		if !markdownTooDeep(shapes[name](1000)) {
			t.Errorf("%s: goldmark would parse it", name)
		}
	}
	if markdownTooDeep(shapes["paragraphs"](1000)) || markdownTooDeep("> - a\n>   > b\n\n      code\n") {
		t.Error("ordinary Markdown is taken for too deep")
	}
}

// TestDeepMarkdownHeadings finds the headings of a text too deep for
// goldmark line by line, as goldmark would find these.
func TestDeepMarkdownHeadings(t *testing.T) {
	doc := "# The *Title* #\n\nLead.\n\n" + strings.Repeat(">", 40) + " deep\n\n## Part `two`\n\n```\n# not a heading\n```\n\n### " + strings.Repeat("*", 100) + "x\n\nEnd.\n"
	a, err := ParseMarkdown("deep.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, s := range a.Sections {
		heads = append(heads, s.Heading)
	}
	if a.Title != "The Title" || strings.Join(heads, "|") != "|Part two|"+strings.Repeat("*", 100)+"x" {
		t.Errorf("title %q, headings %q", a.Title, heads)
	}
}
