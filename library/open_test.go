package library

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenCreatesAndMigrates(t *testing.T) {
	ctx := context.Background()
	l, path := openTemp(t)
	for pragma, want := range map[string]any{
		"user_version":   int64(SchemaVersion),
		"application_id": int64(applicationID),
		"journal_mode":   "wal",
	} {
		var got any
		if err := l.db.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if s, ok := got.(string); ok {
			got = s
		}
		if got != want {
			t.Errorf("PRAGMA %s = %v, want %v", pragma, got, want)
		}
	}
	if SchemaVersion != len(migrations) {
		t.Errorf("SchemaVersion = %d, but there are %d migrations", SchemaVersion, len(migrations))
	}
	l.Close()
	// Reopening an up-to-date library migrates nothing and works.
	l2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Close()
	if _, err := l2.Counts(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestOpenOddPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my dir #1?x", "lib rary%20.db")
	l, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the library is not where asked: %v", err)
	}
}

func TestOpenEmptyFile(t *testing.T) {
	// An empty file (e.g. from touch) is a database not yet written.
	path := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	ctx := context.Background()
	sqliteFile := func(t *testing.T, path string, stmts ...string) {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, s := range stmts {
			if _, err := db.Exec(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, tc := range []struct {
		name string
		make func(t *testing.T, path string)
		want error
	}{
		{"text file", func(t *testing.T, path string) {
			os.WriteFile(path, bytes.Repeat([]byte("not a database\n"), 100), 0o644)
		}, ErrNotLibrary},
		{"short garbage", func(t *testing.T, path string) {
			os.WriteFile(path, []byte("SQLite"), 0o644)
		}, ErrNotLibrary},
		{"other program's sqlite", func(t *testing.T, path string) {
			sqliteFile(t, path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes (body) VALUES ('keep me')")
		}, ErrNotLibrary},
		{"other application_id", func(t *testing.T, path string) {
			sqliteFile(t, path, "PRAGMA application_id = 1234")
		}, ErrNotLibrary},
		{"newer byline", func(t *testing.T, path string) {
			l, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			l.db.Exec("PRAGMA user_version = 99")
			l.Close()
		}, ErrTooNew},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.db")
			tc.make(t, path)
			before, _ := os.ReadFile(path)
			l, err := Open(ctx, path)
			if err == nil {
				l.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("Open: %v, want %v", err, tc.want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("Open changed the file it refused")
			}
			if _, err := os.Stat(path + "-wal"); err == nil {
				t.Error("Open left a WAL next to a file it refused")
			}
		})
	}
}

func TestOpenCorrupt(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeCorpus(t, filepath.Join(dir, "src"), 1, 40)
	path := filepath.Join(dir, "library.db")
	l, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Import(ctx, []string{filepath.Join(dir, "src")}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	l.Close()

	for _, tc := range []struct {
		name   string
		offset int64 // where garbage goes
	}{
		{"schema page", 100},
		{"data pages", 8192},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			bad := filepath.Join(t.TempDir(), "bad.db")
			junk := bytes.Repeat([]byte{0xA5, 0x5A, 0xFF, 0x00}, len(data)/8)
			copy(data[tc.offset:], junk)
			os.WriteFile(bad, data, 0o644)
			l, err := Open(ctx, bad)
			if err == nil {
				// The damage is past what Open reads: the first full
				// read or the integrity check must report it.
				defer l.Close()
				_, err = l.Search(ctx, "government", SearchOptions{Limit: -1})
				if err == nil {
					err = l.Check(ctx)
				}
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("got %v, want ErrCorrupt", err)
			}
		})
	}
}

func TestPath(t *testing.T) {
	t.Setenv(EnvDB, "")
	if got := Path("/x/flag.db"); got != "/x/flag.db" {
		t.Errorf("Path(flag) = %q", got)
	}
	if got := Path(""); got != DefaultPath() {
		t.Errorf("Path(\"\") = %q, want %q", got, DefaultPath())
	}
	t.Setenv(EnvDB, "/x/env.db")
	if got := Path(""); got != "/x/env.db" {
		t.Errorf("Path with $%s = %q", EnvDB, got)
	}
	if got := Path("/x/flag.db"); got != "/x/flag.db" {
		t.Errorf("the flag must win over $%s: %q", EnvDB, got)
	}
}

func TestOpenExistingRefusesWhatIsNoLibrary(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.db"), "no library at " + filepath.Join(dir, "missing.db") + " yet"},
		{empty, empty + ": no library: the file is empty"},
		{dir, dir + ": no library: it is a directory"},
	} {
		l, err := OpenExisting(ctx, tc.path)
		if err == nil {
			l.Close()
			t.Fatalf("OpenExisting(%s) succeeded", tc.path)
		}
		if !errors.Is(err, ErrNoLibrary) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("OpenExisting(%s): %v, want ErrNoLibrary starting %q", tc.path, err, tc.want)
		}
	}
	if st, err := os.Stat(empty); err != nil || st.Size() != 0 {
		t.Error("OpenExisting wrote into the empty file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("OpenExisting left files behind: %v", entries)
	}
	l, path := openTemp(t)
	l.Close()
	l, err := OpenExisting(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
}

// TestReadOnlyByPermissions opens a library whose file and directory are
// not writable: reading works, changes fail with ErrReadOnly before any
// work is done. Root ignores permissions, so there the test cannot be real
// (cli's TestReadOnlyLibrary uses a read-only mount instead).
func TestReadOnlyByPermissions(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not make a file read-only (cli.TestReadOnlyLibrary covers it with a read-only mount)")
	}
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	l, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Import(ctx, []string{writeCorpus(t, filepath.Join(t.TempDir(), "c"), 3, 10)}, ImportOptions{Recognize: dictRecognize}); err != nil {
		t.Fatal(err)
	}
	l.Close()
	os.Chmod(path, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	l, err = OpenExisting(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if !l.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	es, err := l.List(ctx, 0, 0)
	if err != nil || len(es) != 10 {
		t.Fatalf("List: %d entries, %v", len(es), err)
	}
	if rs, err := l.Search(ctx, "the", SearchOptions{Limit: -1}); err != nil || len(rs) == 0 {
		t.Errorf("Search: %d results, %v", len(rs), err)
	}
	for name, err := range map[string]error{
		"SetRead":   l.SetRead(ctx, es[0].ID, true),
		"Subscribe": func() error { _, err := l.Subscribe(ctx, "https://example.org/feed"); return err }(),
		"Import":    func() error { _, err := l.Import(ctx, []string{dir}, ImportOptions{}); return err }(),
	} {
		if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s on a read-only library: %v, want ErrReadOnly naming the file", name, err)
		}
	}
}

// TestMigrationStarredIndex opens a library of schema 2 holding a starred
// article: migration 3 adds the starred articles' index, and the counts,
// which read it, are those of the rows.
func TestMigrationStarredIndex(t *testing.T) {
	ctx := context.Background()
	l := searchLibrary(t)
	path := l.Path()
	all, _ := l.List(ctx, 0, 0)
	if on, err := l.ToggleStarred(ctx, all[2].ID); err != nil || !on {
		t.Fatalf("ToggleStarred: %v %v", on, err)
	}
	// Back to schema 2, as a library written by an older byline.
	for _, q := range []string{"DROP INDEX articles_starred", "PRAGMA user_version = 2"} {
		if _, err := l.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()
	l2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Close()
	var n int
	if err := l2.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles_starred'").Scan(&n); err != nil || n != 1 {
		t.Fatalf("articles_starred after migrating: %d, %v", n, err)
	}
	c, err := l2.Counts(ctx)
	if err != nil || c != (Counts{Articles: 4, Unread: 4, Starred: 1}) {
		t.Errorf("Counts = %+v, %v", c, err)
	}
}
