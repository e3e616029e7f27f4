package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

// Options configure the app.
type Options struct {
	// Load reads the articles; it runs in a tea.Cmd, never in Update.
	Load func() articles.Loaded
	// Style is a glamour style name, or "auto" (or "") for dark or light
	// by the terminal's background.
	Style string
	// Version is shown on the help screen.
	Version string
}

// loadedMsg carries what Options.Load returned.
type loadedMsg struct{ articles.Loaded }

// Model is the root model. It only routes: sizes and global data go to
// every pane, typed messages to the pane that owns them, keys to the
// search prompt when open and otherwise to the focused pane.
type Model struct {
	opts Options
	c    *common

	width, height int
	lay           layout
	loaded        bool
	arts          []*model.Article
	problems      []string
	showProblems  bool
	cur           int
	// sectionOf remembers the section each article was left at.
	sectionOf map[int]int
	focus     focus
	columnsOn bool
	helpOn    bool
	// origin is where the reader was when the search prompt opened.
	origin int

	articles *articlesPane
	sections *sectionsPane
	reader   *readerPane
	entities *entitiesPane
	columns  *columnsView
	status   *statusLine
	search   *searchInput
	help     *helpScreen
}

// New returns the root model of byline's reader.
func New(opts Options) tea.Model { return newModel(opts) }

func newModel(opts Options) *Model {
	c := &common{keys: DefaultKeyMap(), style: opts.Style, dark: true}
	c.styles = NewStyles(NewTheme(true))
	c.marks = newMarks(nil, true)
	m := &Model{
		opts: opts, c: c, focus: focusReader, sectionOf: map[int]int{},
		articles: newArticlesPane(c), sections: newSections(c), reader: newReader(c),
		entities: newEntities(c), columns: newColumns(c), status: newStatus(c),
		search: newSearch(c), help: newHelp(c, opts.Version),
	}
	m.reader.Focus()
	m.sync()
	return m
}

// Init loads the articles and asks the terminal for its background.
func (m *Model) Init() tea.Cmd {
	load := m.opts.Load
	return tea.Batch(func() tea.Msg {
		if load == nil {
			return loadedMsg{}
		}
		return loadedMsg{load()}
	}, tea.RequestBackgroundColor)
}

// Update routes a message and then brings the shared state up to date.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.route(msg)
	m.sync()
	return m, cmd
}

func (m *Model) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.handleResize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		return m.handleBackground(msg.IsDark())
	case loadedMsg:
		return m.handleLoaded(msg.Loaded)
	case renderedMsg:
		return m.handleRendered(msg)
	case jumpMsg:
		return m.jump(msg.section)
	case selectEntityMsg:
		m.selectEntity(msg.entity)
		return nil
	case openArticleMsg:
		return m.openArticle(msg.index)
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseClickMsg:
		return m.handleMouse(msg, msg.Mouse())
	case tea.MouseWheelMsg:
		return m.handleMouse(msg, msg.Mouse())
	}
	if m.search.Active() {
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		return cmd
	}
	return nil
}

// View draws the screen: the panes, the problems line and the status line,
// or the help screen, or a polite message when there is nothing to show.
func (m *Model) View() tea.View {
	v := tea.NewView(m.screen())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "byline"
	if a := m.article(); a != nil {
		v.WindowTitle = "byline · " + articles.Sanitize(flatten(a.Title))
	}
	return v
}

func (m *Model) screen() string {
	switch {
	case m.width == 0 || m.height == 0:
		return ""
	case m.lay.tooSmall:
		return centered(m.c.styles.Message, "Terminal too small:\nbyline needs at least 40×10.", m.width, m.height)
	case !m.loaded:
		return centered(m.c.styles.Message, "Loading articles…", m.width, m.height)
	case m.helpOn:
		return m.help.View() + "\n" + m.status.View()
	case len(m.arts) == 0:
		return centered(m.c.styles.Message, "No article could be opened.", m.width, m.lay.body.h) + m.problemsView() + "\n" + m.status.View()
	}
	var body string
	if m.columnsOn {
		body = m.columns.View()
	} else {
		var blocks []string
		if m.lay.sections.w > 0 {
			left := m.sections.View()
			if m.lay.articles.w > 0 {
				left = m.articles.View() + "\n" + left
			}
			blocks = append(blocks, left)
		}
		blocks = append(blocks, m.reader.View())
		if m.lay.entities.w > 0 {
			blocks = append(blocks, m.entities.View())
		}
		body = joinColumns(blocks...)
	}
	bottom := m.status.View()
	if m.search.Active() {
		bottom = m.search.View(m.status.walk)
	}
	return body + m.problemsView() + "\n" + bottom
}

// problemsView is the collapsible list of sources that failed to open,
// starting with a newline, or "" when there are none.
func (m *Model) problemsView() string {
	if m.lay.problems.h == 0 {
		return ""
	}
	st := m.c.styles
	n := len(m.problems)
	what := "1 source could not be opened"
	if n != 1 {
		what = itoa(n) + " sources could not be opened"
	}
	hint := " · p: show"
	if m.showProblems {
		hint = " · p: hide"
	}
	var b strings.Builder
	b.WriteString("\n")
	b.WriteString(fitStyled(st.Status.Warning.Render("⚠ "+what)+st.Message.Render(hint), m.width))
	for i := 0; i < m.lay.problems.h-1 && i < n; i++ {
		b.WriteString("\n")
		b.WriteString(st.Message.Render(fit("  "+m.problems[i], m.width)))
	}
	return b.String()
}

func (m *Model) article() *model.Article {
	if m.cur < 0 || m.cur >= len(m.arts) {
		return nil
	}
	return m.arts[m.cur]
}
