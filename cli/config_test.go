package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline/byline/config"
)

// writeConfig writes a configuration file and returns its path.
func writeConfig(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestConfigCommand prints the settings in effect: the path, every
// setting and every action's keys, as a file byline reads back the same.
func TestConfigCommand(t *testing.T) {
	e := testEnv(t)
	e.ConfigPath = filepath.Join(t.TempDir(), "byline", "config.toml")
	r := runEnv(t, e, "", "config")
	if r.code != 0 || !strings.Contains(r.stdout, e.ConfigPath+" (not there: the defaults)") {
		t.Fatalf("byline config: %d %s %s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"theme = ", "style = ", "max_width = 100", "mouse = true", "refresh_interval = ", "browser = ", "[keys]", `quit `, `next_section `, `edit_delete_word `} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("byline config lacks %q:\n%s", want, r.stdout)
		}
	}
	c, err := config.Parse("out", []byte(r.stdout))
	if err != nil {
		t.Fatalf("byline config's output does not read back: %v", err)
	}
	if c.Keys["quit"][0] != "q" || c.MaxWidth != 100 {
		t.Errorf("read back %+v", c)
	}
	// With a file, the file's settings and bindings are in effect.
	path := writeConfig(t, "max_width = 72\n[keys]\nquit = [\"x\", \"ctrl+q\"]\n")
	r = runEnv(t, e, "", "--config", path, "config")
	if r.code != 0 || !strings.Contains(r.stdout, "# "+path+"\n") || !strings.Contains(r.stdout, "max_width = 72") ||
		!strings.Contains(r.stdout, `["x", "ctrl+q"]`) {
		t.Errorf("byline --config %s config: %d\n%s%s", path, r.code, r.stdout, r.stderr)
	}
}

// TestConfigErrors runs commands with bad configuration files: each says
// the file, the line and the setting, and exits 2 before anything opens.
func TestConfigErrors(t *testing.T) {
	e := testEnv(t)
	for _, tt := range []struct {
		src, want string
		args      []string
	}{
		{"[keys]\nquit = [\"j\"]\n", `:2: keys.quit: "j" is already the key of down`, nil},
		{"\n[keys]\nquitt = [\"x\"]\n", ":3: keys.quitt: not an action", nil},
		{"[keys]\nquit = [\"ctrl+qq\"]\n", `:2: keys.quit: "ctrl+qq" is not a key name`, nil},
		{"style = \"neon\"\n", `:1: style: unknown style "neon"`, nil},
		{"mouse = \"yes\"\n", ":1: mouse:", []string{"print"}},
		{"colour = 1\n", ":1: colour: not a byline setting", []string{"export"}},
		{"\x00\x1b[31m", ": not a text file", nil},
	} {
		path := writeConfig(t, tt.src)
		args := append([]string{"--config", path}, tt.args...)
		r := runEnv(t, e, "", args...)
		if r.code != 2 || !strings.Contains(r.stderr, path+tt.want) || strings.Contains(r.stderr, "\x1b") {
			t.Errorf("%q: exit %d, stderr %q, want %q", tt.src, r.code, r.stderr, path+tt.want)
		}
	}
	r := runEnv(t, e, "", "--config", filepath.Join(t.TempDir(), "missing.toml"), "config")
	if r.code != 2 || !strings.Contains(r.stderr, "missing.toml") {
		t.Errorf("a missing --config file: %d %q", r.code, r.stderr)
	}
	r = runEnv(t, e, "", "--config")
	if r.code != 2 || !strings.Contains(r.stderr, "--config needs a file") {
		t.Errorf("--config alone: %d %q", r.code, r.stderr)
	}
}
