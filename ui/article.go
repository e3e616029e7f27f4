package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// articleView owns the reading of one article: its Sections pane, the
// Reader, People & Places, the section-panes view ("v") and what is
// painted over the text (search matches, the selected person or place,
// the walk of n/N), its Links pane and the links followed from it
// (article_links.go). Sources show an article in it; the root gives it the
// keys the source and the global bindings leave, and asks it for the
// panes of its focus slots.
type articleView struct {
	c    *common
	host host
	// prompt is the shared search prompt, opened by "/" on the article.
	prompt *searchInput

	art      *model.Article
	hl       *render.Highlights
	sections *sectionsPane
	reader   *readerPane
	entities *entitiesPane
	links    *linksPane
	columns  *columnsView
	// columnsOn shows the section panes instead of the other panes.
	columnsOn bool
	// peopleOn shows People & Places where the layout has no room for
	// them (P), in place of the Sections or the reader.
	peopleOn bool
	// linksOn shows the Links pane (L) in People & Places' place, or
	// where they would go.
	linksOn bool
	// history are the articles left by following a link, the last the
	// one to go back to; following is the address being fetched.
	history   []visit
	following string
	// origin is the reader's top line when the prompt opened, and
	// selectedBefore the entity selected then: Esc returns to both.
	origin, selectedBefore int
	// notice is shown in place of an empty walk until the next key that
	// changes something: `no match for "zzz"` after a search kept with
	// Enter.
	notice string
}

func newArticleView(c *common, h host, prompt *searchInput) *articleView {
	return &articleView{c: c, host: h, prompt: prompt, hl: render.NewHighlights(nil, true),
		sections: newSections(c), reader: newReader(c), entities: newEntities(c), links: newLinks(c), columns: newColumns(c)}
}

// Article is the article shown, or nil.
func (v *articleView) Article() *model.Article { return v.art }

// Show shows a in the panes, the reader at section sec, frac of the way
// into it; pending says its people and places are still being found. A
// search carries over to it. The links followed before are forgotten.
func (v *articleView) Show(a *model.Article, sec int, frac float64, pending bool) tea.Cmd {
	v.history, v.following = nil, ""
	return v.show(a, sec, frac, pending)
}

func (v *articleView) show(a *model.Article, sec int, frac float64, pending bool) tea.Cmd {
	query := v.hl.Query
	v.art = a
	v.links.SetArticle(a)
	v.linksOn = v.linksOn && v.links.Len() > 0
	v.hl = render.NewHighlights(a, v.hl.ShowEntities)
	v.sections.SetArticle(a)
	v.entities.SetArticle(a, v.hl)
	v.entities.SetPending(pending)
	v.host.relayout()
	v.columns.SetArticle(a, v.hl, sec)
	cmds := []tea.Cmd{v.reader.SetArticle(a, v.hl, sec, frac)}
	if v.columnsOn {
		cmds = append(cmds, v.columns.Refresh())
	}
	if query != "" {
		v.setQuery(query, false)
	}
	return tea.Batch(cmds...)
}

// SetHeader sets the reader's dim header: where the article came from,
// its author and date, and its link.
func (v *articleView) SetHeader(meta, link string) { v.reader.SetHeader(meta, link) }

// EntitiesFound shows the people and places of a, found after it opened,
// without disturbing the search or the scroll position.
func (v *articleView) EntitiesFound(a *model.Article) {
	if a != v.art {
		return
	}
	v.hl.IndexEntities()
	v.entities.SetArticle(a, v.hl)
	v.entities.SetPending(false)
	v.host.relayout()
}

// SetHint sets what the reader shows when no article is open.
func (v *articleView) SetHint(lines []string) { v.reader.SetHint(lines) }

// Pane returns the pane of focus slot f: the reader's slot holds the
// section panes while they are shown. The list slot is the source's.
func (v *articleView) Pane(f focus) pane {
	switch f {
	case focusSections:
		return v.sections
	case focusEntities:
		if v.linksOn {
			return v.links
		}
		return v.entities
	case focusReader:
		if v.columnsOn {
			return v.columns
		}
		return v.reader
	}
	return nil
}

// Arrange adjusts a source's layout to the view: the section panes take
// the whole body; People & Places, switched on with P where the layout
// has no room for them, and the Links pane, in their slot, take the
// Sections' place or, with no Sections, the reader's.
func (v *articleView) Arrange(l *layout) {
	p := &l.panes
	switch {
	case l.tooSmall:
	case v.columnsOn:
		*p = [focusCount]rect{}
		p[focusReader] = l.body
	case (v.peopleOn || v.linksOn) && p[focusEntities].w == 0 && v.art != nil:
		into := focusSections
		if p[into].w == 0 {
			into = focusReader
		}
		p[focusEntities], p[into] = p[into], rect{}
	}
}

// Resize gives the section panes view the size of l's body; Refresh then
// renders for the new sizes.
func (v *articleView) Resize(l layout) { v.columns.SetSize(l.body.w, l.body.h) }

// Refresh returns the commands re-rendering what is shown for the current
// sizes and style.
func (v *articleView) Refresh() tea.Cmd {
	if v.columnsOn {
		return tea.Batch(v.reader.Refresh(), v.columns.Refresh())
	}
	return v.reader.Refresh()
}

// Update handles the view's own messages and reports whether msg was one.
func (v *articleView) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case renderedMsg:
		if msg.req.target == paneColumns {
			return v.columns.Rendered(msg), true
		}
		return v.reader.Rendered(msg), true
	case jumpMsg:
		return v.jump(msg.section), true
	case selectEntityMsg:
		v.selectEntity(msg.entity)
		return nil, true
	case followLinkMsg:
		return v.follow(msg.link), true
	case linkFetchedMsg:
		return v.followed(msg), true
	case openedMsg:
		if msg.err != nil {
			v.notice = "⚠ " + render.Clean(msg.err.Error())
		} else {
			v.notice = "opened " + render.Clean(msg.url)
		}
		return nil, true
	}
	return nil, false
}

// KeyPressed sees every key outside the prompt first: a notice stays
// until a key changes something, and n/N repeat it.
func (v *articleView) KeyPressed(msg tea.KeyPressMsg) {
	if !key.Matches(msg, v.c.keys.NextMatch, v.c.keys.PrevMatch) {
		v.notice = ""
	}
}

// HandleKey handles the keys of reading an article and reports whether
// msg was one of them.
func (v *articleView) HandleKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := v.c.keys
	if v.art == nil {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Search):
		v.openSearch()
	case key.Matches(msg, k.NextMatch):
		return v.step(1), true
	case key.Matches(msg, k.PrevMatch):
		return v.step(-1), true
	case key.Matches(msg, k.Cancel) && v.linksFocused():
		v.toggleLinks()
	case key.Matches(msg, k.Cancel):
		v.setQuery("", false)
		v.selectEntity(-1)
	case key.Matches(msg, k.Highlight):
		v.hl.ShowEntities = !v.hl.ShowEntities
	case key.Matches(msg, k.Columns):
		return v.toggleColumns(), true
	case key.Matches(msg, k.Links):
		v.toggleLinks()
	case key.Matches(msg, k.Back):
		return v.back(), true
	case key.Matches(msg, k.People):
		v.linksOn = false
		v.peopleOn = !v.peopleOn
		v.host.relayout()
		if v.peopleOn {
			v.host.setFocus(focusEntities)
		}
	case key.Matches(msg, k.Open):
		return openCmd(v.c.browser, v.targetURL()), true
	case key.Matches(msg, k.Copy):
		return v.copyURL(v.targetURL()), true
	case key.Matches(msg, k.Section):
		// The section-th key of the binding goes to that section.
		return v.jump(slices.Index(k.Section.Keys(), msg.String())), true
	case key.Matches(msg, k.NextSection):
		return v.jump(v.CurrentSection() + 1), true
	case key.Matches(msg, k.PrevSection):
		return v.jump(v.CurrentSection() - 1), true
	default:
		return nil, false
	}
	return nil, true
}

// jump shows section i in the reader or focuses its pane.
func (v *articleView) jump(i int) tea.Cmd {
	if v.art == nil || i < 0 || i >= len(v.art.Sections) {
		return nil
	}
	if v.columnsOn {
		return v.columns.SetFocus(i)
	}
	return v.reader.GotoSection(i)
}

// CurrentSection is the section being read: at the top of the reader, or
// the focused section pane.
func (v *articleView) CurrentSection() int {
	if v.columnsOn {
		return v.columns.Focused()
	}
	return v.reader.view.CurrentSection()
}

// Position is where the source's article is being read: a section and
// how far into it (0–1); the section panes say only which section. While
// a followed link is shown, it is where the source's article was left.
func (v *articleView) Position() (int, float64) {
	if len(v.history) > 0 {
		return v.history[0].sec, v.history[0].frac
	}
	return v.here()
}

// here is where the article shown is being read.
func (v *articleView) here() (int, float64) {
	if v.columnsOn {
		return v.columns.Focused(), 0
	}
	return v.reader.view.Position()
}

// toggleColumns switches between the reader and the section panes view.
func (v *articleView) toggleColumns() tea.Cmd {
	v.columnsOn = !v.columnsOn
	v.host.relayout()
	if v.columnsOn {
		return tea.Batch(v.columns.SetFocus(v.reader.view.CurrentSection()), v.columns.Refresh())
	}
	return tea.Batch(v.reader.GotoSection(v.columns.Focused()), v.reader.Refresh())
}

// CursorEntity is the person or place under the People & Places cursor.
func (v *articleView) CursorEntity() (model.Entity, bool) {
	i := v.entities.CursorEntity()
	if v.art == nil || i < 0 || i >= len(v.art.Entities) {
		return model.Entity{}, false
	}
	return v.art.Entities[i], true
}

// Sync enables the keys that apply to the view now.
func (v *articleView) Sync(k *KeyMap, l layout) {
	k.Left.SetEnabled(v.columnsOn)
	k.Right.SetEnabled(v.columnsOn)
	k.NextFocus.SetEnabled(!v.columnsOn)
	k.PrevFocus.SetEnabled(!v.columnsOn)
	k.People.SetEnabled(!v.columnsOn && v.art != nil && (v.peopleOn || l.panes[focusEntities].w == 0))
	link := v.targetURL() != ""
	k.Open.SetEnabled(link)
	k.Copy.SetEnabled(link)
	k.Links.SetEnabled(!v.columnsOn && v.art != nil && (v.linksOn || len(v.art.Links) > 0))
	k.Back.SetEnabled(len(v.history) > 0)
	if v.art != nil {
		v.sections.SetCurrent(v.CurrentSection())
	}
}

// Status fills in the article's part of the status line.
func (v *articleView) Status(s *statusInfo) {
	a := v.art
	if a == nil {
		return
	}
	s.title = render.Clean(a.Title)
	if len(a.Sections) > 0 {
		s.section, s.total = v.CurrentSection()+1, len(a.Sections)
	}
	switch {
	case v.columnsOn:
		s.percent, s.note = v.columns.Percent(), v.columns.Page()
	default:
		s.percent = v.reader.view.Percent()
		if v.reader.Rendering() {
			s.note = "rendering…"
		}
	}
	s.walk = v.walkText()
}
