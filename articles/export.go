package articles

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/byline/byline/model"
)

// exported is the JSON shape of one article in `byline export`; its field
// order is the documented format.
type exported struct {
	Source   string            `json:"source"`
	URL      string            `json:"url"`
	Title    string            `json:"title"`
	Date     string            `json:"date"`
	Author   string            `json:"author"`
	Feed     string            `json:"feed"`
	Sections []exportedSection `json:"sections"`
	Entities []exportedEntity  `json:"entities"`
	Links    []exportedLink    `json:"links"`
}

type exportedLink struct {
	Text      string `json:"text"`
	URL       string `json:"url"`
	Section   int    `json:"section"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

type exportedSection struct {
	Heading    string   `json:"heading"`
	Paragraphs []string `json:"paragraphs"`
}

type exportedEntity struct {
	Name     string            `json:"name"`
	Type     string            `json:"type"`
	Mentions []exportedMention `json:"mentions"`
}

type exportedMention struct {
	Section   int    `json:"section"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
}

// WriteJSON writes a as one line of JSON in byline's export format:
// source, url (the article's own address, "" for a file), title, date
// ("YYYY-MM-DD" or ""), author (the byline, or ""), feed (the title of the
// feed it is an item of, or ""), sections with heading
// and paragraphs, and entities with name, type ("person" or "place") and mentions
// whose start and end are byte offsets into that paragraph's text (paragraph
// -1 is the section heading; section 0, paragraph -2 is the title), then links with text, url (as written),
// section, paragraph, start and end (section -1 for a link not in the
// text: a feed item's own). Lists are never null. No control or
// bidirectional character is written raw: a file name's U+202E is "\u202e".
func WriteJSON(w io.Writer, a *model.Article) error {
	e := exported{
		Source:   a.Source,
		Title:    a.Title,
		Date:     a.DateString(),
		Author:   a.Byline,
		Feed:     a.Feed,
		Sections: make([]exportedSection, 0, len(a.Sections)),
		URL:      a.URL(),
		Entities: make([]exportedEntity, 0, len(a.Entities)),
		Links:    make([]exportedLink, 0, len(a.Links)),
	}
	for _, l := range a.Links {
		e.Links = append(e.Links, exportedLink{Text: l.Text, URL: l.URL, Section: l.Section,
			Paragraph: l.Paragraph, Start: l.Start, End: l.End})
	}
	for _, s := range a.Sections {
		ps := s.Paragraphs
		if ps == nil {
			ps = []string{}
		}
		e.Sections = append(e.Sections, exportedSection{Heading: s.Heading, Paragraphs: ps})
	}
	for _, ent := range a.Entities {
		ms := make([]exportedMention, 0, len(ent.Mentions))
		for _, m := range ent.Mentions {
			ms = append(ms, exportedMention(m))
		}
		e.Entities = append(e.Entities, exportedEntity{Name: ent.Name, Type: ent.Type.String(), Mentions: ms})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return err
	}
	_, err := w.Write(escapeControls(b.Bytes()))
	return err
}

// escapeControls writes the C1 controls and the bidirectional characters
// that encoding/json leaves raw (a file name may hold U+202E or U+009B)
// as \u escapes: JSON has no raw non-ASCII outside strings, so the escape
// is always inside one and means the same character.
func escapeControls(js []byte) []byte {
	if !bytes.ContainsFunc(js, isControl) {
		return js
	}
	out := make([]byte, 0, len(js)+16)
	for len(js) > 0 {
		r, w := utf8.DecodeRune(js)
		if isControl(r) {
			out = fmt.Appendf(out, "\\u%04x", r)
		} else {
			out = append(out, js[:w]...)
		}
		js = js[w:]
	}
	return out
}
