package render

import (
	"strings"
	"testing"

	"github.com/byline/byline/model"
)

// linkURLs are addresses glamour used to rewrite: "&" shown as "&#38;",
// "http://" put before "www.", "#" and "%" escaped.
var linkURLs = []string{
	"https://example.com/path?a=1&b=2#frag",
	"www.example.com/x?q=%20y&r=1",
	"http://a.example/%7Euser/?x#y",
}

// TestURLsShownAsWritten renders addresses in plain text and in Markdown,
// in every style, and finds each on screen exactly as written, painted as
// a link; a search for "a=1&b" is painted on exactly those cells.
func TestURLsShownAsWritten(t *testing.T) {
	para := "Read " + strings.Join(linkURLs, " and ") + " today."
	for _, format := range []model.Format{model.Plain, model.Markdown} {
		for _, viaGlamour := range []bool{false, true} {
			for _, look := range []Look{{Style: "dark"}, {Style: "light"}, {Style: "notty"}, {Style: "dark", NoColor: true}} {
				a := &model.Article{Title: "T", Format: format, Sections: []model.Section{{Paragraphs: []string{para}}}}
				for _, u := range linkURLs {
					i := strings.Index(para, u)
					a.Links = append(a.Links, model.Link{Text: u, URL: u, Start: i, End: i + len(u)})
				}
				r, err := newRenderer(look, 120)
				if err != nil {
					t.Fatal(err)
				}
				if viaGlamour {
					r.plain.ok = false // plain paragraphs too go through glamour
				}
				s, err := renderSection(r, a, 0, 120)
				if err != nil {
					t.Fatal(err)
				}
				var text strings.Builder
				for _, l := range s.Lines {
					text.WriteString(l.Text + "\n")
				}
				for _, u := range linkURLs {
					if !strings.Contains(text.String(), " "+u+" ") {
						t.Errorf("%v %+v: %q is not shown as written:\n%s", format, look, u, text.String())
					}
				}
				if strings.Contains(text.String(), "&#") || strings.Contains(text.String(), "http://www.") {
					t.Errorf("%v %+v: an address is rewritten:\n%s", format, look, text.String())
				}
				hl := NewHighlights(a, true)
				hl.Query, hl.Matches = "a=1&b", a.Find("a=1&b")
				out := make([][]Overlay, len(s.Lines))
				hl.SectionOverlays(0, s, 0, len(s.Lines), out)
				var links, matches []string
				for li, ovs := range out {
					for _, o := range ovs {
						got := s.Lines[li].Text[o.From:o.To]
						switch o.Mark {
						case MarkLink:
							links = append(links, got)
						case MarkMatch:
							matches = append(matches, got)
						}
					}
				}
				if strings.Join(links, " ") != strings.Join(linkURLs, " ") {
					t.Errorf("%v %+v: painted as links %q, want %q", format, look, links, linkURLs)
				}
				if len(matches) != 1 || matches[0] != "a=1&b" {
					t.Errorf("%v %+v: the search paints %q, want [a=1&b]", format, look, matches)
				}
			}
		}
	}
}

// TestLinkMarkDistinct checks that links look unlike people, places and
// headings, in colour and without.
func TestLinkMarkDistinct(t *testing.T) {
	for _, dark := range []bool{true, false} {
		s := SGRs(MarkStyles(NewTheme(dark)))
		for _, m := range []Mark{MarkPerson, MarkPlace, MarkSelected, MarkMatch, MarkCurrent} {
			if s[MarkLink] == s[m] {
				t.Errorf("links and mark %d are both painted %q", m, s[m])
			}
		}
		if !strings.Contains(";"+s[MarkLink]+";", ";3;") || strings.Contains(s[MarkLink], "1;") || strings.Contains(s[MarkLink], ";4") {
			t.Errorf("links are painted %q: want italic (3), neither bold nor underlined", s[MarkLink])
		}
	}
}

func TestUnlinkWWW(t *testing.T) {
	for in, want := range map[string]string{
		"see www.a.com now":      "see &#119;ww.a.com now",
		"www.a.com":              "&#119;ww.a.com",
		"(www.a.com)":            "(&#119;ww.a.com)",
		"[x](www.a.com)":         "[x](www.a.com)",
		"`www.a.com` www.b.com":  "`www.a.com` &#119;ww.b.com",
		"    www.a.com":          "    www.a.com",
		"```\nwww.a.com\n```":    "```\nwww.a.com\n```",
		"xwww.a.com <www.a.com>": "xwww.a.com <www.a.com>",
	} {
		if got := unlinkWWW(in); got != want {
			t.Errorf("unlinkWWW(%q) = %q, want %q", in, got, want)
		}
	}
}
