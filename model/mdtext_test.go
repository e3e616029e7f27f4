package model

import "testing"

func TestVisibleMarkdown(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"said the **harbour** would be _rebuilt_.", "said the harbour would be rebuilt."},
		{"see [the fund](https://example.org/fund \"Fund\") now", "see the fund https://example.org/fund now"},
		{"![a map](map.png) and `code` and ~~old~~", "a map map.png and code and old"},
		{"> quoted\n- item one\n12. item two", " quoted\n item one\n item two"},
		{"snake_case_name and 2 * 3 and \\*stars\\*", "snake_case_name and 2 * 3 and *stars*"},
		{"| a | b |\n|---|---|", " a  b \n------"},
		{"<https://example.org> [not a link] x", "https://example.org [not a link] x"},
		{"Zürich **café**", "Zürich café"},
	} {
		got, offs := visibleMarkdown(tt.in)
		if got != tt.want {
			t.Errorf("visibleMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(offs) != len(got)+1 || offs[len(got)] != len(tt.in) {
			t.Errorf("%q: %d offsets for %d bytes", tt.in, len(offs), len(got))
			continue
		}
		for i := 0; i < len(got); i++ {
			if offs[i] < 0 || offs[i] >= len(tt.in) || (i > 0 && offs[i] < offs[i-1]) {
				t.Errorf("%q: offset %d of byte %d out of order", tt.in, offs[i], i)
			}
			if c := got[i]; c != ' ' && tt.in[offs[i]] != c {
				t.Errorf("%q: byte %d %q comes from %q", tt.in, i, c, tt.in[offs[i]])
			}
		}
	}
}

func TestFindMarkdown(t *testing.T) {
	a := &Article{Format: Markdown, Sections: []Section{{Paragraphs: []string{
		"The mayor said the **harbour** would be rebuilt, paid for by [the fund](https://example.org).",
	}}}}
	p := a.Sections[0].Paragraphs[0]
	for _, tt := range []struct{ q, src string }{
		{"harbour would", "harbour** would"},
		{"rebuilt,", "rebuilt,"},
		{"the fund https", "the fund](https"},
	} {
		ms := a.Find(tt.q)
		if len(ms) != 1 || p[ms[0].Start:ms[0].End] != tt.src {
			t.Errorf("Find(%q) = %v, want the source %q", tt.q, ms, tt.src)
		}
	}
	if ms := a.Find("**"); len(ms) != 0 {
		t.Errorf("syntax found: %v", ms)
	}
}
