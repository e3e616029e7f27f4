package render

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/model"
	xansi "github.com/charmbracelet/x/ansi"
)

// TestPlainParagraphsAsGlamour lays plain paragraphs out byline's way and
// glamour's, in every style, with and without colour, at many widths: the
// lines are the same, text and styles.
func TestPlainParagraphsAsGlamour(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	paras := []string{
		"One.", "  leading blanks and trailing   ", "double  spaces  inside", "a\u00a0b non-breaking\u00a0space",
		"US-Israel ties, self-defense and co-operation: hyphen-ated words-at-the-end-of-lines.",
		strings.Repeat("x", 150) + " long word", "*stars* _under_ `tick` [b] <i> # h & amp; \\ back | pipe ~",
		"東京の会議で 山田太郎 が話した。Zoë naïve é 🎉 " + strings.Repeat("日本語", 30),
		"tab\there and\nnewline", "1. not a list", "- not a list", "> not a quote",
	}
	for i := 0; i < 30; i++ {
		paras = append(paras, articlestest.Sentence(r)+" "+articlestest.Sentence(r)+" "+articlestest.Sentence(r))
	}
	for _, style := range []string{"dark", "light", "dracula", "tokyo-night", "pink", "ascii", "notty"} {
		for _, noColor := range []bool{false, true} {
			look := Look{Style: style, NoColor: noColor}
			for _, w := range []int{1, 8, 20, 33, 60, 80, 121} {
				a := &model.Article{Title: "T", Sections: []model.Section{
					{Paragraphs: paras}, {Heading: "A Heading", Paragraphs: paras[:3]}, {Paragraphs: []string{"Only."}},
				}}
				fast, err := newRenderer(look, w)
				if err != nil {
					t.Fatal(err)
				}
				if !fast.plain.ok && (style == "dark" || style == "light" || style == "ascii") {
					t.Errorf("%+v: no fast path", look)
				}
				slow := *fast
				slow.plain = plainLook{}
				for si := range a.Sections {
					got, err1 := renderSection(fast, a, si, w)
					want, err2 := renderSection(&slow, a, si, w)
					if err1 != nil || err2 != nil {
						t.Fatal(err1, err2)
					}
					if g, w2 := dump(got.Lines), dump(want.Lines); g != w2 {
						gl, wl := strings.Split(g, "\n"), strings.Split(w2, "\n")
						for i := range min(len(gl), len(wl)) {
							if gl[i] != wl[i] {
								t.Fatalf("%+v width %d section %d line %d:\nbyline:  %s\nglamour: %s\n(%d and %d lines)", look, w, si, i, gl[i], wl[i], len(gl), len(wl))
							}
						}
						t.Fatalf("%+v width %d section %d: %d lines, glamour %d", look, w, si, len(gl), len(wl))
					}
				}
			}
		}
	}
}

func dump(lines []Line) string {
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "%q %d %v\n", l.Text, l.Width, l.runs)
	}
	return b.String()
}

// FuzzPlainAsGlamour compares byline's and glamour's layout of one plain
// paragraph of arbitrary text.
func FuzzPlainAsGlamour(f *testing.F) {
	f.Add("US-Israel ties, self-defense", uint8(40), uint8(0))
	f.Add("a  b\u00a0c 東京 🎉 *x*", uint8(9), uint8(3))
	styles := []string{"dark", "light", "dracula", "tokyo-night", "pink", "ascii", "notty"}
	f.Fuzz(func(t *testing.T, p string, width, style uint8) {
		p = articlesSanitize(p)
		if strings.Contains(p, "\\") {
			// Glamour drops a backslash before punctuation even when it
			// is escaped ("\\!" shows as "!"); byline shows the text as
			// written (TestPlainBackslash).
			t.Skip()
		}
		look := Look{Style: styles[int(style)%len(styles)], NoColor: style >= 128}
		w := int(width%200) + 1
		fast, err := newRenderer(look, w)
		if err != nil {
			t.Fatal(err)
		}
		slow := *fast
		slow.plain = plainLook{}
		a := &model.Article{Title: "T", Sections: []model.Section{{Paragraphs: []string{p, "Two."}}}}
		got, err1 := renderSection(fast, a, 0, w)
		want, err2 := renderSection(&slow, a, 0, w)
		if err1 != nil || err2 != nil {
			t.Skip(err1, err2)
		}
		if g, w2 := dump(got.Lines), dump(want.Lines); g != w2 {
			t.Fatalf("%+v width %d %q:\n--- byline:\n%s\n--- glamour:\n%s", look, w, p, g, w2)
		}
	})
}

// articlesSanitize is what the parsers leave of any text: no controls.
func articlesSanitize(s string) string { return articles.Sanitize(s) }

// TestPlainBackslash shows a plain paragraph's backslashes as written,
// which glamour does not.
func TestPlainBackslash(t *testing.T) {
	a := &model.Article{Title: "T", Sections: []model.Section{{Paragraphs: []string{`C:\path\! and \*not\* emphasis`}}}}
	out, err := Article(a, 80, "dark", false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `C:\path\! and \*not\* emphasis`) {
		t.Errorf("backslashes lost:\n%s", out)
	}
}

// TestPlainHeadingsAsGlamour lays the headings of plain sections out
// byline's way and glamour's, in every style, with and without colour, at
// many widths, with lengths about the line's: the lines are the same. The
// simple ones (all but the last few) take byline's way where it is known.
func TestPlainHeadingsAsGlamour(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	heads := []string{
		"Heading", "Où l'été (s'achève)?", "東京の会議", "Zoë's \"naïve\" plan; 2024", "x", "tab\there",
		"  spaced  out  ", "a # b", "1. List", "*stars*", "www.example.com", "Ünïcödé & more",
	}
	simple := 6
	for n := 1; n <= 130; n += 3 {
		heads = slices.Insert(heads, simple, strings.TrimSpace(strings.Repeat("ab ", n)[:n]))
		simple++
	}
	for range 20 {
		s := strings.TrimSuffix(articlestest.Sentence(r), ".")
		heads = slices.Insert(heads, simple, s)
		simple++
	}
	for _, style := range []string{"dark", "light", "dracula", "tokyo-night", "pink", "ascii", "notty"} {
		for _, noColor := range []bool{false, true} {
			look := Look{Style: style, NoColor: noColor}
			for _, w := range []int{1, 8, 20, 27, 33, 60, 80, 121} {
				fast, err := newRenderer(look, w)
				if err != nil {
					t.Fatal(err)
				}
				fast.headingLine("Learn", w, interner{})
				if !fast.heading.ok && w >= 33 && (style == "dark" || style == "light" || style == "ascii") {
					t.Errorf("%+v width %d: no fast path for headings", look, w)
				}
				slow := *fast
				slow.plain, slow.heading, slow.headingLearnt = plainLook{}, headingLook{}, true
				for hi, h := range heads {
					a := &model.Article{Title: "T", Sections: []model.Section{
						{Paragraphs: []string{"Lead."}}, {Heading: h, Paragraphs: []string{"One.", "Two."}}, {Heading: h},
					}}
					if _, ok := fast.headingLine(h, w, interner{}); ok && hi >= simple {
						t.Errorf("%q laid out as simple", h)
					}
					for si := 1; si < len(a.Sections); si++ {
						got, err1 := renderSection(fast, a, si, w)
						want, err2 := renderSection(&slow, a, si, w)
						if err1 != nil || err2 != nil {
							t.Fatal(err1, err2)
						}
						if g, w2 := dump(got.Lines), dump(want.Lines); g != w2 {
							t.Fatalf("%+v width %d heading %q:\n--- byline:\n%s\n--- glamour:\n%s", look, w, h, g, w2)
						}
					}
				}
			}
		}
	}
}

// TestShownAsIs checks that a text shownAsIs accepts is what parseLine
// makes of it, and that it refuses what parseLine changes.
func TestShownAsIs(t *testing.T) {
	for _, s := range []string{"plain", "Zoë 東京 🎉 a\u00a0b", "trailing  ", "", "esc\x1b[1mx", "tab\t", "del\x7f", "c1\u0085", "bidi\u202e", "bad\xff", "nbsp\u00a0"} {
		want := parseLine(s, interner{}).Text == strings.TrimRight(s, " \u00a0")
		if got := shownAsIs(s); got && !want || !got && want && strings.ContainsAny(s, "\x1b\t\x7f\u0085\u202e\xff") {
			t.Errorf("shownAsIs(%q) = %v", s, got)
		}
	}
}

// TestWrapSimple compares wrapSimple with the xansi.Wrap it stands for
// on texts of words, blanks, hyphens and simple non-ASCII characters at
// every small width.
func TestWrapSimple(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	texts := []string{"", " ", "a", "-", "a-b", "--x--", "ab  cd ", "  lead", "co-operation self-defense US-Israel",
		strings.Repeat("x", 30), "Lucía Fernández — “quoted” ‘words’…", "é-é é\u00a0é"}
	chars := []rune(" --aabcdefghij.,é\u00a0—“ÿĀ…")
	for range 400 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteRune(chars[r.IntN(len(chars))])
		}
		texts = append(texts, b.String())
	}
	for range 30 {
		texts = append(texts, articlestest.Sentence(r)+" "+articlestest.Sentence(r))
	}
	n := 0
	for _, s := range texts {
		if !simpleText(s) {
			continue
		}
		n++
		for limit := 0; limit <= 45; limit++ {
			if got, want := wrapSimple(s, limit), xansi.Wrap(s, limit, ""); got != want {
				t.Fatalf("wrapSimple(%q, %d) = %q, want %q", s, limit, got, want)
			}
		}
	}
	if n < 400 {
		t.Errorf("only %d simple texts", n)
	}
}

// TestSimpleRunes checks that every character simpleRune accepts is one
// cell, not a space to xansi.Wrap, and a grapheme cluster of its own
// between letters and beside another of them.
func TestSimpleRunes(t *testing.T) {
	for r := rune(0x80); r < 0x2100; r++ {
		if !simpleRune(r) {
			continue
		}
		s := string(r)
		if w := xansi.StringWidth(s); w != 1 {
			t.Errorf("%U: %d cells", r, w)
		}
		for _, ctx := range []string{"a" + s + "b", s + s, s + "\u00e9"} {
			if c, _ := xansi.FirstGraphemeCluster(ctx[strings.Index(ctx, s):], xansi.GraphemeWidth); c != s {
				t.Errorf("%U in %q: cluster %q", r, ctx, c)
			}
		}
		if strings.Contains(xansi.Wrap("a"+s+"b", 1, ""), s+"b") {
			t.Errorf("%U: not a character of its own to Wrap", r)
		}
	}
}

// FuzzWrapSimple compares wrapSimple with xansi.Wrap on any simple text.
func FuzzWrapSimple(f *testing.F) {
	f.Add("co-operation self-defense  US-Israel -", uint8(7))
	f.Add("Fernández — “x” é\u00a0é", uint8(3))
	f.Fuzz(func(t *testing.T, s string, limit uint8) {
		if !simpleText(s) {
			t.Skip()
		}
		if got, want := wrapSimple(s, int(limit)), xansi.Wrap(s, int(limit), ""); got != want {
			t.Fatalf("wrapSimple(%q, %d) = %q, want %q", s, limit, got, want)
		}
	})
}
