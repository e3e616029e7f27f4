package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/library"
	"github.com/byline/byline/ui/render"
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
	// MaxWidth is the reader's measure: the widest its text gets, centred
	// in a wider pane. Zero is DefaultMaxWidth; negative is no limit.
	MaxWidth int
	// NoColor says the terminal shows no colour (NO_COLOR): people,
	// places, links and headings are then told apart by their attributes.
	NoColor bool
	// Theme is "light" or "dark" to style for that background without
	// asking the terminal; "" or "auto" asks.
	Theme string
	// NoMouse leaves the mouse to the terminal (its own selection works);
	// the mouse key switches it back on.
	NoMouse bool
	// Keys rebinds actions (KeyMap.Rebind), checked with CheckKeys before.
	Keys map[string][]string
	// Web, with Library, fetches the full text of summary-only articles;
	// nil uses Fetch (and with neither, there is no full text).
	Web *fetch.Client
	// Poll, with Library, is how often the app asks the library whether
	// another process wrote to it (an import, a refresh), to show the new
	// articles; 0 never asks.
	Poll time.Duration
	// RefreshInterval, with Fetch, refreshes the feeds that often while
	// the app is open; 0 only when it starts.
	RefreshInterval time.Duration
	// Browser is the command that opens links, the URL its one argument
	// (a "%s" in it stands for the URL); "" is xdg-open, or open on macOS.
	Browser string
}

// CheckKeys reports whether the bindings of Options.Keys can be made.
func CheckKeys(binds map[string][]string) error { return DefaultKeyMap().Rebind(binds) }

// DefaultMaxWidth is the reader's measure unless Options.MaxWidth says
// otherwise: about as wide as a line is comfortable to read.
const DefaultMaxWidth = 100

// Model is the root model. It only routes: sizes go to every pane, typed
// messages to their owner (the source, the article view), keys to the
// search prompt when open, then to the source, the global bindings, the
// article view and the focused pane.
type Model struct {
	c             *common
	width, height int
	lay           layout
	focus         focus
	helpOn        bool

	src      source
	view     *articleView
	search   *searchInput
	status   *statusLine
	help     *helpScreen
	problems *problemsList
}

// New returns the root model of byline's reader.
func New(opts Options) tea.Model { return newModel(opts) }

// Warnings returns the feeds that could not be refreshed while the app ran,
// one line each, for the caller to list once the screen is gone. m is the
// model tea.Program.Run returned.
func Warnings(m tea.Model) []string {
	if mm, ok := m.(*Model); ok {
		return mm.problems.Warnings()
	}
	return nil
}

func newModel(opts Options) *Model {
	maxW := opts.MaxWidth
	if maxW == 0 {
		maxW = DefaultMaxWidth
	}
	c := &common{keys: DefaultKeyMap(), style: opts.Style, maxWidth: maxW, noColor: opts.NoColor}
	_ = c.keys.Rebind(opts.Keys) // checked by CheckKeys; the defaults otherwise
	c.theme, c.mouse, c.browser = opts.Theme, !opts.NoMouse, opts.Browser
	c.fetch = fetch.New(fetch.Options{Version: opts.Version})
	c.setBackground(opts.Theme != "light")
	m := &Model{c: c, focus: focusReader, search: newSearch(c), status: newStatus(c),
		help: newHelp(c, opts.Version), problems: newProblems(c)}
	m.view = newArticleView(c, m, m.search)
	if opts.Library != nil {
		// The library's reader has a header with the date and author.
		c.header = true
		web := opts.Web
		if web == nil {
			web = opts.Fetch
		}
		m.src = newLibrarySource(c, m, m.view, m.search, m.problems, opts.Library, opts.Fetch, web, opts.Poll, opts.RefreshInterval)
		m.focus = focusList
	} else {
		m.src = newFileSource(c, m, m.view, m.problems, opts.Load, opts.Recognize)
	}
	m.setFocus(m.focus)
	m.sync()
	return m
}

// Init loads the first screen and asks the terminal for its background.
func (m *Model) Init() tea.Cmd { return tea.Batch(m.src.Init(), tea.RequestBackgroundColor) }

// Update routes a message and then brings the shared state up to date.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.route(msg)
	m.sync()
	return m, cmd
}

func (m *Model) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.relayout()
		return m.refresh()
	case tea.BackgroundColorMsg:
		return m.handleBackground(msg.IsDark())
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		return m.search.Update(msg)
	case tea.MouseClickMsg:
		return m.handleMouse(msg, msg.Mouse())
	case tea.MouseWheelMsg:
		return m.handleMouse(msg, msg.Mouse())
	}
	if cmd, ok := m.view.Update(msg); ok {
		return cmd
	}
	cmd, _ := m.src.Update(msg)
	return cmd
}

// refresh asks for renderings at the current sizes.
func (m *Model) refresh() tea.Cmd {
	if m.lay.tooSmall {
		return nil
	}
	return m.view.Refresh()
}

// handleBackground restyles for a dark or light terminal; "auto" glamour
// styles re-render.
func (m *Model) handleBackground(dark bool) tea.Cmd {
	if dark == m.c.terminalDark || m.c.theme == "light" || m.c.theme == "dark" {
		return nil
	}
	m.c.setBackground(dark)
	return m.refresh()
}

// handleKey gives a key to the first owner that has it: the open prompt,
// the help screen, the source, the global bindings, the article view,
// then the focused pane.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.keys
	switch {
	case key.Matches(msg, k.Interrupt):
		return m.src.Quit()
	case m.search.Active():
		return m.search.Update(msg)
	}
	m.view.KeyPressed(msg)
	if m.helpOn {
		return m.handleHelpKey(msg)
	}
	if cmd, ok := m.src.HandleKey(msg, m.focus); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.src.Quit()
	case key.Matches(msg, k.Help):
		m.helpOn = true
		p := m.pane(m.focus)
		m.help.SetContext(p.Name(), p)
	case key.Matches(msg, k.Problems):
		m.problems.Toggle()
		m.relayout()
		return m.refresh()
	case key.Matches(msg, k.Mouse):
		m.c.mouse = !m.c.mouse
	case key.Matches(msg, k.NextFocus):
		m.cycleFocus(1)
	case key.Matches(msg, k.PrevFocus):
		m.cycleFocus(-1)
	default:
		if cmd, ok := m.view.HandleKey(msg); ok {
			return cmd
		}
		return m.pane(m.focus).Update(msg)
	}
	return nil
}

// handleHelpKey closes the help screen (q too, as in less) or scrolls it.
func (m *Model) handleHelpKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.keys
	if key.Matches(msg, k.Help, k.Cancel, k.Quit) {
		m.helpOn = false
		return nil
	}
	return m.help.Update(msg)
}

// sync brings the status line and the key map up to date with the state
// after a message.
func (m *Model) sync() {
	k := m.c.keys
	k.Problems.SetEnabled(m.problems.Len() > 0)
	m.src.Sync(k)
	m.view.Sync(k, m.lay)
	var info statusInfo
	m.src.Status(&info)
	m.view.Status(&info)
	if !m.c.mouse {
		// Without the mouse a click selects text: say why the wheel
		// does not scroll.
		info.note = strings.TrimPrefix(info.note+" · mouse off", " · ")
	}
	m.status.Set(info)
}

// View draws the screen: the panes, the problems line and the status line,
// or the help screen, or a message when there is nothing to show.
func (m *Model) View() tea.View {
	v := tea.NewView(m.screen())
	v.AltScreen = true
	if m.c.mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "byline"
	if a := m.view.Article(); a != nil {
		v.WindowTitle = "byline · " + render.Clean(a.Title)
	}
	if m.c.dark != m.c.terminalDark && !m.c.noColor {
		// A light style on a dark terminal (or the other way round): the
		// terminal takes the style's background while byline runs, so
		// that its text is readable.
		t := render.NewTheme(m.c.dark)
		v.BackgroundColor, v.ForegroundColor = t.Background, t.Text
	}
	return v
}

func (m *Model) screen() string {
	st := m.c.styles
	switch waiting := m.src.Waiting(); {
	case m.width == 0 || m.height == 0:
		return ""
	case m.lay.tooSmall:
		return centered(st.Message, "Terminal too small:\nbyline needs at least 40×10.", m.width, m.height)
	case waiting != "":
		return centered(st.Message, waiting, m.width, m.height)
	case m.helpOn:
		return m.help.View() + "\n" + m.status.View()
	}
	bottom := m.status.View()
	if m.search.Active() {
		bottom = m.search.View()
	}
	body := ""
	if empty := m.src.Empty(); empty != "" {
		body = centered(st.Message, empty, m.width, m.lay.body.h)
	} else {
		var rects []rect
		var views []string
		for f := range focusCount {
			if r := m.lay.panes[f]; r.w > 0 && r.h > 0 {
				rects, views = append(rects, r), append(views, m.pane(f).View())
			}
		}
		body = compose(m.lay.body, rects, views)
	}
	return body + m.problems.View(m.width, m.lay.problems.h) + "\n" + bottom
}
