package articles

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a block of a plain-text article is, decided from its own
// words and from the blocks around it (structure.go).
type kind int

const (
	// text is body text: a paragraph of the article.
	text kind = iota
	// heading opens a section: a short line followed by body text.
	heading
	// headlineKind is the article's own title: an all-caps or title-case first
	// line followed by the lead.
	headlineKind
	// byline names the authors ("By A and B", "A, Reuters"); it becomes
	// the article's Byline.
	byline
	// furniture is page furniture, not part of the story: photo credits and
	// captions, "Updated ..." stamps, "Related Stories" and its links. It
	// is dropped.
	furniture
)

// bylinePrefix matches "By " opening a byline, in any case.
var bylinePrefix = regexp.MustCompile(`^(?i:by)[ \t]+`)

// agencies end a byline of the form "A, Reuters".
var agencies = map[string]bool{
	"reuters": true, "ap": true, "afp": true, "associated press": true,
	"the associated press": true, "bloomberg": true, "dpa": true, "upi": true,
	"xinhua": true, "efe": true, "ansa": true, "press association": true,
	"pa": true, "cnn": true, "bbc news": true, "staff writer": true,
	"staff reporter": true, "correspondent": true, "staff": true,
}

// bylineWords may stand lower-case in a byline after "By".
var bylineWords = map[string]bool{
	"and": true, "in": true, "staff": true, "writer": true, "reporter": true,
	"correspondent": true, "editor": true, "with": true, "de": true,
	"van": true, "von": true, "der": true, "da": true, "di": true, "al": true,
	"bin": true, "le": true, "la": true, "del": true, "for": true, "the": true,
	"senior": true, "chief": true, "political": true, "foreign": true,
}

// bylineOf returns the authors named by a byline block ("By A and B" gives
// "A and B", "By A | Staff writer" gives "A, Staff writer", "A, Reuters"
// stays as it is), and false when line is not a byline.
func bylineOf(line string) (string, bool) {
	if len(line) > 150 || strings.ContainsAny(line, "\n!?;\"“”") {
		return "", false
	}
	words := strings.Fields(line)
	if len(words) < 2 || len(words) > 12 || strings.HasSuffix(line, ".") && !initialEnd(line) {
		return "", false
	}
	if m := bylinePrefix.FindStringIndex(line); m != nil {
		rest := strings.TrimSpace(line[m[1]:])
		parts := strings.FieldsFunc(rest, func(r rune) bool { return r == '|' || r == ',' })
		if len(parts) == 0 || !nameWords(parts[0]) {
			return "", false
		}
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		return strings.Join(parts, ", "), true
	}
	name, agency, ok := strings.Cut(line, ",")
	if !ok || !agencies[strings.ToLower(strings.TrimSpace(agency))] || !nameWords(name) {
		return "", false
	}
	if n := len(strings.Fields(name)); n < 2 || n > 4 {
		return "", false
	}
	return strings.TrimSpace(line), true
}

// initialEnd reports whether a line ends in an initial ("By John F.").
func initialEnd(line string) bool {
	i := strings.LastIndexByte(line, ' ')
	return utf8.RuneCountInString(line[i+1:]) == 2
}

// nameWords reports whether s reads as people's names: capitalised words,
// with "and" and name particles between them.
func nameWords(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 9 {
		return false
	}
	capital := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			capital++
		case bylineWords[strings.ToLower(w)] || w == "&":
		default:
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(words[0])
	return capital > 0 && unicode.IsUpper(r)
}

// creditPrefix opens a photo credit or caption line.
var creditPrefix = regexp.MustCompile(`^(?i:photo|photos|photograph|photography|picture|pictured|image|images|credit|photo credit|image credit|caption|illustration|video|graphic|source: getty)[ \t]*[:|]`)

// creditInside is a photo agency's credit anywhere in a caption.
var creditInside = regexp.MustCompile(`\((?:AP|AFP|Reuters|REUTERS|EPA|Getty|Xinhua|PA)(?: Photo)? ?/[^)]*\)|(?:^|\s)(?:REUTERS|Reuters|AFP|AP Photo|EPA|Getty Images) ?/ ?\S`)

// stampPrefix opens an "Updated 12:30 GMT" stamp.
var stampPrefix = regexp.MustCompile(`^(?i:updated|last updated|published|first published|posted|last modified|modified)\b[ \t:]*`)

// relatedHeaders open a list of links to other stories.
var relatedHeaders = map[string]bool{
	"related stories": true, "related": true, "related articles": true,
	"related content": true, "related coverage": true, "related links": true,
	"related news": true, "related topics": true, "more on this": true,
	"more on this story": true, "more on this topic": true, "see also": true,
	"you may also like": true, "you might also like": true, "read next": true,
	"most read": true, "most popular": true, "top stories": true,
	"more stories": true, "more from reuters": true,
	"further reading": true, "also read": true, "read also": true,
}

// maxRelatedHeader is the length of the longest of relatedHeaders.
var maxRelatedHeader = longestKey(relatedHeaders)

// isRelatedHeader reports whether a line opens a related-links list.
func isRelatedHeader(line string) bool {
	if strings.Contains(line, "\n") {
		return false
	}
	return inList(relatedHeaders, maxRelatedHeader, line)
}

// isFurniture reports whether a block, on its own, is page furniture: a
// photo credit or caption, or a time stamp.
func isFurniture(b string) bool {
	if len(b) > 400 {
		return false // furniture is short; a long paragraph is the story
	}
	// creditInside needs a slash: looking for one first keeps the
	// unanchored pattern off the long paragraphs that have none.
	if creditPrefix.MatchString(b) || strings.IndexByte(b, '/') >= 0 && creditInside.MatchString(b) && len(strings.Fields(b)) <= 40 {
		return true
	}
	if m := stampPrefix.FindStringIndex(b); m != nil && len(strings.Fields(b)) <= 12 {
		rest := b[m[1]:]
		return strings.IndexFunc(rest, unicode.IsDigit) >= 0 || strings.Contains(strings.ToLower(rest), "ago")
	}
	return false
}

// greetings open the greeting or the sign-off of a letter or an email,
// which is never a heading.
var greetings = map[string]bool{
	"hi": true, "hello": true, "dear": true, "hey": true, "greetings": true,
	"thanks": true, "thank": true, "regards": true, "cheers": true,
	"best": true, "sincerely": true, "yours": true, "love": true,
	"kind": true, "warm": true, "warmest": true, "respectfully": true,
	"cordially": true, "ciao": true, "bye": true, "good": true,
}

// isGreeting reports whether a line opens like a greeting or a sign-off.
func isGreeting(line string) bool {
	first, _, _ := strings.Cut(line, " ")
	return greetings[strings.ToLower(strings.TrimRight(first, ",!:"))]
}

// dataToken matches a token that makes a line a row of data: a score
// (2-1), a time (1:23.45, 12:30), a decimal (25.76), a percentage.
var dataToken = regexp.MustCompile(`^\(?\d+(?:[-:.,/]\d+)+%?\)?$|^\d+%$`)

// resultParens matches parentheses holding a number, as results have.
var resultParens = regexp.MustCompile(`\([^()]*\d[^()]*\)`)

// listMarker matches a numbered item: "1.", "2)", "(3)".
var listMarker = regexp.MustCompile(`^\(?\d+[.)]$`)

// isDataRow reports whether a line is a row of data — a result, a score,
// a standing, a time, a date line — rather than words: it opens with a
// number, holds a score, time or decimal, or holds two numbers or more.
func isDataRow(line string) bool {
	words := strings.Fields(line)
	if len(words) == 0 {
		return false
	}
	if strings.IndexAny(line, "0123456789") < 0 {
		return false // words only
	}
	if listMarker.MatchString(words[0]) {
		return true
	}
	if isDigits(words[0]) && strings.ContainsAny(line, ",(") {
		return true // "67 Mark Calcavecchia , Payne Stewart , ..."
	}
	if last := words[len(words)-1]; len(words) >= 4 && isDigits(last) && !(len(last) == 4 && last >= "1000" && last <= "2199") {
		return true // a score at the end: "Ijaz Ahmed b Croft 79", not "The Class of 2024"
	}
	if resultParens.MatchString(line) {
		return true // "Ronald de Boer ( 52nd minute )", "( 12-8 )"
	}
	numbers := 0
	for _, w := range words {
		if strings.IndexAny(w, "0123456789") < 0 {
			continue
		}
		numbers++
		if dataToken.MatchString(w) {
			return true
		}
	}
	return numbers >= 2
}

// isDigits reports whether w is a number written in digits only.
func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// isShortLine reports whether a block is one short line: at most 12 words
// and 90 bytes, the size of a heading.
func isShortLine(b string) bool {
	return !strings.Contains(b, "\n") && len(b) <= 90 && len(strings.Fields(b)) <= 12
}

// headingShape reports whether a block is shaped like a heading, without
// regard to its neighbours: one short line in title case or capitals, not
// a sentence (a question may be a heading), not a quote, not a row of data,
// not a greeting.
func headingShape(b string) bool {
	if !isShortLine(b) || isDataRow(b) || isGreeting(b) {
		return false
	}
	// A label ("Scorers:"), a dateline running into the next paragraph
	// ("TEHRAN (AFP) -"), a bracket's end ("Leeds )") or a line that stops
	// on "the" or "of" is no heading.
	if strings.ContainsAny(b[len(b)-1:], ":()-") || strings.HasSuffix(b, "—") || strings.HasSuffix(b, "–") {
		return false
	}
	words := strings.Fields(b)
	if danglers[strings.ToLower(words[len(words)-1])] {
		return false
	}
	if q, ok := strings.CutSuffix(b, "?"); ok {
		// A question of three words or more: "What Happens Next?", not "Why?".
		return len(strings.Fields(q)) >= 3 && IsHeading(q)
	}
	return IsHeading(b)
}

// danglers cannot end a heading: "... won by Robert Allenby on".
var danglers = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "of": true,
	"by": true, "on": true, "with": true, "at": true,
}

// headlineShape reports whether the first block reads as the article's
// headlineKind: one line of at most 20 words in capitals, or in title case,
// even with a final full stop.
func headlineShape(b string) bool {
	if strings.Contains(b, "\n") || len(b) > 160 || isDataRow(b) || isGreeting(b) {
		return false
	}
	words := strings.Fields(b)
	if len(words) > 20 || len(words) < 2 {
		return false
	}
	if allCaps(b) {
		return true
	}
	if strings.HasSuffix(b, ".") || leadDateline.MatchString(b) {
		return false // a sentence, or a lead opening with its dateline
	}
	return isShortLine(b) && IsHeading(strings.TrimSuffix(b, "?"))
}

// allCaps reports whether s has at least four letters and none of them in
// lower case.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 4
}
