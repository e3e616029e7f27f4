package articles

import (
	"encoding/json"
	"io"

	"github.com/byline/byline/model"
)

// exported is the JSON shape of one article in `byline export`; its field
// order is the documented format.
type exported struct {
	Source   string            `json:"source"`
	Title    string            `json:"title"`
	Date     string            `json:"date"`
	Author   string            `json:"author"`
	Sections []exportedSection `json:"sections"`
	Entities []exportedEntity  `json:"entities"`
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
// source, title, date ("YYYY-MM-DD" or ""), author (the byline, or ""), sections with heading and
// paragraphs, and entities with name, type ("person" or "place") and mentions
// whose start and end are byte offsets into that paragraph's text (paragraph
// -1 is the section heading). Lists are never null.
func WriteJSON(w io.Writer, a *model.Article) error {
	e := exported{
		Source:   a.Source,
		Title:    a.Title,
		Date:     a.DateString(),
		Author:   a.Byline,
		Sections: make([]exportedSection, 0, len(a.Sections)),
		Entities: make([]exportedEntity, 0, len(a.Entities)),
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
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(e)
}
