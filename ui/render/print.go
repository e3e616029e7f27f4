package render

import (
	"strings"

	"github.com/byline/byline/model"
)

// Article returns the whole article rendered through glamour at width
// columns, for `byline print`: the same per-section rendering the reader
// shows. style is a glamour style name ("auto" means dark: there is no
// terminal to ask). With color false the result is plain text without any
// escape sequence. It fails only for an unknown style.
func Article(a *model.Article, width int, style string, color bool) (string, error) {
	r, err := newRenderer(Look{Style: ResolveStyle(style, true), NoColor: !color}, width)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for si := range a.Sections {
		s, err := renderSection(r, a, si, width)
		if err != nil {
			return "", err
		}
		lines := s.Lines
		if si == len(a.Sections)-1 {
			for len(lines) > 0 && lines[len(lines)-1].Text == "" {
				lines = lines[:len(lines)-1]
			}
		}
		for i := range lines {
			if color {
				b.WriteString(lines[i].String())
			} else {
				b.WriteString(lines[i].Text)
			}
			b.WriteByte('\n')
		}
	}
	return b.String(), nil
}
