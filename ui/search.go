package ui

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/ui/render"
)

// searchTarget is what a search prompt searches: the open article or the
// library. The prompt edits the query and tells its target.
type searchTarget interface {
	// Changed searches again as the query is typed.
	Changed(query string) tea.Cmd
	// Accept is Enter: keep the query.
	Accept(query string) tea.Cmd
	// Cancel is Esc: the query is dropped.
	Cancel() tea.Cmd
	// Result is what the prompt shows right of the query: the count.
	Result() string
}

// searchInput is the "/" prompt: a one-line editor for the query. While it
// is open it gets every key and every paste first, and tells its target
// whenever the query changes.
type searchInput struct {
	c      *common
	w      int
	target searchTarget
	value  []rune
	cursor int // in value, 0..len(value)
	// hint says what Enter and Esc do, at the right of the line.
	hint string
}

// searchMax is the longest query the prompt takes.
const searchMax = 200

func newSearch(c *common) *searchInput { return &searchInput{c: c} }

// SetSize sets the width of the prompt line.
func (s *searchInput) SetSize(w int) { s.w = w }

// Open shows the prompt, empty, searching t; hint (in forms from the
// longest to the shortest, separated by tabs) says what Enter and Esc
// do.
func (s *searchInput) Open(t searchTarget, hint string) {
	s.target, s.value, s.cursor, s.hint = t, s.value[:0], 0, hint
}

// Active reports whether the prompt is open.
func (s *searchInput) Active() bool { return s.target != nil }

// Value is the query typed so far.
func (s *searchInput) Value() string { return string(s.value) }

// Update handles a key or a paste while the prompt is open: Enter and Esc
// close it, any other key or a paste edits the query.
func (s *searchInput) Update(msg tea.Msg) tea.Cmd {
	t := s.target
	if t == nil {
		return nil
	}
	k := s.c.keys
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, k.Accept):
			s.target = nil
			return t.Accept(s.Value())
		case key.Matches(kp, k.Cancel):
			s.target = nil
			return t.Cancel()
		}
	}
	before := s.Value()
	switch msg := msg.(type) {
	case tea.PasteMsg:
		s.insert(pastedText(msg.Content))
	case tea.KeyPressMsg:
		s.editKey(msg)
	}
	if v := s.Value(); v != before {
		return t.Changed(v)
	}
	return nil
}

// editKey applies one key press to the query.
func (s *searchInput) editKey(msg tea.KeyPressMsg) {
	s.cursor = min(max(s.cursor, 0), len(s.value))
	k := &s.c.keys.Edit
	switch {
	case key.Matches(msg, k.DeleteBack):
		if s.cursor > 0 {
			s.cut(s.cursor-1, s.cursor)
		}
	case key.Matches(msg, k.DeleteForward):
		if s.cursor < len(s.value) {
			s.cut(s.cursor, s.cursor+1)
		}
	case key.Matches(msg, k.Left):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(msg, k.Right):
		s.cursor = min(s.cursor+1, len(s.value))
	case key.Matches(msg, k.Home):
		s.cursor = 0
	case key.Matches(msg, k.End):
		s.cursor = len(s.value)
	case key.Matches(msg, k.DeleteStart):
		s.cut(0, s.cursor)
	case key.Matches(msg, k.DeleteEnd):
		s.cut(s.cursor, len(s.value))
	case key.Matches(msg, k.DeleteWord):
		i := s.cursor
		for i > 0 && unicode.IsSpace(s.value[i-1]) {
			i--
		}
		for i > 0 && !unicode.IsSpace(s.value[i-1]) {
			i--
		}
		s.cut(i, s.cursor)
	default:
		t := msg.Key().Text
		if t == "" && msg.String() == "space" {
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
	return articles.Sanitize(render.OneLine(t))
}

// View draws the prompt with a block cursor, followed by the target's
// result (the match count).
func (s *searchInput) View() string {
	st := &s.c.styles.Status
	status := ""
	if s.target != nil {
		status = s.target.Result()
	}
	cur := min(max(s.cursor, 0), len(s.value))
	before, under, after := s.value[:cur], " ", ""
	if cur < len(s.value) {
		under, after = string(s.value[cur]), string(s.value[cur+1:])
	}
	room := max(s.w-render.Width(status)-6, 4)
	b := string(before)
	if render.Width(b) > room {
		r := before
		for render.Width(string(r)) > room {
			r = r[1:]
		}
		b = "…" + string(r[1:])
	}
	if rest := room - render.Width(b); render.Width(after) > rest {
		r := []rune(after)
		for len(r) > 0 && render.Width(string(r)) > max(rest-1, 0) {
			r = r[:len(r)-1]
		}
		after = string(r) + "…"
	}
	line := st.Search.Render("/") + b + st.Cursor.Render(under) + after + "  " + st.Search.Render(status)
	// The hint's longest form that fits (its forms are separated by tabs).
	for _, hint := range strings.Split(s.hint, "\t") {
		if gap := s.w - render.StyledWidth(line) - render.Width(hint); gap > 0 {
			line += strings.Repeat(" ", gap) + s.c.styles.Message.Render(hint)
			break
		}
	}
	return render.FitStyled(line, s.w)
}

// ShortHelp lists the prompt's keys.
func (s *searchInput) ShortHelp() []key.Binding {
	k := s.c.keys
	e := &k.Edit
	return []key.Binding{k.Accept, k.Cancel, e.Left, e.Right, e.Home, e.End, e.DeleteBack, e.DeleteWord, e.DeleteStart, e.DeleteEnd}
}

// FullHelp lists the prompt's keys.
func (s *searchInput) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
