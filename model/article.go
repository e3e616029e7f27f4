package model

import "time"

// Format says how an Article's paragraph text is written.
type Format int

const (
	// Plain paragraphs are literal text: a renderer must escape them.
	Plain Format = iota
	// Markdown paragraphs are Markdown blocks, rendered as Markdown.
	Markdown
)

// Article is one news story: its metadata, its sections in reading order and
// the people and places recognised in it.
type Article struct {
	// Source names where the article came from: a file path, a URL or "-".
	Source string
	// Title is the source's own title or one derived from the lead; never empty
	// for an article returned by package articles.
	Title string
	// DerivedTitle is true when the source had no title and Title was made
	// from the lead's first words; a reader need not print it above the
	// lead it repeats.
	DerivedTitle bool
	// Date is the article's date; the zero Time when unknown.
	Date time.Time
	// Byline names the article's authors when the source does: "Jane Doe
	// and John Roe", "Jane Doe, Reuters" (the plain-text parser drops the
	// "By "). It is the article's author in exports and the reader's header.
	Byline string
	// Feed names the feed the article is an item of: its title (else its
	// address); "" for a file or a page.
	Feed string
	// Format says whether Paragraphs hold plain text or Markdown.
	Format Format
	// Sections are the article's parts in order. The first is the lead and has
	// an empty Heading when the text starts before any heading.
	Sections []Section
	// Entities are the people and places mentioned, each once, in order of
	// first mention. Filled by articles/entities.Recognize.
	Entities []Entity
	// Links are the article's links in reading order: those written in its
	// text (anchors, Markdown links, bare URLs), after any not in it (a feed
	// item's own link).
	Links []Link
}

// Section is one headed part of an article.
type Section struct {
	// Heading is the section's title; empty for a lead without one.
	Heading string
	// Paragraphs are the section's paragraphs, each a single block of text.
	Paragraphs []string
}

// DateString returns the date as YYYY-MM-DD, or "" when the date is unknown.
func (a *Article) DateString() string {
	if a.Date.IsZero() {
		return ""
	}
	return a.Date.Format("2006-01-02")
}

// Text returns the text a Mention or Match position refers to: the section's
// heading when paragraph is -1, the article's Title for section 0 and
// TitleParagraph, else that paragraph. It returns "" when the position
// does not exist.
func (a *Article) Text(section, paragraph int) string {
	if section == 0 && paragraph == TitleParagraph {
		return a.Title
	}
	if section < 0 || section >= len(a.Sections) {
		return ""
	}
	s := &a.Sections[section]
	if paragraph == -1 {
		return s.Heading
	}
	if paragraph < 0 || paragraph >= len(s.Paragraphs) {
		return ""
	}
	return s.Paragraphs[paragraph]
}

// ShowsTitle reports whether the title is shown above the lead, and so
// read and recognised as text of its own: not when it was only derived
// from the lead (it would repeat the lead's first words) nor when it is
// the lead's own heading (a plain-text headline, shown once, as the
// heading).
func (a *Article) ShowsTitle() bool {
	if a.DerivedTitle {
		return false
	}
	return len(a.Sections) == 0 || a.Sections[0].Heading != a.Title
}

// Words counts the whitespace-separated words of the article's headings and
// paragraphs.
func (a *Article) Words() int {
	n := 0
	for _, s := range a.Sections {
		n += countWords(s.Heading)
		for _, p := range s.Paragraphs {
			n += countWords(p)
		}
	}
	return n
}

func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
