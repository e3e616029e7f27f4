package library

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/model"
)

const sample = `date 2024-03-26 On March 27, 2024, a pivotal meeting took place at the Pentagon. US Defense Secretary Lloyd Austin welcomed Israeli Defense Minister Yoav Gallant to talk about Gaza.

Advertisment

Urging for Precision and Protection

Austin's dialogue with Gallant revolved around the humanitarian crisis in Gaza and a possible operation in Rafah.
`

// countingRecognizer counts the articles it recognises, to prove that an
// unchanged source is not parsed again.
func countingRecognizer(n *atomic.Int64) func(*model.Article) {
	return func(a *model.Article) {
		n.Add(1)
		entities.Recognize(a)
	}
}

func TestImportReimport(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	dir := t.TempDir()
	path := writeFile(t, dir, "austin.txt", sample)
	writeCorpus(t, filepath.Join(dir, "more"), 3, 5)
	writeFile(t, dir, ".hidden/skip.txt", sample)
	writeFile(t, dir, "notes.bin", "ignored extension")
	var recognised atomic.Int64
	opts := ImportOptions{Recognize: countingRecognizer(&recognised)}

	res, err := l.Import(ctx, []string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Sources != 6 || res.Added != 6 || res.Articles != 6 || len(res.Problems) != 0 {
		t.Fatalf("first import: %+v", res)
	}
	entries, err := l.Search(ctx, "pivotal", SearchOptions{})
	if err != nil || len(entries) != 1 {
		t.Fatalf("search pivotal: %v %v", entries, err)
	}
	id := entries[0].ID
	if err := l.SetRead(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	if err := l.SetPosition(ctx, id, Position{Section: 1, Offset: 7}); err != nil {
		t.Fatal(err)
	}

	// Unchanged: nothing is parsed or recognised again.
	recognised.Store(0)
	res, err = l.Import(ctx, []string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Unchanged != 6 || res.Articles != 0 || recognised.Load() != 0 {
		t.Fatalf("unchanged re-import: %+v, %d recognised", res, recognised.Load())
	}

	// Same content, new modification time: still not parsed.
	later := time.Now().Add(time.Hour)
	os.Chtimes(path, later, later)
	res, _ = l.Import(ctx, []string{path}, opts)
	if res.Unchanged != 1 || recognised.Load() != 0 {
		t.Fatalf("touched re-import: %+v, %d recognised", res, recognised.Load())
	}

	// Changed: re-read, the article keeps its id and state, the index follows.
	writeFile(t, dir, "austin.txt", sample+"\nA Ceasefire Vote\n\nThe council voted on a momentous ceasefire resolution.\n")
	res, err = l.Import(ctx, []string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Updated != 1 || res.Unchanged != 5 || recognised.Load() != 1 {
		t.Fatalf("changed re-import: %+v, %d recognised", res, recognised.Load())
	}
	a, e, err := l.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Sections) != 3 || a.Sections[2].Heading != "A Ceasefire Vote" {
		t.Errorf("changed article not re-read: %+v", a.Sections)
	}
	if !e.Read || e.Position != (Position{1, 7}) {
		t.Errorf("state lost on re-import: %+v", e)
	}
	if rs, _ := l.Search(ctx, "momentous", SearchOptions{}); len(rs) != 1 || rs[0].ID != id {
		t.Errorf("index not updated: %+v", rs)
	}
	if got := consistency(t, l); got != 6 {
		t.Errorf("%d articles, want 6", got)
	}
}

func TestImportStoresParsedArticle(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	path := writeFile(t, t.TempDir(), "austin.txt", sample)
	if _, err := l.Import(ctx, []string{path}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	entries, err := l.List(ctx, 0, 10)
	if err != nil || len(entries) != 1 {
		t.Fatalf("List: %v %v", entries, err)
	}
	got, e, err := l.Article(ctx, entries[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	want, err := readAndRecognise(path)
	if err != nil {
		t.Fatal(err)
	}
	if e.DateString() != "2024-03-26" || got.Title != want.Title || got.Source != path {
		t.Errorf("entry %+v, title %q", e, got.Title)
	}
	if !equalArticles(got, want) {
		t.Errorf("stored article differs:\n got %+v\nwant %+v", got, want)
	}
}

func TestImportProblemsDoNotStopTheRest(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	dir := t.TempDir()
	writeFile(t, dir, "good.txt", sample)
	writeFile(t, dir, "binary.txt", "\x00\x01\x02 binary")
	writeFile(t, dir, "empty.txt", "\n\n")
	var last Progress
	res, err := l.Import(ctx, []string{dir, filepath.Join(dir, "missing.txt"), "https://example.com/x"},
		ImportOptions{Progress: func(p Progress) { last = p }})
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != 1 || len(res.Problems) != 4 {
		t.Fatalf("%+v", res)
	}
	if last.Done != last.Total || last.Total != 5 || last.Failed != 4 || last.Articles != 1 {
		t.Errorf("last progress %+v", last)
	}
}

func TestImportCancelledMidway(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	dir := writeCorpus(t, t.TempDir(), 5, 300)
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	res, err := l.Import(cctx, []string{dir}, ImportOptions{
		BatchSize: 16,
		Progress: func(p Progress) {
			if p.Done == 50 {
				cancel()
			}
		},
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled import returned %v", err)
	}
	partial := consistency(t, l)
	if partial < 50 || partial >= 300 || partial != res.Articles {
		t.Fatalf("after cancel: %d articles stored, result %+v", partial, res)
	}
	// The next run completes the work and redoes nothing.
	res, err = l.Import(ctx, []string{dir}, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 300-partial || res.Unchanged != partial {
		t.Fatalf("second run: %+v after %d", res, partial)
	}
	if n := consistency(t, l); n != 300 {
		t.Fatalf("%d articles after completing, want 300", n)
	}
}
