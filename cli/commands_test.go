package cli

import (
	"os"
	"strings"
	"testing"
)

// TestCommandTable checks what dispatch and the help take from the table:
// one reader, names and aliases that select one command each, a help line
// for every entry and a way to run it.
func TestCommandTable(t *testing.T) {
	readers := 0
	seen := map[string]bool{}
	for _, c := range commands() {
		if c.name == "" {
			readers++
		}
		for _, n := range append([]string{c.name}, c.aliases...) {
			if n != "" && seen[n] {
				t.Errorf("%q names two commands", n)
			}
			seen[n] = true
		}
		if c.synopsis == "" && len(c.subs) == 0 || len(c.summary) == 0 && len(c.subs) == 0 {
			t.Errorf("%q has no help line", c.name)
		}
		if !c.flagOnly && (c.run == nil) == (c.lib == nil) {
			t.Errorf("%q: want exactly one of run and lib", c.name)
		}
		if c.lib != nil && c.usageLine() == "" {
			t.Errorf("library command %q has no usage line", c.name)
		}
		for _, s := range c.subs {
			if s.lib == nil || s.synopsis == "" || len(s.summary) == 0 {
				t.Errorf("%s %s: want a function and a help line", c.name, s.name)
			}
		}
	}
	if readers != 1 {
		t.Errorf("%d readers in the table, want 1", readers)
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		library    bool
	}{
		{"print", "print", false},
		{"export", "export", false},
		{"library", "library", false},
		{"lib", "library", false}, // the app is not a library command: it has its own flags
		{"help", "help", false},
		{"add", "add", true},
		{"feed", "feed", true},
		{"refresh", "refresh", true},
		{"search", "search", true},
		{"version", "", false}, // --version is a flag
		{"", "", false},
		{"story.txt", "", false},
	} {
		c := lookup(tc.name)
		switch {
		case tc.want == "" && c != nil:
			t.Errorf("lookup(%q) = %q, want none", tc.name, c.name)
		case tc.want != "" && (c == nil || c.name != tc.want || c.isLibrary() != tc.library):
			t.Errorf("lookup(%q) = %+v, want %q (library %v)", tc.name, c, tc.want, tc.library)
		}
	}
}

func TestCreatesLibrary(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"add", "x.txt"}, true},
		{[]string{"add"}, true},
		{[]string{"feed", "add", "https://example.org/feed"}, true},
		{[]string{"feed", "add"}, true}, // its usage error comes once the library is open
		{[]string{"feed", "import", "f.opml"}, true},
		{[]string{"feed", "list"}, false},
		{[]string{"feed", "remove", "u"}, false},
		{[]string{"feed", "export"}, false},
		{[]string{"feed", "frobnicate"}, false},
		{[]string{"feed"}, false},
		{[]string{"search", "x"}, false},
		{[]string{"refresh"}, false},
	} {
		if got := lookup(tc.args[0]).createsLibrary(tc.args[1:]); got != tc.want {
			t.Errorf("%q creates the library: %v, want %v", tc.args, got, tc.want)
		}
	}
}

// TestHelpText compares `byline help` with the text byline printed before
// its rows came from the command table (testdata/help.golden), and checks
// that a library command's --help is the library part of it.
func TestHelpText(t *testing.T) {
	golden, err := os.ReadFile("testdata/help.golden")
	if err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", "help")
	if r.code != 0 || r.stdout != string(golden) {
		t.Errorf("byline help: exit %d, differs from testdata/help.golden:\n%s", r.code, r.stdout)
	}
	i := strings.Index(string(golden), "Library commands")
	for _, args := range [][]string{{"add", "--help"}, {"feed", "-h"}, {"search", "--help"}, {"refresh", "--help"}} {
		if r := runCLI(t, "", args...); r.code != 0 || r.stdout != string(golden[i:]) {
			t.Errorf("%q: exit %d, want the library part of the help:\n%s", args, r.code, r.stdout)
		}
	}
	for _, args := range [][]string{{"--help"}, {"print", "-h"}, {"export", "--help"}, {"lib", "--help"}} {
		if r := runCLI(t, "", args...); r.code != 0 || r.stdout != string(golden) {
			t.Errorf("%q: exit %d, want the whole help", args, r.code)
		}
	}
	// Every name the table dispatches on is in the help.
	for _, c := range commands() {
		for _, n := range append([]string{c.name}, c.aliases...) {
			if !strings.Contains(r.stdout, n) {
				t.Errorf("the help does not mention %q", n)
			}
		}
	}
}

func TestWithAliases(t *testing.T) {
	for _, tc := range []struct {
		line    string
		aliases []string
		want    string
	}{
		{"browse the library;", []string{"lib"}, "browse the library (alias: lib);"},
		{"browse the library", []string{"lib"}, "browse the library (alias: lib)"},
		{"browse,", []string{"l", "lib"}, "browse (aliases: l, lib),"},
	} {
		if got := withAliases(tc.line, tc.aliases); got != tc.want {
			t.Errorf("withAliases(%q, %q) = %q, want %q", tc.line, tc.aliases, got, tc.want)
		}
	}
}

func TestFeedUsage(t *testing.T) {
	want := "byline feed add [--full-text] URL | list | remove URL | import FILE.opml | export"
	if got := lookup("feed").usageLine(); got != want {
		t.Errorf("feed usage %q, want %q", got, want)
	}
}
