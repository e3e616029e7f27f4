package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sgr is the only escape sequence byline writes to a terminal in print.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// hostile are payloads for file names and article text: raw sequences,
// C1 and bidirectional characters, and references that decode to them.
var hostile = []string{
	"\x1b[2J", "\x1b]0;EVIL\a", "\x1b]8;;http://evil.example/\x1b\\click", "\x1b]52;c;ZXZpbA==\a",
	"\x1bPq\x1b\\", "\x1b_apc\x1b\\", "\u009b2J", "\u009d0;EVIL\u009c", "bell\a", "safe\rEVIL",
	"txt.\u202eexe", "x\u2066y\u2069", "&#27;[2J", "&#x1b;]0;EVIL&#7;", "&#155;2J", "&#x9d;", "&#13;",
	"&#x202e;", "`&#27;[&#27;#8m`", "*&#27;*[8m", "[&#27;](http://x.example/&#27;)", "&#&#27;27;", "&#x10000001b;[2J",
}

// leak returns the first control or bidirectional character in s after
// removing SGR sequences and allowed blanks, or -1.
func leak(s string) rune {
	for _, r := range sgr.ReplaceAllString(s, "") {
		if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069) {
			return r
		}
	}
	return -1
}

// TestInjectionThroughCommands runs export and print, into a pipe and
// onto a terminal, over files whose names and text hold every payload, and
// asserts that neither stdout nor stderr holds a control character other
// than SGR, and that export names each file exactly.
func TestInjectionThroughCommands(t *testing.T) {
	dir := t.TempDir()
	for _, p := range hostile {
		name := strings.ReplaceAll(p, "/", "_")
		body := "Alpha " + p + " omega said on Tuesday.\n\nMore " + p + " text.\n"
		for _, ext := range []string{".txt", ".md"} {
			if err := os.WriteFile(filepath.Join(dir, name+ext), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		// A file that fails, so that its name is in an error message.
		if err := os.WriteFile(filepath.Join(dir, name+".html"), []byte("\x00"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n := 2 * len(hostile)
	for _, tc := range []struct {
		name string
		term bool
		args []string
	}{
		{"export", false, []string{"export", dir}},
		{"print piped", false, []string{"print", dir}},
		{"print on a terminal", true, []string{"print", "--width", "100", dir}},
		{"print ascii style", true, []string{"print", "--style", "ascii", dir}},
		{"print notty style", true, []string{"print", "--style", "notty", dir}},
	} {
		e := testEnv(t)
		e.StdoutTerminal, e.Width, e.Term = tc.term, 100, "xterm-256color"
		r := runEnv(t, e, "", tc.args...)
		if r.code != 1 {
			t.Errorf("%s: exit %d, want 1 (the binary files)", tc.name, r.code)
		}
		if got := strings.Count(r.stderr, "not a text article"); got != len(hostile) {
			t.Errorf("%s: %d errors, want %d:\n%s", tc.name, got, len(hostile), r.stderr)
		}
		for stream, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
			if c := leak(out); c >= 0 {
				i := strings.IndexRune(sgr.ReplaceAllString(out, ""), c)
				t.Errorf("%s: %s holds %U near %q", tc.name, stream, c, sgr.ReplaceAllString(out, "")[max(0, i-30):min(len(out), i+30)])
			}
		}
		if got := strings.Count(r.stdout, "omega"); got < n {
			t.Errorf("%s: %d articles shown, want %d", tc.name, got, n)
		}
	}
}
