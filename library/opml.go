package library

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/byline/byline/articles"
)

// opml is the subset of OPML 1.0/2.0 that feed readers exchange: outlines
// (nested in folders or not) whose xmlUrl is a feed.
type opml struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    struct {
		Title       string `xml:"title"`
		DateCreated string `xml:"dateCreated,omitempty"`
	} `xml:"head"`
	Body struct {
		Outlines []outline `xml:"outline"`
	} `xml:"body"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

// maxOPML is the largest OPML document ImportOPML reads: a subscription
// list of a hundred thousand feeds fits many times over.
const maxOPML = 16 << 20

// ImportOPML subscribes to every feed in an OPML document under its
// outline's title and the folder it is nested in ("Tech", or "Tech / Go"
// for a folder in a folder), and returns how many were new and the entries
// it could not use.
func (l *Library) ImportOPML(ctx context.Context, r io.Reader) (added int, problems []error, err error) {
	if err := l.checkWritable(); err != nil {
		return 0, nil, err
	}
	feeds, problems, err := readOPML(r)
	if err != nil {
		return 0, problems, err
	}
	for _, f := range feeds {
		isNew, err := l.SubscribeAs(ctx, f.url, f.name, f.folder)
		switch {
		case err != nil && ctx.Err() != nil:
			return added, problems, ctx.Err()
		case err != nil:
			return added, problems, err // the library itself: the rest would fail too
		case isNew:
			added++
		}
	}
	return added, problems, nil
}

// opmlFeed is one feed of an OPML document: its URL, the outline's title
// (or text) and the folders it is nested in, joined by " / ".
type opmlFeed struct{ url, name, folder string }

// maxOPMLDepth is how many levels of OPML folders name a feed's folder;
// deeper ones are read, under the folder of that depth.
const maxOPMLDepth = 16

// readOPML returns the feeds of an OPML document: the xmlUrl of every
// outline, however deeply nested in folders, cleaned as Subscribe cleans
// them, with its title and folder, in document order. An outline whose URL is not an http(s) URL is a
// problem, not an error. The document is read as a stream of tokens, so
// nesting costs no recursion; it may be at most maxOPML bytes, in any
// encoding its XML declaration names. Nothing it returns, URLs and error
// messages included, holds a control or bidi character.
func readOPML(r io.Reader) (feeds []opmlFeed, problems []error, err error) {
	data, err := io.ReadAll(io.LimitReader(r, maxOPML+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading the OPML file: %s", oneLine(err.Error()))
	}
	if len(data) > maxOPML {
		return nil, nil, fmt.Errorf("not an OPML file: larger than %d MB", maxOPML>>20)
	}
	// A control character in one title must not lose every subscription.
	d := xml.NewDecoder(bytes.NewReader(articles.DropXMLControls(data)))
	d.CharsetReader = charset.NewReaderLabel
	root := false
	// folders holds, for each open outline, the folder its children are
	// in: an outline without a URL that has a name opens a folder.
	var folders []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("not an OPML file: %s", oneLine(err.Error()))
		}
		if ee, ok := tok.(xml.EndElement); ok && ee.Name.Local == "outline" && len(folders) > 0 {
			folders = folders[:len(folders)-1]
			continue
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !root {
			if se.Name.Local != "opml" {
				return nil, nil, fmt.Errorf("not an OPML file: the document is %s, not opml", strconv.Quote(se.Name.Local))
			}
			root = true
			continue
		}
		if se.Name.Local != "outline" {
			continue
		}
		folder := ""
		if len(folders) > 0 {
			folder = folders[len(folders)-1]
		}
		var rawURL, title, text, category string
		for _, a := range se.Attr {
			switch {
			case strings.EqualFold(a.Name.Local, "xmlUrl"):
				rawURL = strings.TrimSpace(a.Value)
			case a.Name.Local == "title":
				title = a.Value
			case a.Name.Local == "text":
				text = a.Value
			case a.Name.Local == "category":
				category = a.Value
			}
		}
		name := title
		if name == "" {
			name = text
		}
		inner := folder // the folder of this outline's children
		if rawURL == "" {
			if n := oneLine(name); n != "" && len(folders) < maxOPMLDepth {
				inner = strings.TrimPrefix(folder+" / "+n, " / ")
			}
		}
		folders = append(folders, inner)
		if rawURL == "" {
			continue
		}
		u, err := checkFeedURL(rawURL)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		if folder == "" {
			folder = categoryFolder(category)
		}
		feeds = append(feeds, opmlFeed{url: u, name: oneLine(name), folder: folder})
	}
	if !root {
		return nil, nil, errors.New("not an OPML file: no opml element")
	}
	return feeds, problems, nil
}

// categoryFolder is the folder an OPML category attribute names for a
// feed outside any folder: its first category, a slash-delimited path
// ("/Tech/Go" is "Tech / Go").
func categoryFolder(category string) string {
	first, _, _ := strings.Cut(category, ",")
	var parts []string
	for _, p := range strings.Split(first, "/") {
		if p = oneLine(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " / ")
}

// ExportOPML writes every subscription as an OPML 2.0 document.
func (l *Library) ExportOPML(ctx context.Context, w io.Writer) error {
	doc := opml{Version: "2.0"}
	doc.Head.Title = "byline subscriptions"
	doc.Head.DateCreated = time.Now().UTC().Format(time.RFC1123Z)
	stats, err := l.Stats(ctx)
	if err != nil {
		return err
	}
	folders := map[string]int{}
	for _, f := range stats.Feeds {
		o := outline{Text: f.Name(), Title: f.Title, Type: "rss", XMLURL: f.URL}
		if f.Folder == "" {
			doc.Body.Outlines = append(doc.Body.Outlines, o)
			continue
		}
		i, ok := folders[f.Folder]
		if !ok {
			i = len(doc.Body.Outlines)
			folders[f.Folder] = i
			doc.Body.Outlines = append(doc.Body.Outlines, outline{Text: f.Folder, Title: f.Folder})
		}
		doc.Body.Outlines[i].Outlines = append(doc.Body.Outlines[i].Outlines, o)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}
