package ui

import (
	"github.com/byline/byline/ui/render"
	"strings"
	"testing"
)

// TestLibraryPeopleAndPlacesDrawnBelow draws an open article at 80-109
// columns: People & Places sit below the Sections, in the left column,
// and no line is wider than the terminal.
func TestLibraryPeopleAndPlacesDrawnBelow(t *testing.T) {
	lib := newTestLibrary(t, 12)
	for _, w := range []int{80, 100, 109} {
		m := newLibModel(t, lib.Library, w, 50)
		find(t, m, sampleTitle)
		typeKeys(t, m, "enter")
		got := screen(t, m)
		lines := strings.Split(got, "\n")
		if len(lines) != 50 {
			t.Errorf("%d columns: %d lines, want 50", w, len(lines))
		}
		below := false
		for _, line := range lines {
			if render.Width(line) > w {
				t.Errorf("%d columns: line wider than the terminal: %q", w, line)
			}
			below = below || strings.HasPrefix(line, "╭─ People & Places")
		}
		if !below {
			t.Errorf("%d columns: People & Places not drawn in the left column:\n%s", w, got)
		}
	}
}
