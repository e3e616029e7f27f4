package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDefaults(t *testing.T) {
	c, err := Load(filepath.Join(t.TempDir(), "none.toml"), true)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	if c.Theme != want.Theme || c.Style != "auto" || c.MaxWidth != DefaultMaxWidth || !c.Mouse || c.Path != "" {
		t.Errorf("defaults %+v", c)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "none.toml"), false); err == nil {
		t.Error("a named file that does not exist is not an error")
	}
}

func TestEverySetting(t *testing.T) {
	src := `theme = "light"
style = "dracula"
max_width = 72
mouse = false
library = "/tmp/lib.db"
refresh_interval = "30m"
browser = "firefox"

[feeds."https://example.org/feed.xml"]
full_text = true
title = "Example"

[keys]
quit = ["x", "ctrl+q"]
next_section = ["ctrl+n"]
`
	c, err := Parse("c.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f := c.Feeds["https://example.org/feed.xml"]
	if c.Theme != "light" || c.Style != "dracula" || c.MaxWidth != 72 || c.Mouse || c.Library != "/tmp/lib.db" ||
		time.Duration(c.RefreshInterval) != 30*time.Minute || c.Browser != "firefox" || !f.FullText || f.Title != "Example" ||
		strings.Join(c.Keys["quit"], ",") != "x,ctrl+q" || c.Keys["next_section"][0] != "ctrl+n" {
		t.Errorf("parsed %+v", c)
	}
	for setting, line := range map[string]int{"theme": 1, "max_width": 3, "keys.quit": 14, "keys.next_section": 15, "feeds.https://example.org/feed.xml.title": 11} {
		if got := c.Line(setting); got != line {
			t.Errorf("Line(%q) = %d, want %d", setting, got, line)
		}
	}
}

// TestErrors checks that every error names the file, the line and the
// setting.
func TestErrors(t *testing.T) {
	for _, tt := range []struct {
		src, want string
	}{
		{"theme = \"auto\"\nmax_widht = 3\n", "c.toml:2: max_widht: not a byline setting"},
		{"max_width = \"wide\"\n", "c.toml:1: max_width:"},
		{"mouse = 1\n", "c.toml:1: mouse:"},
		{"theme = \"sepia\"\n", `c.toml:1: theme: "sepia": write auto, light or dark`},
		{"\n\nmax_width = -2\n", "c.toml:3: max_width: -2"},
		{"refresh_interval = \"soon\"\n", "c.toml:1: refresh_interval:"},
		{"refresh_interval = \"-5m\"\n", "c.toml:1: refresh_interval:"},
		{"[keys]\nquit = []\n", "c.toml:2: keys.quit: no key"},
		{"[keys]\nquit = \"x\"\n", "c.toml:2: keys.quit:"},
		{"[feeds.\"ftp://x\"]\ntitle = \"t\"\n", "c.toml:1: feeds.ftp://x: a feed is named by its http:// or https:// URL"},
		{"[feeds.\"https://x\"]\ncolour = \"t\"\n", "c.toml:2: feeds.https://x.colour: not a byline setting"},
		{"theme = \n", "c.toml:1:"},
		{"a = [1,\n", "c.toml:"},
		{"\x00\x01binary", "c.toml: not a text file"},
		{"theme = \"\xff\"", "c.toml: not a text file"},
	} {
		_, err := Parse("c.toml", []byte(tt.src))
		var ce *Error
		if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want it to start %q", tt.src, err, tt.want)
		}
	}
}

func TestLoadBadFiles(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", MaxSize)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big, false); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("huge file: %v", err)
	}
	if _, err := Load(dir, false); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a directory: %v", err)
	}
	unreadable := filepath.Join(dir, "secret.toml")
	if err := os.WriteFile(unreadable, []byte("theme = \"dark\"\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	if os.Getuid() != 0 {
		if _, err := Load(unreadable, true); err == nil || !strings.HasPrefix(err.Error(), unreadable) {
			t.Errorf("unreadable: %v", err)
		}
	}
}

// TestTOMLRoundTrip writes a configuration as byline config does and
// reads it back: the same settings.
func TestTOMLRoundTrip(t *testing.T) {
	c, err := Parse("c.toml", []byte("style = \"light\"\nrefresh_interval = \"1h30m\"\n[feeds.\"https://e.org/f\"]\ntitle = \"E \\\"quoted\\\"\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	out := c.TOML([]Action{{Name: "quit", Help: "quit", Keys: []string{"q"}}, {Name: "search", Help: "search", Keys: []string{"/"}}})
	back, err := Parse("out.toml", []byte(out))
	if err != nil {
		t.Fatalf("%v in:\n%s", err, out)
	}
	if back.Style != "light" || time.Duration(back.RefreshInterval) != 90*time.Minute || back.Feeds["https://e.org/f"].Title != `E "quoted"` ||
		back.Keys["quit"][0] != "q" || back.Keys["search"][0] != "/" || back.MaxWidth != DefaultMaxWidth {
		t.Errorf("round trip: %+v from:\n%s", back, out)
	}
}

// FuzzParse reads arbitrary bytes as a configuration: it never panics,
// and an error always names the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte("theme = \"dark\"\n[keys]\nquit = [\"x\"]\n"))
	f.Add([]byte("[feeds.\"https://e\"]\nfull_text = true\n"))
	f.Add([]byte("max_width = 1e99\n"))
	f.Add([]byte("a.b.c = {d = [[1]]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse("fuzz.toml", data)
		if err != nil && !strings.HasPrefix(err.Error(), "fuzz.toml") {
			t.Fatalf("error without the file: %v", err)
		}
	})
}

// TestTOMLQuotesControls writes settings holding control and bidi
// characters escaped, so that byline config never prints them raw, and
// reads them back the same.
func TestTOMLQuotesControls(t *testing.T) {
	c := Default()
	c.Browser = "evil\x1b]0;x\a\u202e\"quote\\"
	out := c.TOML(nil)
	if strings.ContainsAny(out, "\x1b\a\u202e") {
		t.Fatalf("raw control in:\n%q", out)
	}
	back, err := Parse("x", []byte(out))
	if err != nil || back.Browser != c.Browser {
		t.Errorf("read back %q, %v", back.Browser, err)
	}
}
