package library

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
)

// TestPreparePool: a feed's items prepared on the pool are the items
// prepared one by one, in the same order with the same keys (duplicate
// links numbered in document order), whatever the pool's size.
func TestPreparePool(t *testing.T) {
	const source = "http://127.0.0.1/feed"
	data := articlestest.Feed(60, 3, source)
	// Three items share a link: their keys depend on the order.
	data = bytes.ReplaceAll(data, []byte(source+"/items/000007<"), []byte(source+"/items/000003<"))
	data = bytes.ReplaceAll(data, []byte(source+"/items/000011<"), []byte(source+"/items/000003<"))
	parse := func() *articles.Feed {
		f, err := articles.ParseFeed(source, data)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	one := worker{enc: newEncoder(), recognize: dictRecognize}
	want := one.prepare(source, parse().Articles)
	if want[3].key != source+"/items/000003" || want[7].key != source+"/items/000003#2" || want[11].key != source+"/items/000003#3" {
		t.Fatalf("keys of the shared link: %q %q %q", want[3].key, want[7].key, want[11].key)
	}
	for _, n := range []int{1, 2, 8} {
		pool := newPreparers(n, dictRecognize)
		w := worker{enc: newEncoder(), recognize: dictRecognize, pool: pool}
		as := parse().Articles
		got := w.prepare(source, as)
		pool.close()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("pool of %d: the items differ from those prepared one by one", n)
		}
		for i, a := range as {
			if a != nil {
				t.Errorf("pool of %d: article %d still held after it was prepared", n, i)
				break
			}
		}
	}
}
