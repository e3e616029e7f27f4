package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline/byline/cli"
)

// TestREADMEConfig checks that the README's example configuration is the
// whole of `byline config` with the defaults, so that it documents every
// setting and action, and that byline reads it back.
func TestREADMEConfig(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const open = "```toml\n# ~/.config/byline/config.toml"
	i := bytes.Index(data, []byte(open))
	if i < 0 {
		t.Fatal("the README has no example configuration")
	}
	block := string(data[i+len("```toml\n"):])
	block = block[:strings.Index(block, "```")]
	run := func(args ...string) string {
		var out, errb bytes.Buffer
		e := cli.Env{Stdout: &out, Stderr: &errb, ConfigPath: filepath.Join(t.TempDir(), "none.toml"), DefaultDB: filepath.Join(t.TempDir(), "x.db")}
		if code := cli.Run(args, e); code != 0 {
			t.Fatalf("byline %v: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	body := func(s string) string { return s[strings.IndexByte(s, '\n')+1:] }
	if got := body(run("config")); got != body(block) {
		t.Errorf("the README's configuration is not byline config's:\n--- byline config:\n%s\n--- README:\n%s", got, body(block))
	}
	path := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(path, []byte(block), 0o644)
	if got := body(run("config", "--config", path)); got != body(block) {
		t.Errorf("the README's configuration does not read back as itself:\n%s", got)
	}
}
