package library

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline/byline/model"
	"golang.org/x/text/unicode/norm"
)

// snippetTerm is a query word folded the way the index folds it.
type snippetTerm struct {
	word   string
	prefix bool
}

func snippetTerms(q Query) []snippetTerm {
	var out []snippetTerm
	for _, t := range q.Terms {
		words := strings.FieldsFunc(t.Text, notWordRune)
		for i, w := range words {
			out = append(out, snippetTerm{word: fold(w), prefix: t.Prefix && i == len(words)-1})
		}
	}
	return out
}

// fold lower-cases a word and strips its diacritics, like the index's
// unicode61 tokenizer with remove_diacritics.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func (t snippetTerm) matches(folded string) bool {
	if t.prefix {
		return strings.HasPrefix(folded, t.word)
	}
	return folded == t.word
}

// matchesASCII is matches for an ASCII word not yet folded: it compares
// ignoring case without allocating.
func (t snippetTerm) matchesASCII(word string) bool {
	if t.prefix {
		return len(word) >= len(t.word) && strings.EqualFold(word[:len(t.word)], t.word)
	}
	return len(word) == len(t.word) && strings.EqualFold(word, t.word)
}

// snippet cuts a passage of about max bytes from the paragraph (or heading)
// with the most distinct query terms, starting a little before the first
// one, and returns it with the terms' byte ranges in it.
func snippet(a *model.Article, terms []snippetTerm, max int) (string, [][2]int) {
	best, bestScore := "", -1
	var bestHits [][2]int
	visit := func(text string, heading bool) {
		hits, distinct := findTerms(text, terms)
		score := distinct*1000 + min(len(hits), 499)
		if heading && distinct > 0 {
			score -= 500 // a paragraph with as many terms says more
		}
		if score > bestScore {
			best, bestScore, bestHits = text, score, hits
		}
	}
	for _, s := range a.Sections {
		if s.Heading != "" {
			visit(s.Heading, true)
		}
		for _, p := range s.Paragraphs {
			visit(p, false)
			if bestScore >= len(terms)*1000+3 {
				break
			}
		}
	}
	if best == "" {
		return "", nil
	}
	start := 0
	if len(bestHits) > 0 && bestHits[0][0] > max/4 {
		start = wordStart(best, bestHits[0][0]-max/4)
	}
	end := len(best)
	if end-start > max {
		end = wordEnd(best, start+max)
	}
	var b strings.Builder
	prefix := 0
	if start > 0 {
		b.WriteString("…")
		prefix = len("…")
	}
	b.WriteString(best[start:end])
	if end < len(best) {
		b.WriteString("…")
	}
	var marks [][2]int
	for _, h := range bestHits {
		if h[0] >= start && h[1] <= end {
			marks = append(marks, [2]int{h[0] - start + prefix, h[1] - start + prefix})
		}
	}
	return b.String(), marks
}

// findTerms returns the byte ranges of text's words that match a term and
// how many distinct terms matched.
func findTerms(text string, terms []snippetTerm) ([][2]int, int) {
	var hits [][2]int
	seen := make([]bool, len(terms))
	distinct := 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if notWordRune(r) {
			i += w
			continue
		}
		j := i + w
		for j < len(text) {
			r, w := utf8.DecodeRuneInString(text[j:])
			if notWordRune(r) {
				break
			}
			j += w
		}
		word, ascii := text[i:j], true
		for b := i; b < j; b++ {
			if text[b] >= utf8.RuneSelf {
				ascii = false
				break
			}
		}
		if !ascii {
			word = fold(word)
		}
		for k, t := range terms {
			if (ascii && t.matchesASCII(word)) || (!ascii && t.matches(word)) {
				hits = append(hits, [2]int{i, j})
				if !seen[k] {
					seen[k] = true
					distinct++
				}
				break
			}
		}
		i = j
	}
	return hits, distinct
}

// wordStart moves i forward to the start of a word (after a space).
func wordStart(s string, i int) int {
	if i <= 0 {
		return 0
	}
	if j := strings.IndexByte(s[i:], ' '); j >= 0 {
		return i + j + 1
	}
	return i
}

// wordEnd moves i back to the end of a word (before a space), never
// splitting a rune.
func wordEnd(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	if j := strings.LastIndexByte(s[:i], ' '); j > 0 {
		return j
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
