package ui

import "strings"

// Sizes below which the layout gives things up.
const (
	minWidth, minHeight = 40, 10 // "terminal too small" below this
	entitiesFrom        = 110    // People & Places in a column of their own from this width
	stackFrom           = 80     // People & Places below the Sections from this width
	sectionsFrom        = 64     // Sections (and Articles) shown from this width
	maxLabelW           = 29     // the Sections pane grows for headings up to this wide
	minLibArticlesH     = 6      // the library's Articles pane keeps this many rows for People & Places below
)

// rect is a screen area; a zero-width rect is a hidden pane.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return r.w > 0 && x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// layout is where every pane goes for a terminal size: panes[f] is the
// area of the pane in focus slot f, hidden when its width is zero.
type layout struct {
	tooSmall bool
	panes    [focusCount]rect
	body     rect // the whole area above the bottom lines
	problems rect
	status   rect
}

// entitiesBelow reports whether People & Places are shown in the left
// column, below the Sections, rather than in a column of their own.
func (l layout) entitiesBelow() bool {
	e := l.panes[focusEntities]
	return e.w > 0 && e.x == l.body.x && l.panes[focusSections].w > 0
}

// frame is what every layout shares: "too small" below minWidth×minHeight,
// else the body above the problems lines (at most a third of the screen)
// and the status line at the bottom.
func frame(w, h, problemLines int) layout {
	var l layout
	if w < minWidth || h < minHeight {
		l.tooSmall = true
		return l
	}
	problemLines = min(problemLines, h/3)
	bodyH := h - 1 - problemLines
	l.body = rect{0, 0, w, bodyH}
	l.problems = rect{0, bodyH, w, problemLines}
	l.status = rect{0, h - 1, w, 1}
	return l
}

// computeLayout places the panes of articles opened from files: side
// panes go first when the terminal narrows, the reader never does. labelW
// is the widest section heading: the Sections pane grows to show it when
// there is room. Between stackFrom and entitiesFrom columns People &
// Places sit below the Sections, which then take only the rows their
// nSections need, so the reader keeps its width.
func computeLayout(w, h, nArticles, problemLines, labelW, nSections int) layout {
	l := frame(w, h, problemLines)
	if l.tooSmall {
		return l
	}
	bodyH := l.body.h
	side := func(pct, lo, hi int) int { return max(lo, min(hi, w*pct/100)) }
	x, readerW := 0, w
	p := &l.panes
	if w >= sectionsFrom {
		lw := max(24, min(labelW+7, maxLabelW+7, w*28/100))
		top := 0
		if nArticles > 1 {
			ah := min(2*nArticles+2, max(bodyH/3, 4))
			p[focusList] = rect{0, 0, lw, ah}
			top = ah
		}
		p[focusSections] = rect{0, top, lw, bodyH - top}
		x, readerW = lw, readerW-lw
		if w >= stackFrom && w < entitiesFrom {
			sh := max(4, min(nSections+2, (bodyH-top)/2))
			if eh := bodyH - top - sh; eh >= 8 {
				p[focusSections].h = sh
				p[focusEntities] = rect{0, top + sh, lw, eh}
			}
		}
	}
	if w >= entitiesFrom {
		rw := side(22, 26, 34)
		p[focusEntities] = rect{w - rw, 0, rw, bodyH}
		readerW -= rw
	}
	p[focusReader] = rect{x, 0, readerW, bodyH}
	return l
}

// computeLibraryLayout places the panes on a library: the Articles pane
// on the left, taller than in the reader's layout, with the open
// article's Sections below it; on a narrow terminal the list sits above
// the reader. People & Places appear once an article is open: in a column
// of their own from entitiesFrom columns, below the Sections from
// stackFrom (as in the reader's layout) when the rows allow.
//
// With feedRows > 0 the Feeds pane takes the top of the Articles pane's
// place: its rows, up to a quarter of the body (two fifths before an
// article is open), as long as the Articles keep minLibArticlesH rows.
func computeLibraryLayout(w, h, problemLines, nSections int, open bool, feedRows int) layout {
	l := libraryPanes(w, h, problemLines, nSections, open)
	if l.tooSmall || feedRows == 0 {
		return l
	}
	list := &l.panes[focusList]
	most := l.body.h / 4
	if !open {
		most = l.body.h * 2 / 5
	}
	fh := min(feedRows+2, max(most, 4))
	if list.h-fh < minLibArticlesH {
		fh = list.h - minLibArticlesH
	}
	if fh < 3 {
		return l
	}
	l.panes[focusFeeds] = rect{list.x, list.y, list.w, fh}
	list.y += fh
	list.h -= fh
	return l
}

// libraryPanes is computeLibraryLayout without the Feeds pane.
func libraryPanes(w, h, problemLines, nSections int, open bool) layout {
	l := frame(w, h, problemLines)
	if l.tooSmall {
		return l
	}
	bodyH := l.body.h
	p := &l.panes
	if w < sectionsFrom {
		ah := bodyH
		if open {
			ah = max(6, bodyH*2/5)
		}
		p[focusList] = rect{0, 0, w, ah}
		p[focusReader] = rect{0, ah, w, bodyH - ah}
		return l
	}
	// Until an article is open the list has the room for its snippets.
	lw := max(32, min(w*34/100, 52))
	if !open {
		lw = max(32, min(w*45/100, 64))
	}
	secH := 0
	if open {
		secH = max(5, min(nSections+2, bodyH/3))
		p[focusSections] = rect{0, bodyH - secH, lw, secH}
	}
	p[focusList] = rect{0, 0, lw, bodyH - secH}
	if open && w >= stackFrom && w < entitiesFrom {
		// The list keeps at least minLibArticlesH rows.
		if eh := max(8, bodyH/3); bodyH-secH-eh >= minLibArticlesH {
			p[focusList].h = bodyH - secH - eh
			p[focusSections].y = p[focusList].h
			p[focusEntities] = rect{0, p[focusList].h + secH, lw, eh}
		}
	}
	x, readerW := lw, w-lw
	if open && w >= entitiesFrom {
		rw := max(26, min(34, w*22/100))
		p[focusEntities] = rect{w - rw, 0, rw, bodyH}
		readerW -= rw
	}
	p[focusReader] = rect{x, 0, readerW, bodyH}
	return l
}

// compose draws the body: each pane's view, whose lines are exactly its
// area's width, at its place, and blanks where no pane is.
func compose(body rect, rects []rect, views []string) string {
	if len(rects) == 1 && rects[0] == body {
		return views[0] // one pane is the whole body (the section panes)
	}
	lines := make([][]string, len(views))
	for i, v := range views {
		lines[i] = strings.Split(v, "\n")
	}
	var b strings.Builder
	for y := body.y; y < body.y+body.h; y++ {
		if y > body.y {
			b.WriteByte('\n')
		}
		x := body.x
		for {
			// The pane that starts leftmost at or after x on this row.
			next := -1
			for i, r := range rects {
				if r.w > 0 && y >= r.y && y < r.y+r.h && r.x >= x && (next < 0 || r.x < rects[next].x) {
					next = i
				}
			}
			if next < 0 {
				break
			}
			r := rects[next]
			b.WriteString(strings.Repeat(" ", r.x-x))
			if row := y - r.y; row < len(lines[next]) {
				b.WriteString(lines[next][row])
			}
			x = r.x + r.w
		}
		if x < body.x+body.w {
			b.WriteString(strings.Repeat(" ", body.x+body.w-x))
		}
	}
	return b.String()
}
