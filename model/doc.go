// Package model holds byline's domain types: an Article split into Sections,
// the people and places (Entities) mentioned in it, and search Matches.
//
// It is pure Go with no I/O and no terminal code: it is not a tea.Model.
// Sources are turned into Articles by package articles; package ui shows them.
package model
