package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline/byline/articles/entities/gazetteer"
)

// respell returns sents with words in the spelling of the 1996 training
// data: "U.S." for "US", "U.N." for "UN", ASCII quotes. It copies only
// the sentences it changes.
func respell(sents [][]string) [][]string {
	out := sents
	for s, words := range sents {
		for i, w := range words {
			r := trainingSpelling(w)
			if r == w {
				continue
			}
			if &out[0] == &sents[0] {
				out = append([][]string(nil), sents...)
			}
			if &out[s][0] == &sents[s][0] {
				out[s] = append([]string(nil), words...)
			}
			out[s][i] = r
		}
	}
	return out
}

// trainingSpelling maps one word to the spelling the training data uses.
func trainingSpelling(w string) string {
	switch w {
	case "US":
		return "U.S."
	case "UN":
		return "U.N."
	}
	if !strings.ContainsAny(w, "‘’“”") {
		return w
	}
	return strings.NewReplacer("‘", "'", "’", "'", "“", "\"", "”", "\"").Replace(w)
}

func wordFlags(w, lw string) uint16 {
	var f uint16
	upper, lower := 0, 0
	for k, r := range w {
		switch {
		case unicode.IsUpper(r):
			if k > 0 {
				f |= fInnerCap
			}
			upper++
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			f |= fDigit
		}
	}
	if upper+lower > 0 {
		f |= fLetter
		if isCapitalised(w) {
			f |= fCap
		} else if lower > 0 {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLower(r) {
				f |= fLower
			}
		}
		if lower == 0 && upper >= 2 {
			f |= fAllCaps
		}
	}
	if isAddress(lw) {
		f |= fAddress
	}
	if upper+lower == 0 && f&fDigit == 0 && !strings.ContainsAny(w, ".-'&") {
		f |= fPunct
	}
	f |= wordClasses[strings.TrimSuffix(lw, ".")]
	switch lw {
	case "in", "at", "from", "near", "to", "into", "across", "outside", "toward", "towards", "via":
		f |= fLocPrep
	case "said", "says", "told", "added", "say", "tells", "asked":
		f |= fSaid
	}
	// Word lists the rules and constraints ask about for every token:
	// looked up once per word, here, rather than per token.
	h := gazetteer.Hash(lw)
	if nameLinks[h] || lowerHeads[h] {
		f |= fLink
	}
	if facilityHeads[h] {
		f |= fFacility
	}
	if sportsWords[h] {
		f |= fSports
	}
	return f
}

// isAddress reports whether lw looks like a URL, an e-mail address or a
// file or domain name.
func isAddress(lw string) bool {
	if strings.Contains(lw, "://") || strings.HasPrefix(lw, "www.") {
		return true
	}
	if at := strings.IndexByte(lw, '@'); at > 0 && at < len(lw)-1 {
		return true
	}
	dot := strings.LastIndexByte(lw, '.')
	if dot <= 0 || dot == len(lw)-1 {
		return false
	}
	switch lw[dot+1:] {
	case "com", "org", "net", "edu", "gov", "pdf", "doc", "docx", "htm", "html", "xls", "xlsx",
		"txt", "jpg", "jpeg", "png", "gif", "zip", "ppt", "pptx", "csv", "exe":
		return true
	}
	return false
}

// titleWords are titles and honorifics that precede a person's name.
var titleWords = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "sir": true,
	"dame": true, "lord": true, "lady": true, "president": true, "secretary": true,
	"minister": true, "chancellor": true, "premier": true, "senator": true, "sen": true,
	"rep": true, "representative": true, "governor": true, "gov": true, "mayor": true,
	"judge": true, "justice": true, "general": true, "gen": true, "colonel": true, "col": true,
	"captain": true, "capt": true, "lieutenant": true, "lt": true, "sergeant": true,
	"sgt": true, "admiral": true, "commander": true, "king": true, "queen": true,
	"prince": true, "princess": true, "pope": true, "bishop": true, "archbishop": true,
	"cardinal": true, "father": true, "rev": true, "reverend": true, "sheikh": true,
	"emir": true, "ayatollah": true, "rabbi": true, "imam": true, "coach": true,
	"chairman": true, "chairwoman": true, "ceo": true, "spokesman": true,
	"spokeswoman": true, "ambassador": true, "envoy": true, "professor": true,
	"doctor": true, "officer": true, "pastor": true, "chief": true, "director": true,
	"striker": true, "midfielder": true, "defender": true, "goalkeeper": true,
	"counsel": true, "attorney": true, "deputy": true, "vice": true, "candidate": true,
}

// strongTitles are titles that, before a capitalised word, nearly always
// introduce a person ("President Bush", "Mr Smith"); unlike "General" or
// "Premier", they rarely begin a company or league name.
var strongTitles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "president": true, "senator": true,
	"sen": true, "secretary": true, "minister": true, "chancellor": true, "governor": true,
	"gov": true, "mayor": true, "prof": true, "professor": true, "ayatollah": true,
	"sheikh": true, "pope": true, "king": true, "queen": true, "princess": true,
	"rabbi": true, "imam": true, "archbishop": true, "judge": true, "rep": true,
}

// wordClasses gives the flags of the words in titleWords, strongTitles
// and timeWords, so that a word is looked up once, not in each.
var wordClasses = func() map[string]uint16 {
	m := map[string]uint16{}
	for _, l := range []struct {
		words map[string]bool
		flag  uint16
	}{{titleWords, fTitle}, {strongTitles, fStrongTitle}, {timeWords, fTime}} {
		for w, ok := range l.words {
			if ok {
				m[w] |= l.flag
			}
		}
	}
	return m
}()

// timeWords are capitalised words for days and months, never names after a title.
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true,
}

// shapes returns the hashes of w's shape (Xxxx-dd) truncated to 12 runes and
// of its short shape with repeats collapsed (Xx-d).
func shapes(w string) (long, short uint64) {
	long, short = 14695981039346656037, 14695981039346656037
	var last byte
	n := 0
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '?'
		}
		if n < 12 {
			long = (long ^ uint64(c)) * 1099511628211
		}
		n++
		if c != last {
			short = (short ^ uint64(c)) * 1099511628211
			last = c
		}
	}
	return long, short
}

// affixes hashes the 1-4 rune prefixes and suffixes of lw.
func affixes(lw string, pre, suf *[4]uint64) {
	*pre, *suf = [4]uint64{}, [4]uint64{}
	n := 0
	for i := range lw {
		if n > 0 && n <= 4 {
			pre[n-1] = gazetteer.Hash(lw[:i])
		}
		n++
	}
	if n <= 4 && n > 0 {
		pre[n-1] = gazetteer.Hash(lw)
	}
	k := 0
	for i := len(lw); i > 0 && k < 4; {
		_, sz := utf8.DecodeLastRuneInString(lw[:i])
		i -= sz
		suf[k] = gazetteer.Hash(lw[i:])
		k++
	}
}

// appendNgrams appends to out the hashes of the character trigrams of
// "^lw$" for words of 3 to 20 bytes.
func appendNgrams(out []uint64, lw string) []uint64 {
	if len(lw) < 3 || len(lw) > 20 {
		return out
	}
	var buf [22]byte
	b := append(append(append(buf[:0], '^'), lw...), '$')
	for i := 0; i+3 <= len(b); i++ {
		h := uint64(14695981039346656037)
		for _, c := range b[i : i+3] {
			h = (h ^ uint64(c)) * 1099511628211
		}
		out = append(out, h)
	}
	return out
}

// IsTitle reports whether w is a title or honorific that precedes a
// person's name ("Secretary", "Mr.", "President").
func IsTitle(w string) bool {
	return titleWords[strings.TrimSuffix(strings.ToLower(w), ".")]
}
