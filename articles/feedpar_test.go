package articles

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/byline/byline/articles/articlestest"
	"github.com/mmcdole/gofeed"
)

// TestFeedArticlesParallel checks that a large feed's items turned into
// articles on several goroutines are the articles, in the order, that one
// goroutine makes, skipped items included.
func TestFeedArticlesParallel(t *testing.T) {
	data := articlestest.Feed(300, 3, "http://127.0.0.1/")
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	items := append(gf.Items, nil, &gofeed.Item{}) // a missing item and an empty one are skipped
	one := feedArticles("feed.xml", items, 1)
	if len(one) != len(items) || one[len(one)-1] != nil || one[len(one)-2] != nil {
		t.Fatalf("sequential: %d articles for %d items, last two %v %v", len(one), len(items), one[len(one)-2], one[len(one)-1])
	}
	for _, workers := range []int{2, 3, 8} {
		many := feedArticles("feed.xml", items, workers)
		if !reflect.DeepEqual(one, many) {
			t.Errorf("%d workers: the articles differ from one goroutine's", workers)
		}
	}
}

// BenchmarkParseFeed1000 parses a generated feed of 1,000 HTML items
// (about 3.6 MB): gofeed, then the items' sections, links and titles.
func BenchmarkParseFeed1000(b *testing.B) {
	data := articlestest.Feed(1000, 1, "http://127.0.0.1/")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseFeed("feed.xml", data); err != nil {
			b.Fatal(err)
		}
	}
}
