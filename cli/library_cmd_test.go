package cli

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// runLib runs the library command name with --db db (none when db is "")
// and returns its exit code, stdout and stderr.
func runLib(t *testing.T, db string, name string, args ...string) (int, string, string) {
	t.Helper()
	return runLibEnv(t, testEnv(t), db, name, args...)
}

// runLibEnv is runLib in e.
func runLibEnv(t *testing.T, e Env, db string, name string, args ...string) (int, string, string) {
	t.Helper()
	if c := lookup(name); c == nil || !c.isLibrary() {
		t.Fatalf("%q is not a library command", name)
	}
	if db != "" {
		args = append([]string{"--db", db}, args...)
	}
	r := runEnv(t, e, "", append([]string{name}, args...)...)
	return r.code, r.stdout, r.stderr
}

func TestLibraryAddAndSearch(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "lib.db")
	src := filepath.Join(dir, "src")
	os.MkdirAll(src, 0o755)
	os.WriteFile(filepath.Join(src, "austin.txt"), []byte("date 2024-03-26 US Defense Secretary Lloyd Austin met Yoav Gallant at the Pentagon to discuss Gaza.\n\nAdvertisment\n\nUrging for Precision\n\nAustin pressed for a pivotal change of course in Rafah.\n"), 0o644)
	os.WriteFile(filepath.Join(src, "harbour.md"), []byte("# The pier reopens\n\nThe pier reopened on Friday, two years after the storm.\n"), 0o644)
	os.WriteFile(filepath.Join(src, "broken.txt"), []byte("\x00\x01binary"), 0o644)

	code, _, stderr := runLib(t, db, "add", src)
	if code != 1 {
		t.Errorf("add with a broken file: exit %d, want 1", code)
	}
	for _, want := range []string{"broken.txt", "3 sources: 2 new, 1 failed; 2 articles stored"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	os.Remove(filepath.Join(src, "broken.txt"))
	code, _, stderr = runLib(t, db, "add", src)
	if code != 0 || !strings.Contains(stderr, "2 sources: 2 unchanged; 0 articles stored (") {
		t.Errorf("re-add: exit %d\n%s", code, stderr)
	}
	os.WriteFile(filepath.Join(src, "harbour.md"), []byte("# The pier reopens\n\nThe pier reopened on Friday, two years after the storm.\n\nIt was busy.\n"), 0o644)
	code, _, stderr = runLib(t, db, "add", src)
	if code != 0 || !strings.Contains(stderr, "2 sources: 1 changed, 1 unchanged; 1 article stored (") {
		t.Errorf("add after an edit: exit %d\n%s", code, stderr)
	}
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(empty, 0o755)
	code, _, stderr = runLib(t, db, "add", empty)
	if code != 1 || !strings.Contains(stderr, "no article files found") || !strings.Contains(stderr, empty) {
		t.Errorf("add of an empty directory: exit %d, want 1 and a message naming it\n%s", code, stderr)
	}

	for _, args := range [][]string{{"--limit", "0", "pier"}, {"--limit", "-5", "pier"}, {`"`}, {"("}, {"^"}} {
		if code, _, stderr := runLib(t, db, "search", args...); code != 2 {
			t.Errorf("search %q: exit %d, want 2 (usage); %s", args, code, stderr)
		}
	}
	code, stdout, stderr := runLib(t, db, "search", "--limit", "1", "the")
	if code != 0 || strings.Count(stdout, "\n") != 1 || !strings.Contains(stderr, "the first 1 result of 2 only; --limit N for more") {
		t.Errorf("search --limit 1 with more results: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, tc := range []struct {
		query []string
		code  int
		want  string
	}{
		{[]string{"pivotal"}, 0, "\t2024-03-26\t" + filepath.Join(src, "austin.txt") + "\tAustin pressed for a pivotal change of course in Rafah.\n"},
		{[]string{"pier", "storm"}, 0, "The pier reopens\t\t"},
		{[]string{"nothing-like-this"}, 1, ""},
		{[]string{"after:2024-01-01"}, 0, "Lloyd Austin"},
	} {
		code, stdout, stderr := runLib(t, db, "search", tc.query...)
		if code != tc.code || !strings.Contains(stdout, tc.want) {
			t.Errorf("search %q: exit %d, stdout %q, stderr %q", tc.query, code, stdout, stderr)
		}
	}
}

func TestLibraryDBFromEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	e := testEnv(t)
	e.DB = db // $BYLINE_DB; OSEnv's reading it is TestOSEnv's
	// Reading commands do not create a library; add does.
	for _, args := range [][]string{{"feed", "list"}, {"search", "x"}, {"refresh"}, {"feed", "export"}} {
		if code, _, stderr := runLibEnv(t, e, "", args[0], args[1:]...); code != 1 || !strings.Contains(stderr, "no library at "+db) {
			t.Errorf("%q without a library: exit %d, %s", args, code, stderr)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("a reading command created the library")
	}
	if code, _, stderr := runLibEnv(t, e, "", "add", sample); code != 0 {
		t.Fatalf("add: %d %s", code, stderr)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("$BYLINE_DB not used: %v", err)
	}
	if _, err := os.Stat(e.DefaultDB); err == nil {
		t.Errorf("the default library was created although $BYLINE_DB is set")
	}
	if code, _, stderr := runLibEnv(t, e, "", "feed", "list"); code != 0 {
		t.Errorf("feed list: %d %s", code, stderr)
	}
}

func TestLibraryRefusesForeignFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(db, []byte(strings.Repeat("my precious notes\n", 20)), 0o644)
	code, _, stderr := runLib(t, db, "search", "x")
	if code != 1 || !strings.Contains(stderr, "not a byline library") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if data, _ := os.ReadFile(db); !strings.HasPrefix(string(data), "my precious notes") {
		t.Error("the foreign file was changed")
	}
}

func TestLibraryFeeds(t *testing.T) {
	rss, err := os.ReadFile("testdata/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) { w.Write(rss) })
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", 503) })
	var flakyCalls atomic.Int32 // a feed that answers once, then fails
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flakyCalls.Add(1) == 1 {
			w.Write(rss)
			return
		}
		http.Error(w, "no", 503)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "lib.db")

	code, stdout, stderr := runLib(t, db, "feed", "add", srv.URL+"/rss")
	if code != 0 || !strings.Contains(stdout, "subscribed to "+srv.URL+"/rss: 2 new articles") {
		t.Fatalf("feed add: %d %q %q", code, stdout, stderr)
	}
	code, _, stderr = runLib(t, db, "feed", "add", srv.URL+"/down")
	if code != 1 || !strings.Contains(stderr, "503") || !strings.Contains(stderr, "not subscribed to "+srv.URL+"/down") {
		t.Errorf("feed add of a failing feed: %d %q", code, stderr)
	}
	if code, stdout, _ = runLib(t, db, "feed", "add", srv.URL+"/flaky"); code != 0 {
		t.Errorf("feed add of a feed that works once: %d %q", code, stdout)
	}
	code, stdout, stderr = runLib(t, db, "refresh")
	if code != 0 || !strings.Contains(stderr, "2 feeds checked: 1 unchanged, 1 failed; 0 new articles") || !strings.Contains(stderr, "warning:") {
		t.Errorf("refresh with one failing feed: %d %q %q, want exit 0 and a warning", code, stdout, stderr)
	}
	code, stdout, _ = runLib(t, db, "feed", "list")
	if code != 0 || !strings.Contains(stdout, "Port Alden Gazette: Harbour\t"+srv.URL+"/rss\t2/2 unread\trefreshed ") ||
		!strings.Contains(stdout, srv.URL+"/flaky") || !strings.Contains(stdout, "error:") || strings.Contains(stdout, "/down") {
		t.Errorf("feed list: %d %q", code, stdout)
	}
	code, opml, _ := runLib(t, db, "feed", "export")
	if code != 0 || !strings.Contains(opml, `xmlUrl="`+srv.URL+`/rss"`) {
		t.Errorf("feed export: %d %q", code, opml)
	}
	if code, _, _ := runLib(t, db, "feed", "remove", srv.URL+"/flaky"); code != 0 {
		t.Errorf("feed remove: %d", code)
	}
	if code, _, _ := runLib(t, db, "feed", "remove", srv.URL+"/flaky"); code != 1 {
		t.Errorf("feed remove twice: %d", code)
	}
	file := filepath.Join(t.TempDir(), "feeds.opml")
	os.WriteFile(file, []byte(opml), 0o644)
	other := filepath.Join(t.TempDir(), "other.db")
	code, stdout, _ = runLib(t, other, "feed", "import", file)
	if code != 0 || !strings.Contains(stdout, "subscribed to 2 new feeds") {
		t.Errorf("feed import: %d %q", code, stdout)
	}
	if code, _, _ := runLib(t, db, "feed", "frobnicate"); code != 2 {
		t.Errorf("unknown feed subcommand: exit %d", code)
	}
}

func TestLibraryNotHandled(t *testing.T) {
	if c := lookup("print"); c == nil || c.isLibrary() {
		t.Error("print is run as a library command")
	}
}

func TestProgressBar(t *testing.T) {
	for _, tc := range []struct {
		terminal bool
		want     []string
	}{
		{true, []string{"\r[", "100% 20/20, 7 articles", "\x1b[K", "\r\x1b[K"}},
		{false, []string{"progress: 2/20, 7 articles\n", "progress: 20/20, 7 articles\n"}},
	} {
		var b bytes.Buffer
		bar := newProgressBar(&b, tc.terminal)
		for i := 1; i <= 20; i++ {
			if i == 10 {
				bar.clear()
			}
			bar.update(i, 20, 7)
		}
		bar.done()
		out := b.String()
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("terminal=%v: %q lacks %q", tc.terminal, out, w)
			}
		}
		if !tc.terminal && strings.ContainsAny(out, "\r\x1b") {
			t.Errorf("control sequences in plain progress: %q", out)
		}
		if tc.terminal && !strings.HasSuffix(out, "\n") {
			t.Errorf("the bar's line is not ended: %q", out)
		}
	}
}

// TestLibraryOutputSanitised checks that escape sequences in file names
// never reach the terminal through add's messages or search's results, and
// that such names are shown quoted, so that they still name the file.
func TestLibraryOutputSanitised(t *testing.T) {
	src := t.TempDir()
	db := filepath.Join(t.TempDir(), "lib.db")
	good := filepath.Join(src, "n\x1b]0;PWNED\x07ame.txt")
	if err := os.WriteFile(good, []byte("date 2024-03-26 Lloyd Austin met Yoav Gallant at the Pentagon.\n"), 0o644); err != nil {
		t.Skipf("this file system refuses escape characters in names: %v", err)
	}
	os.WriteFile(filepath.Join(src, "b\x1b[31mred.txt"), []byte("\x00\x01binary"), 0o644)
	_, stdout, stderr := runLib(t, db, "add", src)
	_, out2, err2 := runLib(t, db, "search", "Pentagon")
	for _, s := range []string{stdout, stderr, out2, err2} {
		if strings.ContainsAny(s, "\x1b\x07\x9b") {
			t.Errorf("output holds an escape sequence: %q", s)
		}
	}
	if !strings.Contains(stderr, `"`+filepath.Join(src, `b\x1b[31mred.txt`)+`"`) || !strings.Contains(out2, `"`+filepath.Join(src, `n\x1b]0;PWNED\aame.txt`)+`"`) {
		t.Errorf("the names should still be there, quoted:\n%s\n%s", stderr, out2)
	}
	if _, _, e := runLib(t, db, "search", "after:2024-13-45"); !strings.Contains(e, "after:2024-13-45: not a date") {
		t.Errorf("an unreadable date should be reported: %q", e)
	}
}

// TestLibraryMissingOrEmpty: the commands that only use a library refuse
// a missing file, an empty one (search used to make a new library in it)
// and a directory, naming the path as given, and write nothing there; a
// --db with no file is a usage error, not the default library.
func TestLibraryMissingOrEmpty(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	for _, tc := range []struct {
		db, want string
	}{
		{empty, "byline: " + empty + ": no library: the file is empty: add articles with `byline add --db " + empty},
		{dir, "byline: " + dir + ": no library: it is a directory"},
		{"typo.db", "byline: no library at typo.db yet"},
	} {
		for _, args := range [][]string{{"search", "gaza"}, {"feed", "list"}, {"refresh"}} {
			code, _, stderr := runLib(t, tc.db, args[0], args[1:]...)
			if code != 1 || !strings.HasPrefix(stderr, tc.want) {
				t.Errorf("%v --db %s: exit %d, %q; want 1 and %q", args, tc.db, code, stderr, tc.want)
			}
		}
	}
	if st, _ := os.Stat(empty); st.Size() != 0 {
		t.Errorf("search wrote %d bytes into the empty file", st.Size())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left next to the empty one: %v", entries)
	}
	e := testEnv(t)
	for _, args := range [][]string{{"search", "--db", "", "gaza"}, {"search", "--db=", "gaza"}, {"add", "--db", "", "x"}, {"library", "--db", ""}} {
		r := runEnv(t, e, "", args...)
		if r.code != 2 || r.stderr != "byline: --db needs a library file: --db PATH\n" {
			t.Errorf("%q: %+v, want exit 2 and a message about --db (not the default library)", args, r)
		}
	}
	if _, err := os.Stat(e.DefaultDB); err == nil {
		t.Error("--db \"\" made the default library")
	}
}

func TestShowURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/feed.xml":      "https://example.org/feed.xml",
		"https://example.org/ünïcode?q=a b": "https://example.org/ünïcode?q=a b",
		"https://example.org/a\u202eb":      `"https://example.org/a\u202eb"`,
		"https://example.org/a\u200bb":      `"https://example.org/a\u200bb"`,
		"https://example.org/a\x1b[2Jb":     `"https://example.org/a\x1b[2Jb"`,
		"https://example.org/a\u0085b":      `"https://example.org/a\u0085b"`,
		"https://example.org/a\xffb":        `"https://example.org/a\xffb"`,
	} {
		if got := showURL(in); got != want {
			t.Errorf("showURL(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestFeedListURLsNeverLookAlike subscribes to URLs that differ only in
// invisible characters: feed list shows every one differently, with no
// control or bidi character in its output.
func TestFeedListURLsNeverLookAlike(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	file := filepath.Join(t.TempDir(), "feeds.opml")
	urls := []string{"https://example.org/ab", "https://example.org/a\u202eb", "https://example.org/a\u2066b", "https://example.org/a\u200bb"}
	var opml strings.Builder
	opml.WriteString(`<opml version="2.0"><body>`)
	for _, u := range urls {
		opml.WriteString(`<outline text="x" xmlUrl="` + u + `"/>`)
	}
	opml.WriteString(`</body></opml>`)
	os.WriteFile(file, []byte(opml.String()), 0o644)
	if code, _, stderr := runLib(t, db, "feed", "import", file); code != 0 {
		t.Fatalf("feed import: %s", stderr)
	}
	code, stdout, _ := runLib(t, db, "feed", "list")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != 0 || len(lines) != len(urls) {
		t.Fatalf("feed list: exit %d\n%s", code, stdout)
	}
	seen := map[string]bool{}
	for _, l := range lines {
		f := strings.Split(l, "\t") // title, URL, unread/total, refreshed
		u := f[min(1, len(f)-1)]
		if seen[u] {
			t.Errorf("two feeds listed as %s", u)
		}
		seen[u] = true
	}
	if strings.ContainsAny(stdout, "\u202e\u2066\u200b\x1b") {
		t.Errorf("feed list shows invisible characters raw:\n%q", stdout)
	}
}
