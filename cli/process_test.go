package cli

// Tests that run byline as a real process: this test binary re-executed as
// byline (TestMain runs Run with the arguments, exactly as main does), so
// that it can be killed with SIGKILL, limited with ulimit, or run where its
// library is on a read-only file system.

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/library"
)

// envRunAsByline makes the test binary run as byline.
const envRunAsByline = "BYLINE_TEST_RUN_AS_BYLINE"

func TestMain(m *testing.M) {
	if os.Getenv(envRunAsByline) == "1" {
		os.Exit(Run(os.Args[1:], OSEnv()))
	}
	os.Exit(m.Run())
}

// bylineProcess returns a command that runs byline with args as a process
// of its own, with no configuration, library or terminal of the user's.
func bylineProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), envRunAsByline+"=1", library.EnvDB+"=", "GOGC=", "GOMEMLIMIT=",
		"HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, "config"), "XDG_DATA_HOME="+filepath.Join(home, "data"))
	return cmd
}

// writeTestCorpus writes n generated articles into a new directory.
func writeTestCorpus(t *testing.T, seed uint64, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i/100))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, articlestest.CorpusName(i)), articlestest.CorpusArticle(seed, i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// checkLibrary opens the library at db, runs SQLite's integrity check and
// returns how many articles it holds.
func checkLibrary(t *testing.T, db string) int {
	t.Helper()
	ctx := context.Background()
	if st, err := os.Stat(db); err == nil && st.Size() == 0 {
		return 0 // killed before SQLite wrote the first page: a new library
	}
	l, err := library.OpenExisting(ctx, db)
	if err != nil {
		t.Fatalf("the library after a kill: %v", err)
	}
	defer l.Close()
	if err := l.Check(ctx); err != nil {
		t.Fatalf("PRAGMA integrity_check after a kill: %v", err)
	}
	c, err := l.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return c.Articles
}

// progressLine is the line add and refresh print on stderr (not a
// terminal) once a part of the work is committed.
var progressLine = regexp.MustCompile(`^progress: (\d+)/(\d+)(?:, (\d+) articles?)?$`)

// killRun starts cmd, kills it with SIGKILL after delay unless it ends
// first, and returns the last progress line's numbers (done, articles: what
// the process reported saved), its whole stderr and whether it was killed.
// With afterProgress, the delay runs from the first progress line, so that
// the kill lands after a commit however slow the machine is.
func killRun(t *testing.T, cmd *exec.Cmd, delay time.Duration, afterProgress bool) (done, articles int, stderr string, killed bool) {
	t.Helper()
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var mu sync.Mutex
	read := make(chan struct{})
	progress := make(chan struct{})
	var once sync.Once
	if !afterProgress {
		close(progress)
	}
	go func() {
		defer close(read)
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			mu.Lock()
			b.WriteString(sc.Text() + "\n")
			if m := progressLine.FindStringSubmatch(sc.Text()); m != nil {
				done, _ = strconv.Atoi(m[1])
				articles, _ = strconv.Atoi(m[3])
				if afterProgress {
					once.Do(func() { close(progress) })
				}
			}
			mu.Unlock()
		}
	}()
	exited := make(chan error, 1)
	go func() {
		<-read
		exited <- cmd.Wait()
	}()
	select {
	case <-progress:
		select {
		case <-time.After(delay):
			cmd.Process.Signal(syscall.SIGKILL)
			killed = true
			<-exited
		case err = <-exited:
		}
	case err = <-exited:
	}
	if !killed && err != nil {
		t.Fatalf("%v: %v\n%s", cmd.Args, err, b.String())
	}
	mu.Lock()
	defer mu.Unlock()
	return done, articles, b.String(), killed
}

// addSummaryLine matches add's summary: "800 sources: 312 new, 488
// unchanged; 312 articles stored".
var addSummaryLine = regexp.MustCompile(`([\d,]+) sources?: ([^;]*); ([\d,]+) articles? stored`)

// summaryCounts reads "N new" and "N unchanged" from add's summary.
func summaryCounts(t *testing.T, stderr string) (sources, added, unchanged int) {
	t.Helper()
	m := addSummaryLine.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary in %q", stderr)
	}
	number := func(s string) int {
		n, _ := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
		return n
	}
	sources = number(m[1])
	for _, part := range strings.Split(m[2], ", ") {
		n, what, _ := strings.Cut(part, " ")
		v := number(n)
		switch what {
		case "new":
			added = v
		case "unchanged":
			unchanged = v
		}
	}
	return sources, added, unchanged
}

// TestKillDuringAdd kills `byline add DIR` with SIGKILL at random moments,
// again and again: after each kill the library passes SQLite's integrity
// check and holds at least the articles the process reported stored, and
// the next run completes the import, counting exactly what was left.
func TestKillDuringAdd(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real processes; skipped in -short mode")
	}
	const n = 600
	dir := writeTestCorpus(t, 7, n)
	db := filepath.Join(t.TempDir(), "lib.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("kill moments from seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 1))
	kills := 0
	for i := range 6 {
		// Every other kill at a random moment after the first commit.
		delay := time.Duration(r.Int64N(int64(time.Second)))
		_, saved, stderr, killed := killRun(t, bylineProcess(t, "add", "--db", db, dir), delay, i%2 == 1)
		if !killed {
			break // it finished first: nothing left to kill
		}
		kills++
		if _, err := os.Stat(db); err != nil {
			continue // killed before the library was created
		}
		if got := checkLibrary(t, db); got < saved {
			t.Fatalf("killed after %v: %d articles in the library, but %d were reported stored:\n%s", delay, got, saved, stderr)
		}
	}
	before := 0
	if _, err := os.Stat(db); err == nil {
		before = checkLibrary(t, db)
	}
	cmd := bylineProcess(t, "add", "--db", db, dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the run after %d kills: %v\n%s", kills, err, out)
	}
	sources, added, unchanged := summaryCounts(t, string(out))
	if sources != n || added != n-before || unchanged != before {
		t.Errorf("after %d kills with %d articles stored: %q, want %d new and %d unchanged", kills, before, out, n-before, before)
	}
	if got := checkLibrary(t, db); got != n {
		t.Errorf("%d articles after the import completed, want %d", got, n)
	}
	t.Logf("%d kills", kills)
}

// testFeed is an RSS feed of items generated by articlestest, each with
// a link of its own under base.
func testFeed(base string, seed uint64, items int) []byte {
	return articlestest.Feed(items, seed, base)
}

// TestKillDuringRefresh kills `byline refresh` of feeds served by an
// httptest server at random moments: after each kill the library passes
// the integrity check and every feed reported refreshed is stored; the
// next refresh completes, with every item stored once.
func TestKillDuringRefresh(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real processes; skipped in -short mode")
	}
	const feeds, items = 10, 12
	bodies := map[string][]byte{}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	var opml strings.Builder
	opml.WriteString(`<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>`)
	for i := range feeds {
		path := fmt.Sprintf("/feed%d", i)
		bodies[path] = testFeed(srv.URL+path, uint64(100+i), items)
		fmt.Fprintf(&opml, `<outline text="f%d" type="rss" xmlUrl="%s%s"/>`, i, srv.URL, path)
	}
	opml.WriteString("</body></opml>")
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if b, ok := bodies[r.URL.Path]; ok {
			w.Write(b)
			return
		}
		http.NotFound(w, r)
	})
	db := filepath.Join(t.TempDir(), "lib.db")
	file := filepath.Join(t.TempDir(), "feeds.opml")
	os.WriteFile(file, []byte(opml.String()), 0o644)
	if code, stdout, stderr := runLib(t, db, "feed", "import", file); code != 0 {
		t.Fatalf("feed import: %d %s %s", code, stdout, stderr)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("kill moments from seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 2))
	kills := 0
	for i := range 6 {
		delay := time.Duration(r.Int64N(int64(time.Second)))
		done, _, stderr, killed := killRun(t, bylineProcess(t, "refresh", "--db", db), delay, i%2 == 1)
		if !killed {
			break
		}
		kills++
		checkLibrary(t, db)
		checked := 0
		for _, f := range libraryFeeds(t, db) {
			if !f.Checked.IsZero() {
				checked++
				if f.Articles != items {
					t.Fatalf("feed %s refreshed with %d of its %d items", f.URL, f.Articles, items)
				}
			}
		}
		if checked < done {
			t.Fatalf("killed after %v: %d feeds refreshed in the library, %d reported:\n%s", delay, checked, done, stderr)
		}
	}
	if out, err := bylineProcess(t, "refresh", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("the refresh after %d kills: %v\n%s", kills, err, out)
	}
	if got := checkLibrary(t, db); got != feeds*items {
		t.Errorf("%d articles after the refresh completed, want %d", got, feeds*items)
	}
	for _, f := range libraryFeeds(t, db) {
		if f.Checked.IsZero() || f.Articles != items || f.Err != "" {
			t.Errorf("feed after the last refresh: %+v", f)
		}
	}
	t.Logf("%d kills", kills)
}

func libraryFeeds(t *testing.T, db string) []library.Feed {
	t.Helper()
	l, err := library.OpenExisting(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	fs, err := l.Feeds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// TestConcurrentAdds runs two `byline add` of the same directory at once:
// each source is new to exactly one of them, so the two summaries add up
// to the directory (they used to both report every file new).
func TestConcurrentAdds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real processes; skipped in -short mode")
	}
	const n = 300 // more than one batch of the writer
	dir := writeTestCorpus(t, 9, n)
	db := filepath.Join(t.TempDir(), "lib.db")
	outs := make([][]byte, 2)
	var wg sync.WaitGroup
	for i := range outs {
		cmd := bylineProcess(t, "add", "--db", db, dir)
		wg.Go(func() {
			var err error
			if outs[i], err = cmd.CombinedOutput(); err != nil {
				t.Errorf("add %d: %v\n%s", i, err, outs[i])
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	total, unchanged := 0, 0
	for _, out := range outs {
		sources, added, u := summaryCounts(t, string(out))
		if sources != n || added+u != n {
			t.Errorf("summary %q: want %d sources, each new or unchanged", out, n)
		}
		total += added
		unchanged += u
	}
	if total != n || unchanged != n {
		t.Errorf("two adds at once: %d new and %d unchanged in all, want %d and %d:\n%s\n%s", total, unchanged, n, n, outs[0], outs[1])
	}
	if got := checkLibrary(t, db); got != n {
		t.Errorf("%d articles, want %d", got, n)
	}
}

// TestDiskFull runs `byline add` under a file size limit (ulimit -f in the
// shell that starts it): the write that does not fit fails with a message
// saying the disk is full, what was committed stays consistent and
// readable (search works under the same limit), and once there is room the
// same command completes.
func TestDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real processes; skipped in -short mode")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to set the file size limit with")
	}
	first := writeTestCorpus(t, 11, 40)
	dir := writeTestCorpus(t, 12, 300)
	db := filepath.Join(t.TempDir(), "lib.db")
	if code, _, stderr := runLib(t, db, "add", first); code != 0 {
		t.Fatalf("add: %s", stderr)
	}
	st, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	limited := func(args ...string) *exec.Cmd {
		cmd := bylineProcess(t, args...)
		// Room for the library as it is and 1 MB more (the shell counts
		// blocks of 512 or 1024 bytes); the second corpus needs about 3.
		blocks := st.Size()/512 + 2048
		cmd.Args = append([]string{"sh", "-c", fmt.Sprintf(`ulimit -f %d && exec "$0" "$@"`, blocks), cmd.Path}, args...)
		cmd.Path, _ = exec.LookPath("sh")
		return cmd
	}
	out, err := limited("add", "--db", db, dir).CombinedOutput()
	if err == nil {
		t.Fatalf("add past the size limit succeeded:\n%s", out)
	}
	if !strings.Contains(string(out), db+": disk full") {
		t.Errorf("add past the size limit: want a message naming the library and saying the disk is full, got\n%s", out)
	}
	// What was committed before the write that did not fit stays: the 40
	// of the first add and whichever batches of the second were stored
	// (how many depends on when SQLite checkpoints its log, which the size
	// limit counts separately), never a broken library.
	stored := checkLibrary(t, db)
	if stored < 40 || stored >= 340 {
		t.Errorf("%d articles after the failed add, want the 40 stored before and at most part of the rest", stored)
	}
	if code, out := exitCode(limited("search", "--db", db, "--limit", "-1", "the")); code != 0 || strings.Count(out, "\n") != stored {
		t.Errorf("search with the disk full: exit %d, want %d results\n%s", code, stored, out)
	}
	out, err = bylineProcess(t, "add", "--db", db, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("add once there is room: %v\n%s", err, out)
	}
	if _, added, unchanged := summaryCounts(t, string(out)); added != 340-stored || added+unchanged != 300 {
		t.Errorf("add once there is room: want %d new, the rest unchanged: %s", 340-stored, out)
	}
	if got := checkLibrary(t, db); got != 340 {
		t.Errorf("%d articles once there was room, want 340:\n%s", got, out)
	}
}

// readOnlyRunner returns a function that runs byline on the library in
// dir with dir read-only for it, for real: by permissions for a user, by
// a read-only bind mount in a mount namespace of its own for root (whom
// permissions do not stop). It skips the test where neither is possible.
func readOnlyRunner(t *testing.T, dir string) func(args ...string) (int, string) {
	t.Helper()
	run := exitCode
	if os.Geteuid() != 0 {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				os.Chmod(p, 0o444)
			}
			return nil
		})
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return func(args ...string) (int, string) { return run(bylineProcess(t, args...)) }
	}
	probe := exec.Command("unshare", "-m", "sh", "-c", `mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && ! touch "$0/probe" 2>/dev/null`, dir)
	if out, err := probe.CombinedOutput(); err != nil {
		t.Skipf("running as root without a way to make a read-only mount (unshare -m, mount --bind): %v %s", err, out)
	}
	return func(args ...string) (int, string) {
		cmd := bylineProcess(t, args...)
		cmd.Args = append([]string{"unshare", "-m", "sh", "-c",
			`d=$0; mount --bind "$d" "$d" && mount -o remount,bind,ro "$d" "$d" && exec "$@"`, dir, cmd.Path}, args...)
		cmd.Path, _ = exec.LookPath("unshare")
		return run(cmd)
	}
}

// TestReadOnlyLibrary opens a library on a read-only directory: search,
// the feed list and export work; every change fails saying the library is
// read-only, and nothing is written.
func TestReadOnlyLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real processes; skipped in -short mode")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	src := writeTestCorpus(t, 13, 20)
	if code, _, stderr := runLib(t, db, "add", src); code != 0 {
		t.Fatalf("add: %s", stderr)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(testFeed("http://"+r.Host, 1, 2))
	}))
	defer srv.Close()
	if code, _, stderr := runLib(t, db, "feed", "add", srv.URL+"/f"); code != 0 {
		t.Fatalf("feed add: %s", stderr)
	}
	before, _ := os.ReadFile(db)
	byline := readOnlyRunner(t, dir)
	for _, args := range [][]string{
		{"search", "--db", db, "--limit", "-1", "the"},
		{"search", "--db", db, "unread"},
		{"feed", "list", "--db", db},
		{"feed", "export", "--db", db},
	} {
		if code, out := byline(args...); code != 0 || out == "" {
			t.Errorf("%v on a read-only library: exit %d\n%s", args, code, out)
		}
	}
	for _, args := range [][]string{
		{"add", "--db", db, src},
		{"feed", "add", "--db", db, srv.URL + "/g"},
		{"feed", "remove", "--db", db, srv.URL + "/f"},
		{"refresh", "--db", db},
	} {
		code, out := byline(args...)
		if code != 1 || !strings.Contains(out, db+": the library is read-only") || strings.Count(out, "\n") > 2 {
			t.Errorf("%v on a read-only library: exit %d, want 1 and one line saying it is read-only:\n%s", args, code, out)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the read-only library's file changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files next to the read-only library: %v", entries)
	}
}

// exitCode runs cmd and returns its exit status and output (stdout and
// stderr).
func exitCode(cmd *exec.Cmd) (int, string) {
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(out)
	}
	if err != nil {
		return -1, fmt.Sprintf("%v: %v", cmd.Args, err)
	}
	return 0, string(out)
}
