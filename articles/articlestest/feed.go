package articlestest

// The feed generator: Feed wraps corpus articles (CorpusArticle) as the
// items of an RSS 2.0 feed, for the feed benchmarks (cmd/genfeed serves
// one) and the refresh tests.

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"time"
)

// Feed returns an RSS 2.0 feed of n items: item i is CorpusArticle(seed, i)
// as HTML (headings as <h2>, paragraphs as <p>, escaped in <description>),
// with its lead's first words as the title, a link and guid under base, and
// its date (or, when it has none, one derived from i) as pubDate. About
// 3.3 KB per item: 5,000 items are about 17 MB. The same arguments always
// give the same bytes.
func Feed(n int, seed uint64, base string) []byte {
	var b bytes.Buffer
	b.Grow(n * 3400)
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n"+
		"<title>Generated news %d</title>\n<link>%s</link>\n<description>%d generated articles</description>\n",
		seed, html.EscapeString(base), n)
	var body strings.Builder
	for i := range n {
		text := string(CorpusArticle(seed, i))
		date := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
		if rest, ok := strings.CutPrefix(text, "date "); ok && len(rest) > 11 {
			if d, err := time.Parse("2006-01-02", rest[:10]); err == nil {
				date, text = d.Add(time.Duration(i%24)*time.Hour), rest[11:]
			}
		}
		body.Reset()
		title := ""
		for _, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
			if title == "" {
				title = leadTitle(p)
			}
			tag := "p"
			if !strings.HasSuffix(p, ".") && !strings.HasSuffix(p, "\"") && len(p) < 80 && !strings.EqualFold(p, "advertisment") {
				tag = "h2"
			}
			fmt.Fprintf(&body, "<%s>%s</%s>", tag, html.EscapeString(p), tag)
		}
		link := fmt.Sprintf("%s/items/%06d", base, i)
		fmt.Fprintf(&b, "<item>\n<title>%s</title>\n<link>%s</link>\n<guid isPermaLink=\"true\">%s</guid>\n"+
			"<pubDate>%s</pubDate>\n<description>%s</description>\n</item>\n",
			html.EscapeString(title), html.EscapeString(link), html.EscapeString(link),
			date.Format(time.RFC1123Z), html.EscapeString(body.String()))
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.Bytes()
}

// leadTitle is a title made of a lead's first words: up to eight, without
// the closing punctuation.
func leadTitle(lead string) string {
	words := strings.Fields(lead)
	if len(words) > 8 {
		words = words[:8]
	}
	return strings.TrimRight(strings.Join(words, " "), ".,;:\"")
}
