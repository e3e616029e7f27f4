package library

import (
	"context"
	"path/filepath"
	"testing"
)

func TestUnreadFlowAcrossReopen(t *testing.T) {
	ctx := context.Background()
	l, path := openTemp(t)
	s := newTwoFeeds(t, 3)
	subscribeBoth(t, l, s)
	alpha, beta := Scope{Feed: s.URL + "/a"}, Scope{Feed: s.URL + "/b"}

	// Next unread walks the list newest first, across feeds, then wraps.
	all, _ := l.List(ctx, 0, 0)
	var seen []int64
	var after int64
	for range len(all) + 1 {
		e, ok, err := l.NextUnread(ctx, Scope{}, after)
		if err != nil || !ok {
			t.Fatalf("NextUnread = %v, %v", ok, err)
		}
		seen = append(seen, e.ID)
		after = e.ID
	}
	for i, e := range all {
		if seen[i] != e.ID {
			t.Fatalf("NextUnread order %v, list order %v", seen, all)
		}
	}
	if seen[len(all)] != all[0].ID {
		t.Errorf("NextUnread after the last = %d, want the newest %d", seen[len(all)], all[0].ID)
	}
	e, ok, _ := l.NextUnread(ctx, beta, 0)
	if !ok || e.Feed != beta.Feed {
		t.Errorf("NextUnread in Beta = %+v", e)
	}

	// Mark a feed read, undo, mark it again.
	m, err := l.MarkRead(ctx, alpha)
	if err != nil || len(m.IDs) != 3 {
		t.Fatalf("MarkRead(Alpha) = %v, %v", m, err)
	}
	if n, _ := l.CountQuery(ctx, Query{In: alpha, Unread: true}); n != 0 {
		t.Errorf("%d unread in Alpha after marking it read", n)
	}
	if err := l.Undo(ctx, m); err != nil {
		t.Fatal(err)
	}
	if n, _ := l.CountQuery(ctx, Query{In: alpha, Unread: true}); n != 3 {
		t.Errorf("%d unread in Alpha after undo, want 3", n)
	}
	if _, err := l.MarkRead(ctx, alpha); err != nil {
		t.Fatal(err)
	}
	if e, ok, _ := l.NextUnread(ctx, alpha, 0); ok {
		t.Errorf("NextUnread in a read feed = %+v", e)
	}
	e, ok, _ = l.NextUnread(ctx, Scope{}, 0)
	if !ok || e.Feed != beta.Feed {
		t.Errorf("NextUnread skips read Alpha: got %+v", e)
	}
	if err := l.SaveSession(ctx, Session{Article: e.ID, Cursor: e.ID, Offset: 2, Scope: beta, HideRead: true, Collapsed: []string{"World"}}); err != nil {
		t.Fatal(err)
	}
	if err := l.SetPosition(ctx, e.ID, Position{Section: 1, Offset: 4200}); err != nil {
		t.Fatal(err)
	}
	l.Close()

	l2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Close()
	st, _ := l2.Stats(ctx)
	for _, f := range st.Feeds {
		if want := map[string]int{alpha.Feed: 0, beta.Feed: 3}[f.URL]; f.Unread != want {
			t.Errorf("after reopen %s has %d unread, want %d", f.URL, f.Unread, want)
		}
	}
	sess, err := l2.Session(ctx)
	if err != nil || sess.Article != e.ID || sess.Scope != beta || !sess.HideRead || sess.Offset != 2 || len(sess.Collapsed) != 1 {
		t.Errorf("Session after reopen = %+v, %v", sess, err)
	}
	got, _ := l2.Entry(ctx, e.ID)
	if got.Position != (Position{1, 4200}) {
		t.Errorf("position after reopen %+v", got.Position)
	}
	// Hide read: the unread filter over the whole library lists Beta only.
	rs, _ := l2.SearchQuery(ctx, Query{Unread: true}, SearchOptions{Limit: -1})
	if len(rs) != 3 {
		t.Errorf("unread list has %d, want 3", len(rs))
	}
	all2, _ := l2.MarkRead(ctx, Scope{})
	if len(all2.IDs) != 3 {
		t.Errorf("MarkRead(all) marked %d, want 3", len(all2.IDs))
	}
	if c, _ := l2.Counts(ctx); c.Unread != 0 {
		t.Errorf("%d unread after everything read", c.Unread)
	}
	if err := l2.Undo(ctx, all2); err != nil {
		t.Fatal(err)
	}
	if c, _ := l2.Counts(ctx); c.Unread != 3 {
		t.Errorf("%d unread after undoing everything read, want 3", c.Unread)
	}
}

func TestSessionWhenNoneSaved(t *testing.T) {
	l, _ := openTemp(t)
	s, err := l.Session(context.Background())
	if err != nil || s.Article != 0 || !s.Scope.All() {
		t.Errorf("Session() = %+v, %v", s, err)
	}
}

// TestWatcherSeesAnotherProcess: a second handle on the file (another
// process as far as SQLite is concerned) imports; the first one's Watcher
// says so, and its list shows the new article.
func TestWatcherSeesAnotherProcess(t *testing.T) {
	ctx := context.Background()
	l, path := openTemp(t)
	w, err := l.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if changed, err := w.Changed(ctx); err != nil || changed {
		t.Fatalf("Changed before any write = %v, %v", changed, err)
	}
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", articleText("2024-03-01", "Lloyd Austin spoke in Geneva."))
	if _, err := other.Import(ctx, []string{filepath.Join(dir, "a.txt")}, ImportOptions{Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	other.Close()
	if changed, err := w.Changed(ctx); err != nil || !changed {
		t.Fatalf("Changed after another handle's import = %v, %v", changed, err)
	}
	if changed, _ := w.Changed(ctx); changed {
		t.Error("Changed twice for one write")
	}
	if c, _ := l.Counts(ctx); c.Articles != 1 {
		t.Errorf("the open library counts %d articles, want 1", c.Articles)
	}
}

func TestIndexAndUnreadOr(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	s := newTwoFeeds(t, 3)
	subscribeBoth(t, l, s)
	beta := Scope{Feed: s.URL + "/b"}
	rs, _ := l.SearchQuery(ctx, Query{In: beta}, SearchOptions{Limit: -1, NoSnippets: true})
	for i, r := range rs {
		if got, ok, err := l.Index(ctx, Query{In: beta}, r.ID); err != nil || !ok || got != i {
			t.Errorf("Index(%q) = %d, %v, %v; want %d", r.Title, got, ok, err, i)
		}
	}
	all, _ := l.List(ctx, 0, 0)
	for _, e := range all {
		if e.Feed != beta.Feed {
			if _, ok, _ := l.Index(ctx, Query{In: beta}, e.ID); ok {
				t.Errorf("Index finds %q of Alpha in Beta", e.Title)
			}
			break
		}
	}
	l.SetRead(ctx, rs[1].ID, true)
	l.SetRead(ctx, rs[2].ID, true)
	kept, _ := l.SearchQuery(ctx, Query{In: beta, UnreadOr: rs[1].ID}, SearchOptions{Limit: -1, NoSnippets: true})
	if len(kept) != 2 || kept[0].ID != rs[0].ID || kept[1].ID != rs[1].ID {
		t.Errorf("UnreadOr list = %v", kept)
	}
}
