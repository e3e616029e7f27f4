package articles

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/byline/byline/model"
	"github.com/mmcdole/gofeed"
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
// as ParseHTML does. An item's Source is its link, or the feed's source when
// it has none. Broken XML is an error naming the source; a feed without
// items is an error wrapping ErrEmpty.
func ParseFeed(source string, data []byte) (*Feed, error) {
	if looksBinary(data) {
		return nil, &Error{Source: source, Err: ErrBinary}
	}
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, &Error{Source: source, Err: fmt.Errorf("not a readable RSS or Atom feed: %w", err)}
	}
	f := &Feed{Title: cleanText(gf.Title), Link: strings.TrimSpace(gf.Link)}
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		f.Articles = append(f.Articles, feedArticle(source, it))
	}
	if len(f.Articles) == 0 {
		return nil, &Error{Source: source, Err: fmt.Errorf("%w: the feed has no items", ErrEmpty)}
	}
	return f, nil
}

func feedArticle(source string, it *gofeed.Item) *model.Article {
	a := &model.Article{Source: source, Format: model.Plain, Title: cleanText(it.Title)}
	if link := strings.TrimSpace(it.Link); link != "" {
		a.Source = Sanitize(link)
	}
	switch {
	case it.PublishedParsed != nil:
		a.Date = wallClock(*it.PublishedParsed)
	case it.UpdatedParsed != nil:
		a.Date = wallClock(*it.UpdatedParsed)
	}
	if len(it.Authors) > 0 && it.Authors[0] != nil {
		a.Byline = cleanText(it.Authors[0].Name)
	} else if it.Author != nil {
		a.Byline = cleanText(it.Author.Name)
	}
	for _, body := range []string{it.Content, it.Description} {
		if a.Sections = HTMLSections(body); len(a.Sections) > 0 {
			break
		}
	}
	if len(a.Sections) == 0 {
		a.Sections = []model.Section{{Paragraphs: []string{a.Title}}}
	}
	if a.Title == "" {
		a.Title = DeriveTitle(a)
	}
	return a
}
