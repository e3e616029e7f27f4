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

// recognizeNext starts recognising the next article that needs it, the
// open one first; one recognition runs at a time so that the open article
// never waits behind the others.
func (m *Model) recognizeNext() tea.Cmd {
	if m.recognizing || len(m.unrecognized) == 0 {
		return nil
	}
	next := m.article()
	if !m.unrecognized[next] {
		next = nil
		for _, a := range m.arts {
			if m.unrecognized[a] {
				next = a
				break
			}
		}
	}
	if next == nil {
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
