package articles

import (
	"errors"
	"strings"
	"testing"

	"github.com/byline/byline/model"
)

func rss(items string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>` + items + `</channel></rss>`)
}

func atomFeed(entries string) []byte {
	return []byte(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title>` + entries + `</feed>`)
}

func titles(as []*model.Article) []string {
	var ts []string
	for _, a := range as {
		ts = append(ts, a.Title)
	}
	return ts
}

func TestParseFeedControlCharacters(t *testing.T) {
	data := rss(`<item><title>Red &#x1b;[31malert&#x1B;[0m</title><description>One.</description></item>` +
		`<item><title>Bell&#7;&#27;]0;set title&#x7; rings&#27;]2;unended</title><description>Two&#0;.</description></item>` +
		"<item><title>Raw \x1b[1mbold</title><description>Three.</description></item>" +
		`<item><title>Caf&#233; &#x1F600; &#38; &#x9;tab</title><description>Four.</description></item>`)
	f, err := ParseFeed("c.xml", data)
	if err != nil {
		t.Fatal(err)
	}
	want := "Red alert|Bell rings]2;unended|Raw bold|Café 😀 & tab"
	if got := strings.Join(titles(f.Articles), "|"); got != want {
		t.Errorf("titles %q\nwant %q", got, want)
	}
	for _, a := range f.Articles {
		for _, s := range []string{a.Title, a.Source, a.Byline, a.Sections[0].Paragraphs[0]} {
			if Sanitize(s) != s {
				t.Errorf("unsanitised %q", s)
			}
		}
	}
	// Through Parse too, as the reader and print load it.
	if as, err := Parse("c.rss", data); err != nil || len(as) != 4 {
		t.Errorf("Parse: %d articles, %v", len(as), err)
	}
}

func TestParseFeedHTMLTitles(t *testing.T) {
	data := atomFeed(`<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>title</b></div></title><content>a</content></entry>` +
		`<entry><title type="xhtml">
			<div xmlns="http://www.w3.org/1999/xhtml">XHTML <b>title</b><br/>two</div>
		</title><content>b</content></entry>` +
		`<entry><title type="xhtml"><x:div xmlns:x="http://www.w3.org/1999/xhtml"><x:em>prefixed</x:em></x:div></title><content>c</content></entry>` +
		`<entry><title type="html">AT&amp;amp;T &lt;em&gt;wins&lt;/em&gt;</title><content>d</content></entry>` +
		`<entry><title type="text">3 &lt; 5 &amp; 7 &gt; 6</title><content>e</content></entry>` +
		`<entry><title>Plain</title><author><name>&lt;i&gt;Ines&lt;/i&gt; Costa</name></author><content>f</content></entry>`)
	f, err := ParseFeed("x.atom", data)
	if err != nil {
		t.Fatal(err)
	}
	want := "title|XHTML title two|prefixed|AT&T wins|3 < 5 & 7 > 6|Plain"
	if got := strings.Join(titles(f.Articles), "|"); got != want {
		t.Errorf("titles %q\nwant %q", got, want)
	}
	if b := f.Articles[5].Byline; b != "Ines Costa" {
		t.Errorf("byline %q", b)
	}
}

func TestParseFeedEmptyItems(t *testing.T) {
	f, err := ParseFeed("e.xml", rss(`<item></item>`+
		`<item><title>Kept</title><description>Text.</description></item>`+
		`<item><title> </title><description><![CDATA[<p> </p>]]></description><link>https://wire.example/x</link></item>`+
		`<item><title>Title only</title></item>`))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(titles(f.Articles), "|"); got != "Kept|Title only" {
		t.Errorf("titles %q", got)
	}
	_, terr := ParseText("e.txt", nil)
	for _, data := range [][]byte{
		rss(`<item></item><item><description></description></item>`),
		atomFeed(`<entry></entry>`),
	} {
		_, err := Parse("e.xml", data)
		var ae *Error
		if !errors.Is(err, ErrEmpty) || !errors.As(err, &ae) || ae.Source != "e.xml" ||
			!strings.Contains(err.Error(), strings.TrimPrefix(terr.Error(), "e.txt: ")) {
			t.Errorf("all items empty: %v, want an error like %v", err, terr)
		}
	}
}
