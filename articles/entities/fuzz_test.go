package entities

import (
	"testing"
	"unicode/utf8"
)

// boundaries returns the rune boundaries of s as a range over s sees them
// (an invalid byte is a rune of its own), and len(s).
func boundaries(s string) map[int]bool {
	b := map[int]bool{len(s): true}
	for i := range s {
		b[i] = true
	}
	return b
}

// FuzzTokenize checks that tokenize never panics and that its tokens are
// in order, do not overlap, start and end on rune boundaries, are the
// text at their offsets and hold no white space, and that sentences keeps
// every token in order.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Austin's dialogue", "US-Israel relations", "Mr. Smith met U.S. officials.",
		"“São Paulo,” she said", "see https://example.com/a?b=c now", "don't", "**Gaza** (AP)",
		"It cost 1,200.50 dollars...", "a\xffb \xe2\x80 c", "Jean-Pierre and a large-scale test",
	} {
		f.Add(s)
	}
	r, err := load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize(text, r.g)
		at := boundaries(text)
		end := 0
		for _, tok := range toks {
			if tok.start < end || tok.end <= tok.start || tok.end > len(text) {
				t.Fatalf("%q: token %q at %d-%d after %d", text, tok.text, tok.start, tok.end, end)
			}
			if !at[tok.start] || !at[tok.end] {
				t.Fatalf("%q: token %q at %d-%d is not on rune boundaries", text, tok.text, tok.start, tok.end)
			}
			if text[tok.start:tok.end] != tok.text {
				t.Fatalf("%q: token %q at %d-%d is %q there", text, tok.text, tok.start, tok.end, text[tok.start:tok.end])
			}
			end = tok.end
		}
		n := 0
		for _, s := range sentences(toks) {
			for _, tok := range s {
				if n >= len(toks) || tok != toks[n] {
					t.Fatalf("%q: sentences do not keep the tokens in order", text)
				}
				n++
			}
		}
		if n != len(toks) {
			t.Fatalf("%q: sentences hold %d of %d tokens", text, n, len(toks))
		}
	})
}

// FuzzRecognize checks that Recognize never panics on an article made of
// any text ("# " lines are headings, blank lines end paragraphs) and that
// every mention is the text of its heading or paragraph at its offsets,
// which lie inside it on rune boundaries.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"# Austin in Israel\n\nUS Defense Secretary Lloyd Austin met Yoav Gallant in Tel Aviv. Austin said Gaza and Rafah were discussed.",
		"WASHINGTON (AP) — President Biden spoke with Prime Minister Benjamin Netanyahu on Sunday.",
		"Great pizza at Britt's on Main Street in Baltimore, MD!",
		"the Santiago singer Mon Laferte\n\nHouston beat Philadelphia 4-3",
		"ROME 1996-12-06\n\nItaly's Romano Prodi said...",
		"Del Frisco's \xff\xfe São Paulo “Gaza” Jean-Pierre Raffarin's",
		"# \n\n\n\n# Secretary\n\nMr.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := article(text)
		Recognize(a)
		for _, e := range a.Entities {
			if len(e.Mentions) == 0 || e.Name == "" {
				t.Fatalf("%q: entity %q with %d mentions", text, e.Name, len(e.Mentions))
			}
			for _, m := range e.Mentions {
				if m.Section < 0 || m.Section >= len(a.Sections) || m.Paragraph < -1 ||
					m.Paragraph >= len(a.Sections[m.Section].Paragraphs) {
					t.Fatalf("%q: mention %+v is outside the article", text, m)
				}
				p := a.Text(m.Section, m.Paragraph)
				if m.Start < 0 || m.End <= m.Start || m.End > len(p) {
					t.Fatalf("%q: mention %+v is outside its paragraph of %d bytes", text, m, len(p))
				}
				at := boundaries(p)
				if !at[m.Start] || !at[m.End] {
					t.Fatalf("%q: mention %+v is not on rune boundaries", text, m)
				}
				if p[m.Start:m.End] != m.Text {
					t.Fatalf("%q: mention %+v is %q there", text, m, p[m.Start:m.End])
				}
				if !utf8.ValidString(p) {
					continue
				}
				if !utf8.ValidString(m.Text) {
					t.Fatalf("%q: mention %+v of valid text is not valid UTF-8", text, m)
				}
			}
		}
	})
}
