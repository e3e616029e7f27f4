package ui

import (
	"io"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/model"
)

// TestProgramConcurrent runs the real bubbletea program on a long article
// and types while its rendering runs in the background and the window is
// resized: with -race it checks that commands never share what Update
// changes. It asserts no timing.
func TestProgramConcurrent(t *testing.T) {
	a := bigArticle(t, 300<<10)
	m := newModel(Options{Load: loaded([]*model.Article{a}), Style: "dark"})
	p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithWindowSize(120, 40), tea.WithoutSignals())
	done := make(chan error, 1)
	go func() {
		_, err := p.Run()
		done <- err
	}()
	for _, k := range []string{"9", "]", "j", "/", "g", "a", "z", "a", "enter", "n", "n", "v", "l", "v"} {
		p.Send(press(k))
	}
	p.Send(tea.WindowSizeMsg{Width: 90, Height: 30})
	for _, k := range []string{"G", "N", "g", "q"} {
		p.Send(press(k))
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
