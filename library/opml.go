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

// ImportOPML subscribes to every feed in an OPML document (folders are
// flattened) and returns how many were new and the entries it could not use.
func (l *Library) ImportOPML(ctx context.Context, r io.Reader) (added int, problems []error, err error) {
	if err := l.checkWritable(); err != nil {
		return 0, nil, err
	}
	feeds, problems, err := readOPML(r)
	if err != nil {
		return 0, problems, err
	}
	for _, u := range feeds {
		isNew, err := l.Subscribe(ctx, u)
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

// readOPML returns the feed URLs of an OPML document: the xmlUrl of every
// outline, however deeply nested in folders, cleaned as Subscribe cleans
// them, in document order. An outline whose URL is not an http(s) URL is a
// problem, not an error. The document is read as a stream of tokens, so
// nesting costs no recursion; it may be at most maxOPML bytes, in any
// encoding its XML declaration names. Nothing it returns, URLs and error
// messages included, holds a control or bidi character.
func readOPML(r io.Reader) (feeds []string, problems []error, err error) {
	data, err := io.ReadAll(io.LimitReader(r, maxOPML+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading the OPML file: %s", oneLine(err.Error()))
	}
	if len(data) > maxOPML {
		return nil, nil, fmt.Errorf("not an OPML file: larger than %d MB", maxOPML>>20)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charset.NewReaderLabel
	root := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("not an OPML file: %s", oneLine(err.Error()))
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
		for _, a := range se.Attr {
			if !strings.EqualFold(a.Name.Local, "xmlUrl") || strings.TrimSpace(a.Value) == "" {
				continue
			}
			u, err := checkFeedURL(strings.TrimSpace(a.Value))
			if err != nil {
				problems = append(problems, err)
				continue
			}
			feeds = append(feeds, u)
		}
	}
	if !root {
		return nil, nil, errors.New("not an OPML file: no opml element")
	}
	return feeds, problems, nil
}

// oneLine is an error message from a parser, which may quote the input,
// made safe to show: no control or bidi character, on one line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, articles.Sanitize(s))
}

// ExportOPML writes every subscription as an OPML 2.0 document.
func (l *Library) ExportOPML(ctx context.Context, w io.Writer) error {
	feeds, err := l.Feeds(ctx)
	if err != nil {
		return err
	}
	doc := opml{Version: "2.0"}
	doc.Head.Title = "byline subscriptions"
	doc.Head.DateCreated = time.Now().UTC().Format(time.RFC1123Z)
	for _, f := range feeds {
		text := f.Title
		if text == "" {
			text = f.URL
		}
		doc.Body.Outlines = append(doc.Body.Outlines, outline{Text: text, Title: f.Title, Type: "rss", XMLURL: f.URL})
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
