package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// selectEntityMsg selects an entity (its index in Article.Entities) so
// that its mentions stand out and n/N walk them; -1 clears the selection.
type selectEntityMsg struct{ entity int }

func selectEntityCmd(i int) tea.Cmd { return func() tea.Msg { return selectEntityMsg{i} } }

// entitiesPane is the People & Places pane: each entity once with its
// number of mentions, people and places grouped, under a legend of the
// highlight styles.
type entitiesPane struct {
	c       *common
	hl      *render.Highlights
	w, h    int
	focused bool
	// rows are the pane's lines; entity is -1 for legend and group rows.
	rows     []entityRow
	cursor   int // index into rows, always an entity row when any
	offset   int
	selected int
	// pending is true while the article's people and places are found.
	pending bool
	cache   viewCache
}

type entityRow struct {
	text   string
	count  int
	entity int
	mark   render.Mark // MarkPerson/MarkPlace for entities, MarkNone for headers
}

func newEntities(c *common) *entitiesPane { return &entitiesPane{c: c, selected: -1} }

// Name names the pane on the help screen.
func (e *entitiesPane) Name() string { return "People & Places" }

// SetSize sets the pane's outer size.
func (e *entitiesPane) SetSize(w, h int) { e.w, e.h = w, h; e.scroll() }

// Focus gives the pane the keys.
func (e *entitiesPane) Focus() { e.focused = true }

// Blur takes the focus away.
func (e *entitiesPane) Blur() { e.focused = false }

// SetPending says whether the article's people and places are still being
// found, so that an empty list reads "finding…" rather than "none found".
func (e *entitiesPane) SetPending(pending bool) {
	e.pending = pending
	e.cache = viewCache{}
}

// SetArticle lists a's people, then its places; hl says whether they are
// highlighted.
func (e *entitiesPane) SetArticle(a *model.Article, hl *render.Highlights) {
	e.hl = hl
	e.rows = e.rows[:0]
	e.selected, e.offset = -1, 0
	for _, t := range []model.EntityType{model.Person, model.Place} {
		head := "People"
		mark := render.MarkPerson
		if t == model.Place {
			head, mark = "Places", render.MarkPlace
		}
		first := true
		for i, ent := range a.Entities {
			if ent.Type != t {
				continue
			}
			if first {
				if len(e.rows) > 0 {
					e.rows = append(e.rows, entityRow{entity: -1})
				}
				e.rows = append(e.rows, entityRow{text: head, entity: -1})
				first = false
			}
			e.rows = append(e.rows, entityRow{text: render.Clean(ent.Name), count: len(ent.Mentions), entity: i, mark: mark})
		}
	}
	e.cursor = e.step(-1, 1)
	e.cache = viewCache{}
}

// SetSelected marks the selected entity (-1 for none).
func (e *entitiesPane) SetSelected(i int) { e.selected = i }

// step returns the next entity row from row i in direction d, or i.
func (e *entitiesPane) step(i, d int) int {
	for j := i + d; j >= 0 && j < len(e.rows); j += d {
		if e.rows[j].entity >= 0 {
			return j
		}
	}
	return max(i, 0)
}

// list is the number of rows below the legend.
func (e *entitiesPane) list() int { return max(e.h-4, 1) }

func (e *entitiesPane) scroll() {
	if e.cursor < e.offset {
		e.offset = e.cursor
		if e.offset > 0 && e.rows[e.offset-1].entity < 0 {
			e.offset--
		}
	}
	if e.cursor >= e.offset+e.list() {
		e.offset = e.cursor - e.list() + 1
	}
	e.offset = max(0, min(e.offset, len(e.rows)-e.list()))
}

// Update moves the cursor; Enter or a click selects the entity under it,
// or clears the selection when it is already selected.
func (e *entitiesPane) Update(msg tea.Msg) tea.Cmd {
	if len(e.rows) == 0 {
		return nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := e.c.keys
		switch {
		case key.Matches(msg, k.Down):
			e.cursor = e.step(e.cursor, 1)
		case key.Matches(msg, k.Up):
			e.cursor = e.step(e.cursor, -1)
		case key.Matches(msg, k.Top):
			e.cursor = e.step(-1, 1)
		case key.Matches(msg, k.Bottom):
			e.cursor = e.step(len(e.rows), -1)
		case key.Matches(msg, k.Select):
			return e.toggle()
		}
		e.scroll()
	case tea.MouseClickMsg:
		if i := e.offset + msg.Y - 3; msg.Y >= 3 && i >= 0 && i < len(e.rows) && e.rows[i].entity >= 0 {
			e.cursor = i
			return e.toggle()
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			e.offset = max(0, min(e.offset+3, len(e.rows)-e.list()))
		case tea.MouseWheelUp:
			e.offset = max(e.offset-3, 0)
		}
	}
	return nil
}

func (e *entitiesPane) toggle() tea.Cmd {
	ent := e.rows[e.cursor].entity
	if ent == e.selected {
		ent = -1
	}
	return selectEntityCmd(ent)
}

// View draws the legend and the grouped list.
func (e *entitiesPane) View() string {
	key := fmt.Sprint(e.w, e.h, e.focused, e.cursor, e.offset, e.selected, len(e.rows), e.showing(), e.c.dark)
	return e.cache.get(key, e.draw)
}

func (e *entitiesPane) draw() string {
	st := e.c.styles
	w := max(e.w-2, 1)
	body := make([]string, 0, e.h)
	// " person  place  e hides" is 23 cells; a narrower pane drops the
	// key, which the help screen lists too.
	k := e.c.keys.Highlight.Help().Key
	hint, off := "  "+k+" hides", " highlights off  "+k+" shows"
	if w < 14+render.Width(hint) {
		hint, off = "", " highlights off"
	}
	legend := " " + st.Marks[render.MarkPerson].Render("person") + "  " + st.Marks[render.MarkPlace].Render("place") + st.Message.Render(hint)
	if !e.showing() {
		legend = st.Message.Render(off)
	}
	body = append(body, legend, "")
	switch {
	case e.pending:
		body = append(body, st.Message.Render(render.Fit(" finding names…", w)))
	case len(e.rows) == 0:
		body = append(body, st.Message.Render(render.Fit(" none found", w)))
	}
	for i := e.offset; i < len(e.rows) && len(body) < e.list()+2; i++ {
		r := e.rows[i]
		if r.entity < 0 {
			body = append(body, st.Entities.Group.Render(render.Fit(" "+r.text, w)))
			continue
		}
		count := fmt.Sprint(r.count)
		mark := "  "
		if r.entity == e.selected {
			mark = "● "
		}
		name := render.Fit(r.text, max(w-render.Width(mark)-len(count)-2, 0))
		row := mark + name + " " + count + " "
		switch {
		case e.focused && i == e.cursor:
			row = st.Entities.Cursor.Render(row)
		case r.entity == e.selected:
			row = st.Entities.Selected.Render(row)
		default:
			row = mark + st.Entities.Name.Render(name) + " " + st.Entities.Count.Render(count) + " "
		}
		body = append(body, row)
	}
	return e.c.box("People & Places", body, e.w, e.h, e.focused)
}

// ShortHelp lists the pane's keys.
func (e *entitiesPane) ShortHelp() []key.Binding {
	k := e.c.keys
	return []key.Binding{k.Down, k.Up, k.Select, k.NextMatch, k.Highlight, k.Mentioning}
}

// showing reports whether people and places are highlighted.
func (e *entitiesPane) showing() bool { return e.hl == nil || e.hl.ShowEntities }

// CursorEntity is the entity under the cursor (its index in
// Article.Entities), or -1.
func (e *entitiesPane) CursorEntity() int {
	if e.cursor < 0 || e.cursor >= len(e.rows) {
		return -1
	}
	return e.rows[e.cursor].entity
}

// FullHelp lists the pane's keys in groups.
func (e *entitiesPane) FullHelp() [][]key.Binding { return [][]key.Binding{e.ShortHelp()} }
