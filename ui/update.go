package ui

import (
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
	if n := len(m.problems) + len(m.warnings); n > 0 {
		problems = 1
		if m.showProblems {
			problems += n
		}
	}
	if m.lib != nil {
		a := m.article()
		nSections := 0
		if a != nil {
			nSections = len(a.Sections)
		}
		m.lay = computeLibraryLayout(m.width, m.height, problems, nSections, a != nil)
		m.library.SetSize(m.lay.articles.w, m.lay.articles.h)
	} else {
		labelW := m.sections.LabelWidth()
		if len(m.arts) > 1 {
			if m.labelW < 0 {
				m.labelW = labelWidth(m.arts, maxLabelW)
			}
			labelW = m.labelW
		}
		m.lay = computeLayout(m.width, m.height, len(m.arts), problems, labelW, len(m.sections.labels))
	}
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
		f := focusReader
		if !m.visible(f) {
			f = focusArticles
		}
		m.setFocus(f)
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
	m.labelW = -1 // measured at the next layout
	m.problems = m.problems[:0]
	for _, err := range l.Problems {
		m.problems = append(m.problems, articles.Sanitize(flatten(err.Error())))
	}
	m.showProblems = len(m.arts) == 0
	m.articles.SetArticles(m.arts)
	if m.opts.Recognize {
		m.unrecognized = make(map[*model.Article]bool, len(m.arts))
		for _, a := range m.arts {
			m.unrecognized[a] = true
		}
	}
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
	return cmd
}

// openArticle shows article i where it was left.
func (m *Model) openArticle(i int) tea.Cmd {
	if i < 0 || i >= len(m.arts) {
		return nil
	}
	if a := m.article(); a != nil && m.reader.art == a {
		sec, frac := m.reader.Position()
		if cur := m.reader.CurrentSection(); cur != sec {
			sec, frac = cur, 0 // the end on screen: reopen at the current section
		}
		if m.columnsOn {
			sec, frac = m.columns.Focused(), 0 // the pane being read
		}
		m.sectionOf[m.cur] = readPos{sec, frac}
	}
	m.cur = i
	p := m.sectionOf[i]
	return tea.Batch(m.showArticle(m.arts[i], p.sec, p.frac), m.recognizeNext())
}

// showArticle shows a in the panes, the reader at section sec, frac of
// the way into it.
func (m *Model) showArticle(a *model.Article, sec int, frac float64) tea.Cmd {
	query := m.c.marks.query
	m.c.marks = newMarks(a, m.c.marks.showEntities)
	m.sections.SetArticle(a)
	m.entities.SetArticle(a)
	m.entities.SetPending(m.unrecognized[a])
	m.relayout()
	m.articles.SetCurrent(m.cur)
	m.columns.SetArticle(a, sec)
	cmds := []tea.Cmd{m.reader.SetArticleAt(a, sec, frac)}
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
		return m.quit()
	}
	if m.search.Active() {
		return m.searchKey(msg)
	}
	// A notice stays until a key changes something; n/N repeat it.
	if !key.Matches(msg, k.NextMatch, k.PrevMatch) {
		m.status.notice = ""
	}
	if m.helpOn {
		return m.handleHelpKey(msg)
	}
	if m.lib != nil {
		if cmd, ok := m.handleLibKey(msg); ok {
			return cmd
		}
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.helpOn = true
		m.help.SetContext(m.focusedHelp())
	case key.Matches(msg, k.Problems):
		m.showProblems = !m.showProblems
		m.relayout()
		return tea.Batch(m.refresh()...)
	case m.article() == nil:
	case key.Matches(msg, k.Search):
		m.origin = m.reader.top
		return m.search.Open()
	case key.Matches(msg, k.NextMatch):
		return m.step(1)
	case key.Matches(msg, k.PrevMatch):
		return m.step(-1)
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
		return m.jump(int(msg.String()[0] - '1'))
	case key.Matches(msg, k.NextSection):
		return m.jump(m.currentSection() + 1)
	case key.Matches(msg, k.PrevSection):
		return m.jump(m.currentSection() - 1)
	case key.Matches(msg, k.NextFocus) && !m.columnsOn:
		m.cycleFocus(1)
	case key.Matches(msg, k.PrevFocus) && !m.columnsOn:
		m.cycleFocus(-1)
	default:
		return m.toFocused(msg)
	}
	return nil
}

// searchKey passes a key to the open search prompt. A query kept with
// Enter that matches nothing leaves a notice saying so, since the prompt
// that said it is gone.
func (m *Model) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	q := m.search.Value()
	article := m.lib == nil || !m.lib.searching
	cmd := m.handleSearchKey(msg)
	if article && q != "" && !m.search.Active() && key.Matches(msg, m.c.keys.Accept) && len(m.c.marks.matches) == 0 {
		m.status.notice = `no match for "` + q + `"`
	}
	return cmd
}

// step goes to the next (d = 1) or previous (d = -1) match or mention
// from where the user reads, as less and vim do: from the current one
// while it is on screen and no jump has moved the view since it was
// shown, otherwise from the top of the view. The section panes view
// walks from its focused pane.
func (m *Model) step(d int) tea.Cmd {
	mk := m.c.marks
	switch {
	case len(mk.targets) == 0:
		if m.status.notice == "" {
			m.status.notice = "no search: " + m.c.keys.Search.Help().Key + " searches"
		}
		return nil
	case m.columnsOn:
		// From the current match while it is in the focused pane, else
		// from the start of the pane being read.
		f := m.columns.Focused()
		if mk.cur >= 0 && mk.targets[mk.cur].Section == f {
			return m.walk(d)
		}
		mk.cur = m.nextFrom(model.Pos{Section: f, Paragraph: -2}, d)
		return m.reveal(mk.targets[mk.cur])
	case mk.cur >= 0 && !m.reader.Leapt() && m.reader.Shows(mk.targets[mk.cur]):
		return m.walk(d)
	}
	mk.cur = m.reader.Following(mk.targets, d, m.reader.top)
	return m.reveal(mk.targets[mk.cur])
}

// handleHelpKey closes the help screen, quits, or scrolls the screen.
func (m *Model) handleHelpKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help, k.Cancel):
		m.helpOn = false
		return nil
	}
	var cmd tea.Cmd
	m.help, cmd = m.help.Update(msg)
	return cmd
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
		if m.library != nil {
			m.library, cmd = m.library.Update(msg)
			break
		}
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

// jump shows section i in the reader or focuses its pane.
func (m *Model) jump(i int) tea.Cmd {
	a := m.article()
	if a == nil || i < 0 || i >= len(a.Sections) {
		return nil
	}
	if m.columnsOn {
		return m.columns.Focus(i)
	}
	return m.reader.GotoSection(i)
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
		return tea.Batch(m.columns.Focus(m.reader.CurrentSection()), m.columns.Refresh())
	}
	return tea.Batch(m.reader.GotoSection(m.columns.Focused()), m.reader.Refresh())
}

// sync brings the panes, the status line and the key map up to date with
// the state after a message.
func (m *Model) sync() {
	k := m.c.keys
	a := m.article()
	lib := m.lib != nil
	k.NextArticle.SetEnabled(len(m.arts) > 1 || lib && a != nil)
	k.PrevArticle.SetEnabled(len(m.arts) > 1 || lib && a != nil)
	k.Read.SetEnabled(lib)
	k.Star.SetEnabled(lib)
	k.Mentioning.SetEnabled(lib && a != nil)
	k.Left.SetEnabled(m.columnsOn)
	k.Right.SetEnabled(m.columnsOn)
	k.Problems.SetEnabled(len(m.problems)+len(m.warnings) > 0)
	k.NextFocus.SetEnabled(!m.columnsOn)
	k.PrevFocus.SetEnabled(!m.columnsOn)

	s := m.status
	s.title, s.section, s.total, s.percent, s.walk, s.note = "byline", 0, 0, 0, "", ""
	s.counts, s.activity = "", ""
	if !m.loaded {
		s.note = "loading…"
	}
	if lib {
		s.title = "byline library"
		s.counts, s.activity = m.lib.countsText(), m.lib.activity()
		if a == nil {
			m.reader.SetHint(m.libHint())
		}
	}
	if a == nil {
		return
	}
	s.title = articles.Sanitize(flatten(a.Title))
	cur := m.currentSection()
	m.sections.SetCurrent(cur)
	if len(a.Sections) > 0 {
		s.section, s.total = cur+1, len(a.Sections)
	}
	s.percent = m.reader.Percent()
	if m.columnsOn {
		s.percent = m.columns.Percent()
		s.note = m.columns.Page()
	} else if m.reader.doc != nil && !m.reader.doc.complete {
		s.note = "rendering…"
	}
	s.walk = m.walkText()
}

// walkText is what the status line says about n/N: the walk's state, or
// the notice when there is nothing to walk.
func (m *Model) walkText() string {
	if m.c.marks.mode == walkNone && m.status.notice != "" {
		return m.status.notice
	}
	return m.walkStatus()
}
