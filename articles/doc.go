// Package articles turns sources into model.Articles: it reads plain-text news
// files, Markdown, HTML pages and RSS/Atom feeds, splits them into sections,
// drops scraping debris, strips terminal control sequences and recognises the
// people and places in them (through package articles/entities).
//
// No text it returns holds a control or bidirectional character (Sanitize),
// and Markdown, which a renderer decodes later, holds no character
// reference to one either; deep nesting is read within bounds, token by
// token or line by line when a parser would not cope. TestInjectionEveryPath
// and the fuzz targets FuzzText, FuzzMarkdown, FuzzHTML and FuzzFeed hold
// it to that.
//
// Nothing here draws on a terminal; package ui calls it from tea.Cmds.
package articles
