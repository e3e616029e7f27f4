package articles

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/byline/byline/model"
	"github.com/mmcdole/gofeed"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The links of an article (model.Link), found after its sections are
// made: anchors of HTML pages and feed items, Markdown's links and
// autolinks, and addresses written out in plain text. Each is located by
// its text in the paragraphs, so that the parsers need not track offsets.

// bareURL matches an address written out in text: a scheme and "://", or
// "www." and a name. Trailing punctuation is trimmed by trimURL.
var bareURL = regexp.MustCompile(`\b(?:(?i:https?)://|(?:www|WWW)\.)[^\s<>"\x60]+`)

// mayHoldURL reports whether s may hold what bareURL matches: the regular
// expression is slow on long texts without any, which most are.
func mayHoldURL(s string) bool {
	return strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.Contains(s, "WWW.")
}

// textLinks returns the addresses written out in a's plain-text headings
// and paragraphs, each its own text, as written.
func textLinks(a *model.Article) []model.Link {
	var out []model.Link
	eachPiece(a, func(p piece) { out = appendBare(out, p) })
	return out
}

// appendBare appends the addresses written out in p.
func appendBare(out []model.Link, p piece) []model.Link {
	if !mayHoldURL(p.text) {
		return out
	}
	for _, m := range bareURL.FindAllStringIndex(p.text, -1) {
		u := trimURL(p.text[m[0]:m[1]])
		if n := schemeLen(u); len(u) <= n || strings.Trim(u[n:], "/") == "" {
			continue // a scheme alone
		}
		out = append(out, model.Link{Text: u, URL: SafeURL(u), Section: p.sec, Paragraph: p.par,
			Start: m[0], End: m[0] + len(u)})
	}
	return out
}

// schemeLen is the length of what bareURL matched an address by:
// "https://", "http://" or "www." (trimURL may have cut into it).
func schemeLen(u string) int {
	if i := strings.Index(u, "://"); i >= 0 {
		return i + 3
	}
	return len("www.")
}

// trimURL drops what ends a sentence rather than an address: trailing
// punctuation and quotes, and closing brackets without their opening one
// ("(see www.example.com)").
func trimURL(u string) string {
	for u != "" {
		r, w := utf8.DecodeLastRuneInString(u)
		switch {
		case strings.ContainsRune(".,;:!?'\"’”*_…", r):
		case r == ')' && strings.Count(u, "(") < strings.Count(u, ")"),
			r == ']' && strings.Count(u, "[") < strings.Count(u, "]"),
			r == '}' && strings.Count(u, "{") < strings.Count(u, "}"):
		default:
			return u
		}
		u = u[:len(u)-w]
	}
	return u
}

// SafeURL returns an address fit to keep, show and open: blanks around it
// and the tabs and newlines inside it dropped (as browsers do), other
// blanks, control and bidirectional characters and invalid UTF-8
// percent-encoded. Any other address is returned as it is.
func SafeURL(u string) string {
	u = strings.TrimSpace(u)
	clean := true
	for i := 0; i < len(u); {
		r, w := utf8.DecodeRuneInString(u[i:])
		if r == utf8.RuneError && w == 1 || r == ' ' || r == '\t' || r == '\n' || isControl(r) {
			clean = false
			break
		}
		i += w
	}
	if clean {
		return u
	}
	var b strings.Builder
	for i := 0; i < len(u); {
		r, w := utf8.DecodeRuneInString(u[i:])
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case r == utf8.RuneError && w == 1 || r == ' ' || isControl(r):
			for _, c := range []byte(u[i : i+w]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		default:
			b.WriteString(u[i : i+w])
		}
		i += w
	}
	return b.String()
}

// piece is a heading (par -1) or paragraph of an article.
type piece struct {
	sec, par int
	text     string
}

// eachPiece calls f on a's headings and paragraphs in reading order.
func eachPiece(a *model.Article, f func(p piece)) {
	for si, s := range a.Sections {
		if s.Heading != "" {
			f(piece{si, -1, s.Heading})
		}
		for pi, p := range s.Paragraphs {
			f(piece{si, pi, p})
		}
	}
}

func pieces(a *model.Article) []piece {
	var out []piece
	eachPiece(a, func(p piece) { out = append(out, p) })
	return out
}

// anchor is a link found in markup: its text as the article shows it and
// its address.
type anchor struct{ text, url string }

// htmlLinks returns the links of readable HTML whose text a's sections
// show, then the addresses written out elsewhere in its text. base, when
// not nil, resolves relative addresses.
func htmlLinks(root *html.Node, a *model.Article, base *url.URL) []model.Link {
	if root == nil {
		return textLinks(a)
	}
	var anchors []anchor
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Img,
				atom.Iframe, atom.Button, atom.Form, atom.Input, atom.Select, atom.Nav:
				return
			case atom.A:
				href, ok := attr(n, "href")
				if text := cleanText(textOf(n)); ok && text != "" {
					anchors = append(anchors, anchor{text, resolveURL(base, href)})
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return merge(locate(a, anchors), textLinks(a))
}

func attr(n *html.Node, name string) (string, bool) {
	for _, at := range n.Attr {
		if at.Namespace == "" && at.Key == name {
			return at.Val, true
		}
	}
	return "", false
}

// resolveURL makes href safe (SafeURL) and, with a base, absolute; an
// href that does not parse is kept as written.
func resolveURL(base *url.URL, href string) string {
	href = SafeURL(href)
	if base == nil {
		return href
	}
	u, err := url.Parse(href)
	if err != nil {
		return href
	}
	return base.ResolveReference(u).String()
}

// lookahead is how many headings and paragraphs past the last link found
// a link's text is looked for: text the parser dropped (debris, a
// caption) must not send the search to a far paragraph that happens to
// hold the same words.
const lookahead = 3

// locate finds each anchor's text in a's headings and paragraphs, in
// order, and returns the links whose text was found.
func locate(a *model.Article, anchors []anchor) []model.Link {
	ps := pieces(a)
	var out []model.Link
	cur, off := 0, 0
	for _, an := range anchors {
		for k := cur; k < len(ps) && k <= cur+lookahead; k++ {
			from := 0
			if k == cur {
				from = off
			}
			i := strings.Index(ps[k].text[from:], an.text)
			if i < 0 {
				continue
			}
			start := from + i
			out = append(out, model.Link{Text: an.text, URL: an.url, Section: ps[k].sec, Paragraph: ps[k].par,
				Start: start, End: start + len(an.text)})
			cur, off = k, start+len(an.text)
			break
		}
	}
	return out
}

// merge adds to links the bare addresses whose text no link covers, in
// reading order.
func merge(links, bare []model.Link) []model.Link {
	for _, b := range bare {
		covered := false
		for _, l := range links {
			if l.Section == b.Section && l.Paragraph == b.Paragraph && l.Start < b.End && b.Start < l.End {
				covered = true
				break
			}
		}
		if !covered {
			links = append(links, b)
		}
	}
	slices.SortStableFunc(links, func(x, y model.Link) int {
		switch p, q := x.Pos(), y.Pos(); {
		case !x.InText() && y.InText():
			return -1
		case x.InText() && !y.InText():
			return 1
		case p.Less(q):
			return -1
		case q.Less(p):
			return 1
		}
		return 0
	})
	return links
}

// feedLinks returns a feed item's links: its own link first, not in the
// text, then those of the content its sections came from (fromBody: as
// feedArticle chose it and parsed it into root), relative ones resolved
// against the item's link.
func feedLinks(a *model.Article, it *gofeed.Item, fromBody bool, root *html.Node) []model.Link {
	var out []model.Link
	own := SafeURL(cleanText(it.Link))
	if own != "" {
		out = append(out, model.Link{Text: a.Title, URL: own, Section: -1, Paragraph: -1})
	}
	base, err := url.Parse(own)
	if err != nil || !base.IsAbs() {
		base = nil
	}
	if fromBody {
		return merge(append(out, htmlLinks(root, a, base)...), nil)
	}
	return merge(out, textLinks(a))
}

// fragmentRoot parses an HTML fragment under one <div>, as HTMLSections
// reads it; nil when it does not parse.
func fragmentRoot(fragment string) *html.Node {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, DataAtom: atom.Body, Data: "body"})
	if err != nil {
		return nil
	}
	root := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root
}

// linkParser is goldmark's CommonMark parser with GFM's autolinks of bare
// addresses; safe for concurrent use.
var linkParser = goldmark.New(goldmark.WithExtensions(extension.Linkify)).Parser()

// maxLinkParagraph bounds the Markdown paragraphs read for links: longer
// ones, or ones with very many brackets, are searched for bare addresses
// only, so that no paragraph costs more than a linear scan.
const maxLinkParagraph = 64 << 10

// markdownLinks returns the links of a's Markdown paragraphs: inline
// links (their text located in the paragraph, their destination with
// escapes and character references resolved), autolinks and bare
// addresses, as written. Headings hold plain text and are searched for
// bare addresses.
func markdownLinks(a *model.Article) []model.Link {
	var out []model.Link
	eachPiece(a, func(p piece) {
		switch {
		case p.par < 0 || len(p.text) > maxLinkParagraph || strings.Count(p.text, "[") > 256:
			out = appendBare(out, p)
		case mayHoldURL(p.text) || strings.ContainsAny(p.text, "[<"):
			out = append(out, paragraphLinks(p)...)
		}
	})
	return out
}

// paragraphLinks parses one Markdown paragraph for its links.
func paragraphLinks(p piece) []model.Link {
	src := []byte(p.text)
	doc := linkParser.Parse(gmtext.NewReader(src))
	var out []model.Link
	after := 0 // where the last autolink's label ended
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image, *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			start, end, text := textSpan(n, src)
			if start < 0 {
				return ast.WalkSkipChildren, nil
			}
			out = append(out, model.Link{Text: cleanText(resolveMarkdown(text)), URL: SafeURL(resolveMarkdown(string(n.Destination))),
				Section: p.sec, Paragraph: p.par, Start: start, End: end})
			after = max(after, end)
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			label := string(n.Label(src))
			i := strings.Index(p.text[after:], label)
			if i < 0 || label == "" {
				return ast.WalkSkipChildren, nil
			}
			start := after + i
			out = append(out, model.Link{Text: Sanitize(label), URL: SafeURL(label),
				Section: p.sec, Paragraph: p.par, Start: start, End: start + len(label)})
			after = start + len(label)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// resolveMarkdown resolves a Markdown text's backslash escapes and
// character references, as a reader sees them; what they may decode to
// is sanitised by the caller.
func resolveMarkdown(s string) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations([]byte(s)))))
}

// textSpan returns the byte range of a link's text in src, from its first
// text to its last, and that text; start is -1 for a link without text.
func textSpan(n ast.Node, src []byte) (start, end int, text string) {
	start = -1
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			if start < 0 {
				start = t.Segment.Start
			}
			end = t.Segment.Stop
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return start, end, b.String()
}
