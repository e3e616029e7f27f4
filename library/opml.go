package library

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

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

// ImportOPML subscribes to every feed in an OPML document under its
// outline's title and the folder it is nested in ("Tech", or "Tech / Go"
// for a folder in a folder), and returns how many were new and the entries
// it could not use.
func (l *Library) ImportOPML(ctx context.Context, r io.Reader) (added int, problems []error, err error) {
	var doc opml
	data, err := io.ReadAll(io.LimitReader(r, maxOPMLBytes+1))
	if err != nil {
		return 0, nil, err
	}
	if len(data) > maxOPMLBytes {
		return 0, nil, fmt.Errorf("not an OPML file: larger than %d MB", maxOPMLBytes>>20)
	}
	// A control character in one title must not lose every subscription.
	if err := xml.NewDecoder(bytes.NewReader(articles.DropXMLControls(data))).Decode(&doc); err != nil {
		return 0, nil, fmt.Errorf("not an OPML file: %w", err)
	}
	var walk func([]outline, string, int) error
	walk = func(os []outline, folder string, depth int) error {
		if depth > maxOPMLDepth {
			problems = append(problems, fmt.Errorf("OPML folders nested deeper than %d: left out", maxOPMLDepth))
			return nil
		}
		for _, o := range os {
			name := o.Title
			if name == "" {
				name = o.Text
			}
			if o.XMLURL != "" {
				isNew, err := l.SubscribeAs(ctx, o.XMLURL, name, folder)
				switch {
				case err != nil && ctx.Err() != nil:
					return ctx.Err()
				case err != nil:
					problems = append(problems, err)
				case isNew:
					added++
				}
			}
			sub := folder
			if o.XMLURL == "" && len(o.Outlines) > 0 {
				if n := oneLine(name); n != "" {
					sub = strings.TrimPrefix(folder+" / "+n, " / ")
				}
			}
			if err := walk(o.Outlines, sub, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return added, problems, walk(doc.Body.Outlines, "", 0)
}

// maxOPMLDepth is how deep OPML folders may nest; maxOPMLBytes how big
// an OPML file may be.
const (
	maxOPMLDepth = 16
	maxOPMLBytes = 16 << 20
)

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
