package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// statusLine is the bottom line: the article, the section, how far through
// it the reader is, the search or walk state and the way to help. The root
// fills its fields before drawing it.
type statusLine struct {
	c       *common
	w       int
	title   string
	section int // 1-based
	total   int
	percent int
	// walk is "match 3/7", "Lloyd Austin 2/5", "no match for x" or "".
	walk string
	// note is a transient message ("rendering…").
	note string
	// notice is shown in place of an empty walk until the next key that
	// changes something: `no match for "zzz"` after a search kept with
	// Enter. The root sets and clears it; sync leaves it alone.
	notice string
	// counts are a library's ("12 unread · 3 starred · 40 articles");
	// activity is what it is doing ("⠋ refreshing 3/12 feeds").
	counts, activity string
}

func newStatus(c *common) *statusLine { return &statusLine{c: c} }

// Init does nothing.
func (s *statusLine) Init() tea.Cmd { return nil }

// SetSize sets the width; the status line is one line high.
func (s *statusLine) SetSize(w, _ int) { s.w = w }

// Update does nothing: the status line has no keys of its own.
func (s *statusLine) Update(tea.Msg) (*statusLine, tea.Cmd) { return s, nil }

// View draws the line, dropping the least useful parts when narrow.
func (s *statusLine) View() string {
	st := &s.c.styles.Status
	right := "? help "
	parts := []string{}
	if s.total > 0 {
		parts = append(parts, fmt.Sprintf("§ %d/%d", s.section, s.total), fmt.Sprintf("%d%%", s.percent))
	}
	for _, p := range []string{s.note, s.activity, s.counts} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	info := " " + strings.Join(parts, " · ") + " "
	walk := ""
	if s.walk != "" {
		walk = " " + s.walk + " "
	}
	fixed := textWidth(info) + textWidth(walk) + textWidth(right)
	titleW := s.w - fixed - 2
	if titleW < 8 {
		right = ""
		titleW = s.w - textWidth(info) - textWidth(walk) - 2
	}
	title := ""
	if titleW > 3 {
		title = st.Title.Render(" " + truncate(s.title, titleW) + " ")
	}
	left := title + st.Info.Render(info) + st.Search.Render(walk)
	gap := s.w - ansi.StringWidth(left) - textWidth(right)
	line := left + st.Bar.Render(strings.Repeat(" ", max(gap, 0))) + st.Help.Render(right)
	return fitStyled(line, s.w)
}

// ShortHelp lists nothing: the status line has no keys.
func (s *statusLine) ShortHelp() []key.Binding { return nil }

// FullHelp lists nothing.
func (s *statusLine) FullHelp() [][]key.Binding { return nil }
