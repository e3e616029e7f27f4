package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

// parsedSample is the reference article as the app's loader gives it:
// parsed, people and places not yet recognised.
func parsedSample(t testing.TB, name string) *model.Article {
	t.Helper()
	a, err := articles.ParseText(name, sampleData(t))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestRecognizeInBackground(t *testing.T) {
	a, b := parsedSample(t, "a.txt"), parsedSample(t, "b.txt")
	m := newModel(Options{Load: loaded([]*model.Article{a, b}), Recognize: true, Style: "dark"})
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})

	// Deliver the load by hand and hold the commands back: the article is
	// on screen before its people and places are known.
	_, cmd := m.Update(m.Init()().(tea.BatchMsg)[0]())
	if !strings.Contains(screen(t, m), "finding names") {
		t.Fatalf("no pending notice before recognition:\n%s", screen(t, m))
	}
	m.Update(press("/"))
	for _, k := range "rafah" {
		m.Update(press(string(k)))
	}
	m.Update(press("enter"))
	drain(t, m, cmd)

	if len(a.Entities) == 0 {
		t.Fatal("the open article was not recognised")
	}
	if b.Entities != nil || !m.files().unrecognized[b] || m.files().recognizing {
		t.Errorf("an article nobody opened was recognised (%d entities) or recognition still runs (%v)", len(b.Entities), m.files().recognizing)
	}
	s := screen(t, m)
	if strings.Contains(s, "finding names") || !strings.Contains(s, "Gallant") {
		t.Errorf("People & Places not filled in:\n%s", s)
	}
	if m.hl().Query != "rafah" || len(m.hl().Matches) == 0 {
		t.Errorf("the search was lost when recognition finished: %q, %d matches", m.hl().Query, len(m.hl().Matches))
	}
	if m.hl().Mentions() == 0 {
		t.Error("mentions not indexed for highlighting")
	}

	// Opening the second article recognises it.
	send(t, m, press("J"))
	if len(b.Entities) == 0 || len(m.files().unrecognized) != 0 || m.files().recognizing {
		t.Errorf("second article after J: %d entities, %d pending, running %v", len(b.Entities), len(m.files().unrecognized), m.files().recognizing)
	}
}

func TestRecognizeOpenArticleFirst(t *testing.T) {
	as := []*model.Article{parsedSample(t, "a.txt"), parsedSample(t, "b.txt"), parsedSample(t, "c.txt")}
	m := newModel(Options{Load: loaded(as), Recognize: true, Style: "dark"})
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Update(loadedMsg{articles.Loaded{Articles: as}})
	m.files().recognizing = false // as if the first article's recognition were lost
	m.files().cur = 2
	cmd := m.files().recognizeNext()
	msg, ok := cmd().(recognizedMsg)
	if !ok || msg.art != as[2] {
		t.Fatalf("recognised %v first, want the open article", msg.art)
	}
	if as[2].Entities != nil {
		t.Error("the command wrote to the shared article; only Update may")
	}
}
