package articles

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/byline/byline/model"
)

// dateMarker matches the `date YYYY-MM-DD` marker that may open a plain-text
// article, with leading blanks.
var dateMarker = regexp.MustCompile(`^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*`)

// debris are whole lines left behind by the pages articles were scraped from.
// They are compared after lower-casing and trimming blanks and trailing
// punctuation.
var debris = map[string]bool{
	"advertisment": true, "advertisement": true, "advertisements": true,
	"advert": true, "ad": true, "ads": true, "sponsored": true,
	"sponsored content": true, "paid content": true, "promoted": true,
	"read more": true, "read more:": true, "continue reading": true,
	"story continues below": true, "story continues below advertisement": true,
	"article continues below": true, "article continues below advertisement": true,
	"scroll to continue": true, "scroll to continue with content": true,
	"skip advertisement": true, "related": true, "related articles": true,
	"share this article": true, "share": true, "click here": true,
	"subscribe": true, "sign up": true,
}

// IsDebris reports whether line, taken whole, is scraping debris such as
// "Advertisment" or "Read more", in any case.
func IsDebris(line string) bool {
	return inList(debris, maxDebris, line)
}

// maxDebris is the length of the longest debris line.
var maxDebris = longestKey(debris)

// inList reports whether line, trimmed of spaces and of trailing
// punctuation, is in list in any case. A line more than three times the
// longest entry (lower-casing can shrink a rune to a third) is not
// lower-cased at all: most lines are paragraphs.
func inList(list map[string]bool, longest int, line string) bool {
	s := strings.TrimRight(strings.TrimSpace(line), ".:!…>» -–—")
	if len(s) > 3*longest {
		return false
	}
	return list[strings.TrimRight(strings.ToLower(s), ".:!…>» -–—")]
}

// longestKey is the length of list's longest entry.
func longestKey(list map[string]bool) int {
	n := 0
	for k := range list {
		n = max(n, len(k))
	}
	return n
}

// ParseText parses byline's plain-text news format: an optional
// `date YYYY-MM-DD` marker opening the first line, then blocks separated by
// blank lines. Each block is given a kind from its words and its
// neighbours (see structure): an all-caps or title-case first line
// followed by the lead is the headline, which is the title and the lead's
// heading; a short line followed by body text is a section heading (a run
// of short lines, a row of results or a greeting is not); a byline near
// the top ("By A and B", "A, Reuters") becomes the article's Byline; photo
// credits, captions, "Updated ..." stamps and related-links lists are page
// furniture and are dropped, as are debris lines ("Advertisment")
// wherever they are. Everything else is a paragraph, datelines ("ROME
// 1996-12-06", "NAIROBI, Kenya — ...") included. Paragraphs before the
// first heading form the lead. Without a headline the title is derived
// from the lead.
func ParseText(source string, data []byte) (*model.Article, error) {
	if looksBinary(data) {
		return nil, &Error{Source: source, Err: ErrBinary}
	}
	text := Sanitize(normalizeNewlines(string(data)))
	text = strings.TrimPrefix(text, "\uFEFF")
	a := &model.Article{Source: source, Format: model.Plain}
	if m := dateMarker.FindStringSubmatchIndex(text); m != nil {
		if d, err := time.Parse("2006-01-02", text[m[2]:m[3]]); err == nil {
			a.Date = d
			text = text[m[1]:]
		}
	}
	blocks := splitParagraphs(text)
	kinds := structure(blocks)
	var cur *model.Section
	for i, b := range blocks {
		switch kinds[i] {
		case furniture:
			continue
		case byline:
			if a.Byline == "" {
				a.Byline, _ = bylineOf(b)
			}
			continue
		case headlineKind, heading:
			a.Sections = append(a.Sections, model.Section{Heading: joinLines(b)})
			cur = &a.Sections[len(a.Sections)-1]
			if kinds[i] == headlineKind {
				a.Title = cur.Heading
			}
			continue
		}
		if cur == nil {
			a.Sections = append(a.Sections, model.Section{})
			cur = &a.Sections[0]
		}
		cur.Paragraphs = append(cur.Paragraphs, joinLines(b))
	}
	if len(a.Sections) == 0 {
		return nil, &Error{Source: source, Err: ErrEmpty}
	}
	if a.Title == "" {
		a.Title = DeriveTitle(a)
		a.DerivedTitle = true
	}
	a.Links = textLinks(a)
	return a, nil
}

// splitParagraphs splits text at blank lines, drops debris lines and trims
// each line; it returns the non-empty paragraphs with their lines joined by
// "\n". A line that opens a related-links list ("Related Stories") is a
// block of its own, so that structure can drop the list after it.
func splitParagraphs(text string) []string {
	var out []string
	var lines []string
	flush := func() {
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
			lines = lines[:0]
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flush()
		case isRelatedHeader(line):
			flush()
			lines = append(lines, line)
			flush()
		case IsDebris(line):
		default:
			lines = append(lines, line)
		}
	}
	flush()
	return out
}

// joinLines turns a hard-wrapped paragraph into one line of text.
func joinLines(p string) string {
	if !strings.Contains(p, "\n") {
		return collapseSpaces(p)
	}
	return collapseSpaces(strings.ReplaceAll(p, "\n", " "))
}

func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && !strings.Contains(s, "\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// minor words may be lower-case in a title-case heading.
var minor = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "but": true, "or": true,
	"nor": true, "for": true, "so": true, "yet": true, "as": true, "at": true,
	"by": true, "in": true, "of": true, "on": true, "to": true, "up": true,
	"via": true, "with": true, "from": true, "into": true, "over": true,
	"amid": true, "amidst": true, "vs": true, "vs.": true, "per": true,
	"than": true, "out": true, "off": true, "onto": true, "upon": true,
	"after": true, "before": true, "about": true, "against": true,
	"between": true, "under": true, "is": true, "are": true, "be": true,
	"its": true, "it": true, "not": true, "if": true, "that": true,
	"this": true, "what": true, "who": true, "how": true, "why": true,
	"de": true, "la": true, "le": true, "von": true, "van": true, "der": true,
	"den": true, "die": true, "das": true, "des": true, "du": true, "del": true,
	"di": true, "da": true, "y": true, "et": true, "och": true, "al": true, "el": true,
}

// IsHeading reports whether a one-line paragraph reads as a section heading:
// a few words (at most 12, 90 bytes), no sentence-ending punctuation, not a
// quote, and most of its words capitalised.
func IsHeading(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 90 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".!?;,\"”’'…", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	if strings.ContainsRune("\"“‘'(-–—*•", first) {
		return false
	}
	words := strings.Fields(line)
	if len(words) > 12 {
		return false
	}
	letters, capital, lower := 0, 0, 0
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"'‘“(["))
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			capital++
			letters++
		case unicode.IsLetter(r):
			letters++
			if i == 0 {
				return false
			}
			if !minor[strings.ToLower(strings.Trim(w, ":,"))] {
				lower++
			}
		}
	}
	if letters == 0 || capital == 0 {
		return false
	}
	// A title-case line has its content words capitalised; allow one slip in
	// longer headings ("Life after the war in Gaza" style headings are rarer
	// than sentences, so stay strict).
	return lower == 0 || (lower == 1 && capital >= 4)
}

// DeriveTitle makes a headline-like title from an article's lead when its
// source had none: the lead's first sentence, cut back to its longest leading
// clause when it is long, never in the middle of a word. A paragraph that
// is mostly a link ("See https://... for the report") gives way to the
// next one. Without any paragraph it falls back to the first heading. It
// never returns "": a lead that is all punctuation (".") is its own title,
// cut to 72 bytes, and an article without text is "Untitled".
func DeriveTitle(a *model.Article) string {
	var first string
	for _, s := range a.Sections {
		for _, p := range s.Paragraphs {
			if first == "" {
				first = p
			}
			if words := strings.Fields(withoutURLs(p[:min(len(p), 200)])); len(words) >= 4 {
				if t := headline(withoutDateline(p), 72); t != "" {
					return t
				}
			}
		}
	}
	if first == "" {
		for _, s := range a.Sections {
			if s.Heading != "" {
				return s.Heading
			}
		}
		return "Untitled"
	}
	if t := headline(withoutDateline(first), 72); t != "" {
		return t
	}
	if t := strings.TrimSpace(first); t != "" {
		return cutAt(t, 72)
	}
	return "Untitled"
}

// cutAt cuts s to at most max bytes, at a rune boundary.
func cutAt(s string, max int) string {
	if len(s) <= max {
		return s
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return s[:max]
}

// leadDateline matches a dateline opening a lead: a place in capitals,
// perhaps its country and an agency, and a dash ("NAIROBI, Kenya — ",
// "LONDON (Reuters) - ").
var leadDateline = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'-]*\p{Lu}(?:, \p{Lu}[\p{L} .]*)?(?: \([\p{L} ]+\))? ?[-–—]+ +`)

// withoutDateline returns p without a dateline opening it, so that a title
// made from the lead starts with its words.
func withoutDateline(p string) string {
	if m := leadDateline.FindStringIndex(p); m != nil && m[1] < len(p) {
		return p[m[1]:]
	}
	return p
}

// urlPattern matches a web address in running text.
var urlPattern = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`)

// withoutURLs returns p without its web addresses and the words that
// only point at them ("See", "at", "for the report" stay: they are words).
func withoutURLs(p string) string {
	if mayHoldURL(p) {
		p = urlPattern.ReplaceAllString(p, "")
	}
	for _, w := range []string{"see ", "visit ", "at ", "read "} {
		if strings.HasPrefix(strings.ToLower(p), w) {
			p = p[len(w):]
		}
	}
	return p
}

// headline shortens a paragraph to a title of at most max bytes.
func headline(p string, max int) string {
	p = strings.TrimSpace(p)
	// The first sentence: a '.', '!' or '?' followed by a space and an
	// upper-case letter, not after a one-letter initial or a common abbreviation.
	s := p
	for i := 0; i+2 < len(p); i++ {
		c := p[i]
		if (c == '.' || c == '!' || c == '?') && p[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(p[i+2:])
			if unicode.IsUpper(r) && !abbreviation(p[:i]) {
				s = p[:i+1]
				break
			}
		}
	}
	s = strings.TrimRight(s, ".!?…,;: ")
	if len(s) <= max {
		return capitalise(s)
	}
	// Longest leading clause that fits: end at ", ", "; ", ": " or a dash,
	// but never split a number ("March 27, 2024").
	best := -1
	for i := 0; i < len(s) && i <= max; i++ {
		switch {
		case (s[i] == ',' || s[i] == ';' || s[i] == ':') && i+1 < len(s) && s[i+1] == ' ':
			if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' && i+2 < len(s) && s[i+2] >= '0' && s[i+2] <= '9' {
				continue
			}
			if i >= 24 {
				best = i
			}
		case strings.HasPrefix(s[i:], " — ") || strings.HasPrefix(s[i:], " – ") || strings.HasPrefix(s[i:], " - "):
			if i >= 24 {
				best = i
			}
		}
	}
	if best > 0 {
		return capitalise(trimDangling(s[:best]))
	}
	// No clause fits: end before the last word that opens a new phrase
	// ("... on Tuesday | to resume talks"), which reads as a whole clause.
	for i := max; i >= 24; i-- {
		if s[i] != ' ' {
			continue
		}
		next, _, _ := strings.Cut(s[i+1:], " ")
		if clauseOpeners[strings.ToLower(next)] {
			return capitalise(trimDangling(s[:i]))
		}
	}
	// Otherwise cut at the last word boundary and mark the cut.
	cut := strings.LastIndexByte(s[:max], ' ')
	if cut <= 0 {
		cut = max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return capitalise(trimDangling(s[:cut])) + "…"
}

// clauseOpeners start a phrase a headline can end before.
var clauseOpeners = map[string]bool{
	"to": true, "after": true, "as": true, "for": true, "which": true,
	"who": true, "while": true, "when": true, "because": true, "with": true,
	"amid": true, "amidst": true, "following": true, "despite": true,
	"before": true, "since": true, "and": true, "but": true, "where": true,
	"following,": true, "over": true, "until": true, "ahead": true,
}

func abbreviation(before string) bool {
	i := strings.LastIndexByte(before, ' ')
	w := before[i+1:]
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "prof", "jr", "sr", "u.s", "u.k", "u.n", "no", "vs", "inc", "corp", "co", "ltd":
		return true
	}
	return false
}

// trimDangling drops trailing words that would leave a title hanging
// ("... at the").
func trimDangling(s string) string {
	s = strings.TrimRight(s, " ,;:-–—")
	for {
		i := strings.LastIndexByte(s, ' ')
		if i < 0 || !minor[strings.ToLower(s[i+1:])] {
			return s
		}
		s = strings.TrimRight(s[:i], " ,;:-–—")
	}
}

func capitalise(s string) string {
	r, w := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + s[w:]
	}
	return s
}
