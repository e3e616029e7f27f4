package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// jumpMsg asks the reader to show a section.
type jumpMsg struct{ section int }

// jumpCmd returns a command that sends jumpMsg.
func jumpCmd(i int) tea.Cmd { return func() tea.Msg { return jumpMsg{i} } }

// sectionsPane is the numbered list of the article's sections, the one
// being read marked. Enter or a click jumps to the section under the cursor.
type sectionsPane struct {
	c       *common
	w, h    int
	focused bool
	labels  []string
	current int
	listNav
	cache viewCache
}

func newSections(c *common) *sectionsPane { return &sectionsPane{c: c} }

// Name names the pane on the help screen.
func (s *sectionsPane) Name() string { return "Sections" }

// SetSize sets the pane's outer size.
func (s *sectionsPane) SetSize(w, h int) { s.w, s.h = w, h; s.scroll() }

// Focus puts the cursor on the current section.
func (s *sectionsPane) Focus() { s.focused = true; s.cursor = s.current; s.scroll() }

// Blur takes the focus away.
func (s *sectionsPane) Blur() { s.focused = false }

// SetArticle lists a's sections.
func (s *sectionsPane) SetArticle(a *model.Article) {
	s.labels = s.labels[:0]
	for _, sec := range a.Sections {
		h := render.Clean(sec.Heading)
		if h == "" {
			h = "Lead"
		}
		s.labels = append(s.labels, h)
	}
	s.current, s.cursor, s.offset = 0, 0, 0
	s.cache = viewCache{}
}

// LabelWidth is the width of the longest numbered heading.
func (s *sectionsPane) LabelWidth() int {
	w := 0
	for _, l := range s.labels {
		w = max(w, render.Width(l))
	}
	return w + len(fmt.Sprint(len(s.labels)))
}

// labelWidth is LabelWidth for the sections of any of arts: the layout
// sizes the Sections pane for all the articles open, so that it does not
// jump from one width to another between articles. It stops measuring at
// maxW, the most the pane would grow to.
func labelWidth(arts []*model.Article, maxW int) int {
	w := 0
	for _, a := range arts {
		n := len(fmt.Sprint(len(a.Sections)))
		for _, sec := range a.Sections {
			h := sec.Heading
			if h == "" {
				h = "Lead"
			}
			w = max(w, render.Width(render.Clean(h))+n)
			if w >= maxW {
				return w
			}
		}
	}
	return w
}

// SetCurrent marks the section being read; an unfocused cursor follows it.
func (s *sectionsPane) SetCurrent(i int) {
	s.current = i
	if !s.focused {
		s.cursor = i
	}
	s.scroll()
}

func (s *sectionsPane) rows() int { return max(s.h-2, 1) }

// scroll keeps the cursor in view.
func (s *sectionsPane) scroll() { s.listNav.scroll(len(s.labels), s.rows()) }

// Update moves the cursor and jumps on Enter or a click.
func (s *sectionsPane) Update(msg tea.Msg) tea.Cmd {
	n := len(s.labels)
	if n == 0 {
		return nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if !s.moveKey(msg, s.c.keys, n, s.rows()) && key.Matches(msg, s.c.keys.Select) {
			return jumpCmd(s.cursor)
		}
	case tea.MouseClickMsg:
		if i := s.offset + msg.Y - 1; msg.Y >= 1 && i >= 0 && i < n {
			s.cursor = i
			return jumpCmd(i)
		}
	case tea.MouseWheelMsg:
		s.wheel(msg.Button, n, s.rows())
	}
	return nil
}

// View draws the numbered list.
func (s *sectionsPane) View() string {
	key := fmt.Sprint(s.w, s.h, s.focused, s.current, s.cursor, s.offset, len(s.labels), s.c.dark)
	return s.cache.get(key, s.draw)
}

func (s *sectionsPane) draw() string {
	st := &s.c.styles.Sections
	w := max(s.w-2, 1)
	numW := len(fmt.Sprint(len(s.labels)))
	body := make([]string, 0, s.rows())
	for i := s.offset; i < len(s.labels) && len(body) < s.rows(); i++ {
		marker := "  "
		if i == s.current {
			marker = "▌ "
		}
		num := fmt.Sprintf("%*d ", numW, i+1)
		label := render.Fit(s.labels[i], max(w-2-len(num), 0))
		var row string
		switch {
		case s.focused && i == s.cursor:
			row = st.Marker.Render(marker) + st.Cursor.Render(num+label)
		case i == s.current:
			row = st.Marker.Render(marker) + st.Current.Render(num+label)
		default:
			row = marker + st.Number.Render(num) + st.Item.Render(label)
		}
		body = append(body, row)
	}
	title := "Sections"
	if len(s.labels) > 0 {
		title = fmt.Sprintf("Sections %d/%d", s.current+1, len(s.labels))
	}
	return s.c.box(title, body, s.w, s.h, s.focused)
}

// ShortHelp lists the pane's keys.
func (s *sectionsPane) ShortHelp() []key.Binding {
	k := s.c.keys
	return []key.Binding{k.Down, k.Up, k.Select}
}

// FullHelp lists the pane's keys in groups.
func (s *sectionsPane) FullHelp() [][]key.Binding {
	k := s.c.keys
	return [][]key.Binding{s.ShortHelp(), {k.Section, k.NextSection, k.PrevSection}}
}
