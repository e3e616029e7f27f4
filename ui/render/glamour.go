package render

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/ui/render/internal/glamour"
	"github.com/byline/byline/ui/render/internal/glamour/ansi"
	"github.com/byline/byline/ui/render/internal/glamour/styles"
	xansi "github.com/charmbracelet/x/ansi"
)

// Look is how articles are rendered: a glamour style and whether colour
// is off. Without colour the highlights are told apart by their
// attributes alone, so the renderer's own must not collide with them:
// headings keep their "##" marks and are not bold (people are bold), and
// links are italic, not underlined (places are underlined) or bold.
type Look struct {
	// Style is a glamour style name; "auto" (or "") means dark.
	Style string
	// NoColor renders for a terminal without colour (NO_COLOR, plain
	// text).
	NoColor bool
	// NoMeta leaves out the date and byline under the title, for a reader
	// that shows them in a header of its own.
	NoMeta bool
}

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

// StyleIsDark reports whether glamour style name is made for a dark
// background; "auto" and the colourless styles follow the terminal's.
func StyleIsDark(name string, terminalDark bool) bool {
	switch name {
	case styles.LightStyle:
		return false
	case styles.DarkStyle, styles.DraculaStyle, styles.TokyoNightStyle, styles.PinkStyle:
		return true
	}
	return terminalDark
}

// renderer renders sections at one width and look: glamour for the text,
// byline's own wrapping for the title, which glamour does not wrap.
type renderer struct {
	tr    *glamour.TermRenderer
	title ansi.StylePrimitive
	color bool
	// meta says the date and byline are drawn under the title.
	meta bool
	// plain is the paragraph look learnt from glamour, for laying plain
	// paragraphs out without it, and heading the look of simple headings,
	// learnt at the first heading (plain.go); width is the renderer's.
	plain         plainLook
	heading       headingLook
	headingLearnt bool
	width         int
}

// newRenderer returns a renderer whose lines are at most width cells wide.
// Glamour's documents have a left margin of two cells that its word wrap
// leaves out, hence the +2. In colour, headings lose the "## " that
// glamour's colour styles put before them: on screen their colour and
// weight already set them apart (the ascii and notty styles keep the
// marks, which are all they have).
func newRenderer(look Look, width int) (*renderer, error) {
	if err := CheckStyle(look.Style); err != nil {
		return nil, err
	}
	name := ResolveStyle(look.Style, true)
	cfg := *styles.DefaultStyles[name]
	heads := []*ansi.StyleBlock{&cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6}
	if look.NoColor {
		no := false
		cfg.Heading.Bold = &no
		for _, h := range append(heads, &cfg.H1) {
			h.Bold = &no
		}
		yes := true
		cfg.Link.Underline, cfg.LinkText.Underline = &no, &no
		cfg.LinkText.Bold, cfg.LinkText.Italic = &no, &yes
	} else if name != styles.AsciiStyle && name != styles.NoTTYStyle {
		for _, h := range heads {
			if strings.Trim(h.Prefix, "# ") == "" {
				h.Prefix = ""
			}
		}
	}
	tr, err := glamour.NewTermRenderer(
		glamour.WithStyles(cfg),
		glamour.WithWordWrap(max(width, 8)+2),
	)
	if err != nil {
		return nil, err
	}
	title := cfg.H1.StylePrimitive
	if title.Color == nil {
		title.Color = cfg.Heading.Color
	}
	if title.Bold == nil {
		title.Bold = cfg.Heading.Bold
	}
	r := &renderer{tr: tr, title: title, color: !look.NoColor, meta: !look.NoMeta, width: width}
	r.plain = r.learnPlain()
	return r, nil
}

// titleLines renders a title wrapped to width cells after the document's
// margin, every line in the style of the glamour style's top heading, so
// that a long title looks like a short one.
func (r *renderer) titleLines(title string, width int) []string {
	p := r.title
	room := max(width-Width(p.Prefix)-Width(p.Suffix), 8)
	st := lipgloss.NewStyle()
	if r.color {
		if p.Color != nil {
			st = st.Foreground(lipgloss.Color(*p.Color))
		}
		if p.BackgroundColor != nil {
			st = st.Background(lipgloss.Color(*p.BackgroundColor))
		}
	}
	if p.Bold != nil && *p.Bold {
		st = st.Bold(true)
	}
	indent := strings.Repeat(" ", Width(p.Prefix))
	var out []string
	for i, l := range strings.Split(xansi.Wrap(title, room, ""), "\n") {
		lead := p.Prefix
		if i > 0 {
			lead = indent
		}
		out = append(out, "  "+st.Render(lead+l+p.Suffix))
	}
	return out
}
