package model

// EntityType says what kind of name an Entity is.
type EntityType int

const (
	// Person is a named human being.
	Person EntityType = iota
	// Place is a named location: a country, region, city, river, sea or
	// neighbourhood (CoNLL's LOC).
	Place
)

// String returns "person" or "place", the names used in byline's export format.
func (t EntityType) String() string {
	if t == Place {
		return "place"
	}
	return "person"
}

// Entity is one person or place named in an article, with every mention of it.
type Entity struct {
	// Name is the canonical name: the fullest form used in the article
	// ("Lloyd Austin" for "Austin", "Secretary Austin").
	Name string
	// Type says whether the entity is a person or a place.
	Type EntityType
	// Mentions are the entity's occurrences in reading order.
	Mentions []Mention
}

// Mention is one occurrence of a name in an article's text.
type Mention struct {
	// Section is the index into Article.Sections.
	Section int
	// Paragraph is the index into that section's Paragraphs, or -1 for the
	// section's Heading.
	Paragraph int
	// Start and End are byte offsets into that paragraph (or heading) text:
	// text[Start:End] == Text.
	Start, End int
	// Text is the name as written.
	Text string
}

// Pos is a position in an article's text, shared by mentions and matches.
type Pos struct {
	Section, Paragraph, Start, End int
}

// Pos returns the mention's position.
func (m Mention) Pos() Pos { return Pos{m.Section, m.Paragraph, m.Start, m.End} }

// Less orders positions in reading order.
func (p Pos) Less(q Pos) bool {
	if p.Section != q.Section {
		return p.Section < q.Section
	}
	if p.Paragraph != q.Paragraph {
		return p.Paragraph < q.Paragraph
	}
	return p.Start < q.Start
}
