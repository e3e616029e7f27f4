package articles

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/byline/byline/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	gmtext "github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"
)

// atxLine matches a line that opens an ATX heading (`## Part`), so that a
// heading that does not is known to be a setext one, underlined.
var atxLine = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]|$)`)

// closingHashes matches what would end an ATX heading as its closing
// sequence: a blank, hashes and blanks at the end.
var closingHashes = regexp.MustCompile(`[ \t]#+[ \t]*$`)

// emptyATX matches an ATX heading without text (`#`, `## ##`).
var emptyATX = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]+#*)?[ \t]*$`)

// ParseMarkdown parses a Markdown article: the first level-1 heading is the
// title, other headings open sections, and everything else is kept as
// Markdown blocks (a fenced code block stays one block). Headings are found
// by goldmark as CommonMark defines them, `#` and setext (underlined with
// `===` or `---`) alike, and hold the text they show, without markup.
// Optional YAML front matter may give `title:`, `date:` and `author:`;
// front matter that is not valid YAML is dropped whole, and a date that is
// not YYYY-MM-DD is ignored. A file without text after its front matter
// is an error wrapping ErrEmpty. Numeric character references that decode
// to a control or bidirectional character (`&#27;`, `&#x202e;`) are
// dropped everywhere, code included, as the characters would be.
func ParseMarkdown(source string, data []byte) (*model.Article, error) {
	if looksBinary(data) {
		return nil, &Error{Source: source, Err: ErrBinary}
	}
	// References that decode to a control are dropped before anything
	// else: the paragraphs stay Markdown, which a renderer decodes later.
	text := strings.TrimPrefix(dropControlReferences(Sanitize(normalizeNewlines(string(data)))), "\uFEFF")
	a := &model.Article{Source: source, Format: model.Markdown}
	text = frontMatter(a, text)
	if m := dateMarker.FindStringSubmatchIndex(text); m != nil && a.Date.IsZero() {
		if d, err := time.Parse("2006-01-02", text[m[2]:m[3]]); err == nil {
			a.Date = d
			text = text[m[1]:]
		}
	}
	lines := strings.Split(text, "\n")
	headings := markdownHeadings(text, lines)
	var cur *model.Section
	var block []string
	fence := ""
	body := false // whether there is any text after the front matter
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
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		if h, ok := headings[i]; ok {
			// goldmark knows better than the fence tracking below.
			fence = ""
			flush()
			i = h.last
			if h.text == "" {
				continue
			}
			body = true
			if h.level == 1 && len(a.Sections) == 0 && (a.Title == "" || a.Title == h.text) {
				a.Title = h.text
				continue
			}
			a.Sections = append(a.Sections, model.Section{Heading: h.text})
			cur = &a.Sections[len(a.Sections)-1]
			continue
		}
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
			body = true
			continue
		}
		if trimmed == "" {
			flush()
			continue
		}
		if thematicBreak.MatchString(line) {
			flush() // a rule ends a paragraph and is no text of its own
			continue
		}
		if IsDebris(trimmed) {
			continue
		}
		block = append(block, strings.TrimRight(line, " \t"))
		body = true
	}
	flush()
	if !body {
		return nil, &Error{Source: source, Err: ErrEmpty}
	}
	if len(a.Sections) == 0 {
		a.Sections = []model.Section{{}}
	}
	if a.Title == "" {
		a.Title = DeriveTitle(a)
		a.DerivedTitle = true
	}
	a.Links = markdownLinks(a)
	return a, nil
}

// mdHeading is a top-level heading of a Markdown text.
type mdHeading struct {
	level int
	text  string // what the reader sees: no markup, escapes resolved
	last  int    // the index of its last line: the underline of a setext heading
}

// markdownHeadings parses text with goldmark and returns its top-level
// headings by the index, in lines (text split at "\n"), of their first line.
// Headings inside lists, quotes or code are not sections and not returned.
// A text nested beyond goldmark's comfort is read line by line instead.
func markdownHeadings(text string, lines []string) map[int]mdHeading {
	if markdownTooDeep(text) {
		return lineHeadings(lines)
	}
	src := []byte(text)
	starts := make([]int, len(lines))
	for i, off := 1, 0; i < len(lines); i++ {
		off += len(lines[i-1]) + 1
		starts[i] = off
	}
	lineOf := func(off int) int { return sort.SearchInts(starts, off+1) - 1 }
	// Inline syntax is parsed for headings only: paragraphs stay Markdown.
	ctx := parser.NewContext()
	doc := blockParser.Parse(gmtext.NewReader(src), parser.WithContext(ctx))
	out := map[int]mdHeading{}
	next := 0 // the first line not yet known to belong to a block
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			first, last := -1, -1
			if l := h.Lines(); l.Len() > 0 {
				first, last = lineOf(l.At(0).Start), lineOf(l.At(l.Len()-1).Start)
				if !atxLine.MatchString(lines[first]) {
					last++ // the setext underline
				}
			} else {
				// goldmark keeps no position for an empty heading: it is the
				// first empty ATX line after the blocks before it.
				for i := next; i < len(lines); i++ {
					if emptyATX.MatchString(lines[i]) {
						first, last = i, i
						break
					}
				}
			}
			if first >= 0 && last < len(lines) {
				out[first] = mdHeading{level: h.Level, text: headingText(h, src, ctx), last: last}
				next = max(next, last+1)
			}
		}
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering || c.Type() != ast.TypeBlock {
				return ast.WalkSkipChildren, nil
			}
			if l := c.Lines(); l.Len() > 0 {
				next = max(next, lineOf(l.At(l.Len()-1).Start)+1)
			}
			return ast.WalkContinue, nil
		})
	}
	return out
}

// blockParser is goldmark's CommonMark parser without its inline parsers:
// it finds the blocks, and the link references headings may use.
// headingParser is the whole parser. Both are safe for concurrent use.
var (
	blockParser = parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
	headingParser = goldmark.DefaultParser()
)

// headingText returns the text a reader sees of a heading found by
// blockParser: code spans, emphasis, links and images give way to their
// text, raw HTML tags are dropped, and backslash escapes and character
// references are resolved. ctx holds the document's link references.
func headingText(h *ast.Heading, src []byte, ctx parser.Context) string {
	// Parse its text again, inline syntax and all, as an ATX heading.
	md := []byte("# ")
	for i := 0; i < h.Lines().Len(); i++ {
		seg := h.Lines().At(i)
		md = append(md, bytes.TrimSpace(seg.Value(src))...)
		md = append(md, ' ')
	}
	if m := closingHashes.FindIndex(md); m != nil {
		// A setext heading's "C #" must not lose its "#" as a closing sequence.
		md = append(md[:m[0]+1], append([]byte(`\`), md[m[0]+1:]...)...)
	}
	return atxText(md, ctx)
}

// inlineText is the text a reader sees of a heading's Markdown text s.
func inlineText(s string) string {
	return atxText([]byte("# "+s), parser.NewContext())
}

// atxText returns the text a reader sees of an ATX heading md ("# ..."),
// as headingText; a heading whose inline syntax is beyond the limits
// (inlineTooComplex) is shown as written.
func atxText(md []byte, ctx parser.Context) string {
	if inlineTooComplex(md) {
		return markdownText(strings.TrimLeft(string(md), "#"))
	}
	doc := headingParser.Parse(gmtext.NewReader(md), parser.WithContext(ctx))
	var b bytes.Buffer
	w := bufio.NewWriterSize(&b, 256)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			// Code is literal: no escapes, no references.
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					gmhtml.DefaultWriter.RawWrite(w, t.Segment.Value(md))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			// The renderer's writer resolves escapes and references and
			// escapes the result as HTML, which UnescapeString then undoes.
			gmhtml.DefaultWriter.Write(w, n.Segment.Value(md))
			if n.SoftLineBreak() || n.HardLineBreak() {
				_ = w.WriteByte(' ')
			}
		case *ast.String:
			gmhtml.DefaultWriter.RawWrite(w, n.Value)
		case *ast.AutoLink:
			gmhtml.DefaultWriter.RawWrite(w, n.Label(md))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	_ = w.Flush()
	return markdownText(html.UnescapeString(b.String()))
}

// markdownText is cleanText for text taken out of Markdown (a heading, a
// title, front matter), which is shown and exported as text but may reach
// a renderer again: references that its making formed (`&#*27*;` loses its
// emphasis, YAML's "\x26#27;" is "&#27;") and that decode to a control are
// dropped, as ParseMarkdown drops those written in the file.
func markdownText(s string) string {
	return strings.Join(strings.Fields(dropControlReferences(Sanitize(s))), " ")
}

// thematicBreak matches a Markdown rule: "---", "***", "* * *", "___".
var thematicBreak = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)

// frontMatter reads a leading YAML front matter block (between a `---` line
// and a `---` or `...` line) into a and returns the text after it. Only
// `title`, `date` and `author` (or `byline`) are read; a block that is not
// valid YAML (gopkg.in/yaml.v3 refuses it) is dropped without reading any
// of it, and a date must start with YYYY-MM-DD. A block that starts with a
// blank line is not front matter: the file opens with a thematic break.
func frontMatter(a *model.Article, text string) string {
	if !strings.HasPrefix(text, "---\n") {
		return text
	}
	head, rest := "", ""
	found := false
	for i := 4; i <= len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text) - i
		}
		if l := strings.TrimRight(text[i:i+end], " \t"); l == "---" || l == "..." {
			head, rest, found = text[4:i], text[min(i+end+1, len(text)):], true
			break
		}
		i += end + 1
	}
	if !found {
		return text
	}
	if strings.HasPrefix(head, "\n") {
		// A thematic break, a blank line and text: not front matter.
		return text
	}
	var fields map[string]any
	if err := yaml.Unmarshal([]byte(head), &fields); err != nil {
		return rest
	}
	lower := make(map[string]any, len(fields))
	for k, val := range fields {
		lower[strings.ToLower(k)] = val
	}
	for _, k := range []string{"title", "date", "byline", "author"} { // author wins over byline
		val, ok := lower[k]
		if !ok {
			continue
		}
		var v string
		switch val := val.(type) {
		case string:
			v = markdownText(val)
		case time.Time: // an unquoted date
			v = val.Format(time.RFC3339)
		case int, float64, bool:
			v = fmt.Sprint(val)
		default:
			continue // a list or a mapping
		}
		switch k {
		case "title":
			a.Title = v
		case "date":
			if d, err := time.Parse("2006-01-02", v[:min(len(v), 10)]); err == nil && (len(v) == 10 || strings.ContainsRune("Tt ", rune(v[10]))) {
				a.Date = d
			}
		case "author", "byline":
			a.Byline = v
		}
	}
	return rest
}
