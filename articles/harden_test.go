package articles

import (
	"bytes"
	"strings"
	"testing"

	"github.com/byline/byline/model"
)

func TestDropControlReferences(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain &amp; &#8220;quoted&#8221; &#x41;", "plain &amp; &#8220;quoted&#8221; &#x41;"},
		{"a&#27;[2Jb", "a[2Jb"},
		{"a&#x1B;b&#X1b;c&#0027;d&#27e", "abcde"},
		{"&#155;&#x9d;&#7;&#8;&#13;&#127;", ""},
		{"x&#x202e;y&#8238;z&#x2066;w", "xyzw"},
		{"tab&#9;nl&#10;nul&#0;", "tab&#9;nl&#10;nul&#0;"},                            // harmless: kept
		{"a&#99999999999999999999;b&#x10000001b;c&#4294967323;d&#x110000;e", "abcde"}, // out of range: html wraps some to ESC
		{"&#x10FFFF;", "&#x10FFFF;"},
		{"`&#27;[&#27;#8m`", "`[#8m`"},
		{"&#&#27;27;", "27;"},
		{"&&#27;#27;", "#27;"},
		{"&#82&#27;35;", "35;"},
		{"&#x&#82&#27;1b;", "1b;"},
		{"&#x2&#27;02e;", "02e;"},
		{"&amp;#27;", "&amp;#27;"}, // a reference to "&": the text "&#27;"
		{"&#", "&#"}, {"&#x", "&#x"}, {"a & b", "a & b"},
		// goldmark reads a leading zero as octal: 0200 is U+0080, 033 ESC.
		{"000&#0200;x&#033;y&#0233z", "000xyz"},
		{"&#0101;&#089;&#00;&#0;&#009;", "&#0101;&#089;&#00;&#0;&#009;"}, // A, failed readings, NUL
		{"a&#020056;b", "ab"},                                            // U+4E58 in decimal, U+202E in octal
	} {
		if got := dropControlReferences(tt.in); got != tt.want {
			t.Errorf("dropControlReferences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDropControlReferencesLongRuns drops many references after a long
// run of digits that is no reference's start, and after starts that are.
func TestDropControlReferencesLongRuns(t *testing.T) {
	for _, n := range []int{1000, 2000, 4000, 8000} {
		in := "&" + strings.Repeat("1", n) + strings.Repeat("&#27;", n) + strings.Repeat("&#82&#27;", n)
		allocs := testing.AllocsPerRun(3, func() { dropControlReferences(in) })
		if allocs > 2 {
			t.Errorf("n=%d: %v allocations", n, allocs)
		}
		if got := dropControlReferences(in); got != "&"+strings.Repeat("1", n) {
			t.Errorf("n=%d: %q", n, got[:min(len(got), 40)])
		}
	}
}

func TestTitleNeverEmpty(t *testing.T) {
	for _, tt := range []struct{ name, in string }{
		{"lead.txt", ".\n\nMore text follows here.\n"},
		{"dots.txt", ". . .\n"},
		{"bang.txt", "!?!\n"},
		{"lead.md", ".\n\nMore text.\n"},
		{"empty-title.md", "---\ntitle: '\x1b[2J'\n---\nText.\n"},
		{"page.html", "<html><head><title>\x1b[2J</title></head><body><p>.</p></body></html>"},
		{"feed.rss", "<rss><channel><item><title>&#27;</title><description>.</description></item></channel></rss>"},
	} {
		as, err := Parse(tt.name, []byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		for _, a := range as {
			if a.Title == "" {
				t.Errorf("%s: empty title", tt.name)
			}
		}
	}
	if got := DeriveTitle(&model.Article{Sections: []model.Section{{Paragraphs: []string{"."}}}}); got != "." {
		t.Errorf(`DeriveTitle of "." = %q`, got)
	}
}

func TestWriteJSONEscapesFileNames(t *testing.T) {
	a := &model.Article{Source: "news\u202etxt.exe\u009b2J\x7f.txt", Title: "T"}
	var b bytes.Buffer
	if err := WriteJSON(&b, a); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); strings.ContainsAny(got, "\u202e\u009b\x7f") || !strings.Contains(got, `news\u202etxt.exe\u009b2J\u007f.txt`) {
		t.Errorf("WriteJSON wrote %q", got)
	}
}

func TestDropXMLControls(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"<t>a &#8220;b&#8221; &amp; c</t>", "<t>a &#8220;b&#8221; &amp; c</t>"},
		{"<t>a\x1b[31mred\x01\x0b</t>", "<t>ared</t>"},
		{"<t>&#27;[2J&#x1b;]0;title&#7;x&#x1;&#0;&#xFFFE;</t>", "<t>x</t>"},
		{"<t>\x1b]0;t\ax &#27;]0;u\x07y</t>", "<t>x y</t>"},
		{"<t>&#&#27;27;</t>", "<t>27;</t>"},
		{"<t>&#2\x017;</t>", "<t>7;</t>"},
		{"<t>&#27 no semicolon</t>", "<t>&#27 no semicolon</t>"},
		{"tab\there\r\n", "tab\there\r\n"},
	} {
		if got := string(dropXMLControls([]byte(tt.in))); got != tt.want {
			t.Errorf("dropXMLControls(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPrintableRun checks printableRun against its definition, byte by
// byte, for every byte value at every position of a word and around it.
func TestPrintableRun(t *testing.T) {
	slow := func(s []byte) int {
		n := 0
		for n < len(s) && s[n] >= 0x20 && s[n] <= 0x7e {
			n++
		}
		return n &^ 7
	}
	base := []byte("The quick brown fox jumps over the lazy dog!")
	for pos := range 24 {
		for c := range 256 {
			s := append([]byte(nil), base[:24]...)
			s[pos] = byte(c)
			if got, want := printableRun(s), slow(s); got != want {
				t.Fatalf("byte %#x at %d: %d, want %d", c, pos, got, want)
			}
			if got, want := printableRun(string(s)), slow(s); got != want {
				t.Fatalf("string, byte %#x at %d: %d, want %d", c, pos, got, want)
			}
		}
	}
}
