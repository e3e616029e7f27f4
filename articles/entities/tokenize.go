package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline/byline/articles/entities/gazetteer"
)

// token is a word of an article's text with its byte range in that text.
type token struct {
	text       string
	start, end int
}

// abbreviations keep their final period: "Mr." is one token, not two.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "capt": true, "prof": true,
	"jr": true, "sr": true, "inc": true, "corp": true, "co": true, "ltd": true, "vs": true,
	"mt": true, "ft": true, "no": true, "rev": true, "adm": true, "maj": true, "cmdr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "e.g": true, "i.e": true, "etc": true,
}

// tokenize splits text into words and punctuation the way CoNLL-2003 does
// ("Austin's" is "Austin" and "'s"; "U.S." and "Mr." keep their periods),
// with byte offsets into text.
func tokenize(text string, g *gazetteer.Gazetteer) []token {
	// News text has a token every six bytes or so: room for them from the
	// start, instead of growing the slice a dozen times.
	out := make([]token, 0, len(text)/5+4)
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if isWordRune(r) {
			j := scanWord(text, i)
			out = appendWord(out, text, i, j, g)
			i = j
			continue
		}
		// A clitic written apart ("Frisco 's", as tokenised text has it) is
		// the token it would be written together.
		if isApostrophe(r) && i > 0 && text[i-1] == ' ' {
			if n, nw := utf8.DecodeRuneInString(text[i+w:]); n == 's' || n == 'S' {
				end := i + w + nw
				if a, _ := utf8.DecodeRuneInString(text[end:]); end == len(text) || !isWordRune(a) {
					out = append(out, token{text[i:end], i, end})
					i = end
					continue
				}
			}
		}
		// A decimal written without its zero (".596", a batting average).
		if r == '.' && (i == 0 || text[i-1] == ' ') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
			j := scanWord(text, i+1)
			out = append(out, token{text[i:j], i, j})
			i = j
			continue
		}
		// A run of the same punctuation rune ("...", "--") is one token.
		j := i + w
		for j < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if r2 != r {
				break
			}
			j += w2
		}
		out = append(out, token{text[i:j], i, j})
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // the ASCII letters and digits, without the tables
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// scanWord returns the end of the word starting at i: letters and digits,
// joined by single inner apostrophes, hyphens, periods, commas between
// digits, colons between digits (1:45.32), ampersands, underscores, at
// signs (an address is one word) and
// slashes (not before a capital, where a name starts); URLs run to the
// next space.
func scanWord(text string, i int) int {
	if strings.HasPrefix(text[i:], "http://") || strings.HasPrefix(text[i:], "https://") {
		j := strings.IndexFunc(text[i:], unicode.IsSpace)
		if j < 0 {
			return len(text)
		}
		return i + j
	}
	j := i
	for j < len(text) {
		if c := text[j]; c < utf8.RuneSelf && isWordRune(rune(c)) {
			j++ // most of a word: ASCII, not decoded
			continue
		}
		r, w := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += w
			continue
		}
		if r == '-' || r == '.' || r == ',' || r == ':' || r == '&' || r == '/' || r == '@' || r == '_' || isApostrophe(r) {
			n, nw := utf8.DecodeRuneInString(text[j+w:])
			if nw > 0 && isWordRune(n) {
				p, _ := utf8.DecodeLastRuneInString(text[:j])
				if r == ',' && !(unicode.IsDigit(p) && unicode.IsDigit(n)) {
					break
				}
				if r == '/' && unicode.IsUpper(n) {
					break // no name across a slash: "REUTERS/Jason Reed"
				}
				if r == ':' && !(unicode.IsDigit(p) && unicode.IsDigit(n)) {
					break
				}
				j += w + nw
				continue
			}
		}
		break
	}
	// Keep the period of abbreviations and of initials (U.S., J.).
	if j < len(text) && text[j] == '.' {
		word := text[i:j]
		if abbreviations[strings.ToLower(word)] || strings.Contains(word, ".") ||
			(utf8.RuneCountInString(word) == 1 && unicode.IsUpper(firstRune(word))) ||
			i == 0 && isNumber(word) && len(word) <= 3 { // a list's "8." opening the paragraph
			j++
		}
	}
	return j
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// possessives are the endings appendWord splits off a word.
var possessives = []string{"'s", "’s", "'S", "’S"}

// appendWord appends the word text[i:j], splitting off a possessive
// ("Austin's" is "Austin" and "'s"), a negation ("can't" is "ca" and "n't",
// as in CoNLL) and hyphenated names ("US-Israel").
func appendWord(out []token, text string, i, j int, g *gazetteer.Gazetteer) []token {
	word := text[i:j]
	// Possessive 's / ’s and trailing apostrophe-less clitics (looked for
	// only after an s: most words end otherwise).
	if end := word[len(word)-1]; end == 's' || end == 'S' {
		for _, suf := range possessives {
			if len(word) > len(suf) && strings.HasSuffix(word, suf) {
				k := j - len(suf)
				out = appendWord(out, text, i, k, g)
				return append(out, token{text[k:j], k, j})
			}
		}
	}
	if strings.HasSuffix(word, "n't") && len(word) > 3 {
		k := j - 3
		return append(out, token{text[i:k], i, k}, token{text[k:j], k, j})
	}
	if h := hyphenSplit(word, g); h > 0 {
		out = appendWord(out, text, i, i+h, g)
		out = append(out, token{text[i+h : i+h+1], i + h, i + h + 1})
		return appendWord(out, text, i+h+1, j, g)
	}
	return append(out, token{word, i, j})
}

// hyphenSplit returns the index of a hyphen that joins two capitalised
// parts each of which is a name on its own ("US-Israel", "Israel-Hamas"),
// or 0. Double names such as "Jean-Pierre" and compounds such as
// "Austin-based" stay whole.
func hyphenSplit(word string, g *gazetteer.Gazetteer) int {
	h := strings.IndexByte(word, '-')
	if h <= 0 || h == len(word)-1 {
		return 0
	}
	left, right := word[:h], word[h+1:]
	if !unicode.IsUpper(firstRune(left)) || !unicode.IsUpper(firstRune(right)) {
		return 0
	}
	if utf8.RuneCountInString(left) < 2 || utf8.RuneCountInString(strings.SplitN(right, "-", 2)[0]) < 2 {
		return 0
	}
	given := func(w string) bool { return g.Lists(w)&gazetteer.FirstName != 0 }
	if given(left) && given(right) {
		return 0 // a double given name: "Charles-Michael"
	}
	place := func(w string) bool { return g.Lists(w)&(gazetteer.Country|gazetteer.Region) != 0 }
	if isAllCaps(left) || place(left) || place(strings.SplitN(right, "-", 2)[0]) {
		return h
	}
	return 0
}

func isAllCaps(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// sentences splits tokens into sentences at ".", "!" and "?" tokens
// followed by a capitalised word, a quote or the end.
func sentences(toks []token) [][]token {
	var out [][]token
	start := 0
	for i, t := range toks {
		if t.text != "." && t.text != "!" && t.text != "?" && t.text != "..." && t.text != "…" {
			continue
		}
		end := i + 1
		// Closing quotes and brackets, written right after it, belong to the
		// sentence they close.
		for end < len(toks) && isCloser(toks[end].text) && toks[end].start == toks[end-1].end {
			end++
		}
		if rest := toks[end:]; len(rest) > 0 && len(rest) <= 2 && isCloser(rest[0].text) && (len(rest) == 1 || isCloser(rest[1].text)) {
			end = len(toks) // a closing quote set apart ('. "') ends the sentence too
		}
		if end < len(toks) {
			r := firstRune(toks[end].text)
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !isOpener(toks[end].text) {
				continue
			}
		}
		out = append(out, toks[start:end])
		start = end
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

func isCloser(s string) bool {
	switch s {
	case "\"", "”", "’", "'", ")", "]":
		return true
	}
	return false
}

func isOpener(s string) bool {
	switch s {
	case "\"", "“", "‘", "'", "(", "[":
		return true
	}
	return false
}
