package ui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// The article view's search and walk: "/" highlights the query's matches
// as it is typed, n/N walk the matches or the selected person's or
// place's mentions from where the reader is, as less and vim do.

// openSearch opens the prompt on the article, remembering where the view
// and the selection were for Esc.
func (v *articleView) openSearch() {
	v.origin = v.reader.view.Top()
	v.selectedBefore = v.hl.Selected
	k := v.c.keys
	v.prompt.Open(v, k.Accept.Help().Key+" keeps · "+k.Cancel.Help().Key+" clears ")
}

// Changed highlights the matches of the query as it is typed.
func (v *articleView) Changed(q string) tea.Cmd { return v.setQuery(q, true) }

// Accept keeps the matches; a query that matches nothing leaves a notice
// saying so, since the prompt that said it is gone.
func (v *articleView) Accept(q string) tea.Cmd {
	if len(v.hl.Matches) == 0 {
		v.setQuery("", false)
		if q != "" {
			v.notice = `no match for "` + q + `"`
		}
	}
	return nil
}

// Cancel clears the matches and goes back to where the search started,
// with the person or place that was selected then.
func (v *articleView) Cancel() tea.Cmd {
	v.setQuery("", false)
	v.reader.view.SetTop(v.origin)
	if v.selectedBefore >= 0 {
		v.selectEntity(v.selectedBefore)
	}
	return nil
}

// Result is the search's state for the prompt.
func (v *articleView) Result() string { return v.walkText() }

// setQuery searches the article for q (smart case) and, when reveal is
// set, shows the first match from where the search started.
func (v *articleView) setQuery(q string, reveal bool) tea.Cmd {
	hl := v.hl
	hl.Query = q
	hl.Matches = nil
	if v.art != nil && q != "" {
		hl.Matches = v.art.Find(q)
	}
	if q == "" {
		if hl.Mode == render.WalkSearch {
			hl.Mode, hl.Targets, hl.Cur = render.WalkNone, nil, -1
		}
		return nil
	}
	hl.Selected = -1
	v.entities.SetSelected(-1)
	hl.Mode, hl.Targets, hl.Cur = render.WalkSearch, hl.Matches, -1
	if len(hl.Matches) == 0 {
		if reveal {
			v.reader.view.SetTop(v.origin)
		}
		return nil
	}
	if v.columnsOn {
		hl.Cur = v.nextFrom(model.Pos{Section: v.columns.Focused(), Paragraph: -2}, 1)
	} else {
		// The first match at or below the line that was at the top when
		// the prompt opened, as less does: not the start of its section.
		hl.Cur = v.reader.view.Following(hl.Targets, 1, v.origin)
	}
	if reveal {
		return v.reveal(hl.Targets[hl.Cur])
	}
	hl.Cur = -1 // none shown yet ("6 matches"): n and N go from the view
	return nil
}

// step goes to the next (d = 1) or previous (d = -1) match or mention
// from where the user reads, as less and vim do: from the current one
// while it is on screen and no jump has moved the view since it was
// shown, otherwise from the top of the view. The section panes view
// walks from its focused pane.
func (v *articleView) step(d int) tea.Cmd {
	hl := v.hl
	rv := v.reader.view
	switch {
	case len(hl.Targets) == 0:
		if v.notice == "" {
			v.notice = "no search: " + v.c.keys.Search.Help().Key + " searches"
		}
		return nil
	case v.columnsOn:
		// From the current match while it is in the focused pane, else
		// from the start of the pane being read.
		f := v.columns.Focused()
		if hl.Cur >= 0 && hl.Targets[hl.Cur].Section == f {
			return v.walk(d)
		}
		hl.Cur = v.nextFrom(model.Pos{Section: f, Paragraph: -2}, d)
		return v.reveal(hl.Targets[hl.Cur])
	case hl.Cur >= 0 && !rv.Leapt() && rv.Shows(hl.Targets[hl.Cur]):
		return v.walk(d)
	}
	hl.Cur = rv.Following(hl.Targets, d, rv.Top())
	return v.reveal(hl.Targets[hl.Cur])
}

// nextFrom is the index of the first target at or after p (d > 0), or the
// last before p (d < 0), wrapping around.
func (v *articleView) nextFrom(p model.Pos, d int) int {
	t := v.hl.Targets
	i, _ := slices.BinarySearchFunc(t, p, comparePos)
	if d < 0 {
		i--
	}
	return (i%len(t) + len(t)) % len(t)
}

func comparePos(a, b model.Pos) int {
	switch {
	case a.Less(b):
		return -1
	case b.Less(a):
		return 1
	}
	return 0
}

// walk goes to the next (d = 1) or previous (d = -1) match or mention,
// wrapping, and scrolls it into view.
func (v *articleView) walk(d int) tea.Cmd {
	hl := v.hl
	if len(hl.Targets) == 0 {
		return nil
	}
	if hl.Cur < 0 {
		hl.Cur = v.nextFrom(model.Pos{Section: v.CurrentSection(), Paragraph: -2}, d)
	} else {
		hl.Cur = ((hl.Cur+d)%len(hl.Targets) + len(hl.Targets)) % len(hl.Targets)
	}
	return v.reveal(hl.Targets[hl.Cur])
}

// reveal scrolls p into view in the reader or the section panes.
func (v *articleView) reveal(p model.Pos) tea.Cmd {
	if v.columnsOn {
		return v.columns.Reveal(p)
	}
	return v.reader.Reveal(p)
}

// selectEntity makes entity i's mentions stand out and what n/N walk;
// -1 clears the selection.
func (v *articleView) selectEntity(i int) {
	hl := v.hl
	a := v.art
	if a == nil || i >= len(a.Entities) {
		return
	}
	hl.Selected = i
	v.entities.SetSelected(i)
	if i < 0 {
		if hl.Mode == render.WalkEntity {
			hl.Mode, hl.Targets, hl.Cur = render.WalkNone, nil, -1
		}
		return
	}
	v.setQuery("", false)
	targets := make([]model.Pos, 0, len(a.Entities[i].Mentions))
	for _, mn := range a.Entities[i].Mentions {
		targets = append(targets, mn.Pos())
	}
	slices.SortFunc(targets, comparePos)
	hl.Mode, hl.Targets, hl.Cur = render.WalkEntity, targets, -1
}

// walkText is what the status line says about n/N: the walk's state, or
// the notice when there is nothing to walk.
func (v *articleView) walkText() string {
	hl := v.hl
	k := v.c.keys
	switch hl.Mode {
	case render.WalkSearch:
		if hl.Cur >= 0 {
			return fmt.Sprintf("match %d/%d", hl.Cur+1, len(hl.Targets))
		}
		if len(hl.Targets) == 0 {
			return "no match"
		}
		return render.Plural(len(hl.Targets), "match", "matches")
	case render.WalkEntity:
		name := render.Clean(v.art.Entities[hl.Selected].Name)
		if hl.Cur >= 0 {
			return fmt.Sprintf("%s %d/%d", name, hl.Cur+1, len(hl.Targets))
		}
		return name + " · " + render.Plural(len(hl.Targets), "mention", "mentions") +
			" (" + k.NextMatch.Help().Key + ")"
	}
	if v.notice != "" {
		return v.notice
	}
	if v.prompt.target == searchTarget(v) && hl.Query != "" {
		return "no match"
	}
	return ""
}
