package glamour

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/byline/byline/ui/render/internal/glamour/ansi"
	"github.com/byline/byline/ui/render/internal/glamour/styles"
)

// The goldens are upstream glamour v2.0.1's rendering of codeblocks.md,
// one process a style, at word wrap 80 with chroma's true-colour
// formatter: the fork's code blocks, with its small lazily built lexer
// set, must come out byte for byte the same for every language in it.
// (The default terminal256 formatter is not deterministic upstream: it
// picks the nearest palette colour by ranging over a map, so ties fall
// either way from one process to the next.)
func TestCodeBlocksAsUpstream(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "codeblocks.md"))
	if err != nil {
		t.Fatal(err)
	}
	for name, style := range styles.DefaultStyles {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", "codeblocks."+name+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			got := render(t, *style, string(src), WithChromaFormatter("terminal16m"))
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("line %d differs from upstream:\n got %q\nwant %q", i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("%d lines, upstream %d", len(gl), len(wl))
			}
		})
	}
}

// sgrBefore matches an SGR sequence and the text it colours.
var sgrBefore = regexp.MustCompile(`\x1b\[([0-9;]*)m([^\x1b]*)`)

// colourOf returns the SGR parameters that the first run of text equal to
// word is drawn in, and whether there is one.
func colourOf(out, word string) (string, bool) {
	for _, m := range sgrBefore.FindAllStringSubmatch(out, -1) {
		if m[2] == word {
			return m[1], true
		}
	}
	return "", false
}

// A keyword of each common language is drawn in the style's keyword
// colour, not in its plain code colour; a block in a language the set
// does not know is drawn all in the plain colour.
func TestCodeBlockKeywordHighlighted(t *testing.T) {
	cfg := *styles.DefaultStyles["dark"]
	plain := render(t, cfg, "```nosuchlanguage\nword\n```\n")
	text, ok := colourOf(plain, "word")
	if !ok || text == "" {
		t.Fatalf("no colour around plain code: %q", plain)
	}
	for _, c := range []struct{ lang, code, keyword string }{
		{"go", "func main() {}", "func"},
		{"golang", "for {}", "for"},
		{"python", "def f(): pass", "def"},
		{"js", "const a = 1", "const"},
		{"typescript", "let a = 1", "let"},
		{"sh", "if true; then echo; fi", "if"},
		{"rust", "fn main() {}", "fn"},
		{"c", "int main(void) { return 0; }", "return"},
		{"c++", "class A {};", "class"},
		{"java", "public class A {}", "public"},
		{"sql", "SELECT a FROM b", "SELECT"},
		{"yaml", "a: true", "true"},
		{"json", `{"a": null}`, "null"},
	} {
		out := render(t, cfg, "```"+c.lang+"\n"+c.code+"\n```\n")
		kw, ok := colourOf(out, c.keyword)
		if !ok {
			t.Errorf("%s: %q is not drawn on its own: %q", c.lang, c.keyword, out)
			continue
		}
		if kw == text {
			t.Errorf("%s: %q is drawn in the plain code colour %q", c.lang, c.keyword, kw)
		}
	}
	words := render(t, cfg, "```nosuchlanguage\nfunc for def\n```\n")
	if _, ok := colourOf(words, "func"); ok {
		t.Errorf("unknown language highlighted: %q", words)
	}
}

func render(t *testing.T, cfg ansi.StyleConfig, md string, opts ...TermRendererOption) string {
	t.Helper()
	tr, err := NewTermRenderer(append([]TermRendererOption{WithStyles(cfg), WithWordWrap(80)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tr.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Renderers on several goroutines share the lazily built lexers and the
// chroma styles (byline renders sections on every CPU); run with -race.
func TestCodeBlocksConcurrent(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "codeblocks.md"))
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"dark", "light", "dracula", "tokyo-night"}
	var wg sync.WaitGroup
	for i := range 8 {
		name := names[i%len(names)]
		want, err := os.ReadFile(filepath.Join("testdata", "codeblocks."+name+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			tr, err := NewTermRenderer(WithStyles(*styles.DefaultStyles[name]), WithWordWrap(80), WithChromaFormatter("terminal16m"))
			if err != nil {
				t.Error(err)
				return
			}
			got, err := tr.Render(string(src))
			if err != nil {
				t.Error(err)
				return
			}
			if got != string(want) {
				t.Errorf("%s on goroutine %d differs from upstream", name, i)
			}
		})
	}
	wg.Wait()
}
