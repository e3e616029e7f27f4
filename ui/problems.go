package ui

import (
	"strings"

	"github.com/byline/byline/ui/render"
)

// problemsList is the collapsible list above the status line: the sources
// that could not be opened and the feeds that could not be refreshed.
// Sources add to it; p shows and hides it.
type problemsList struct {
	c *common
	// problems are the sources that failed, warnings the feeds; both are
	// one clean line each.
	problems, warnings []string
	shown              bool
}

func newProblems(c *common) *problemsList { return &problemsList{c: c} }

// SetProblems replaces the sources that failed; the list is expanded when
// nothing else could be opened.
func (p *problemsList) SetProblems(errs []error, expand bool) {
	p.problems = p.problems[:0]
	for _, err := range errs {
		p.problems = append(p.problems, render.Clean(err.Error()))
	}
	p.shown = expand
}

// Warn adds a feed's warning.
func (p *problemsList) Warn(text string) { p.warnings = append(p.warnings, render.Clean(text)) }

// Warnings are the feeds' warnings, for the caller to list once the
// screen is gone.
func (p *problemsList) Warnings() []string { return p.warnings }

// Toggle shows or hides the list.
func (p *problemsList) Toggle() { p.shown = !p.shown }

// Len is the number of problems and warnings.
func (p *problemsList) Len() int { return len(p.problems) + len(p.warnings) }

// Lines is how many rows the list wants: none without problems, one
// collapsed, one per entry more when shown.
func (p *problemsList) Lines() int {
	n := p.Len()
	switch {
	case n == 0:
		return 0
	case p.shown:
		return 1 + n
	}
	return 1
}

// View draws the list in rows lines of width w, starting with a newline,
// or "" when rows is 0. When cut, its last line counts the rest.
func (p *problemsList) View(w, rows int) string {
	if rows == 0 {
		return ""
	}
	st := p.c.styles
	var whats []string
	if n := len(p.problems); n > 0 {
		whats = append(whats, render.Plural(n, "source", "sources")+" could not be opened")
	}
	if n := len(p.warnings); n > 0 {
		whats = append(whats, render.Plural(n, "feed", "feeds")+" could not be refreshed")
	}
	what := strings.Join(whats, " · ")
	lines := append(p.problems[:len(p.problems):len(p.problems)], p.warnings...)
	n := len(lines)
	k := p.c.keys.Problems.Help().Key
	hint := " · " + k + ": show"
	if p.shown {
		hint = " · " + k + ": hide"
	}
	var b strings.Builder
	b.WriteString("\n")
	b.WriteString(render.FitStyled(st.Status.Warning.Render("⚠ "+what)+st.Message.Render(hint), w))
	// A list cut to its rows ends with how many are left out, never
	// hiding any silently.
	rows--
	for i := 0; i < rows && i < n; i++ {
		line := "  " + lines[i]
		if i == rows-1 && n > rows {
			line = "  … and " + render.Commas(n-i) + " more (all listed when byline quits)"
		}
		b.WriteString("\n")
		b.WriteString(st.Message.Render(render.Fit(line, w)))
	}
	return b.String()
}
