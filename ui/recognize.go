package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/model"
)

// recognizedMsg carries the people and places found in art.
type recognizedMsg struct {
	art      *model.Article
	entities []model.Entity
}

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
func (m *Model) recognizeNext() tea.Cmd {
	next := m.article()
	if m.recognizing || !m.unrecognized[next] {
		return nil
	}
	m.recognizing = true
	return recognizeCmd(next)
}

// handleRecognized stores an article's people and places and, when it is
// the open article, shows them without disturbing the search or the
// scroll position.
func (m *Model) handleRecognized(msg recognizedMsg) tea.Cmd {
	m.recognizing = false
	msg.art.Entities = msg.entities
	delete(m.unrecognized, msg.art)
	if msg.art == m.article() {
		m.c.marks.indexEntities()
		m.entities.SetArticle(msg.art)
		m.entities.SetPending(false)
		m.relayout()
	}
	return m.recognizeNext()
}
