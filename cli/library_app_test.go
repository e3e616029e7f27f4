package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline/byline/library"
)

// TestLibraryAppOptions checks how `byline library` finds and opens its
// library before the app starts.
func TestLibraryAppOptions(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(foreign, []byte("not a database, and it must stay so"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.db", "b.db", "c.db"} {
		lib, err := library.Open(context.Background(), filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		lib.Close()
	}
	tests := []struct {
		name    string
		args    []string
		envDB   string // $BYLINE_DB
		code    int
		db      string // the file opened, "" when none
		refresh bool
		stderr  string
	}{
		{"--db", []string{"--db", filepath.Join(dir, "a.db")}, "", 0, filepath.Join(dir, "a.db"), true, ""},
		{"BYLINE_DB", nil, filepath.Join(dir, "b.db"), 0, filepath.Join(dir, "b.db"), true, ""},
		{"--db wins over BYLINE_DB", []string{"--db", filepath.Join(dir, "c.db")}, filepath.Join(dir, "b.db"), 0, filepath.Join(dir, "c.db"), true, ""},
		{"--no-refresh", []string{"--no-refresh", "--db", filepath.Join(dir, "a.db")}, "", 0, filepath.Join(dir, "a.db"), false, ""},
		{"a foreign file is refused", []string{"--db", foreign}, "", 1, "", false, "not a byline library"},
		{"no positional arguments", []string{"--db", filepath.Join(dir, "a.db"), "extra"}, "", 2, "", false, "usage: byline library"},
		{"a bad style", []string{"--style", "nope", "--db", filepath.Join(dir, "a.db")}, "", 2, "", false, "--style"},
		{"--help", []string{"--help"}, "", 0, "", false, "byline library"},
		{"a missing library is not created", []string{"--db", filepath.Join(dir, "typo", "x.db")}, "", 1, "", false, "no library at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errb bytes.Buffer
			e := testEnv(t)
			e.Stderr, e.Stdout, e.DB = &errb, &errb, tt.envDB
			opts, code := libraryAppOptions(tt.args, e)
			if opts.Library != nil {
				defer opts.Library.Close()
			}
			db := ""
			if opts.Library != nil {
				db = opts.Library.Path()
			}
			if code != tt.code || db != tt.db || (opts.Fetch != nil) != tt.refresh {
				t.Errorf("code %d, db %q, refresh %v; want %d, %q, %v", code, db, opts.Fetch != nil, tt.code, tt.db, tt.refresh)
			}
			if !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tt.stderr)
			}
		})
	}
	// Neither --db nor $BYLINE_DB: the default file, which is not created.
	var errb bytes.Buffer
	e := testEnv(t)
	e.Stderr, e.Stdout = &errb, &errb
	if opts, code := libraryAppOptions(nil, e); opts.Library != nil || code != 1 || !strings.Contains(errb.String(), "no library at "+e.DefaultDB) {
		t.Errorf("no --db, no $BYLINE_DB: exit %d, %q; want 1 naming %s", code, errb.String(), e.DefaultDB)
	}
	if _, err := os.Stat(filepath.Join(dir, "typo")); err == nil {
		t.Error("a mistyped --db created a directory")
	}
	if data, _ := os.ReadFile(foreign); string(data) != "not a database, and it must stay so" {
		t.Error("the foreign file was modified")
	}
	if r := runCLI(t, "", "lib", "extra"); r.code != 2 {
		t.Errorf("byline lib extra: exit %d, want 2 (lib is library's alias)", r.code)
	}
}

// TestLibraryAppNeedsATerminal checks that `byline library | cat` says
// what to use instead of drawing a screen into the pipe.
func TestLibraryAppNeedsATerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	lib, err := library.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	r := runCLI(t, "", "library", "--db", db)
	if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "byline search") {
		t.Errorf("library into a pipe: %+v", r)
	}
}

// TestLibraryAppReadOnly: the app opens a read-only library for reading
// and does not refresh its feeds in the background (every save would
// fail). Root ignores permissions, so there it cannot be made real
// in-process (TestReadOnlyLibrary covers the commands with a mount).
func TestLibraryAppReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not make the library read-only")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	lib, err := library.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	os.Chmod(db, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	opts, code := libraryAppOptions([]string{"--db", db}, testEnv(t))
	if opts.Library == nil {
		t.Fatalf("exit %d: the read-only library did not open", code)
	}
	defer opts.Library.Close()
	if !opts.Library.ReadOnly() || opts.Fetch != nil {
		t.Errorf("read-only %v, background refresh %v; want true, false", opts.Library.ReadOnly(), opts.Fetch != nil)
	}
}
