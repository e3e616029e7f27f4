package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/model"
)

// fileSource is the articles named on the command line (or the built-in
// samples): loaded once in a command, listed in the Articles pane when
// there are several, each reopened where it was left. Their people and
// places are found in the background, the open article first.
type fileSource struct {
	c        *common
	host     host
	view     *articleView
	problems *problemsList
	load     func() articles.Loaded
	list     *articlesPane

	loaded bool
	arts   []*model.Article
	cur    int
	labelW int // widest section label of all arts, -1 until measured
	// left remembers where each article was left: a section and how far
	// into it.
	left map[int]readPos
	// recognize says people and places are found here; unrecognized are
	// the articles whose names are still to be found, and recognizing is
	// true while a recognizeCmd runs.
	recognize    bool
	unrecognized map[*model.Article]bool
	recognizing  bool
}

// readPos is a place in an article: a section and how far into it (0-1).
type readPos struct {
	sec  int
	frac float64
}

// loadedMsg carries what the source's load returned.
type loadedMsg struct{ articles.Loaded }

// openArticleMsg asks the source to show article i.
type openArticleMsg struct{ index int }

func openArticleCmd(i int) tea.Cmd { return func() tea.Msg { return openArticleMsg{i} } }

// recognizedMsg carries the people and places found in art.
type recognizedMsg struct {
	art      *model.Article
	entities []model.Entity
}

func newFileSource(c *common, h host, v *articleView, p *problemsList, load func() articles.Loaded, recognize bool) *fileSource {
	return &fileSource{c: c, host: h, view: v, problems: p, load: load, recognize: recognize,
		list: newArticlesPane(c), left: map[int]readPos{}, labelW: -1}
}

// Init loads the articles.
func (s *fileSource) Init() tea.Cmd {
	load := s.load
	return func() tea.Msg {
		if load == nil {
			return loadedMsg{}
		}
		return loadedMsg{load()}
	}
}

// List is the Articles pane.
func (s *fileSource) List() pane { return s.list }

// Feeds is noPane: files have no Feeds pane.
func (s *fileSource) Feeds() pane { return noPane{} }

// Layout sizes the Sections pane for the widest heading of all the
// articles, so that it does not jump between articles.
func (s *fileSource) Layout(w, h, problemLines int) layout {
	labelW, n := s.view.sections.LabelWidth(), 0
	if len(s.arts) > 1 {
		if s.labelW < 0 {
			s.labelW = labelWidth(s.arts, maxLabelW)
		}
		labelW = s.labelW
	}
	if a := s.view.Article(); a != nil {
		n = len(a.Sections)
	}
	return computeLayout(w, h, len(s.arts), problemLines, labelW, n)
}

// Update handles the articles' arrival, the list's requests and the
// recognition of people and places.
func (s *fileSource) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case loadedMsg:
		return s.handleLoaded(msg.Loaded), true
	case openArticleMsg:
		return s.open(msg.index), true
	case recognizedMsg:
		return s.handleRecognized(msg), true
	}
	return nil, false
}

// handleLoaded lists the articles and the problems, and opens the first.
func (s *fileSource) handleLoaded(l articles.Loaded) tea.Cmd {
	s.loaded = true
	s.arts = l.Articles
	s.labelW = -1
	s.problems.SetProblems(l.Problems, len(s.arts) == 0)
	s.list.SetArticles(s.arts)
	if s.recognize {
		s.unrecognized = make(map[*model.Article]bool, len(s.arts))
		for _, a := range s.arts {
			s.unrecognized[a] = true
		}
	}
	s.host.relayout()
	if len(s.arts) == 0 {
		return nil
	}
	return s.open(0)
}

// open shows article i where it was left, remembering where the one
// open was left: the section on screen when the end of it is.
func (s *fileSource) open(i int) tea.Cmd {
	if i < 0 || i >= len(s.arts) {
		return nil
	}
	if a, sec, frac := s.view.Home(); a != nil && s.cur < len(s.arts) && s.arts[s.cur] == a {
		s.left[s.cur] = readPos{sec, frac}
	}
	s.cur = i
	s.list.SetCurrent(i)
	p := s.left[i]
	a := s.arts[i]
	return tea.Batch(s.view.Show(a, p.sec, p.frac, s.unrecognized[a]), s.recognizeNext())
}

// HandleKey goes to the next and previous article.
func (s *fileSource) HandleKey(msg tea.KeyPressMsg, _ focus) (tea.Cmd, bool) {
	k := s.c.keys
	switch {
	case key.Matches(msg, k.NextArticle):
		return s.open(s.cur + 1), true
	case key.Matches(msg, k.PrevArticle):
		return s.open(s.cur - 1), true
	}
	return nil, false
}

// Status names the app until an article is open.
func (s *fileSource) Status(st *statusInfo) {
	st.title = "byline"
	if !s.loaded {
		st.note = "loading…"
	}
}

// Sync enables J/K with more than one article.
func (s *fileSource) Sync(k *KeyMap) {
	k.NextArticle.SetEnabled(len(s.arts) > 1)
	k.PrevArticle.SetEnabled(len(s.arts) > 1)
	k.Read.SetEnabled(false)
	k.Star.SetEnabled(false)
	k.Mentioning.SetEnabled(false)
	for _, b := range k.feedKeys() {
		b.SetEnabled(false)
	}
}

// Waiting says the articles are loading.
func (s *fileSource) Waiting() string {
	if !s.loaded {
		return "Loading articles…"
	}
	return ""
}

// Empty says that no article could be opened.
func (s *fileSource) Empty() string {
	if len(s.arts) == 0 {
		return "No article could be opened."
	}
	return ""
}

// Quit quits: nothing is kept of files.
func (s *fileSource) Quit() tea.Cmd { return tea.Quit }

// recognizeCmd finds the people and places of a off the Update goroutine.
// It reads a's sections, which nothing changes once loaded, and writes
// only a copy: the entities reach a in Update, through recognizedMsg.
func recognizeCmd(a *model.Article) tea.Cmd {
	return func() tea.Msg {
		c := *a
		c.Entities = nil
		entities.Recognize(&c)
		return recognizedMsg{art: a, entities: c.Entities}
	}
}

// recognizeNext starts recognising the open article if it needs it. Only
// articles that are opened are recognised, so a directory of thousands of
// files costs nothing until they are read; one recognition runs at a time,
// and the one for the article opened meanwhile starts when it ends.
func (s *fileSource) recognizeNext() tea.Cmd {
	if s.cur >= len(s.arts) {
		return nil
	}
	next := s.arts[s.cur]
	if s.recognizing || !s.unrecognized[next] {
		return nil
	}
	s.recognizing = true
	return recognizeCmd(next)
}

// handleRecognized stores an article's people and places and, when it is
// the open article, shows them.
func (s *fileSource) handleRecognized(msg recognizedMsg) tea.Cmd {
	s.recognizing = false
	msg.art.Entities = msg.entities
	delete(s.unrecognized, msg.art)
	s.view.EntitiesFound(msg.art)
	return s.recognizeNext()
}
