package render

import "github.com/byline/byline/model"

// Walk says what n/N walk through.
type Walk int

// What n/N walk.
const (
	WalkNone Walk = iota
	WalkSearch
	WalkEntity
)

// Highlights is what a view paints over the rendered text of one article:
// its links (always), its people and places, the search matches, the selected entity's
// mentions and the current target of a walk. The zero value (or nil)
// paints nothing.
type Highlights struct {
	Art *model.Article
	// ShowEntities turns person and place highlighting on.
	ShowEntities bool
	// bySection lists the mentions of each section with their entity,
	// links the links written in each section's text.
	bySection [][]entityMention
	links     [][]model.Pos
	// Query and Matches are the search; Matches are in reading order.
	Query   string
	Matches []model.Match
	// Selected is the entity index whose mentions stand out, or -1.
	Selected int
	// Mode, Targets and Cur are what n/N walk: Targets in reading order,
	// Cur the current one or -1.
	Mode    Walk
	Targets []model.Pos
	Cur     int
}

// entityMention is one mention and the index of its entity.
type entityMention struct {
	entity int
	m      model.Mention
}

// NewHighlights indexes a's mentions by section; nothing is selected or
// searched.
func NewHighlights(a *model.Article, showEntities bool) *Highlights {
	h := &Highlights{Art: a, ShowEntities: showEntities, Selected: -1, Cur: -1}
	h.IndexEntities()
	return h
}

// IndexEntities indexes the article's mentions by section again, keeping
// the search; call it when recognition finishes after the article opened.
func (h *Highlights) IndexEntities() {
	a := h.Art
	if a == nil {
		return
	}
	h.bySection = make([][]entityMention, len(a.Sections))
	h.links = make([][]model.Pos, len(a.Sections))
	for _, l := range a.Links {
		if l.Section >= 0 && l.Section < len(a.Sections) {
			h.links[l.Section] = append(h.links[l.Section], l.Pos())
		}
	}
	for ei, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.Section >= 0 && m.Section < len(a.Sections) {
				h.bySection[m.Section] = append(h.bySection[m.Section], entityMention{ei, m})
			}
		}
	}
}

// Current returns the walked target, if any.
func (h *Highlights) Current() (model.Pos, bool) {
	if h == nil || h.Cur < 0 || h.Cur >= len(h.Targets) {
		return model.Pos{}, false
	}
	return h.Targets[h.Cur], true
}

// SectionOverlays appends to out, per line of the rendered section si, the
// highlights that fall on it: out[i] lists the overlays of line from+i.
// Only lines in [from, to) are filled.
func (h *Highlights) SectionOverlays(si int, s *Section, from, to int, out [][]Overlay) {
	if h == nil || s == nil {
		return
	}
	var buf [4]Span
	add := func(p, start, end int, mark Mark) {
		for _, sp := range s.Spans(p, start, end, buf[:0]) {
			if sp.Line >= from && sp.Line < to {
				i := sp.Line - from
				out[i] = append(out[i], Overlay{sp.From, sp.To, mark})
			}
		}
	}
	if si < len(h.links) {
		for _, p := range h.links[si] {
			add(p.Paragraph, p.Start, p.End, MarkLink)
		}
	}
	if si < len(h.bySection) {
		for _, em := range h.bySection[si] {
			mark := MarkNone
			switch {
			case em.entity == h.Selected:
				mark = MarkSelected
			case !h.ShowEntities:
				continue
			case h.Art.Entities[em.entity].Type == model.Place:
				mark = MarkPlace
			default:
				mark = MarkPerson
			}
			add(em.m.Paragraph, em.m.Start, em.m.End, mark)
		}
	}
	// Matches of this section: binary search for the first.
	lo, hi := 0, len(h.Matches)
	for lo < hi {
		m := (lo + hi) / 2
		if h.Matches[m].Section < si {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for i := lo; i < len(h.Matches) && h.Matches[i].Section == si; i++ {
		m := h.Matches[i]
		add(m.Paragraph, m.Start, m.End, MarkMatch)
	}
	if p, ok := h.Current(); ok && p.Section == si {
		add(p.Paragraph, p.Start, p.End, MarkCurrent)
	}
}

// Mentions is the number of mentions indexed for painting.
func (h *Highlights) Mentions() int {
	n := 0
	for _, ms := range h.bySection {
		n += len(ms)
	}
	return n
}
