// Package articles turns sources into model.Articles: it reads plain-text news
// files, Markdown, HTML pages and RSS/Atom feeds, splits them into sections,
// drops scraping debris, strips terminal control sequences and recognises the
// people and places in them (through package articles/entities).
//
// Nothing here draws on a terminal; package ui calls it from tea.Cmds.
package articles
