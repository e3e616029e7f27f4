package model

import "strings"

// Link is a link of an article: the text it is written on, its address,
// and where that text is.
type Link struct {
	// Text is what the reader sees of the link: an anchor's text, or the
	// address itself for a bare URL.
	Text string
	// URL is the address as the source wrote it: character references
	// resolved (an HTML page's "&amp;" is "&"), nothing added ("www.x.org"
	// stays so) and relative addresses resolved against the page's. Control
	// and bidirectional characters are percent-encoded, so that it is safe
	// to show.
	URL string
	// Section and Paragraph say where Text is, as for a Mention; Section is
	// -1 for a link that is not in the text (a feed item's own link).
	Section, Paragraph int
	// Start and End are byte offsets of Text into that paragraph (or
	// heading); zero for a link not in the text.
	Start, End int
}

// Pos returns the position of the link's text.
func (l Link) Pos() Pos { return Pos{l.Section, l.Paragraph, l.Start, l.End} }

// InText reports whether the link is written in the article's text.
func (l Link) InText() bool { return l.Section >= 0 }

// Address is the URL a browser or a fetch is given: URL, with "http://"
// before an address written without a scheme ("www.example.com"), as
// Markdown's and most readers' autolinks do.
func (l Link) Address() string {
	if strings.HasPrefix(strings.ToLower(l.URL), "www.") {
		return "http://" + l.URL
	}
	return l.URL
}

// URL is the article's own address: its Source when that is an http or
// https URL (a page fetched, a feed item's link), else "".
func (a *Article) URL() string {
	s := strings.ToLower(a.Source)
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return a.Source
	}
	return ""
}
