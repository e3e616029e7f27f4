package library

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/model"
)

// TestKilledImportProcess kills (SIGKILL) a process in the middle of an
// import: SQLite's journal must leave the last committed state, consistent,
// and the next import must complete the work.
func TestKilledImportProcess(t *testing.T) {
	if dir := os.Getenv("BYLINE_TEST_KILL"); dir != "" {
		l, err := Open(context.Background(), os.Getenv(EnvDB))
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		l.Import(context.Background(), []string{dir}, ImportOptions{BatchSize: 8, Progress: func(p Progress) {
			fmt.Println("done", p.Done)
		}})
		os.Exit(0)
	}
	dir := writeCorpus(t, filepath.Join(t.TempDir(), "corpus"), 31, 400)
	path := filepath.Join(t.TempDir(), "library.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledImportProcess$")
	cmd.Env = append(os.Environ(), "BYLINE_TEST_KILL="+dir, EnvDB+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "error") {
			t.Fatal(sc.Text())
		}
		if sc.Text() == "done 40" {
			cmd.Process.Kill() // the import goes on in between: killed mid-write
			break
		}
	}
	cmd.Wait()
	ctx := context.Background()
	l, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	partial := consistency(t, l)
	if partial < 40 || partial > 400 {
		t.Fatalf("%d articles after the kill", partial)
	}
	res, err := l.Import(ctx, []string{dir}, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 400-partial || res.Unchanged != partial {
		t.Fatalf("after the kill: %+v with %d stored", res, partial)
	}
	if n := consistency(t, l); n != 400 {
		t.Fatalf("%d articles, want 400", n)
	}
}

// TestKilledStateWrites kills (SIGKILL) a process that saves reading state
// (read, starred, position: what the app writes on m, s and as the reader
// scrolls) as fast as it can, at random moments, again and again: every
// change the process reported saved must be in the library after the kill,
// and the library must pass the integrity check.
func TestKilledStateWrites(t *testing.T) {
	if path := os.Getenv("BYLINE_TEST_STATE"); path != "" {
		ctx := context.Background()
		l, err := Open(ctx, path)
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		es, err := l.List(ctx, 0, 0)
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		gen, _ := strconv.Atoi(os.Getenv("BYLINE_TEST_GEN"))
		for ; ; gen++ {
			e := es[gen%len(es)]
			err := l.SetPosition(ctx, e.ID, Position{Section: gen, Offset: gen % 7})
			if err == nil {
				err = l.SetRead(ctx, e.ID, gen%2 == 0)
			}
			if err != nil {
				fmt.Println("error", err)
				os.Exit(1)
			}
			fmt.Println("saved", e.ID, gen)
		}
	}
	if testing.Short() {
		t.Skip("kills real processes; skipped in -short mode")
	}
	ctx := context.Background()
	l, path := openTemp(t)
	if _, err := l.Import(ctx, []string{writeCorpus(t, filepath.Join(t.TempDir(), "c"), 5, 30)}, ImportOptions{Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	l.Close()
	seed := uint64(time.Now().UnixNano())
	t.Logf("kill moments from seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 3))
	saved := map[int64]int{} // article id -> the last generation reported saved
	gen := 0
	for kill := range 8 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledStateWrites$")
		cmd.Env = append(os.Environ(), "BYLINE_TEST_STATE="+path, "BYLINE_TEST_GEN="+strconv.Itoa(gen))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill after a random number of saves and a random moment more:
		// inside a transaction, between two, or in a commit.
		after := 1 + r.IntN(300)
		sc := bufio.NewScanner(out)
		seen := 0
		for sc.Scan() {
			var id int64
			var g int
			if strings.HasPrefix(sc.Text(), "error") {
				t.Fatal(sc.Text())
			}
			if _, err := fmt.Sscanf(sc.Text(), "saved %d %d", &id, &g); err != nil {
				continue
			}
			saved[id] = g
			gen = g + 1
			if seen++; seen == after {
				time.AfterFunc(time.Duration(r.IntN(2000))*time.Microsecond, func() { cmd.Process.Kill() })
			}
		}
		cmd.Wait()
		l, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("after kill %d: %v", kill, err)
		}
		consistency(t, l)
		for id, g := range saved {
			_, e, err := l.Article(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			// A later change may have been committed and not yet
			// reported: the saved state is this one or a later one.
			if e.Position.Section < g {
				t.Fatalf("after kill %d: article %d at %+v, but generation %d was reported saved", kill, id, e.Position, g)
			}
			if e.Position.Section == g && (e.Position.Offset != g%7 || e.Read != (g%2 == 0)) {
				t.Fatalf("after kill %d: article %d is %+v read=%v, want generation %d's state", kill, id, e.Position, e.Read, g)
			}
		}
		l.Close()
	}
	if gen == 0 {
		t.Fatal("no state was saved")
	}
	t.Logf("%d changes saved across 8 kills", gen)
}

// TestKilledFeedRefresh kills (SIGKILL) a process in the middle of the
// first refresh of a large feed, while the writer is storing the items
// already prepared and the others are still being recognised: the feed's
// items are one transaction, so the library holds none of them (never a
// part), and the next refresh stores them all.
func TestKilledFeedRefresh(t *testing.T) {
	const items, signal = 600, 500
	if feedURL := os.Getenv("BYLINE_TEST_KILL_FEED"); feedURL != "" {
		ctx := context.Background()
		l, err := Open(ctx, os.Getenv(EnvDB))
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		var n atomic.Int64
		recognize := func(a *model.Article) {
			dictRecognize(a)
			switch k := n.Add(1); {
			case k == signal:
				fmt.Println("prepared", k)
			case k > signal:
				time.Sleep(5 * time.Millisecond) // keep the transaction open
			}
		}
		_, err = l.Refresh(ctx, RefreshOptions{Client: fetch.New(fetch.Options{}), Recognize: recognize})
		fmt.Println("done", err)
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("kills a real process; skipped in -short mode")
	}
	var feed []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(feed) }))
	defer srv.Close()
	feed = articlestest.Feed(items, 1, srv.URL)
	ctx := context.Background()
	l, path := openTemp(t)
	if _, err := l.Subscribe(ctx, srv.URL); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledFeedRefresh$")
	cmd.Env = append(os.Environ(), "BYLINE_TEST_KILL_FEED="+srv.URL, EnvDB+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "error") || strings.HasPrefix(sc.Text(), "done") {
			t.Fatalf("before the kill: %s", sc.Text())
		}
		if strings.HasPrefix(sc.Text(), "prepared") {
			cmd.Process.Kill()
			break
		}
	}
	cmd.Wait()
	if n := consistency(t, l); n != 0 {
		t.Fatalf("%d of the feed's %d items stored by the killed refresh", n, items)
	}
	res, err := l.Refresh(ctx, RefreshOptions{Client: fetch.New(fetch.Options{}), Recognize: dictRecognize})
	if err != nil || res.New != items || len(res.Warnings) != 0 {
		t.Fatalf("refresh after the kill: %+v, %v", res, err)
	}
	if n := consistency(t, l); n != items {
		t.Fatalf("%d articles, want %d", n, items)
	}
}
