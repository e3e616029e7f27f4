package ui

import (
	"cmp"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/library"
	"github.com/byline/byline/model"
)

// stats200 is what library.Stats returns for 200 feeds of 500 articles,
// three in four in seven OPML folders.
func stats200() library.Stats {
	st := library.Stats{All: library.Count{Unread: 10_000, Total: 100_000}}
	for f := range 200 {
		folder := ""
		if f%4 != 0 {
			folder = fmt.Sprintf("Folder %d", f%7)
		}
		st.Feeds = append(st.Feeds, library.FeedStats{URL: fmt.Sprintf("https://news%d.example/feed.xml", f),
			Title: fmt.Sprintf("News %d", f), Folder: folder, Checked: time.Unix(1_700_000_000, 0), Count: library.Count{Unread: 50, Total: 500}})
	}
	// In Stats's order: feeds without a folder first, then by folder.
	slices.SortStableFunc(st.Feeds, func(a, b library.FeedStats) int {
		return cmp.Or(cmp.Compare(boolInt(a.Folder != ""), boolInt(b.Folder != "")), cmp.Compare(a.Folder, b.Folder))
	})
	return st
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// BenchmarkFeedsPane200 installs new counts for 200 feeds in the Feeds
// pane and draws it: the pane's part of the Feeds budget (with
// library's BenchmarkStats200Feeds100k, < 50 ms).
func BenchmarkFeedsPane200(b *testing.B) {
	c := &common{keys: DefaultKeyMap()}
	c.setBackground(true)
	p := newFeedsPane(c)
	p.SetSize(48, 20)
	st := stats200()
	b.ReportAllocs()
	for b.Loop() {
		st.All.Unread++ // new counts: the view is drawn again
		p.SetStats(st)
		if p.View() == "" || p.Rows() != 1+7+200 {
			b.Fatal("no pane")
		}
	}
}

// BenchmarkFullTextShown is F on a summary-only article: the page fetched
// from a local server, extracted, its people and places found (the
// trained recogniser), stored, and the whole story shown. Budget < 300 ms.
func BenchmarkFullTextShown(b *testing.B) {
	srv := storyServer(b)
	lib := newStoryLibrary(b, srv)
	m := newLibModel(b, lib, 120, 40, func(o *Options) { o.Web = testClient() })
	var probe model.Article
	entities.Recognize(&probe) // the weights load once, before the timing
	find(b, m, "Brief 0")
	_, cmd := m.Update(press("enter"))
	drain(b, m, cmd)
	summary := m.view.Article()
	entry := m.lib().entry
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		s := m.lib()
		s.entry = entry
		drain(b, m, s.view.Show(summary, 0, 0, false))
		b.StartTimer()
		_, cmd := m.Update(press("F"))
		drain(b, m, cmd)
		if a := m.view.Article(); a == nil || len(a.Sections) < 2 {
			b.Fatal("no full text shown")
		}
		_ = m.View()
	}
}
