package ui

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
)

// searchInput is the "/" prompt: a one-line editor for the query. While it
// is open it gets every key and every paste first; the root re-highlights
// whenever its value changes.
type searchInput struct {
	c      *common
	w      int
	active bool
	value  []rune
	// hint says what Enter and Esc do, at the right of the line.
	hint string
}

// searchMax is the longest query the prompt takes.
const searchMax = 200

func newSearch(c *common) *searchInput { return &searchInput{c: c} }

// Init does nothing.
func (s *searchInput) Init() tea.Cmd { return nil }

// SetSize sets the width of the prompt line.
func (s *searchInput) SetSize(w, _ int) { s.w = w }

// Open shows the prompt, empty.
func (s *searchInput) Open() tea.Cmd {
	s.active, s.value, s.hint = true, s.value[:0], "enter keeps · esc clears "
	return nil
}

// SetHint replaces what the prompt says Enter and Esc do.
func (s *searchInput) SetHint(h string) { s.hint = h }

// Close hides the prompt.
func (s *searchInput) Close() { s.active = false }

// Active reports whether the prompt is open.
func (s *searchInput) Active() bool { return s.active }

// Value is the query typed so far.
func (s *searchInput) Value() string { return string(s.value) }

// Update edits the query: typed or pasted text is appended, backspace
// deletes a character, ctrl+w a word and ctrl+u everything.
func (s *searchInput) Update(msg tea.Msg) (*searchInput, tea.Cmd) {
	if !s.active {
		return s, nil
	}
	switch msg := msg.(type) {
	case tea.PasteMsg:
		s.insert(pastedText(msg.Content))
	case tea.KeyPressMsg:
		s.editKey(msg)
	}
	return s, nil
}

// editKey applies one key press to the query.
func (s *searchInput) editKey(k tea.KeyPressMsg) {
	switch k.String() {
	case "backspace", "ctrl+h":
		if len(s.value) > 0 {
			s.value = s.value[:len(s.value)-1]
		}
	case "ctrl+u":
		s.value = s.value[:0]
	case "ctrl+w":
		v := strings.TrimRightFunc(string(s.value), unicode.IsSpace)
		i := strings.LastIndexFunc(v, unicode.IsSpace)
		s.value = []rune(v[:i+1])
	default:
		t := k.Key().Text
		if t == "" && k.String() == "space" {
			t = " "
		}
		s.insert(t)
	}
}

// insert appends the printable characters of t, up to searchMax in all.
func (s *searchInput) insert(t string) {
	for _, r := range t {
		if unicode.IsPrint(r) && len(s.value) < searchMax {
			s.value = append(s.value, r)
		}
	}
}

// pastedText makes a paste one line of a query: line breaks and tabs
// become spaces, except a final line break, which comes with a copied
// line; escape sequences and other control characters are dropped.
func pastedText(t string) string {
	t = strings.TrimRight(t, "\r\n")
	t = strings.ReplaceAll(t, "\r\n", "\n")
	t = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, t)
	return articles.Sanitize(t)
}

// View draws the prompt with a block cursor, followed by status, the
// match count.
func (s *searchInput) View(status string) string {
	st := &s.c.styles.Status
	q := string(s.value)
	room := max(s.w-textWidth(status)-6, 4)
	if textWidth(q) > room {
		r := []rune(q)
		for textWidth(string(r)) > room {
			r = r[1:]
		}
		q = "…" + string(r[1:])
	}
	line := st.Search.Render("/") + q + st.Cursor.Render(" ") + "  " + st.Search.Render(status)
	hint := s.hint
	if gap := s.w - ansiWidth(line) - textWidth(hint); gap > 0 {
		line += strings.Repeat(" ", gap) + s.c.styles.Message.Render(hint)
	}
	return fitStyled(line, s.w)
}

// ShortHelp lists the prompt's keys.
func (s *searchInput) ShortHelp() []key.Binding {
	k := s.c.keys
	return []key.Binding{k.Accept, k.Cancel}
}

// FullHelp lists the prompt's keys.
func (s *searchInput) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
