package render

import (
	"strconv"
	"strings"

	"github.com/byline/byline/articles"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// Width is the number of terminal cells plain text s takes.
func Width(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return runewidth.StringWidth(s)
		}
	}
	return len(s)
}

// StyledWidth is the number of cells a string with escape sequences takes.
func StyledWidth(s string) int { return ansi.StringWidth(s) }

// Cut returns the byte length of the longest prefix of s that fits in
// width cells, and that prefix's width.
func Cut(s string, width int) (n, w int) {
	for i, r := range s {
		rw := 1
		if r >= 0x80 {
			rw = runewidth.RuneWidth(r)
		}
		if w+rw > width {
			return i, w
		}
		w += rw
	}
	return len(s), w
}

// Truncate cuts plain text s to width cells, ending it with "…" when cut.
func Truncate(s string, width int) string {
	if Width(s) <= width {
		return s
	}
	if width <= 0 {
		return ""
	}
	n, _ := Cut(s, width-1)
	return s[:n] + "…"
}

// Fit pads or truncates plain text s to exactly width cells.
func Fit(s string, width int) string {
	s = Truncate(s, width)
	if w := Width(s); w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// PadRight pads plain text s to width cells; longer text is left as it is.
func PadRight(s string, width int) string {
	if w := Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// FitStyled pads or truncates a styled line to exactly width cells.
func FitStyled(s string, width int) string {
	w := ansi.StringWidth(s)
	switch {
	case w == width:
		return s
	case w < width:
		return s + strings.Repeat(" ", width-w)
	}
	return ansi.Truncate(s, width, "")
}

// OneLine makes a text one line: line breaks and tabs become blanks, and
// every blank is kept (a snippet's blanks separate it from its marks).
func OneLine(s string) string {
	if !strings.ContainsAny(s, "\n\t\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// Clean makes text from outside (a title, a heading, a name, an error)
// one line that is safe on a terminal and starts with no blank: OneLine,
// leading blanks trimmed, then articles.Sanitize.
func Clean(s string) string {
	return articles.Sanitize(strings.TrimLeft(OneLine(s), " "))
}

// Plural writes n and the word for n things: "1 article", "2 articles",
// "1,000 matches".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Commas(n) + " " + many
}

// Commas writes n with thousands separators: 100,000.
func Commas(n int) string {
	if n < 0 {
		return "-" + Commas(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
