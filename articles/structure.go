package articles

import "strings"

// structure gives each block of a plain-text article its kind. Furniture
// and bylines are found from their own words; headings and the headlineKind
// from their shape and their neighbours, ignoring furniture and bylines
// between them:
//   - the headlineKind is the first block when it is an all-caps or title-case
//     line and body text follows somewhere;
//   - a heading is a heading-shaped line whose next block is body text and
//     whose previous block is not a short heading-shaped or data line
//     (one of a run of short lines, a list, a table, is a paragraph) nor
//     a greeting or sign-off (the name after "Thanks," signs a letter),
//     and whose next block is no salutation ("Jim,": the name before it
//     signed the previous email off).
func structure(blocks []string) []kind {
	kinds := make([]kind, len(blocks))
	// What each block is shaped like, computed once: short lines are few
	// and cheap to look at, long paragraphs are body text at once.
	body := make([]bool, len(blocks))
	shaped := make([]bool, len(blocks)) // heading-shaped
	short := make([]bool, len(blocks))  // a short heading-shaped or data line
	for i, b := range blocks {
		if !isShortLine(b) {
			body[i] = true
			continue
		}
		shaped[i] = headingShape(b)
		data := isDataRow(b)
		body[i] = !shaped[i] && !data
		short[i] = shaped[i] || data
	}
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		switch {
		case !body[i] && isRelatedHeader(b):
			kinds[i] = furniture
			// The links after it: short lines, up to one that is followed
			// by body text (a heading) or a block of body text.
			for i+1 < len(blocks) && isShortLine(blocks[i+1]) && !endsSentence(blocks[i+1]) &&
				(i+2 >= len(blocks) || !body[i+2]) {
				i++
				kinds[i] = furniture
			}
		case isFurniture(b):
			kinds[i] = furniture
		}
	}
	// A byline stands near the top, before the second paragraph of body
	// text.
	seen := 0
	for i, b := range blocks {
		if kinds[i] != text {
			continue
		}
		if _, ok := bylineOf(b); ok {
			kinds[i] = byline
			break
		}
		if body[i] {
			if seen++; seen == 2 {
				break
			}
		}
	}
	// The neighbours of block i that are part of the story's text.
	next := func(i int) int {
		for j := i + 1; j < len(blocks); j++ {
			if kinds[j] != furniture && kinds[j] != byline {
				return j
			}
		}
		return -1
	}
	prev := func(i int) int {
		for j := i - 1; j >= 0; j-- {
			if kinds[j] != furniture && kinds[j] != byline {
				return j
			}
		}
		return -1
	}
	first := next(-1)
	if first >= 0 && headlineShape(blocks[first]) {
		for j := first + 1; j < len(blocks); j++ {
			if kinds[j] == text && body[j] {
				kinds[first] = headlineKind
				break
			}
		}
	}
	for i := range blocks {
		if kinds[i] != text || !shaped[i] {
			continue
		}
		n, p := next(i), prev(i)
		if n < 0 || !body[n] || kinds[n] != text || isSalutation(blocks[n]) {
			continue
		}
		if p >= 0 && (short[p] || kinds[p] == headlineKind) {
			continue
		}
		if p >= 0 && isGreeting(blocks[p]) {
			continue // the name signing a letter off after "Thanks,"
		}
		kinds[i] = heading
	}
	return kinds
}

// endsSentence reports whether a line ends like a sentence.
func endsSentence(b string) bool {
	return strings.HasSuffix(b, ".") || strings.HasSuffix(b, "!") || strings.HasSuffix(b, "?") ||
		strings.HasSuffix(b, ".\"") || strings.HasSuffix(b, ".”")
}

// isSalutation reports whether a block opens a letter or an email: a
// greeting, or a few words and a comma ("Jim,", "Dear All,"). The line
// before one signs off the previous message; it heads nothing.
func isSalutation(b string) bool {
	if !isShortLine(b) {
		return false
	}
	return isGreeting(b) || strings.HasSuffix(b, ",") && len(strings.Fields(b)) <= 4
}
