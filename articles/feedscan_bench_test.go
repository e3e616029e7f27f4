package articles

import (
	"strings"
	"testing"
)

// bigFeed is a 16 MB RSS feed of short items, some with character
// references and a few control characters, as issue 11 measured.
func bigFeed() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>`)
	for i := 0; b.Len() < 16<<20; i++ {
		b.WriteString("<item><title>Item &#8220;quoted&#8221; &amp; more</title><description>&lt;p&gt;A paragraph of a feed item, with some text in it&#8217;s body.&lt;/p&gt;")
		if i%100 == 0 {
			b.WriteString("bad \x1b[31m red &#27;[2J &#x1b;]0;t&#7; here")
		}
		b.WriteString("</description></item>\n")
	}
	b.WriteString("</channel></rss>")
	return []byte(b.String())
}

func BenchmarkDropXMLControls(b *testing.B) {
	data := bigFeed()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		dropXMLControls(data)
	}
}
