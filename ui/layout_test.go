package ui

import (
	"testing"

	"github.com/byline/byline/model"
)

// TestLayoutPeopleAndPlaces checks where People & Places go as the
// terminal narrows: a column of their own, below the Sections, then gone;
// the reader never loses its place and panes never overlap.
func TestLayoutPeopleAndPlaces(t *testing.T) {
	for _, tt := range []struct {
		w, h      int
		where     string // "right", "below" or "none"
		nArticles int
	}{
		{130, 30, "right", 1},
		{110, 30, "right", 1},
		{109, 30, "below", 1},
		{80, 24, "below", 1},
		{90, 30, "below", 3},
		{80, 14, "none", 1}, // too few rows to share the column
		{79, 30, "none", 1},
		{64, 30, "none", 1},
	} {
		l := computeLayout(tt.w, tt.h, tt.nArticles, 0, 30, 4)
		got := entitiesPlace(l)
		if got != tt.where {
			t.Errorf("%dx%d: People & Places %s, want %s (%+v)", tt.w, tt.h, got, tt.where, l)
		}
		if l.panes[focusReader].w < 40 {
			t.Errorf("%dx%d: reader only %d wide", tt.w, tt.h, l.panes[focusReader].w)
		}
		checkNoOverlap(t, tt.w, tt.h, l)
		if got == "below" && l.panes[focusSections].h < 4+2 {
			t.Errorf("%dx%d: Sections only %d rows for 4 sections", tt.w, tt.h, l.panes[focusSections].h)
		}
	}
}

// TestSectionsWidthSteadyAcrossArticles checks that J/K do not change the
// Sections pane's width when the articles' headings differ in length.
func TestSectionsWidthSteadyAcrossArticles(t *testing.T) {
	short := &model.Article{Title: "Short", Sections: []model.Section{{Paragraphs: []string{"One."}}, {Heading: "Two", Paragraphs: []string{"Two."}}}}
	long := &model.Article{Title: "Long", Sections: []model.Section{{Paragraphs: []string{"One."}}, {Heading: "A much longer heading here", Paragraphs: []string{"Two."}}}}
	m := newTestModel(t, 120, 30, loaded([]*model.Article{short, long}))
	w := m.lay.panes[focusSections].w
	typeKeys(t, m, "J")
	if m.files().cur != 1 {
		t.Fatalf("J did not open the second article (cur %d)", m.files().cur)
	}
	if m.lay.panes[focusSections].w != w {
		t.Errorf("Sections width %d, then %d after J", w, m.lay.panes[focusSections].w)
	}
	if got := labelWidth([]*model.Article{short, long}, maxLabelW); got != len("A much longer heading here")+1 {
		t.Errorf("labelWidth = %d", got)
	}
}

// entitiesPlace says where a layout puts People & Places: "none",
// "below" the Sections or "right" of the reader.
func entitiesPlace(l layout) string {
	switch {
	case l.entitiesBelow():
		return "below"
	case l.panes[focusEntities].w > 0:
		return "right"
	}
	return "none"
}

// checkNoOverlap fails if any two shown panes of l overlap.
func checkNoOverlap(t *testing.T, w, h int, l layout) {
	t.Helper()
	panes := l.panes[:]
	for i := range panes {
		for j := i + 1; j < len(panes); j++ {
			a, b := panes[i], panes[j]
			if a.w > 0 && b.w > 0 && a.x < b.x+b.w && b.x < a.x+a.w && a.y < b.y+b.h && b.y < a.y+a.h {
				t.Errorf("%dx%d: panes %d and %d overlap: %+v %+v", w, h, i, j, a, b)
			}
		}
	}
}
