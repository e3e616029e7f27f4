package ui

import (
	"fmt"
	"slices"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

func itoa(n int) string { return strconv.Itoa(n) }

// handleResize lays the panes out again and re-renders for the new widths
// in commands; until they arrive the old lines stay on screen.
func (m *Model) handleResize(w, h int) tea.Cmd {
	m.width, m.height = w, h
	m.relayout()
	return tea.Batch(m.refresh()...)
}

// relayout recomputes the layout and gives every pane its size.
func (m *Model) relayout() {
	problems := 0
	if len(m.problems) > 0 {
		problems = 1
		if m.showProblems {
			problems += len(m.problems)
		}
	}
	m.lay = computeLayout(m.width, m.height, len(m.arts), problems)
	l := m.lay
	m.articles.SetSize(l.articles.w, l.articles.h)
	m.sections.SetSize(l.sections.w, l.sections.h)
	m.reader.SetSize(l.reader.w, l.reader.h)
	m.entities.SetSize(l.entities.w, l.entities.h)
	m.columns.SetSize(l.body.w, l.body.h)
	m.status.SetSize(m.width, 1)
	m.search.SetSize(m.width, 1)
	m.help.SetSize(m.width, max(m.height-1, 1))
	if !m.visible(m.focus) {
		m.setFocus(focusReader)
	}
}

// refresh asks the visible renderers for renderings at their sizes.
func (m *Model) refresh() []tea.Cmd {
	if m.lay.tooSmall {
		return nil
	}
	cmds := []tea.Cmd{m.reader.Refresh()}
	if m.columnsOn {
		cmds = append(cmds, m.columns.Refresh())
	}
	return cmds
}

// handleBackground restyles for a dark or light terminal; "auto" glamour
// styles re-render.
func (m *Model) handleBackground(dark bool) tea.Cmd {
	if dark == m.c.dark {
		return nil
	}
	m.c.dark = dark
	m.c.styles = NewStyles(NewTheme(dark))
	return tea.Batch(m.refresh()...)
}

// handleLoaded opens the first article and lists the problems.
func (m *Model) handleLoaded(l articles.Loaded) tea.Cmd {
	m.loaded = true
	m.arts = l.Articles
	m.problems = m.problems[:0]
	for _, err := range l.Problems {
		m.problems = append(m.problems, articles.Sanitize(flatten(err.Error())))
	}
	m.showProblems = len(m.arts) == 0
	m.articles.SetArticles(m.arts)
	m.relayout()
	if len(m.arts) == 0 {
		return nil
	}
	return m.openArticle(0)
}

// handleRendered gives a rendering to the pane that asked for it.
func (m *Model) handleRendered(msg renderedMsg) tea.Cmd {
	var cmd tea.Cmd
	switch msg.req.target {
	case paneReader:
		cmd = m.reader.Rendered(msg)
	case paneColumns:
		cmd = m.columns.Rendered(msg)
	}
	if p, ok := m.c.marks.current(); ok && msg.next != nil {
		m.reveal(p)
	}
	return cmd
}

// openArticle shows article i where it was left.
func (m *Model) openArticle(i int) tea.Cmd {
	if i < 0 || i >= len(m.arts) {
		return nil
	}
	if a := m.article(); a != nil && m.reader.art == a {
		m.sectionOf[m.cur] = m.reader.CurrentSection()
	}
	m.cur = i
	a := m.arts[i]
	query := m.c.marks.query
	m.c.marks = newMarks(a, m.c.marks.showEntities)
	m.sections.SetArticle(a)
	m.entities.SetArticle(a)
	m.articles.SetCurrent(i)
	sec := m.sectionOf[i]
	m.columns.SetArticle(a, sec)
	cmds := []tea.Cmd{m.reader.SetArticle(a, sec)}
	if m.columnsOn {
		cmds = append(cmds, m.columns.Refresh())
	}
	if query != "" {
		m.setQuery(query, false)
	}
	return tea.Batch(cmds...)
}

// handleKey handles the global keys and passes the others to the focused
// pane. An open search prompt and the help screen get keys first.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.keys
	if msg.String() == "ctrl+c" {
		return tea.Quit
	}
	if m.search.Active() {
		return m.handleSearchKey(msg)
	}
	if m.helpOn {
		if key.Matches(msg, k.Quit) {
			return tea.Quit
		}
		if key.Matches(msg, k.Help, k.Cancel) {
			m.helpOn = false
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.helpOn = true
	case key.Matches(msg, k.Problems):
		m.showProblems = !m.showProblems
		m.relayout()
		return tea.Batch(m.refresh()...)
	case m.article() == nil:
	case key.Matches(msg, k.Search):
		m.origin = m.reader.top
		return m.search.Open()
	case key.Matches(msg, k.NextMatch):
		m.walk(1)
	case key.Matches(msg, k.PrevMatch):
		m.walk(-1)
	case key.Matches(msg, k.Cancel):
		m.setQuery("", false)
		m.selectEntity(-1)
	case key.Matches(msg, k.Highlight):
		m.c.marks.showEntities = !m.c.marks.showEntities
	case key.Matches(msg, k.Columns):
		return m.toggleColumns()
	case key.Matches(msg, k.NextArticle):
		return m.openArticle(m.cur + 1)
	case key.Matches(msg, k.PrevArticle):
		return m.openArticle(m.cur - 1)
	case key.Matches(msg, k.Section):
		m.jump(int(msg.String()[0] - '1'))
	case key.Matches(msg, k.NextSection):
		m.jump(m.currentSection() + 1)
	case key.Matches(msg, k.PrevSection):
		m.jump(m.currentSection() - 1)
	case key.Matches(msg, k.NextFocus) && !m.columnsOn:
		m.cycleFocus(1)
	case key.Matches(msg, k.PrevFocus) && !m.columnsOn:
		m.cycleFocus(-1)
	default:
		return m.toFocused(msg)
	}
	return nil
}

// toFocused passes a message to the pane that has the keys.
func (m *Model) toFocused(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if m.columnsOn {
		m.columns, cmd = m.columns.Update(msg)
		return cmd
	}
	switch m.focus {
	case focusArticles:
		m.articles, cmd = m.articles.Update(msg)
	case focusSections:
		m.sections, cmd = m.sections.Update(msg)
	case focusEntities:
		m.entities, cmd = m.entities.Update(msg)
	default:
		m.reader, cmd = m.reader.Update(msg)
	}
	return cmd
}

// handleSearchKey edits the query, highlighting as it changes; Enter keeps
// the matches, Esc clears them and goes back to where the search started.
func (m *Model) handleSearchKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.keys
	switch {
	case key.Matches(msg, k.Accept):
		m.search.Close()
		if len(m.c.marks.matches) == 0 {
			m.setQuery("", false)
		}
		return nil
	case key.Matches(msg, k.Cancel):
		m.search.Close()
		m.setQuery("", false)
		m.reader.top = m.origin
		m.reader.clamp()
		return nil
	}
	before := m.search.Value()
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(msg)
	if v := m.search.Value(); v != before {
		m.setQuery(v, true)
	}
	return cmd
}

// setQuery searches the article for q (smart case) and, when reveal is
// set, shows the first match from where the search started.
func (m *Model) setQuery(q string, reveal bool) {
	mk := m.c.marks
	mk.query = q
	mk.matches = nil
	if a := m.article(); a != nil && q != "" {
		mk.matches = a.Find(q)
	}
	if q == "" {
		if mk.mode == walkSearch {
			mk.mode, mk.targets, mk.cur = walkNone, nil, -1
		}
		return
	}
	mk.selected = -1
	m.entities.SetSelected(-1)
	mk.mode, mk.targets, mk.cur = walkSearch, mk.matches, -1
	if len(mk.matches) == 0 {
		if reveal {
			m.reader.top = m.origin
			m.reader.clamp()
		}
		return
	}
	from := model.Pos{Section: m.reader.sectionAt(m.origin), Paragraph: -2}
	if m.columnsOn {
		from = model.Pos{Section: m.columns.Focused(), Paragraph: -2}
	}
	mk.cur = m.nextFrom(from, 1)
	if reveal {
		m.reveal(mk.targets[mk.cur])
	}
}

// nextFrom is the index of the first target at or after p (d > 0), or the
// last before p (d < 0), wrapping around.
func (m *Model) nextFrom(p model.Pos, d int) int {
	t := m.c.marks.targets
	i, _ := slices.BinarySearchFunc(t, p, func(a, b model.Pos) int {
		switch {
		case a.Less(b):
			return -1
		case b.Less(a):
			return 1
		}
		return 0
	})
	if d < 0 {
		i--
	}
	return (i%len(t) + len(t)) % len(t)
}

// walk goes to the next (d = 1) or previous (d = -1) match or mention,
// wrapping, and scrolls it into view.
func (m *Model) walk(d int) {
	mk := m.c.marks
	if len(mk.targets) == 0 {
		return
	}
	if mk.cur < 0 {
		mk.cur = m.nextFrom(model.Pos{Section: m.currentSection(), Paragraph: -2}, d)
	} else {
		mk.cur = ((mk.cur+d)%len(mk.targets) + len(mk.targets)) % len(mk.targets)
	}
	m.reveal(mk.targets[mk.cur])
}

func (m *Model) reveal(p model.Pos) {
	if m.columnsOn {
		m.columns.Reveal(p)
		return
	}
	m.reader.Reveal(p)
}

// selectEntity makes entity i's mentions stand out and what n/N walk;
// -1 clears the selection.
func (m *Model) selectEntity(i int) {
	mk := m.c.marks
	a := m.article()
	if a == nil || i >= len(a.Entities) {
		return
	}
	mk.selected = i
	m.entities.SetSelected(i)
	if i < 0 {
		if mk.mode == walkEntity {
			mk.mode, mk.targets, mk.cur = walkNone, nil, -1
		}
		return
	}
	m.setQuery("", false)
	targets := make([]model.Pos, 0, len(a.Entities[i].Mentions))
	for _, mn := range a.Entities[i].Mentions {
		targets = append(targets, mn.Pos())
	}
	slices.SortFunc(targets, func(p, q model.Pos) int {
		if p.Less(q) {
			return -1
		}
		if q.Less(p) {
			return 1
		}
		return 0
	})
	mk.mode, mk.targets, mk.cur = walkEntity, targets, -1
}

// jump shows section i in the reader or focuses its pane.
func (m *Model) jump(i int) {
	a := m.article()
	if a == nil || i < 0 || i >= len(a.Sections) {
		return
	}
	if m.columnsOn {
		m.columns.Focus(i)
		return
	}
	m.reader.GotoSection(i)
}

func (m *Model) currentSection() int {
	if m.columnsOn {
		return m.columns.Focused()
	}
	return m.reader.CurrentSection()
}

// toggleColumns switches between the reader and the section panes view.
func (m *Model) toggleColumns() tea.Cmd {
	m.columnsOn = !m.columnsOn
	if m.columnsOn {
		m.columns.Focus(m.reader.CurrentSection())
		return m.columns.Refresh()
	}
	m.reader.GotoSection(m.columns.Focused())
	return m.reader.Refresh()
}

// visible reports whether the pane f is on screen.
func (m *Model) visible(f focus) bool {
	switch f {
	case focusArticles:
		return m.lay.articles.w > 0
	case focusSections:
		return m.lay.sections.w > 0
	case focusEntities:
		return m.lay.entities.w > 0
	}
	return true
}

// cycleFocus moves the focus to the next visible pane in direction d.
func (m *Model) cycleFocus(d int) {
	f := m.focus
	for range focusCount {
		f = (f + focus(d) + focusCount) % focusCount
		if m.visible(f) {
			break
		}
	}
	m.setFocus(f)
}

// setFocus blurs the focused pane and focuses f.
func (m *Model) setFocus(f focus) {
	m.articles.Blur()
	m.sections.Blur()
	m.reader.Blur()
	m.entities.Blur()
	m.focus = f
	switch f {
	case focusArticles:
		m.articles.Focus()
	case focusSections:
		m.sections.Focus()
	case focusEntities:
		m.entities.Focus()
	default:
		m.reader.Focus()
	}
}

// handleMouse sends a click or a wheel turn to the pane under the pointer,
// in that pane's coordinates; a click also focuses the pane.
func (m *Model) handleMouse(msg tea.Msg, mouse tea.Mouse) tea.Cmd {
	if !m.loaded || m.lay.tooSmall || m.helpOn || m.article() == nil {
		return nil
	}
	_, click := msg.(tea.MouseClickMsg)
	local := func(r rect) tea.Msg {
		mo := mouse
		mo.X, mo.Y = mouse.X-r.x, mouse.Y-r.y
		if click {
			return tea.MouseClickMsg(mo)
		}
		return tea.MouseWheelMsg(mo)
	}
	var cmd tea.Cmd
	l := m.lay
	switch {
	case m.columnsOn && l.body.contains(mouse.X, mouse.Y):
		m.columns, cmd = m.columns.Update(local(l.body))
	case l.articles.contains(mouse.X, mouse.Y):
		m.focusOnClick(click, focusArticles)
		m.articles, cmd = m.articles.Update(local(l.articles))
	case l.sections.contains(mouse.X, mouse.Y):
		m.focusOnClick(click, focusSections)
		m.sections, cmd = m.sections.Update(local(l.sections))
	case l.entities.contains(mouse.X, mouse.Y):
		m.focusOnClick(click, focusEntities)
		m.entities, cmd = m.entities.Update(local(l.entities))
	case l.reader.contains(mouse.X, mouse.Y):
		m.focusOnClick(click, focusReader)
		m.reader, cmd = m.reader.Update(local(l.reader))
	}
	return cmd
}

func (m *Model) focusOnClick(click bool, f focus) {
	if click && m.focus != f {
		m.setFocus(f)
	}
}

// sync brings the panes, the status line and the key map up to date with
// the state after a message.
func (m *Model) sync() {
	k := m.c.keys
	a := m.article()
	k.NextArticle.SetEnabled(len(m.arts) > 1)
	k.PrevArticle.SetEnabled(len(m.arts) > 1)
	k.Left.SetEnabled(m.columnsOn)
	k.Right.SetEnabled(m.columnsOn)
	k.Problems.SetEnabled(len(m.problems) > 0)
	k.NextMatch.SetEnabled(len(m.c.marks.targets) > 0)
	k.PrevMatch.SetEnabled(len(m.c.marks.targets) > 0)
	k.NextFocus.SetEnabled(!m.columnsOn)
	k.PrevFocus.SetEnabled(!m.columnsOn)

	s := m.status
	s.title, s.section, s.total, s.percent, s.walk, s.note = "byline", 0, 0, 0, "", ""
	if !m.loaded {
		s.note = "loading…"
	}
	if a == nil {
		return
	}
	s.title = articles.Sanitize(flatten(a.Title))
	cur := m.currentSection()
	m.sections.SetCurrent(cur)
	s.section, s.total = cur+1, len(a.Sections)
	s.percent = m.reader.Percent()
	if m.columnsOn {
		s.note = m.columns.Page()
	} else if m.reader.doc != nil && !m.reader.doc.complete {
		s.note = "rendering…"
	}
	s.walk = m.walkStatus()
}

// walkStatus is "match 3/7", "Lloyd Austin 2/5" and the like.
func (m *Model) walkStatus() string {
	mk := m.c.marks
	switch mk.mode {
	case walkSearch:
		if mk.cur >= 0 {
			return fmt.Sprintf("match %d/%d", mk.cur+1, len(mk.targets))
		}
		if len(mk.targets) == 0 {
			return "no match"
		}
		return fmt.Sprintf("%d matches", len(mk.targets))
	case walkEntity:
		name := articles.Sanitize(flatten(m.article().Entities[mk.selected].Name))
		if mk.cur >= 0 {
			return fmt.Sprintf("%s %d/%d", name, mk.cur+1, len(mk.targets))
		}
		return fmt.Sprintf("%s · %d mentions (n/N)", name, len(mk.targets))
	}
	if m.search.Active() && mk.query != "" {
		return "no match"
	}
	return ""
}
