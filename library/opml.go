package library

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"time"
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

// ImportOPML subscribes to every feed in an OPML document (folders are
// flattened) and returns how many were new and the entries it could not use.
func (l *Library) ImportOPML(ctx context.Context, r io.Reader) (added int, problems []error, err error) {
	var doc opml
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return 0, nil, fmt.Errorf("not an OPML file: %w", err)
	}
	var walk func([]outline) error
	walk = func(os []outline) error {
		for _, o := range os {
			if o.XMLURL != "" {
				isNew, err := l.Subscribe(ctx, o.XMLURL)
				switch {
				case err != nil && ctx.Err() != nil:
					return ctx.Err()
				case err != nil:
					problems = append(problems, err)
				case isNew:
					added++
				}
			}
			if err := walk(o.Outlines); err != nil {
				return err
			}
		}
		return nil
	}
	return added, problems, walk(doc.Body.Outlines)
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
