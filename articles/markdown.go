package articles

import (
	"regexp"
	"strings"
	"time"

	"github.com/byline/byline/model"
)

var atxHeading = regexp.MustCompile(`^(#{1,6})[ \t]+(.*?)[ \t#]*$`)

// ParseMarkdown parses a Markdown article: the first `#` heading is the
// title, `##` and `###` headings open sections, and everything else is kept
// as Markdown blocks (a fenced code block stays one block). Optional YAML
// front matter may give `title:` and `date:`.
func ParseMarkdown(source string, data []byte) (*model.Article, error) {
	if looksBinary(data) {
		return nil, &Error{Source: source, Err: ErrBinary}
	}
	text := strings.TrimPrefix(Sanitize(normalizeNewlines(string(data))), "\uFEFF")
	a := &model.Article{Source: source, Format: model.Markdown}
	text = frontMatter(a, text)
	if m := dateMarker.FindStringSubmatchIndex(text); m != nil && a.Date.IsZero() {
		if d, err := time.Parse("2006-01-02", text[m[2]:m[3]]); err == nil {
			a.Date = d
			text = text[m[1]:]
		}
	}
	var cur *model.Section
	var block []string
	fence := ""
	flush := func() {
		if len(block) == 0 {
			return
		}
		if cur == nil {
			a.Sections = append(a.Sections, model.Section{})
			cur = &a.Sections[len(a.Sections)-1]
		}
		cur.Paragraphs = append(cur.Paragraphs, strings.Join(block, "\n"))
		block = block[:0]
	}
	for line := range strings.SplitSeq(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			block = append(block, line)
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
				flush()
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			flush()
			fence = trimmed[:3]
			block = append(block, line)
			continue
		}
		if m := atxHeading.FindStringSubmatch(line); m != nil {
			flush()
			level, title := len(m[1]), strings.TrimSpace(m[2])
			if level == 1 && len(a.Sections) == 0 && (a.Title == "" || a.Title == title) {
				a.Title = title
				continue
			}
			a.Sections = append(a.Sections, model.Section{Heading: title})
			cur = &a.Sections[len(a.Sections)-1]
			continue
		}
		if trimmed == "" {
			flush()
			continue
		}
		if IsDebris(trimmed) {
			continue
		}
		block = append(block, strings.TrimRight(line, " \t"))
	}
	flush()
	if len(a.Sections) == 0 {
		if a.Title == "" {
			return nil, &Error{Source: source, Err: ErrEmpty}
		}
		a.Sections = []model.Section{{}}
	}
	if a.Title == "" {
		a.Title = DeriveTitle(a)
	}
	return a, nil
}

// frontMatter reads a leading `---` YAML block's title and date into a and
// returns the text after it. Other keys are ignored.
func frontMatter(a *model.Article, text string) string {
	if !strings.HasPrefix(text, "---\n") {
		return text
	}
	end := strings.Index(text[4:], "\n---")
	if end < 0 {
		return text
	}
	head := text[4 : 4+end]
	rest := text[4+end+4:]
	rest = strings.TrimPrefix(rest, "\n")
	for line := range strings.SplitSeq(head, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"'`)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "title":
			a.Title = v
		case "date":
			if len(v) >= 10 {
				if d, err := time.Parse("2006-01-02", v[:10]); err == nil {
					a.Date = d
				}
			}
		case "author", "byline":
			a.Byline = v
		}
	}
	return rest
}
