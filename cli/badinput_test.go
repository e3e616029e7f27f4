package cli

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// good is an article that loads next to every bad input.
const good = "Ferry service resumes on Tuesday after the storm.\n\nThe harbour reopened.\n"

// badServer serves the network cases that need no timeout: a gzip bomb and
// a redirect loop.
func badServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zeros := make([]byte, 1<<20)
		for range 64 { // 64 MB of zeros in 64 KB: more than the 20 MB cap
			if _, err := zw.Write(zeros); err != nil {
				return
			}
		}
		zw.Close()
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func utf16LE(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// badInput is one bad input given to `byline export` next to good.txt:
// the exact stderr (with the test directory as DIR and the server as URL),
// the exit status, and what stdout must show besides good.txt's article.
type badInput struct {
	name   string
	setup  func(t *testing.T, dir, url string) string // the argument to give
	code   int
	stderr string
	shows  []string // in stdout
	hides  []string // never in stdout
	lines  int      // articles exported, good.txt included
}

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func file(name string, data []byte) func(t *testing.T, dir, url string) string {
	return func(t *testing.T, dir, url string) string { return writeFile(t, filepath.Join(dir, name), data) }
}

var laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
	`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">` +
	`<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>` +
	`<rss><channel><item><title>Laughs &lol9;</title><description>Body &lol9;</description></item></channel></rss>`

var badInputs = []badInput{
	{name: "empty file", setup: file("empty.txt", nil), code: 1,
		stderr: "byline: DIR/empty.txt: no article text\n", lines: 1},
	{name: "binary file", setup: file("binary.txt", []byte("\x00\x01\x02\x03binary\x00")), code: 1,
		stderr: "byline: DIR/binary.txt: not a text article (binary data)\n", lines: 1},
	{name: "invalid UTF-8", setup: file("invalid.txt", []byte("Caf\xc3 na\xefve \xff in Orléans today.\n")), code: 0,
		shows: []string{"\"Caf\ufffd na\ufffdve \ufffd in Orléans today\""}, lines: 2},
	{name: "UTF-16 with BOM", setup: file("utf16.txt", utf16LE("Ferry in Orléans resumes.\n\nMore.\n")), code: 0,
		shows: []string{`"title":"Ferry in Orléans resumes"`}, lines: 2},
	{name: "200 MB text file", setup: func(t *testing.T, dir, url string) string {
		p := filepath.Join(dir, "huge.txt")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(200 << 20); err != nil { // sparse: no disk used
			t.Fatal(err)
		}
		return p
	}, code: 1, stderr: "byline: DIR/huge.txt: larger than 64 MB\n", lines: 1},
	{name: "5 MB single line", setup: file("long.txt", bytes.Repeat([]byte("word "), 1<<20)), code: 0,
		shows: []string{`"title":"Word word word word word word word word word word word word word word…"`}, lines: 2},
	{name: "only headings", setup: file("headings.txt", []byte("Opening Ceremony\n\nClosing Remarks\n")), code: 0,
		shows: []string{`"title":"Opening Ceremony"`}, lines: 2},
	{name: "only debris", setup: file("debris.txt", []byte("Advertisement\n\nRead more\n\nShare\n")), code: 1,
		stderr: "byline: DIR/debris.txt: no article text\n", lines: 1},
	{name: "100,000 nested divs", setup: file("deep.html", []byte("<html><head><title>Deep</title></head><body>"+strings.Repeat("<div>", 100_000)+"<p>Deep text.</p></body></html>")), code: 0,
		shows: []string{`"title":"Deep"`, `"Deep text."`}, lines: 2},
	{name: "nested Markdown", setup: file("deep.md", []byte("# Deep\n\n"+strings.Repeat(">", 5000)+" x\n\n"+strings.Repeat("- ", 5000)+"y\n\n"+strings.Repeat("*[", 5000)+"\n\n## End\n\nDone.\n")), code: 0,
		shows: []string{`"title":"Deep"`, `"heading":"End"`}, lines: 2},
	{name: "billion laughs", setup: file("laughs.xml", []byte(laughs)), code: 0,
		shows: []string{`"title":"Laughs &lol9;"`}, hides: []string{"lollol"}, lines: 2},
	{name: "external entity", setup: file("xxe.xml", []byte(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>XXE &x;</title><description>Body &x;</description></item></channel></rss>`)), code: 0,
		shows: []string{`"title":"XXE &x;"`}, hides: []string{"root:"}, lines: 2},
	{name: "gzip bomb", setup: func(t *testing.T, dir, url string) string { return url + "/bomb" }, code: 1,
		stderr: "byline: URL/bomb: response too large (more than 20971520 bytes)\n", lines: 1},
	{name: "redirect loop", setup: func(t *testing.T, dir, url string) string { return url + "/loop" }, code: 1,
		stderr: "byline: URL/loop: too many redirects (more than 10)\n", lines: 1},
	{name: "directory symlink loop", setup: func(t *testing.T, dir, url string) string {
		d := filepath.Join(dir, "looped")
		writeFile(t, filepath.Join(d, "sub", "a.txt"), []byte("Alpha story on Monday.\n"))
		for link, to := range map[string]string{"sub/up": "..", "self": ".", "sub/root": d} {
			if err := os.Symlink(to, filepath.Join(d, link)); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}, code: 0, shows: []string{`"title":"Alpha story on Monday"`}, lines: 2},
	{name: "file vanished", setup: func(t *testing.T, dir, url string) string {
		// Listed, then gone by the time it is read: a link to a file
		// removed after it was made.
		d := filepath.Join(dir, "vanishing")
		writeFile(t, filepath.Join(d, "kept.txt"), []byte("Kept story on Monday.\n"))
		gone := writeFile(t, filepath.Join(dir, "gone.txt"), []byte("Gone.\n"))
		if err := os.Symlink(gone, filepath.Join(d, "gone.txt")); err != nil {
			t.Fatal(err)
		}
		os.Remove(gone)
		return d
	}, code: 1, stderr: "byline: DIR/vanishing/gone.txt: no such file or directory\n", shows: []string{`"title":"Kept story on Monday"`}, lines: 2},
	{name: "3,000 files in one directory", setup: func(t *testing.T, dir, url string) string {
		d := filepath.Join(dir, "many")
		for i := range 3000 {
			writeFile(t, filepath.Join(d, fmt.Sprintf("%04d.txt", i)), fmt.Appendf(nil, "Story number %d on Monday.\n", i))
		}
		return d
	}, code: 0, shows: []string{`"title":"Story number 2999 on Monday"`}, lines: 3001},
	{name: "names with newlines", setup: func(t *testing.T, dir, url string) string {
		d := filepath.Join(dir, "new\nlines")
		writeFile(t, filepath.Join(d, "bad\nname.txt"), []byte("\x00"))
		writeFile(t, filepath.Join(d, "good\nname.txt"), []byte("Named story on Monday.\n"))
		return d
	}, code: 1, stderr: "byline: \"DIR/new\\nlines/bad\\nname.txt\": not a text article (binary data)\n",
		shows: []string{`lines/good\nname.txt"`}, lines: 2},
}

// TestBadInput runs `byline export` on each bad input next to a good
// article: the exact message, the exit status, what is shown, and that
// the good article still loads.
func TestBadInput(t *testing.T) {
	srv := badServer(t)
	for _, tc := range badInputs {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			goodPath := writeFile(t, filepath.Join(dir, "good.txt"), []byte(good))
			arg := tc.setup(t, dir, srv.URL)
			r := runCLI(t, "", "export", arg, goodPath)
			stderr := strings.ReplaceAll(strings.ReplaceAll(r.stderr, dir, "DIR"), srv.URL, "URL")
			if r.code != tc.code || stderr != tc.stderr {
				t.Errorf("exit %d, stderr %q; want %d, %q", r.code, stderr, tc.code, tc.stderr)
			}
			if !strings.Contains(r.stdout, `"title":"Ferry service resumes on Tuesday after the storm"`) {
				t.Errorf("good.txt did not load")
			}
			if n := strings.Count(r.stdout, "\n"); n != tc.lines {
				t.Errorf("%d articles exported, want %d", n, tc.lines)
			}
			for _, s := range tc.shows {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout lacks %s: %.300s", s, r.stdout)
				}
			}
			for _, s := range tc.hides {
				if strings.Contains(r.stdout, s) {
					t.Errorf("stdout holds %s", s)
				}
			}
		})
	}
}

// TestUnreadableFile cannot run as root, who reads any file.
func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: a mode 000 file is readable")
	}
	dir := t.TempDir()
	goodPath := writeFile(t, filepath.Join(dir, "good.txt"), []byte(good))
	p := writeFile(t, filepath.Join(dir, "secret.txt"), []byte("Secret.\n"))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", "export", dir)
	want := "byline: " + p + ": permission denied\n"
	if r.code != 1 || r.stderr != want || !strings.Contains(r.stdout, goodPath) {
		t.Errorf("exit %d, stderr %q, want 1, %q and good.txt", r.code, r.stderr, want)
	}
}

// TestInvalidUTF8Printed shows the bad bytes of a damaged text as U+FFFD
// in print.
func TestInvalidUTF8Printed(t *testing.T) {
	p := writeFile(t, filepath.Join(t.TempDir(), "invalid.txt"), []byte("Caf\xc3 na\xefve \xff in Orléans today.\n"))
	r := runCLI(t, "", "print", p)
	if r.code != 0 || !strings.Contains(r.stdout, "Caf\ufffd na\ufffdve \ufffd in Orléans") {
		t.Errorf("exit %d, stdout %q", r.code, r.stdout)
	}
}
