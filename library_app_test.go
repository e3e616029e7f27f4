package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
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
		env     map[string]string
		code    int
		db      string // the file opened, "" when none
		refresh bool
		stderr  string
	}{
		{"--db", []string{"--db", filepath.Join(dir, "a.db")}, nil, 0, filepath.Join(dir, "a.db"), true, ""},
		{"BYLINE_DB", nil, map[string]string{"BYLINE_DB": filepath.Join(dir, "b.db")}, 0, filepath.Join(dir, "b.db"), true, ""},
		{"--db wins over BYLINE_DB", []string{"--db", filepath.Join(dir, "c.db")}, map[string]string{"BYLINE_DB": filepath.Join(dir, "b.db")}, 0, filepath.Join(dir, "c.db"), true, ""},
		{"--no-refresh", []string{"--no-refresh", "--db", filepath.Join(dir, "a.db")}, nil, 0, filepath.Join(dir, "a.db"), false, ""},
		{"a foreign file is refused", []string{"--db", foreign}, nil, 1, "", false, "not a byline library"},
		{"no positional arguments", []string{"--db", filepath.Join(dir, "a.db"), "extra"}, nil, 2, "", false, "usage: byline library"},
		{"a bad style", []string{"--style", "nope", "--db", filepath.Join(dir, "a.db")}, nil, 2, "", false, "--style"},
		{"--help", []string{"--help"}, nil, 0, "", false, "byline library"},
		{"a missing library is not created", []string{"--db", filepath.Join(dir, "typo", "x.db")}, nil, 1, "", false, "no library at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errb bytes.Buffer
			opts, code := libraryAppOptions(tt.args, env{stderr: &errb, stdout: &errb, getenv: func(k string) string { return tt.env[k] }})
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
	if _, err := os.Stat(filepath.Join(dir, "typo")); err == nil {
		t.Error("a mistyped --db created a directory")
	}
	if data, _ := os.ReadFile(foreign); string(data) != "not a database, and it must stay so" {
		t.Error("the foreign file was modified")
	}
	if r := runCLI(t, "", nil, "lib", "extra"); r.code != 2 {
		t.Errorf("byline lib extra: exit %d, want 2 (lib is library's alias)", r.code)
	}
}

// TestLibraryTerminal drives `byline library` in tmux: browse, open, star,
// quit, reopen, and find the article where it was left.
func TestLibraryTerminal(t *testing.T) {
	bin := terminalBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	abs, _ := filepath.Abs(sample)
	if _, err := os.Stat(abs); err != nil {
		t.Skipf("reference sample absent: %v", err)
	}
	if out, err := exec.Command(bin, "add", "--db", db, abs).CombinedOutput(); err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	for round := range 2 {
		// A server per round: a server whose last session ended may still
		// be shutting down when the next session asks for it.
		x := tmux{t: t, socket: fmt.Sprintf("byline-lib-test-%d-%d", os.Getpid(), round)}
		defer exec.Command("tmux", "-L", x.socket, "kill-server").Run()
		exitFile := filepath.Join(dir, fmt.Sprint("exit", round))
		cmd := fmt.Sprintf("%s library --no-refresh --db %s; echo $? > %s; sleep 30", bin, db, exitFile)
		x.run("new-session", "-d", "-s", "byline", "-x", "120", "-y", "40", "env", "TERM=xterm-256color", "sh", "-c", cmd)
		x.waitFor("the library", func(s string) bool { return strings.Contains(s, "Library 1/1") })
		x.run("send-keys", "-t", "byline", "Enter")
		x.waitFor("the article", func(s string) bool { return strings.Contains(s, "Sections 1/4") || strings.Contains(s, "§") })
		if round == 0 {
			x.run("send-keys", "-t", "byline", "s", "3")
			x.waitFor("section 3 and the star", func(s string) bool {
				return strings.Contains(s, "§ 3/4") && strings.Contains(s, "1 starred")
			})
		} else {
			x.waitFor("the position restored", func(s string) bool { return strings.Contains(s, "§ 3/4") })
		}
		x.run("send-keys", "-t", "byline", "q")
		if code := exitStatus(exitFile); code != "0" {
			t.Fatalf("round %d: exit status %q after q, want 0; screen:\n%s", round, code, x.screen())
		}
		exec.Command("tmux", "-L", x.socket, "kill-server").Run()
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
	r := runCLI(t, "", nil, "library", "--db", db)
	if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "byline search") {
		t.Errorf("library into a pipe: %+v", r)
	}
}
