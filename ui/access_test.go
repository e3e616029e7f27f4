package ui

import "github.com/byline/byline/ui/render"

// Test accessors for the owners' state.

// rv is the reader's scrolling view.
func (m *Model) rv() *render.View { return m.view.reader.view }

// hl is what the article view paints.
func (m *Model) hl() *render.Highlights { return m.view.hl }

// lib is the library source; it fails the test outside a library.
func (m *Model) lib() *librarySource { return m.src.(*librarySource) }

// files is the file source.
func (m *Model) files() *fileSource { return m.src.(*fileSource) }

// currentSection is the section being read.
func (m *Model) currentSection() int { return m.view.CurrentSection() }
