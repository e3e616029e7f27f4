package ui

import (
	"strings"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/library"
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
	// Library, when not nil, opens the app on this library instead of
	// Load: the Articles pane lists it, / there searches it, and the
	// reading state is saved in it. The app uses it only in tea.Cmds; the
	// caller closes it once the program has ended.
	Library *library.Library
	// Recognize, when true, finds the people and places of each article
	// from Load in the background when it is opened: a long article shows
	// at once and its highlights and People & Places pane follow. Leave it
	// false when Load already recognised them.
	Recognize bool
	// Fetch, with Library, refreshes the library's feeds in the
	// background when the app starts; nil skips the refresh.
	Fetch *fetch.Client
}

// loadedMsg carries what Options.Load returned.
type loadedMsg struct{ articles.Loaded }

// Model is the root model. It only routes: sizes and global data go to
// every pane, typed messages to the pane that owns them, keys to the
// search prompt when open and otherwise to the focused pane; pasted text
// goes to the search prompt.
type Model struct {
	opts Options
	c    *common

	width, height int
	lay           layout
	loaded        bool
	arts          []*model.Article
	labelW        int // widest section label of all arts, -1 until measured
	problems      []string
	// warnings are the feeds that could not be refreshed; they share the
	// collapsible problems line.
	warnings     []string
	showProblems bool
	cur          int
	// unrecognized are the articles whose people and places are still to
	// be found (Options.Recognize); recognizing is true while a
	// recognizeCmd runs.
	unrecognized map[*model.Article]bool
	recognizing  bool
	// sectionOf remembers where each article was left: a section and how
	// far into it.
	sectionOf map[int]readPos
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

	// lib and library are the state and the Articles pane of library
	// mode; nil otherwise.
	lib     *libState
	library *libraryPane
}

// New returns the root model of byline's reader.
func New(opts Options) tea.Model { return newModel(opts) }

// readPos is a place in an article: a section and how far into it (0-1).
type readPos struct {
	sec  int
	frac float64
}

// Warnings returns the feeds that could not be refreshed while the app ran,
// one line each, for the caller to list once the screen is gone. m is the
// model tea.Program.Run returned.
func Warnings(m tea.Model) []string {
	if mm, ok := m.(*Model); ok {
		return mm.warnings
	}
	return nil
}

func newModel(opts Options) *Model {
	c := &common{keys: DefaultKeyMap(), style: opts.Style, dark: true}
	c.styles = NewStyles(NewTheme(true))
	c.marks = newMarks(nil, true)
	m := &Model{
		opts: opts, c: c, focus: focusReader, sectionOf: map[int]readPos{},
		articles: newArticlesPane(c), sections: newSections(c), reader: newReader(c),
		entities: newEntities(c), columns: newColumns(c), status: newStatus(c),
		search: newSearch(c), help: newHelp(c, opts.Version),
	}
	m.reader.Focus()
	if opts.Library != nil {
		m.lib = newLibState(opts.Library, opts.Fetch)
		m.library = newLibraryPane(c, m.lib.ctx, opts.Library)
		m.setFocus(focusArticles)
	}
	m.sync()
	return m
}

// Init loads the articles and asks the terminal for its background.
func (m *Model) Init() tea.Cmd {
	if s := m.lib; s != nil {
		cmds := []tea.Cmd{firstScreenCmd(s.ctx, s.lib), tea.RequestBackgroundColor}
		if s.fetch != nil {
			cmds = append(cmds, refreshCmd(s.ctx, s.lib, s.fetch))
		}
		return tea.Batch(cmds...)
	}
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
	case recognizedMsg:
		return m.handleRecognized(msg)
	case jumpMsg:
		return m.jump(msg.section)
	case selectEntityMsg:
		m.selectEntity(msg.entity)
		return nil
	case openArticleMsg:
		return m.openArticle(msg.index)
	case libMsg:
		return m.handleLib(msg)
	case spinner.TickMsg:
		return m.handleSpin(msg)
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		return m.handlePaste(msg)
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
	case !m.loaded && m.lib != nil:
		return centered(m.c.styles.Message, "Opening the library…", m.width, m.height)
	case !m.loaded:
		return centered(m.c.styles.Message, "Loading articles…", m.width, m.height)
	case m.helpOn:
		return m.help.View() + "\n" + m.status.View()
	case len(m.arts) == 0 && m.lib == nil:
		return centered(m.c.styles.Message, "No article could be opened.", m.width, m.lay.body.h) + m.problemsView() + "\n" + m.status.View()
	}
	var body string
	switch {
	case m.columnsOn:
		body = m.columns.View()
	case m.lib != nil:
		body = m.libBody()
	default:
		body = m.readerBody()
	}
	bottom := m.status.View()
	switch {
	case m.search.Active() && m.lib != nil && m.lib.searching:
		bottom = m.search.View(m.library.Searching())
	case m.search.Active():
		bottom = m.search.View(m.status.walk)
	}
	return body + m.problemsView() + "\n" + bottom
}

// readerBody is the reader's layout: Articles and Sections on the left,
// the reader, People & Places on the right (or below the Sections on a
// medium-wide terminal).
func (m *Model) readerBody() string {
	l := m.lay
	var blocks []string
	stacked := l.entitiesBelow()
	if l.sections.w > 0 {
		left := m.sections.View()
		if l.articles.w > 0 {
			left = m.articles.View() + "\n" + left
		}
		if stacked {
			left += "\n" + m.entities.View()
		}
		blocks = append(blocks, left)
	}
	blocks = append(blocks, m.reader.View())
	if l.entities.w > 0 && !stacked {
		blocks = append(blocks, m.entities.View())
	}
	return joinColumns(blocks...)
}

// libBody is the library's layout: the Articles pane and the open
// article's Sections on the left (above the reader when narrow), the
// reader, People & Places on the right.
func (m *Model) libBody() string {
	l := m.lay
	left := []string{m.library.View()}
	if l.sections.w > 0 {
		left = append(left, m.sections.View())
	}
	below := l.entitiesBelow()
	if below {
		left = append(left, m.entities.View())
	}
	if l.articles.w == l.body.w { // stacked
		if l.reader.h > 0 {
			left = append(left, m.reader.View())
		}
		return strings.Join(left, "\n")
	}
	blocks := []string{strings.Join(left, "\n"), m.reader.View()}
	if l.entities.w > 0 && !below {
		blocks = append(blocks, m.entities.View())
	}
	return joinColumns(blocks...)
}

// problemsView is the collapsible list of sources that failed to open,
// starting with a newline, or "" when there are none. The list has at most
// the rows the layout gives it; when cut, its last line counts the rest.
func (m *Model) problemsView() string {
	if m.lay.problems.h == 0 {
		return ""
	}
	st := m.c.styles
	var whats []string
	if n := len(m.problems); n > 0 {
		what := "1 source could not be opened"
		if n != 1 {
			what = itoa(n) + " sources could not be opened"
		}
		whats = append(whats, what)
	}
	if n := len(m.warnings); n > 0 {
		what := "1 feed could not be refreshed"
		if n != 1 {
			what = itoa(n) + " feeds could not be refreshed"
		}
		whats = append(whats, what)
	}
	what := strings.Join(whats, " · ")
	lines := append(m.problems[:len(m.problems):len(m.problems)], m.warnings...)
	n := len(lines)
	hint := " · p: show"
	if m.showProblems {
		hint = " · p: hide"
	}
	var b strings.Builder
	b.WriteString("\n")
	b.WriteString(fitStyled(st.Status.Warning.Render("⚠ "+what)+st.Message.Render(hint), m.width))
	// A list cut to its rows ends with how many are left out, never
	// hiding any silently.
	rows := m.lay.problems.h - 1
	for i := 0; i < rows && i < n; i++ {
		line := "  " + lines[i]
		if i == rows-1 && n > rows {
			line = "  … and " + itoa(n-i) + " more (all listed when byline quits)"
		}
		b.WriteString("\n")
		b.WriteString(st.Message.Render(fit(line, m.width)))
	}
	return b.String()
}

func (m *Model) article() *model.Article {
	if m.cur < 0 || m.cur >= len(m.arts) {
		return nil
	}
	return m.arts[m.cur]
}
