package library

// Benchmarks for the feed budgets, on a library of 200 feeds of 500
// articles each (100,000 articles, nine in ten read), built directly in
// SQL for each benchmark (the counts and the unread walk read only the articles
// table and its indexes, never bodies):
//
//	go test -run XXX -bench 'Stats|NextUnread|MarkRead|ListFeed' ./library

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// benchFeedsLibrary builds the 200-feed library in the benchmark's
// temporary directory (a few seconds, outside the timing).
func benchFeedsLibrary(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "feeds200.db")
	if err := buildFeedsLibrary(path, 200, 500); err != nil {
		b.Fatal(err)
	}
	return path
}

func buildFeedsLibrary(path string, feeds, per int) error {
	ctx := context.Background()
	l, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer l.Close()
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	insert, err := tx.PrepareContext(ctx, `INSERT INTO articles (source_id, item, source, title, date, read, added)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insert.Close()
	now := time.Now().Unix()
	n := 0
	for f := range feeds {
		url := fmt.Sprintf("https://news%d.example/feed.xml", f)
		folder := ""
		if f%4 != 0 {
			folder = fmt.Sprintf("Folder %d", f%7)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO feeds (url, title, folder, checked, added) VALUES (?, ?, ?, ?, ?)",
			url, fmt.Sprintf("News %d", f), folder, now, now); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO sources (source, imported) VALUES (?, ?)", url, now)
		if err != nil {
			return err
		}
		sid, _ := res.LastInsertId()
		for i := range per {
			n++
			// Nine in ten read; dates interleave the feeds.
			read := n%10 != 0
			date := int64(1_700_000_000) + int64((n*7919)%(feeds*per))*600
			if _, err := insert.ExecContext(ctx, sid, fmt.Sprint(i), fmt.Sprintf("https://news%d.example/%d", f, i),
				fmt.Sprintf("Story %d of feed %d", i, f), date, read, now); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// BenchmarkStats200Feeds100k reads the Feeds pane's counts: every feed's
// and folder's unread/total and the library's. Budget (with the pane
// drawn, ui's BenchmarkFeedsPane200) < 50 ms.
func BenchmarkStats200Feeds100k(b *testing.B) {
	l, err := Open(context.Background(), benchFeedsLibrary(b))
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	for b.Loop() {
		st, err := l.Stats(ctx)
		if err != nil || len(st.Feeds) != 200 || st.All.Total != 100_000 {
			b.Fatalf("%v %d %+v", err, len(st.Feeds), st.All)
		}
	}
}

// BenchmarkNextUnread100k walks to the next unread article from each of a
// series of articles, in the whole library and within one feed. Budget
// < 10 ms.
func BenchmarkNextUnread100k(b *testing.B) {
	l, err := Open(context.Background(), benchFeedsLibrary(b))
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		scope Scope
	}{{"all", Scope{}}, {"feed", Scope{Feed: "https://news7.example/feed.xml"}}, {"folder", Scope{Group: "Folder 3"}}} {
		b.Run(c.name, func(b *testing.B) {
			var after int64
			for b.Loop() {
				e, ok, err := l.NextUnread(ctx, c.scope, after)
				if err != nil || !ok {
					b.Fatal(err, ok)
				}
				after = e.ID
			}
		})
	}
}

// BenchmarkListFeed100k is the Articles pane after a feed is selected: its
// length, the cursor's row and its first page, read articles hidden.
func BenchmarkListFeed100k(b *testing.B) {
	l, err := Open(context.Background(), benchFeedsLibrary(b))
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	for _, hide := range []bool{false, true} {
		b.Run(fmt.Sprint("hideRead=", hide), func(b *testing.B) {
			q := Query{In: Scope{Feed: "https://news7.example/feed.xml"}, Unread: hide}
			for b.Loop() {
				n, err := l.CountQuery(ctx, q)
				if err != nil || n == 0 {
					b.Fatal(err)
				}
				rs, err := l.SearchQuery(ctx, q, SearchOptions{Limit: 100, NoSnippets: true})
				if err != nil || len(rs) == 0 {
					b.Fatal(err)
				}
				if _, ok, err := l.Index(ctx, q, rs[len(rs)-1].ID); err != nil || !ok {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMarkReadUndo100k marks a feed's 500 articles read and undoes it.
func BenchmarkMarkReadUndo100k(b *testing.B) {
	l, err := Open(context.Background(), benchFeedsLibrary(b))
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	s := Scope{Feed: "https://news9.example/feed.xml"}
	for b.Loop() {
		m, err := l.MarkRead(ctx, s)
		if err != nil {
			b.Fatal(err)
		}
		if err := l.Undo(ctx, m); err != nil {
			b.Fatal(err)
		}
	}
}
