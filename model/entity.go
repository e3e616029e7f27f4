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
	// Paragraph is the index into that section's Paragraphs, -1 for the
	// section's Heading, or TitleParagraph (with Section 0) for the
	// article's Title.
	Paragraph int
	// Start and End are byte offsets into that paragraph (or heading, or
	// title) text: text[Start:End] == Text.
	Start, End int
	// Text is the name as written.
	Text string
}

// TitleParagraph is the Paragraph of a mention in the article's Title,
// whose Section is 0: it sorts before the lead's heading, where the title
// is read. Only a title the reader shows (Article.ShowsTitle) has
// mentions; a plain-text headline is the lead's heading (-1) instead.
const TitleParagraph = -2

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
