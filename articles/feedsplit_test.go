package articles

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/byline/byline/articles/articlestest"
	"github.com/mmcdole/gofeed"
)

// splitDocs are feeds for the parse in parts: the fixtures, a generated
// feed, and markup that must not be taken for items or must make the
// parse fall back to the whole document.
func splitDocs(t testing.TB) map[string][]byte {
	docs := map[string][]byte{"generated": articlestest.Feed(40, 2, "http://127.0.0.1/feed")}
	for _, name := range []string{"rss.xml", "atom.xml", "broken.xml"} {
		b, err := os.ReadFile("fetch/testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		docs[name] = b
	}
	item := func(n int, extra string) string {
		return fmt.Sprintf(`<item><title>Item %d</title><link>http://x.example/%d</link>%s<description>Text %d.</description></item>`, n, n, extra, n)
	}
	rss := func(items ...string) []byte {
		return []byte(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
			`<channel><title>T</title>` + strings.Join(items, "\n") + `<link>http://x.example/</link></channel></rss>`)
	}
	docs["cdata and comments"] = rss(item(1, `<content:encoded><![CDATA[<p>an </item><item> in CDATA</p>]]></content:encoded>`),
		item(2, `<!-- <item> in a comment -->`), item(3, `<guid isPermaLink="false">a>b</guid>`), `<item/>`, item(4, `<?pi <item>?>`))
	docs["between items"] = rss(item(1, ""), "<title>Other</title>", item(2, ""))
	docs["comment between items"] = rss(item(1, ""), "<!-- x -->", item(2, ""))
	docs["prefixed item"] = rss(item(1, ""), `<x:item xmlns:x="urn:x"><title>X</title></x:item>`, item(2, ""))
	docs["doctype"] = append([]byte(`<!DOCTYPE rss [<!ENTITY who "Ines">]>`), rss(item(1, "<author>&who;</author>"), item(2, ""))[21:]...)
	docs["unclosed"] = rss(item(1, ""), "<item><title>open", item(2, ""))
	docs["bad item"] = rss(item(1, ""), item(2, "<title>x</wrong>"), item(3, ""))
	docs["rdf"] = []byte(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">` +
		`<channel rdf:about="http://x.example/"><title>R</title></channel>` + item(1, "") + item(2, "") + item(3, "") + `</rdf:RDF>`)
	return docs
}

// TestParseInPartsAgrees: a feed parsed in parts is the feed parsed whole,
// item for item, or the same error, whatever the number of parts.
func TestParseInPartsAgrees(t *testing.T) {
	for name, doc := range splitDocs(t) {
		want, wantErr := gofeed.NewParser().Parse(bytes.NewReader(doc))
		for _, workers := range []int{1, 2, 3, 8} {
			got, err := parseInParts(doc, workers)
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %d workers: parts and whole differ (errors %v / %v)", name, workers, err, wantErr)
			}
		}
	}
}

// TestSplitFeed checks where the items are found, and which documents are
// not split.
func TestSplitFeed(t *testing.T) {
	docs := splitDocs(t)
	for name, want := range map[string]int{"generated": 40, "rss.xml": 2, "atom.xml": 2, "cdata and comments": 5, "rdf": 3} {
		items, _, ok := splitFeed(docs[name])
		if !ok || len(items) != want {
			t.Errorf("%s: %d items (ok %v), want %d", name, len(items), ok, want)
			continue
		}
		for _, r := range items {
			s := string(docs[name][r[0]:r[1]])
			if !(strings.HasPrefix(s, "<item") || strings.HasPrefix(s, "<entry")) || !(strings.HasSuffix(s, "</item>") || strings.HasSuffix(s, "</entry>") || strings.HasSuffix(s, "/>")) {
				t.Errorf("%s: item %q", name, s)
			}
		}
	}
	for _, name := range []string{"between items", "comment between items", "prefixed item", "doctype", "unclosed", "broken.xml"} {
		if items, _, ok := splitFeed(docs[name]); ok {
			t.Errorf("%s: split into %d items", name, len(items))
		}
	}
}

// FuzzParseInParts: on any input, the parse in parts gives what the
// whole parse gives.
func FuzzParseInParts(f *testing.F) {
	for _, doc := range splitDocs(f) {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		want, wantErr := gofeed.NewParser().Parse(bytes.NewReader(doc))
		got, err := parseInParts(doc, 2)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
			t.Errorf("parts and whole differ (errors %v / %v)", err, wantErr)
		}
	})
}
