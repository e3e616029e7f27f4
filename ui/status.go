package ui

import (
	"fmt"
	"strings"

	"github.com/byline/byline/ui/render"
)

// statusInfo is what the status line shows. The source fills in the
// title, its counts and activity; the article view the section, the
// position, its note and the walk.
type statusInfo struct {
	title   string
	section int // 1-based
	total   int
	percent int
	// walk is "match 3/7", "Lloyd Austin 2/5", "no match for x" or "".
	walk string
	// note is a transient message ("rendering…").
	note string
	// counts are a library's ("12 unread · 3 starred · 40 articles");
	// activity is what it is doing ("⠋ refreshing 3/12 feeds").
	counts, activity string
}

// statusLine is the bottom line: the article, the section, how far through
// it the reader is, the search or walk state and the way to help.
type statusLine struct {
	c    *common
	w    int
	info statusInfo
}

func newStatus(c *common) *statusLine { return &statusLine{c: c} }

// SetSize sets the width; the status line is one line high.
func (s *statusLine) SetSize(w int) { s.w = w }

// Set replaces what the line shows.
func (s *statusLine) Set(info statusInfo) { s.info = info }

// View draws the line, dropping the least useful parts when narrow.
func (s *statusLine) View() string {
	st := &s.c.styles.Status
	in := &s.info
	h := s.c.keys.Help.Help()
	right := h.Key + " " + h.Desc + " "
	parts := []string{}
	if in.total > 0 {
		parts = append(parts, fmt.Sprintf("§ %d/%d", in.section, in.total), fmt.Sprintf("%d%%", in.percent))
	}
	for _, p := range []string{in.note, in.activity, in.counts} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	info := " " + strings.Join(parts, " · ") + " "
	walk := ""
	if in.walk != "" {
		walk = " " + in.walk + " "
	}
	fixed := render.Width(info) + render.Width(walk) + render.Width(right)
	titleW := s.w - fixed - 2
	if titleW < 8 {
		right = ""
		titleW = s.w - render.Width(info) - render.Width(walk) - 2
	}
	title := ""
	if titleW > 3 {
		title = st.Title.Render(" " + render.Truncate(in.title, titleW) + " ")
	}
	left := title + st.Info.Render(info) + st.Search.Render(walk)
	gap := s.w - render.StyledWidth(left) - render.Width(right)
	line := left + st.Bar.Render(strings.Repeat(" ", max(gap, 0))) + st.Help.Render(right)
	return render.FitStyled(line, s.w)
}
