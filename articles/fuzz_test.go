package articles

import (
	"html"
	"testing"
	"unicode/utf8"

	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/model"
	"github.com/yuin/goldmark/util"
)

// The fuzz targets below read arbitrary bytes as each format. Their seed
// corpora are in testdata/fuzz/<target>: the injection cases of issue 14,
// deep nesting, and small real-shaped articles. Every crash one finds is
// kept there, and so runs in `go test` as a regression test.

// checkFuzzed fails t when an article parsed from fuzzed input is not
// safe to show: a control or bidirectional character in any text (also
// after decoding references, for Markdown, which a renderer decodes),
// invalid UTF-8, an empty title, or a mention outside its paragraph.
func checkFuzzed(t *testing.T, a *model.Article) {
	t.Helper()
	if a.Title == "" {
		t.Error("empty title")
	}
	texts := []string{a.Title, a.Byline}
	for _, s := range a.Sections {
		texts = append(texts, s.Heading)
		texts = append(texts, s.Paragraphs...)
	}
	for _, s := range texts {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8: %q", s)
		}
		forms := []string{s}
		if a.Format == model.Markdown {
			forms = append(forms, html.UnescapeString(s), string(util.ResolveNumericReferences([]byte(s))))
		}
		for _, f := range forms {
			for _, r := range f {
				if isControl(r) {
					t.Errorf("%U in %q (from %q)", r, f, s)
					break
				}
			}
		}
	}
	entities.Recognize(a)
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			title := m.Section == 0 && m.Paragraph == model.TitleParagraph && a.ShowsTitle()
			if !title && (m.Section < 0 || m.Section >= len(a.Sections) || m.Paragraph < -1 || m.Paragraph >= len(a.Sections[m.Section].Paragraphs)) {
				t.Errorf("mention %+v outside the article", m)
				continue
			}
			text := a.Text(m.Section, m.Paragraph)
			if m.Start < 0 || m.Start > m.End || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v outside its paragraph %q", m, text)
			}
		}
	}
}

func FuzzText(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if a, err := ParseText("fuzz.txt", data); err == nil {
			checkFuzzed(t, a)
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if a, err := ParseMarkdown("fuzz.md", data); err == nil {
			checkFuzzed(t, a)
		}
	})
}

func FuzzHTML(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if a, err := ParseHTML("fuzz.html", data, "https://example.com/a/b"); err == nil {
			checkFuzzed(t, a)
		}
		if s := HTMLSections(string(data)); len(s) > 0 {
			checkFuzzed(t, &model.Article{Title: "T", Sections: s})
		}
	})
}

func FuzzFeed(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := ParseFeed("fuzz.xml", data)
		if err != nil {
			return
		}
		checkFuzzed(t, &model.Article{Title: "T", Byline: feed.Title, Sections: []model.Section{{Heading: feed.Link}}})
		for _, a := range feed.Articles {
			checkFuzzed(t, a)
		}
	})
}
