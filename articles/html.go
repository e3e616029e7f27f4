package articles

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/byline/byline/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML extracts the article from an HTML page; see ParseHTML.
func parseHTML(source string, data []byte) (*model.Article, error) {
	page := ""
	if isSniffable(source) && source != "-" {
		page = source
	}
	return ParseHTML(source, data, page)
}

// ParseHTML extracts the article from an HTML page with go-readability:
// the page's title, date and byline come from its metadata (Open Graph,
// JSON-LD, <meta>); the readable content's <h2> and <h3> open sections;
// paragraphs, list items, quotes and the like become plain paragraphs,
// sanitised, with debris ("Advertisement", "Read more") dropped. pageURL,
// when not empty, resolves relative links. A page without readable text is
// an error wrapping ErrEmpty. A page nested too deeply to parse into a
// tree (x/net/html stops at 512 open elements) is read token by token,
// its <title> the title (flatArticle).
func ParseHTML(source string, data []byte, pageURL string) (*model.Article, error) {
	if looksBinary(data) {
		return nil, &Error{Source: source, Err: ErrBinary}
	}
	var u *url.URL
	if pageURL != "" {
		var err error
		if u, err = url.Parse(pageURL); err != nil {
			return nil, &Error{Source: source, Err: err}
		}
	}
	ra, err := readability.FromReader(bytes.NewReader(data), u)
	if err != nil {
		// x/net/html refuses nesting deeper than 512 elements: the page's
		// text is still there to read, without its structure.
		if a := flatArticle(source, data); a != nil {
			return a, nil
		}
		return nil, &Error{Source: source, Err: fmt.Errorf("reading the page: %w", err)}
	}
	a := &model.Article{Source: source, Format: model.Plain}
	if ra.Node != nil {
		a.Sections = htmlSections(ra.Node)
	}
	if len(a.Sections) == 0 {
		return nil, &Error{Source: source, Err: ErrEmpty}
	}
	a.Title = cleanText(ra.Title())
	dropTitleHeading(a)
	a.Byline = cleanText(ra.Byline())
	dropBylineParagraph(a)
	if t, err := ra.PublishedTime(); err == nil {
		a.Date = wallClock(t)
	} else if t, err := ra.ModifiedTime(); err == nil {
		a.Date = wallClock(t)
	}
	if a.Title == "" {
		a.Title = DeriveTitle(a)
		a.DerivedTitle = true
	}
	a.Links = htmlLinks(ra.Node, a, u)
	return a, nil
}

// HTMLSections turns an HTML fragment (a feed item's content) into
// sections the way ParseHTML does with a page's readable content, without
// readability's scoring. A fragment nested too deeply to parse into a tree
// is read token by token instead (flatSections): its text is kept.
func HTMLSections(fragment string) []model.Section {
	s, _ := fragmentSections(fragment)
	return s
}

// fragmentSections returns the sections of an HTML fragment and the tree
// they were read from, for its links to be read from the same tree (a feed's
// items are parsed once); the tree is nil when x/net/html cannot parse the
// fragment (nested deeper than its 512 elements) and the text is read flat.
func fragmentSections(fragment string) ([]model.Section, *html.Node) {
	root := fragmentRoot(fragment)
	if root == nil {
		return flatSections(strings.NewReader(fragment), nil), nil
	}
	return htmlSections(root), root
}

// wallClock keeps a timestamp's own calendar date and time but in UTC, so
// that storing and reloading it never moves it to another day.
func wallClock(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// dropTitleHeading removes a leading heading that repeats the title.
func dropTitleHeading(a *model.Article) {
	s := &a.Sections[0]
	if a.Title != "" && strings.EqualFold(s.Heading, a.Title) {
		s.Heading = ""
		if len(s.Paragraphs) == 0 && len(a.Sections) > 1 {
			a.Sections = a.Sections[1:]
		}
	}
}

// dropBylineParagraph removes a paragraph near the top that only repeats
// the byline ("By Dana Whitfield"): it is metadata, kept in Byline.
func dropBylineParagraph(a *model.Article) {
	if a.Byline == "" {
		return
	}
	s := &a.Sections[0]
	for i := 0; i < len(s.Paragraphs) && i < 2; i++ {
		p := strings.TrimPrefix(strings.TrimPrefix(s.Paragraphs[i], "By "), "by ")
		if strings.EqualFold(p, a.Byline) && len(s.Paragraphs) > 1 {
			s.Paragraphs = append(s.Paragraphs[:i], s.Paragraphs[i+1:]...)
			return
		}
	}
}

// sectionizer walks readable HTML and collects sections.
type sectionizer struct {
	sections []model.Section
	inline   strings.Builder
}

func htmlSections(root *html.Node) []model.Section {
	var z sectionizer
	z.walk(root)
	z.flush()
	return z.sections
}

func (z *sectionizer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		z.inline.WriteString(n.Data)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			z.walk(c)
		}
		return
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Img,
		atom.Iframe, atom.Button, atom.Form, atom.Input, atom.Select, atom.Nav:
		return
	case atom.H1, atom.H2, atom.H3:
		z.flush()
		if h := cleanText(textOf(n)); h != "" && !IsDebris(h) {
			z.sections = append(z.sections, model.Section{Heading: h})
		}
		return
	case atom.Br:
		z.inline.WriteByte('\n')
		return
	}
	block := isBlock(n.DataAtom)
	if block {
		z.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		z.walk(c)
	}
	if block {
		z.flush()
	}
}

// flush ends the paragraph being collected.
func (z *sectionizer) flush() {
	// Lines broken by <br> are checked for debris one by one.
	var lines []string
	for line := range strings.SplitSeq(z.inline.String(), "\n") {
		if line = cleanText(line); line != "" && !IsDebris(line) {
			lines = append(lines, line)
		}
	}
	z.inline.Reset()
	p := strings.Join(lines, " ")
	if p == "" {
		return
	}
	if len(z.sections) == 0 {
		z.sections = append(z.sections, model.Section{})
	}
	s := &z.sections[len(z.sections)-1]
	s.Paragraphs = append(s.Paragraphs, p)
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.Blockquote, atom.Pre, atom.Section, atom.Article, atom.Main, atom.Aside,
		atom.Header, atom.Footer, atom.Figure, atom.Figcaption, atom.Table, atom.Tr,
		atom.Td, atom.Th, atom.Caption, atom.H4, atom.H5, atom.H6, atom.Hr, atom.Address,
		atom.Details, atom.Summary, atom.Body:
		return true
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// cleanText sanitises text from a page and collapses its blanks.
func cleanText(s string) string {
	return strings.Join(strings.Fields(Sanitize(s)), " ")
}

// flatArticle reads a page token by token, for one too deeply nested to
// parse into a tree: its <title> and its text, split into sections and
// paragraphs at headings and block elements as htmlSections does. It
// returns nil for a page without text.
func flatArticle(source string, data []byte) *model.Article {
	var title string
	sections := flatSections(bytes.NewReader(data), &title)
	if len(sections) == 0 {
		return nil
	}
	a := &model.Article{Source: source, Format: model.Plain, Sections: sections, Title: cleanText(title)}
	dropTitleHeading(a)
	if a.Title == "" {
		a.Title = DeriveTitle(a)
		a.DerivedTitle = true
	}
	return a
}

// flatSections is htmlSections over a token stream: it takes memory for
// the text only, however deep the nesting. The text of <title> goes to
// title, when not nil, rather than into a section.
func flatSections(r io.Reader, title *string) []model.Section {
	var z sectionizer
	var heading strings.Builder
	skip, inHeading := 0, false // skip counts open elements whose text is not shown
	into := &z.inline
	t := html.NewTokenizer(r)
	for {
		tt := t.Next()
		switch tt {
		case html.ErrorToken:
			z.flush()
			return z.sections
		case html.TextToken:
			if skip == 0 {
				into.Write(t.Text())
			}
			continue
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
		default:
			continue
		}
		name, _ := t.TagName()
		a := atom.Lookup(name)
		start := tt == html.StartTagToken
		switch a {
		case atom.Title:
			// Its text is the next token: the tokenizer reads it raw.
			if start && t.Next() == html.TextToken && title != nil {
				*title = string(t.Text())
			}
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe:
			switch {
			case start:
				skip++
			case tt == html.EndTagToken:
				skip = max(skip-1, 0)
			}
		case atom.H1, atom.H2, atom.H3:
			if skip > 0 {
				continue
			}
			if start {
				z.flush()
				heading.Reset()
				into, inHeading = &heading, true
			} else if inHeading {
				if h := cleanText(heading.String()); h != "" && !IsDebris(h) {
					z.sections = append(z.sections, model.Section{Heading: h})
				}
				into, inHeading = &z.inline, false
			}
		case atom.Br:
			into.WriteByte('\n')
		default:
			if isBlock(a) && !inHeading {
				z.flush()
			}
		}
	}
}
