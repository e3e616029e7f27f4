package library

import (
	"unicode/utf8"
)

// termSet finds the distinct words of an article as the index's tokenizer
// folds them, for the vocabulary table. It keeps its map and buffer from
// one article to the next, so each preparing goroutine owns one; an ASCII
// word (most of them) is lowered in the buffer and looked up without a
// string of its own, which is only made for a word not seen before in the
// article.
type termSet struct {
	seen map[string]struct{}
	buf  []byte
}

// wordByte says which ASCII bytes are parts of words: letters and digits,
// the only ASCII runes notWordRune keeps.
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !notWordRune(rune(c))
	}
	return t
}()

// distinct returns the distinct words of texts, folded (see fold), in the
// order they first appear: what
//
//	for each word of strings.FieldsFunc(text, notWordRune): fold(word)
//
// gives, without the repeats.
func (s *termSet) distinct(texts ...string) []string {
	if s.seen == nil {
		s.seen = map[string]struct{}{}
	}
	clear(s.seen)
	var out []string
	add := func(f string) {
		if _, ok := s.seen[f]; !ok {
			s.seen[f] = struct{}{}
			out = append(out, f)
		}
	}
	for _, t := range texts {
		for i := 0; i < len(t); {
			if c := t[i]; c < utf8.RuneSelf && !wordByte[c] {
				i++ // between words
				continue
			}
			start, ascii := i, true
			for i < len(t) {
				if c := t[i]; c < utf8.RuneSelf {
					if !wordByte[c] {
						break
					}
					i++
					continue
				}
				r, size := utf8.DecodeRuneInString(t[i:])
				if notWordRune(r) {
					break
				}
				ascii = false
				i += size
			}
			if i == start { // a rune outside words, not ASCII
				_, size := utf8.DecodeRuneInString(t[i:])
				i += size
				continue
			}
			w := t[start:i]
			if !ascii {
				add(fold(w))
				continue
			}
			s.buf = append(s.buf[:0], w...)
			for j, c := range s.buf {
				if 'A' <= c && c <= 'Z' {
					s.buf[j] = c + 'a' - 'A'
				}
			}
			if _, ok := s.seen[string(s.buf)]; !ok {
				add(string(s.buf))
			}
		}
	}
	return out
}
