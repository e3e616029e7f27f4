package articles

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/byline/byline/model"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Feed is a parsed RSS or Atom feed.
type Feed struct {
	// Title and Link are the feed's own (its site's address).
	Title, Link string
	// Articles are the feed's items in the feed's order.
	Articles []*model.Article
}

// parseFeed reads an RSS or Atom feed, one article per item. An XHTML page
// (which also opens with <?xml) is read as a page instead.
func parseFeed(source string, data []byte) ([]*model.Article, error) {
	f, err := ParseFeed(source, data)
	if err != nil {
		head := bytes.ToLower(data[:min(len(data), 4096)])
		if bytes.Contains(head, []byte("<html")) {
			a, herr := parseHTML(source, data)
			if herr == nil {
				return []*model.Article{a}, nil
			}
		}
		return nil, err
	}
	return f.Articles, nil
}

// ParseFeed reads an RSS (0.9x, 1.0, 2.0) or Atom feed with gofeed. Each
// item becomes an article: its title, date (published, else updated), first
// author, and its HTML content (else its description) split into sections
// as ParseHTML does. Titles and names given as HTML (Atom's html and xhtml
// types, escaped markup in RSS) become their text. An item's Source is its
// link, or the feed's source when it has none. An item with neither title
// nor text is skipped. Control characters, which XML forbids, are dropped
// rather than failing the whole feed. Broken XML is an error naming the
// source; a feed without items, or whose items are all empty, is an error
// wrapping ErrEmpty.
func ParseFeed(source string, data []byte) (*Feed, error) {
	if looksBinary(data) {
		return nil, &Error{Source: source, Err: ErrBinary}
	}
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(dropXMLControls(data)))
	if err != nil {
		return nil, &Error{Source: source, Err: fmt.Errorf("not a readable RSS or Atom feed: %w", err)}
	}
	f := &Feed{Title: feedText(gf.Title), Link: cleanText(gf.Link)}
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		if a := feedArticle(source, it); a != nil {
			f.Articles = append(f.Articles, a)
		}
	}
	switch {
	case len(gf.Items) == 0:
		return nil, &Error{Source: source, Err: fmt.Errorf("%w: the feed has no items", ErrEmpty)}
	case len(f.Articles) == 0:
		return nil, &Error{Source: source, Err: fmt.Errorf("%w: the feed's items are all empty", ErrEmpty)}
	}
	return f, nil
}

// feedArticle turns an item into an article, or returns nil for an item
// with neither title nor text.
func feedArticle(source string, it *gofeed.Item) *model.Article {
	a := &model.Article{Source: source, Format: model.Plain, Title: feedText(it.Title)}
	for _, body := range []string{it.Content, it.Description} {
		if a.Sections = HTMLSections(body); len(a.Sections) > 0 {
			break
		}
	}
	if len(a.Sections) == 0 {
		if a.Title == "" {
			return nil
		}
		a.Sections = []model.Section{{Paragraphs: []string{a.Title}}}
	}
	if link := cleanText(it.Link); link != "" {
		a.Source = link
	}
	switch {
	case it.PublishedParsed != nil:
		a.Date = wallClock(*it.PublishedParsed)
	case it.UpdatedParsed != nil:
		a.Date = wallClock(*it.UpdatedParsed)
	}
	if len(it.Authors) > 0 && it.Authors[0] != nil {
		a.Byline = feedText(it.Authors[0].Name)
	} else if it.Author != nil {
		a.Byline = feedText(it.Author.Name)
	}
	if a.Title == "" {
		a.Title = DeriveTitle(a)
	}
	a.Links = feedLinks(a, it)
	return a
}

// feedText returns the text of a feed's title or name. gofeed gives Atom's
// html and xhtml titles as HTML, and many RSS feeds put escaped HTML in
// theirs, while a text title may hold a "<" of its own: so the string is
// read as HTML only when it has a tag of an HTML element (<b>, </em>,
// <xhtml:div>); otherwise only its character references are resolved.
func feedText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return cleanText(s)
	}
	var b strings.Builder
	markup := false
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if !markup {
				return cleanText(html.UnescapeString(s))
			}
			return cleanText(b.String())
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if i := bytes.IndexByte(name, ':'); i >= 0 {
				name = name[i+1:] // an XHTML prefix
			}
			a := atom.Lookup(name)
			if a == 0 {
				b.Write(z.Raw())
				continue
			}
			markup = true
			if a == atom.Br || isBlock(a) {
				b.WriteByte(' ')
			}
		}
	}
}

// xmlControl matches the control characters XML forbids, as bytes or as
// character references (&#x1b;, &#27;), and legal references, which
// dropXMLControls keeps. An ESC takes the CSI sequence after it (`[31m`),
// or an OSC one ended by BEL (`]0;title` BEL), along, as Sanitize would.
var xmlControl = regexp.MustCompile(`(?:&#[xX]0*1[bB];|&#0*27;|\x1b)(?:\[[0-9;?]*[A-Za-z]|\][^<&\x07\n]*(?:&#[xX]?0*7;|\x07))?|` +
	`&#[xX][0-9a-fA-F]+;|&#[0-9]+;|[\x00-\x08\x0b\x0c\x0e-\x1f]`)

// dropXMLControls removes from a feed the control characters that XML
// forbids. Go's XML decoder stops at the first one, which would lose every
// item for one bad title; what is left is sanitised later like all text.
func dropXMLControls(data []byte) []byte {
	return xmlControl.ReplaceAllFunc(data, func(m []byte) []byte {
		if !bytes.HasPrefix(m, []byte("&#")) || !bytes.HasSuffix(m, []byte(";")) {
			return nil
		}
		num, base := string(m[2:len(m)-1]), 10
		if num[0] == 'x' || num[0] == 'X' {
			num, base = num[1:], 16
		}
		n, err := strconv.ParseUint(num, base, 32)
		if err == nil && (n == 0x9 || n == 0xa || n == 0xd || n >= 0x20 && n <= 0xd7ff ||
			n >= 0xe000 && n <= 0xfffd || n >= 0x10000 && n <= 0x10ffff) {
			return m
		}
		return nil
	})
}
