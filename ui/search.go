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
	cursor int // in value, 0..len(value)
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
	s.active, s.value, s.cursor, s.hint = true, s.value[:0], 0, "enter keeps · esc clears "
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

// Update edits the query: typed or pasted text goes in at the cursor;
// left/right (ctrl+b/ctrl+f), home/end (ctrl+a/ctrl+e) move it; backspace
// and delete remove a character, ctrl+w the word before the cursor,
// ctrl+u everything before it and ctrl+k everything after it.
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
	s.cursor = min(max(s.cursor, 0), len(s.value))
	switch k.String() {
	case "backspace", "ctrl+h":
		if s.cursor > 0 {
			s.cut(s.cursor-1, s.cursor)
		}
	case "delete", "ctrl+d":
		if s.cursor < len(s.value) {
			s.cut(s.cursor, s.cursor+1)
		}
	case "left", "ctrl+b":
		s.cursor = max(s.cursor-1, 0)
	case "right", "ctrl+f":
		s.cursor = min(s.cursor+1, len(s.value))
	case "home", "ctrl+a":
		s.cursor = 0
	case "end", "ctrl+e":
		s.cursor = len(s.value)
	case "ctrl+u":
		s.cut(0, s.cursor)
	case "ctrl+k":
		s.cut(s.cursor, len(s.value))
	case "ctrl+w":
		i := s.cursor
		for i > 0 && unicode.IsSpace(s.value[i-1]) {
			i--
		}
		for i > 0 && !unicode.IsSpace(s.value[i-1]) {
			i--
		}
		s.cut(i, s.cursor)
	default:
		t := k.Key().Text
		if t == "" && k.String() == "space" {
			t = " "
		}
		s.insert(t)
	}
}

// cut removes value[from:to] and leaves the cursor at from.
func (s *searchInput) cut(from, to int) {
	s.value = append(s.value[:from], s.value[to:]...)
	s.cursor = from
}

// insert puts the printable characters of t in at the cursor, up to
// searchMax in all.
func (s *searchInput) insert(t string) {
	s.cursor = min(max(s.cursor, 0), len(s.value))
	var add []rune
	for _, r := range t {
		if unicode.IsPrint(r) && len(s.value)+len(add) < searchMax {
			add = append(add, r)
		}
	}
	if len(add) == 0 {
		return
	}
	tail := append([]rune(nil), s.value[s.cursor:]...)
	s.value = append(append(s.value[:s.cursor], add...), tail...)
	s.cursor += len(add)
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
	cur := min(max(s.cursor, 0), len(s.value))
	before, under, after := s.value[:cur], " ", ""
	if cur < len(s.value) {
		under, after = string(s.value[cur]), string(s.value[cur+1:])
	}
	room := max(s.w-textWidth(status)-6, 4)
	b := string(before)
	if textWidth(b) > room {
		r := before
		for textWidth(string(r)) > room {
			r = r[1:]
		}
		b = "…" + string(r[1:])
	}
	if rest := room - textWidth(b); textWidth(after) > rest {
		r := []rune(after)
		for len(r) > 0 && textWidth(string(r)) > max(rest-1, 0) {
			r = r[:len(r)-1]
		}
		after = string(r) + "…"
	}
	line := st.Search.Render("/") + b + st.Cursor.Render(under) + after + "  " + st.Search.Render(status)
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
