package library

import (
	"strings"
	"time"
	"unicode"
)

// Query is a parsed library search: full-text terms and filters, all of
// which an article must satisfy.
type Query struct {
	// Terms are words and quoted phrases looked up in the full-text index
	// (titles and bodies, case and accents ignored).
	Terms []Term
	// People and Places keep articles mentioning each named person or place
	// (person:"Lloyd Austin", place:Gaza). A name matches an entity with that
	// exact name or with that word or words in its name ("Austin" matches
	// "Lloyd Austin"), ignoring case.
	People, Places []string
	// After keeps articles dated on or after it (after:2024-03-01); Before
	// those dated before it (before:2024-04-01). Zero means no bound.
	After, Before time.Time
	// Unread keeps unread articles (the word unread); Starred starred ones
	// (starred).
	Unread, Starred bool
	// Feeds keeps articles of the feeds whose title has each name in it, or
	// whose URL is it (feed:"BBC News"); Sources those whose source (feed
	// title or URL, file path, page or item link) has it (source:reuters).
	// Case is ignored.
	Feeds, Sources []string
	// In keeps the articles of one part of the library (what the Feeds pane
	// selects); the zero Scope is the whole library.
	In Scope
	// UnreadOr, when not 0, keeps the unread articles and this one, read or
	// not: the list of unread articles while one of them is being read.
	UnreadOr int64
	// Problems describes filters whose value could not be read
	// ("after:2024-13-45: not a date"); they were searched as text.
	Problems []string
}

// Term is one full-text search term.
type Term struct {
	// Text is the word or the phrase's words as typed.
	Text string
	// Phrase says Text was quoted: its words must appear together, in order.
	Phrase bool
	// Prefix says Text matches any word starting with it (results as you
	// type: SearchOptions.Prefix sets it on the last bare word).
	Prefix bool
}

// Empty reports whether q has neither terms nor filters.
func (q Query) Empty() bool {
	return len(q.Terms) == 0 && len(q.People) == 0 && len(q.Places) == 0 &&
		q.After.IsZero() && q.Before.IsZero() && !q.Unread && !q.Starred &&
		len(q.Feeds) == 0 && len(q.Sources) == 0 && q.In.All() && q.UnreadOr == 0
}

// ParseQuery reads the search syntax: words, "quoted phrases", and the
// filters person:NAME, place:NAME, feed:NAME, source:NAME (NAME may be
// quoted), after:YYYY-MM-DD, before:YYYY-MM-DD, unread and starred. A word ending in '*' is a prefix.
// A filter with an unreadable value is searched as text instead.
func ParseQuery(s string) Query {
	var q Query
	for _, tok := range tokenize(s) {
		key, val, hasKey := strings.Cut(tok.text, ":")
		if tok.quoted || !hasKey {
			key, val = "", tok.text
		}
		switch strings.ToLower(key) {
		case "person", "people", "who":
			if v := unquote(val); v != "" {
				q.People = append(q.People, v)
				continue
			}
			q.Problems = append(q.Problems, tok.text+` needs a name (person:"Lloyd Austin"); searched as text`)
		case "place", "where":
			if v := unquote(val); v != "" {
				q.Places = append(q.Places, v)
				continue
			}
			q.Problems = append(q.Problems, tok.text+" needs a name (place:Gaza); searched as text")
		case "feed", "source":
			v := unquote(val)
			if v == "" {
				q.Problems = append(q.Problems, tok.text+` needs a name (feed:"BBC News"); searched as text`)
				break
			}
			if strings.ToLower(key) == "feed" {
				q.Feeds = append(q.Feeds, v)
			} else {
				q.Sources = append(q.Sources, v)
			}
			continue
		case "after", "since":
			if d, err := time.Parse("2006-01-02", val); err == nil {
				q.After = d
				continue
			}
			q.Problems = append(q.Problems, tok.text+": not a date (YYYY-MM-DD); searched as text")
		case "before", "until":
			if d, err := time.Parse("2006-01-02", val); err == nil {
				q.Before = d
				continue
			}
			q.Problems = append(q.Problems, tok.text+": not a date (YYYY-MM-DD); searched as text")
		case "":
			if !tok.quoted {
				switch strings.ToLower(val) {
				case "unread", "is:unread":
					q.Unread = true
					continue
				case "starred", "is:starred":
					q.Starred = true
					continue
				}
			}
		}
		text := unquote(tok.text)
		if tok.quoted {
			if hasWord(text) {
				q.Terms = append(q.Terms, Term{Text: text, Phrase: true})
			}
			continue
		}
		prefix := strings.HasSuffix(text, "*")
		text = strings.TrimRight(text, "*")
		// A bare token of several words (U.S.-Israel) is searched as the
		// phrase the index would make of it.
		for _, w := range strings.FieldsFunc(text, notWordRune) {
			q.Terms = append(q.Terms, Term{Text: w})
		}
		if prefix && len(q.Terms) > 0 {
			q.Terms[len(q.Terms)-1].Prefix = true
		}
	}
	return q
}

type token struct {
	text   string
	quoted bool // the whole token was one "quoted phrase"
}

// tokenize splits at blanks outside double quotes; person:"Lloyd Austin"
// stays one token.
func tokenize(s string) []token {
	var out []token
	var b strings.Builder
	inQuote, sawQuote, quotedWhole := false, false, false
	flush := func() {
		if b.Len() > 0 {
			out = append(out, token{text: b.String(), quoted: quotedWhole})
		}
		b.Reset()
		sawQuote, quotedWhole = false, false
	}
	for _, r := range s {
		switch {
		case r == '"':
			if !inQuote && b.Len() == 0 {
				quotedWhole = true
			}
			inQuote = !inQuote
			sawQuote = true
			b.WriteRune(r)
		case unicode.IsSpace(r) && !inQuote:
			flush()
		default:
			if !inQuote && sawQuote {
				quotedWhole = false
			}
			b.WriteRune(r)
		}
	}
	flush()
	return out
}

func unquote(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, `"`, ""))
}

// notWordRune reports runes that separate words the way the index's
// unicode61 tokenizer does.
func notWordRune(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r))
}

func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !notWordRune(r) }) >= 0
}
