package render

import (
	"fmt"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/byline/byline/articles"
)

// CheckStyle reports whether name is a glamour style byline can render with:
// "auto" or one of glamour's standard styles (dark, light, dracula, ...).
func CheckStyle(name string) error {
	if name == "" || name == "auto" {
		return nil
	}
	if _, ok := styles.DefaultStyles[name]; !ok {
		return fmt.Errorf("unknown style %q", articles.Sanitize(name))
	}
	return nil
}

// ResolveStyle turns "auto" into the dark or light glamour style.
func ResolveStyle(name string, dark bool) string {
	if name == "" || name == "auto" {
		if dark {
			return styles.DarkStyle
		}
		return styles.LightStyle
	}
	return name
}

// newRenderer returns a glamour renderer whose lines are at most width
// cells wide. Glamour's documents have a left margin of two cells that its
// word wrap leaves out, hence the +2. With marks false, headings lose the
// "## " that glamour's colour styles put before them: on screen their
// colour and weight already set them apart (plain text and the ascii and
// notty styles keep the marks, which are all they have).
func newRenderer(style string, width int, marks bool) (*glamour.TermRenderer, error) {
	if err := CheckStyle(style); err != nil {
		return nil, err
	}
	name := ResolveStyle(style, true)
	cfg := *styles.DefaultStyles[name]
	if !marks && name != styles.AsciiStyle && name != styles.NoTTYStyle {
		for _, h := range []*ansi.StyleBlock{&cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6} {
			if strings.Trim(h.Prefix, "# ") == "" {
				h.Prefix = ""
			}
		}
	}
	return glamour.NewTermRenderer(
		glamour.WithStyles(cfg),
		glamour.WithWordWrap(max(width, 8)+2),
	)
}
