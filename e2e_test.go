package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// sample is an article the cli tests wrote for themselves: a lead and
// three headed sections, the third short enough for the fourth to show
// below it on a 40-line screen, and one mention of the word "Kestrel".
const sample = "cli/testdata/ferry.txt"

// tmux drives the built binary in a real terminal: what only a terminal
// shows (alternate screen, key decoding, exit status) is checked here.
type tmux struct {
	t      *testing.T
	socket string
}

func (x tmux) run(args ...string) string {
	x.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", x.socket}, args...)...).CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (x tmux) screen() string { return x.run("capture-pane", "-p", "-t", "byline") }

// waitFor polls the screen until cond holds; the deadline only bounds a
// failing test, it measures nothing.
func (x tmux) waitFor(what string, cond func(string) bool) string {
	x.t.Helper()
	var s string
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if s = x.screen(); cond(s) {
			return s
		}
	}
	x.t.Fatalf("timed out waiting for %s; screen:\n%s", what, s)
	return s
}

// terminalBinary skips a real-terminal test where it cannot run (-short,
// no tmux) and returns the byline binary, built once for all of them.
func terminalBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("real-terminal test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed (.ci/run installs it)")
	}
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "byline-e2e")
		if built.err == nil {
			var out []byte
			out, built.err = exec.Command("go", "build", "-o", filepath.Join(built.dir, "byline"), ".").CombinedOutput()
			if built.err != nil {
				built.err = fmt.Errorf("%v\n%s", built.err, out)
			}
		}
	})
	if built.err != nil {
		t.Fatalf("build: %v", built.err)
	}
	return filepath.Join(built.dir, "byline")
}

// built is the binary terminalBinary built, removed by TestMain.
var built struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// exitStatus waits for the exit status a session's shell wrote to file
// ("" if none came); the deadline only bounds a failing test.
func exitStatus(file string) string {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if b, err := os.ReadFile(file); err == nil && len(b) > 0 {
			return strings.TrimSpace(string(b))
		}
	}
	return ""
}

func TestTerminal(t *testing.T) {
	bin := terminalBinary(t)
	dir := t.TempDir()
	abs, _ := filepath.Abs(sample)
	x := tmux{t: t, socket: fmt.Sprintf("byline-test-%d", os.Getpid())}
	exitFile := filepath.Join(dir, "exit")
	cmd := fmt.Sprintf("%s %s; echo $? > %s; sleep 30", bin, abs, exitFile)
	x.run("new-session", "-d", "-s", "byline", "-x", "120", "-y", "40", "env", "TERM=xterm-256color", "sh", "-c", cmd)
	defer exec.Command("tmux", "-L", x.socket, "kill-server").Run()

	x.waitFor("the article", func(s string) bool { return strings.Contains(s, "Crossing Times Cut") })

	x.run("send-keys", "-t", "byline", "3")
	// 3 is the third entry of the numbered Sections list (1 is the lead):
	// the reader jumps to "Fishermen Ask for a Quieter Harbour", and the
	// last section follows it on screen.
	x.waitFor("the last section in the reader", func(s string) bool {
		return strings.Contains(s, "Reader · Fishermen Ask for a Quieter Harbour") &&
			inReader(s, "A Second Route to Merrow")
	})

	x.run("send-keys", "-t", "byline", "/", "K", "e", "s", "t", "r", "e", "l", "Enter")
	x.waitFor("the match count", func(s string) bool { return strings.Contains(s, "match 1/1") })

	x.run("send-keys", "-t", "byline", "q")
	if code := exitStatus(exitFile); code != "0" {
		t.Fatalf("exit status %q after q, want 0; screen:\n%s", code, x.screen())
	}
}

// inReader reports whether text appears on screen outside the Sections
// list, whose entries are cut to the pane's width.
func inReader(screen, text string) bool {
	for _, line := range strings.Split(screen, "\n") {
		if i := strings.Index(line, text); i >= 0 && i > 30 {
			return true
		}
	}
	return false
}

// TestTerminalProblemsListedOnQuit opens a good and a broken file in a real
// terminal: the app shows the good one, and on quit every problem is
// written to the terminal (the app's pane may show only a few) and the
// exit status is 1.
func TestTerminalProblemsListedOnQuit(t *testing.T) {
	bin := terminalBinary(t)
	dir := t.TempDir()
	good, _ := filepath.Abs("articles/samples/01_river_treaty.txt")
	bad := filepath.Join(dir, "broken.txt")
	os.WriteFile(bad, []byte("\x00\x01binary"), 0o644)
	x := tmux{t: t, socket: fmt.Sprintf("byline-test-q-%d", os.Getpid())}
	exitFile := filepath.Join(dir, "exit")
	cmd := fmt.Sprintf("%s %s %s; echo $? > %s; sleep 30", bin, good, bad, exitFile)
	x.run("new-session", "-d", "-s", "byline", "-x", "100", "-y", "30", "env", "TERM=xterm-256color", "sh", "-c", cmd)
	defer exec.Command("tmux", "-L", x.socket, "kill-server").Run()
	x.waitFor("the article", func(s string) bool { return strings.Contains(s, "Old Grievances") })
	x.run("send-keys", "-t", "byline", "q")
	s := x.waitFor("the problem listed after quitting", func(s string) bool {
		return strings.Contains(s, "byline: "+bad+": not a text article")
	})
	if strings.Contains(s, "Old Grievances") {
		t.Errorf("the app's screen is still up:\n%s", s)
	}
	if code := exitStatus(exitFile); code != "1" {
		t.Errorf("exit status %q, want 1 (a file could not be opened)", code)
	}
}

// TestLibraryTerminal drives `byline library` in tmux: browse, open, star,
// quit, reopen, and find the article where it was left.
func TestLibraryTerminal(t *testing.T) {
	bin := terminalBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	abs, _ := filepath.Abs(sample)
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
