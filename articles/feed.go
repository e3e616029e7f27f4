package articles

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

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
	gf, err := parseGofeed(dropXMLControls(data), runtime.GOMAXPROCS(0))
	if err != nil {
		return nil, &Error{Source: source, Err: fmt.Errorf("not a readable RSS or Atom feed: %w", err)}
	}
	f := &Feed{Title: feedText(gf.Title), Link: cleanText(gf.Link)}
	for _, a := range feedArticles(source, gf.Items, runtime.GOMAXPROCS(0)) {
		if a != nil {
			a.Feed = f.Title
			if a.Feed == "" {
				a.Feed = source
			}
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

// splitFeedSize is the smallest feed parseGofeed parses in parts; below
// it, goroutines cost more than they save.
const splitFeedSize = 1 << 20

// parseGofeed parses a feed with gofeed. A large one is parsed in parts on
// up to workers goroutines: gofeed reads a document on one goroutine,
// which for a first fetch of thousands of items left a core idle for
// most of a second (issue 11).
func parseGofeed(data []byte, workers int) (*gofeed.Feed, error) {
	if workers < 2 || len(data) < splitFeedSize {
		return gofeed.NewParser().Parse(bytes.NewReader(data))
	}
	return parseInParts(data, workers)
}

// partEnd marks the item added at the end of every part (see
// parseInParts).
const partEnd = "urn:byline:part-end"

// parseInParts is parseGofeed's parse in parts, whatever the feed's size.
// Each part is the feed with a run of its items (splitFeed), so that what
// precedes and follows the items (namespaces, the channel's own elements)
// is in every part, and the parts' items are put back together in order.
//
// gofeed stops quietly at markup it cannot read, keeping the items before
// it: a document broken in its third item gives two. So that a part does
// not give more than the whole would, every part ends with one more item,
// marked partEnd, and a part whose last item is not that one means the
// document is parsed whole, as is one splitFeed cannot split or a part
// that fails: the result, or the error, is then gofeed's own.
func parseInParts(data []byte, workers int) (*gofeed.Feed, error) {
	whole := func() (*gofeed.Feed, error) { return gofeed.NewParser().Parse(bytes.NewReader(data)) }
	items, name, ok := splitFeed(data)
	if !ok || len(items) < 2 {
		return whole()
	}
	end := "<item><guid>" + partEnd + "</guid></item>"
	if name == "entry" {
		end = "<entry><id>" + partEnd + "</id></entry>"
	}
	head, tail := data[:items[0][0]], data[items[len(items)-1][1]:]
	// More parts than workers, so that one slow part does not hold the rest.
	parts := min(4*workers, len(items))
	feeds := make([]*gofeed.Feed, parts)
	var wg sync.WaitGroup
	next := make(chan int, parts)
	for k := range parts {
		next <- k
	}
	close(next)
	for range workers {
		wg.Go(func() {
			for k := range next {
				from, to := k*len(items)/parts, (k+1)*len(items)/parts
				first, last := items[from][0], items[to-1][1]
				doc := make([]byte, 0, len(head)+last-first+len(end)+len(tail))
				doc = append(append(append(append(doc, head...), data[first:last]...), end...), tail...)
				f, err := gofeed.NewParser().Parse(bytes.NewReader(doc))
				if err != nil || len(f.Items) != to-from+1 || f.Items[to-from].GUID != partEnd {
					continue // feeds[k] stays nil
				}
				f.Items = f.Items[:to-from]
				feeds[k] = f
			}
		})
	}
	wg.Wait()
	if slices.Contains(feeds, nil) {
		return whole()
	}
	f := feeds[0]
	for _, part := range feeds[1:] {
		f.Items = append(f.Items, part.Items...)
	}
	return f, nil
}

// feedArticles turns items into articles, in their order (nil for an item
// skipped), on up to workers goroutines. Items are independent, and turning
// their HTML into sections is most of a large feed's parsing after gofeed's
// own: a first fetch of thousands of items spends a second in it, before
// any item can be recognised or stored.
func feedArticles(source string, items []*gofeed.Item, workers int) []*model.Article {
	out := make([]*model.Article, len(items))
	convert := func(i int) {
		if items[i] != nil {
			out[i] = feedArticle(source, items[i])
		}
	}
	// A small feed is not worth the goroutines.
	const perWorker = 16
	workers = min(workers, len(items)/perWorker)
	if workers <= 1 {
		for i := range items {
			convert(i)
		}
		return out
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for range workers {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next += perWorker
				mu.Unlock()
				if i >= len(items) {
					return
				}
				for j := i; j < min(i+perWorker, len(items)); j++ {
					convert(j)
				}
			}
		})
	}
	wg.Wait()
	return out
}

// feedArticle turns an item into an article, or returns nil for an item
// with neither title nor text.
func feedArticle(source string, it *gofeed.Item) *model.Article {
	a := &model.Article{Source: source, Format: model.Plain, Title: feedText(it.Title)}
	// root is the parsed body the sections came from (nil: none, or a
	// body too deeply nested to parse), which the links are read from.
	var root *html.Node
	fromBody := false
	for _, body := range []string{it.Content, it.Description} {
		if a.Sections, root = fragmentSections(body); len(a.Sections) > 0 {
			fromBody = true
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
		a.DerivedTitle = true
	}
	a.Links = feedLinks(a, it, fromBody, root)
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

// dropXMLControls removes from a feed the control characters that XML
// forbids, as bytes or as character references (&#x1b;, &#27;), and keeps
// legal references. Go's XML decoder stops at the first one, which would
// lose every item for one bad title; what is left is sanitised later like
// all text. An ESC takes the CSI sequence after it (`[31m`), or an OSC one
// ended by BEL (`]0;title` BEL), along, as Sanitize would. Where a drop
// would join the text around it into a new reference (`&#&#27;27;`), the
// dangling start before it goes too. It is one pass over the bytes: a
// regular expression over a 16 MB feed took seconds (issue 11).
func dropXMLControls(data []byte) []byte {
	var out []byte // nil while nothing was dropped
	checked := 0   // out[:checked] does not end with the start of a reference
	for i := 0; i < len(data); {
		j := i
		for j < len(data) && (data[j] >= 0x20 && data[j] != '&' || data[j] == '\t' || data[j] == '\n' || data[j] == '\r') {
			j++
		}
		if out != nil {
			out = append(out, data[i:j]...)
		}
		if i = j; i == len(data) {
			break
		}
		end, r := i+1, rune(data[i])
		if data[i] == '&' {
			e, ref, ok := numericReference(data, i)
			if !ok || data[e-1] != ';' || legalXML(ref) {
				if out != nil {
					out = append(out, data[i])
				}
				i++
				continue
			}
			end, r = e, ref
		}
		if r == 0x1b {
			end = skipXMLEscape(data, end)
		}
		if out == nil {
			out = make([]byte, 0, len(data))
			out = append(out, data[:i]...)
		}
		out = out[:danglingReference(out, checked)]
		checked = len(out)
		i = end
	}
	if out == nil {
		return data
	}
	return out
}

// legalXML reports whether XML allows the character r.
func legalXML(r rune) bool {
	return r == 0x9 || r == 0xa || r == 0xd || r >= 0x20 && r <= 0xd7ff ||
		r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
}

// skipXMLEscape returns the index past the CSI (`[31m`) or BEL-ended OSC
// (`]0;title` and BEL or &#7;) sequence at data[j], after an ESC, or j.
func skipXMLEscape(data []byte, j int) int {
	if j >= len(data) {
		return j
	}
	k := j + 1
	switch data[j] {
	case '[':
		for k < len(data) && (data[k] >= '0' && data[k] <= '9' || data[k] == ';' || data[k] == '?') {
			k++
		}
		if k < len(data) && (data[k]|0x20 >= 'a' && data[k]|0x20 <= 'z') {
			return k + 1
		}
	case ']':
		for k < len(data) && data[k] != '<' && data[k] != '&' && data[k] != 0x07 && data[k] != '\n' {
			k++
		}
		if k < len(data) && data[k] == 0x07 {
			return k + 1
		}
		if e, r, ok := numericReference(data, k); ok && r == 7 && data[e-1] == ';' {
			return e
		}
	}
	return j
}
