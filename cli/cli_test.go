package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/byline/byline/articles/articlestest"
)

// sample is an article written for these tests: a date, a lead, debris
// lines and three headed sections naming people and places.
const sample = "testdata/ferry.txt"

type result struct {
	code           int
	stdout, stderr string
}

// testEnv is an Env with no terminal, no environment variables and a
// default library in the test's temporary directory, so that no test
// touches the user's own library.
func testEnv(t *testing.T) Env {
	return Env{DefaultDB: filepath.Join(t.TempDir(), "default.db")}
}

// runCLI runs byline with args and stdin in testEnv.
func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return runEnv(t, testEnv(t), stdin, args...)
}

// runEnv runs byline with args in e, with stdin and buffers for output.
func runEnv(t *testing.T, e Env, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e.Stdin, e.Stdout, e.Stderr = strings.NewReader(stdin), &out, &errb
	code := Run(args, e)
	return result{code, out.String(), errb.String()}
}

// brokenFile writes a file that is not an article and returns its path.
func brokenFile(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "binary.txt")
	if err := os.WriteFile(path, []byte("\x00\x01binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestVersionAndHelp(t *testing.T) {
	r := runCLI(t, "", "--version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "byline ") {
		t.Errorf("--version: %+v", r)
	}
	for _, args := range [][]string{{"--help"}, {"-h"}, {"print", "--help"}, {"export", "-h"}, {"library", "--help"}, {"add", "--help"}} {
		r = runCLI(t, "", args...)
		if r.code != 0 || !strings.Contains(r.stdout, "byline search") || r.stderr != "" {
			t.Errorf("%v: want the usage on stdout and exit 0, got %+v", args, r)
		}
	}
	r = runCLI(t, "", "help")
	if r.code != 0 || !strings.Contains(r.stdout, "byline print") {
		t.Errorf("help: %+v", r)
	}
	r = runCLI(t, "", "print", "--style", "no-such-style", sample)
	if r.code != 2 || !strings.Contains(r.stderr, "no-such-style") {
		t.Errorf("unknown style: %+v", r)
	}
	r = runCLI(t, "", "--no-such-flag")
	if r.code != 2 || !strings.Contains(r.stderr, "no-such-flag") || !strings.Contains(r.stderr, "byline --help") {
		t.Errorf("unknown flag: want exit 2 and a pointer to --help on stderr, got %+v", r)
	}
}

type exportedArticle struct {
	Source   string `json:"source"`
	Title    string `json:"title"`
	Date     string `json:"date"`
	Sections []struct {
		Heading    string   `json:"heading"`
		Paragraphs []string `json:"paragraphs"`
	} `json:"sections"`
	Entities []struct {
		Name     string `json:"name"`
		Type     string `json:"type"`
		Mentions []struct {
			Section, Paragraph, Start, End int
			Text                           string
		} `json:"mentions"`
	} `json:"entities"`
}

func TestExport(t *testing.T) {
	r := runCLI(t, "", "export", sample, "testdata/missing.txt", "testdata/accents.txt")
	if r.code == 0 {
		t.Errorf("exit 0 despite a missing file")
	}
	if !strings.Contains(r.stderr, "missing.txt") {
		t.Errorf("stderr does not name the missing file: %q", r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines of JSON, want 2 (the good articles):\n%s", len(lines), r.stdout)
	}
	var a exportedArticle
	if err := json.Unmarshal([]byte(lines[0]), &a); err != nil {
		t.Fatal(err)
	}
	if a.Source != sample || a.Date != "2024-09-17" || len(a.Sections) != 4 || a.Sections[3].Heading != "A Second Route to Merrow" {
		t.Errorf("export: source %q date %q %d sections", a.Source, a.Date, len(a.Sections))
	}
	if !strings.HasPrefix(lines[0], `{"source":`) {
		t.Errorf("field order: %.40s", lines[0])
	}
	for _, e := range a.Entities {
		if e.Type != "person" && e.Type != "place" {
			t.Errorf("entity %q has type %q", e.Name, e.Type)
		}
		for _, m := range e.Mentions {
			var text string
			switch {
			case m.Paragraph == -2 && m.Section == 0:
				text = a.Title
			case m.Paragraph == -1:
				text = a.Sections[m.Section].Heading
			default:
				text = a.Sections[m.Section].Paragraphs[m.Paragraph]
			}
			if text[m.Start:m.End] != m.Text {
				t.Errorf("mention %q: text[%d:%d] = %q", m.Text, m.Start, m.End, text[m.Start:m.End])
			}
		}
	}
}

func TestStdin(t *testing.T) {
	r := runCLI(t, "date 2024-01-02 From a pipe.\n\nA Heading\n\nBody.\n", "export", "-")
	var a exportedArticle
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil || r.code != 0 {
		t.Fatalf("export -: %v %+v", err, r)
	}
	if a.Source != "-" || a.Date != "2024-01-02" || len(a.Sections) != 2 {
		t.Errorf("stdin article: %+v", a)
	}
	r = runCLI(t, "Piped without a dash.\n", "export")
	if r.code != 0 || !strings.Contains(r.stdout, "Piped without a dash.") {
		t.Errorf("piped stdin: %+v", r)
	}
}

func TestPrintPlainWhenPiped(t *testing.T) {
	r := runCLI(t, "", "print", "--width", "60", sample)
	if r.code != 0 {
		t.Fatalf("print: %+v", r)
	}
	if strings.Contains(r.stdout, "\x1b") {
		t.Errorf("escape codes in piped output")
	}
	for _, want := range []string{"Crossing Times Cut by Half", "A Second Route to Merrow", "Elena Varga"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("print output lacks %q", want)
		}
	}
	for _, debris := range []string{"Advertisment", "Read more"} {
		if strings.Contains(r.stdout, debris) {
			t.Errorf("debris printed: %q", debris)
		}
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if w := len([]rune(line)); w > 60 {
			t.Errorf("line wider than 60 (%d): %q", w, line)
		}
	}
}

// TestPrintColorFlag checks --color: always colours into a pipe, with the
// people highlighted as in the app; never keeps a terminal plain; another
// value is a usage error.
func TestPrintColorFlag(t *testing.T) {
	r := runCLI(t, "", "print", "--color", "always", "--width", "60", sample)
	if r.code != 0 || !strings.Contains(r.stdout, "\x1b[") {
		t.Fatalf("--color always: no colour in %+v", r)
	}
	if !regexp.MustCompile(`\x1b\[[0-9;]*m(Elena )?Varga`).MatchString(r.stdout) {
		t.Errorf("--color always: the person is not highlighted:\n%q", r.stdout)
	}
	e := testEnv(t)
	e.StdoutTerminal = true
	if r := runEnv(t, e, "", "print", "--color", "never", "--width", "60", sample); r.code != 0 || strings.Contains(r.stdout, "\x1b") {
		t.Errorf("--color never on a terminal: %+v", r)
	}
	if r := runCLI(t, "", "print", "--color", "rainbow", sample); r.code != 2 || !strings.Contains(r.stderr, "--color rainbow: give auto, always or never") {
		t.Errorf("--color rainbow: %+v", r)
	}
}

func TestPrintBadFileKeepsGoodOnes(t *testing.T) {
	r := runCLI(t, "", "print", brokenFile(t), sample)
	if r.code != 1 || !strings.Contains(r.stderr, "binary.txt") || !strings.Contains(r.stdout, "Lindqvist") {
		t.Errorf("print with a bad file: code %d stderr %q", r.code, r.stderr)
	}
}

func TestMistypedCommand(t *testing.T) {
	for _, tc := range []struct{ arg, want string }{{"serach", `did you mean "search"`}, {"exprot", `did you mean "export"`}, {"versoin", `did you mean "--version"`}} {
		r := runCLI(t, "", tc.arg, "gaza")
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%s: %+v, want exit 2 and %q", tc.arg, r, tc.want)
		}
	}
	// A file of that name is opened, not corrected.
	t.Chdir(t.TempDir())
	os.WriteFile("serach", []byte("date 2024-03-26 A short note.\n"), 0o644)
	if cmd, ok := mistypedCommand("serach"); ok {
		t.Errorf("an existing file was taken for the command %q", cmd)
	}
	for _, arg := range []string{"story.txt", "news/", "https://example.org/x", "zz"} {
		if cmd, ok := mistypedCommand(arg); ok {
			t.Errorf("%q taken for the command %q", arg, cmd)
		}
	}
}

func TestPrintWidthChecked(t *testing.T) {
	for _, w := range []string{"5", "-5", "19"} {
		r := runCLI(t, "", "print", "--width", w, sample)
		if r.code != 2 || !strings.Contains(r.stderr, "at least 20 columns") || r.stdout != "" {
			t.Errorf("--width %s: %+v, want exit 2 and an error", w, r)
		}
	}
	r := runCLI(t, "", "print", "--width", "20", sample)
	if r.code != 0 || !strings.Contains(r.stdout, "Lindqvist") {
		t.Errorf("--width 20: %+v", r)
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if n := len([]rune(line)); n > 22 {
			t.Errorf("line wider than 20 (+2 margin): %q", line)
		}
	}
}

func TestEmptyDirectory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(dir+"/notes.bin", []byte{1, 2, 3}, 0o644)
	for _, cmd := range []string{"print", "export"} {
		r := runCLI(t, "", cmd, dir)
		if r.code != 1 || !strings.Contains(r.stderr, "no articles found") || r.stdout != "" {
			t.Errorf("%s of an empty directory: %+v, want exit 1 and a message", cmd, r)
		}
	}
}

// TestReaderIntoAPipe checks that `byline FILE | less` writes the article
// as print does, not the screen's escape sequences, and that with no file
// the built-in samples are printed.
func TestReaderIntoAPipe(t *testing.T) {
	r := runCLI(t, "", sample)
	if r.code != 0 || strings.Contains(r.stdout, "\x1b") || !strings.Contains(r.stdout, "A Second Route to Merrow") {
		t.Errorf("byline FILE into a pipe: code %d, stderr %q, stdout %.200q", r.code, r.stderr, r.stdout)
	}
	r = runCLI(t, "", brokenFile(t))
	if r.code != 1 || !strings.Contains(r.stderr, "binary.txt") {
		t.Errorf("byline BADFILE into a pipe: %+v, want exit 1 naming the file", r)
	}
}

// TestExportTitleMentions exports Markdown, HTML and feed articles whose
// titles name a person and a place: each has the two mentions at section
// 0, paragraph -2, pointing into its title.
func TestExportTitleMentions(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, src := range articlestest.TitledSources() {
		p := filepath.Join(dir, src.Name)
		if err := os.WriteFile(p, src.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	r := runCLI(t, "", append([]string{"export"}, paths...)...)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 0 || len(lines) != 3 {
		t.Fatalf("export: exit %d, %d lines: %s", r.code, len(lines), r.stderr)
	}
	for _, line := range lines {
		var a exportedArticle
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if m.Paragraph == -2 && m.Section == 0 && a.Title[m.Start:m.End] == m.Text {
					got[m.Text] = e.Type
				}
			}
		}
		if got["Angela Merkel"] != "person" || got["Nairobi"] != "place" {
			t.Errorf("%s: title mentions %v", a.Source, got)
		}
	}
}
