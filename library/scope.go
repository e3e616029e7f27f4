package library

import "strings"

// Scope names a part of the library, as the Feeds pane selects it: the
// whole library (the zero Scope), one feed, one folder of files, or an
// OPML folder of feeds. At most one field is set.
type Scope struct {
	// Feed is a subscribed feed's URL.
	Feed string `json:",omitempty"`
	// Folder is a folder given to Import, its path as FolderStats has it.
	Folder string `json:",omitempty"`
	// Group is the name of an OPML folder of feeds.
	Group string `json:",omitempty"`
}

// All reports whether s is the whole library.
func (s Scope) All() bool { return s == Scope{} }

// filter is the SQL condition (on articles aliased a) keeping s's
// articles, "" for the whole library.
func (s Scope) filter() (string, []any) {
	switch {
	case s.Feed != "":
		return "a.source_id = (SELECT id FROM sources WHERE source = ?)", []any{s.Feed}
	case s.Folder != "":
		return "a.source_id IN (SELECT id FROM sources WHERE folder_id = (SELECT id FROM folders WHERE path = ?))", []any{s.Folder}
	case s.Group != "":
		return "a.source_id IN (SELECT s.id FROM feeds f JOIN sources s ON s.source = f.url WHERE f.folder = ?)", []any{s.Group}
	}
	return "", nil
}

// originFilters adds the conditions of q's feed: and source: filters and
// of its scope.
func (q Query) originFilters(where []string, args []any) ([]string, []any) {
	for _, name := range q.Feeds {
		like := likePattern(name)
		where = append(where, `a.source_id IN (SELECT s.id FROM feeds f JOIN sources s ON s.source = f.url
			WHERE f.url = ? OR f.name LIKE ? ESCAPE '\' OR f.title LIKE ? ESCAPE '\')`)
		args = append(args, name, like, like)
	}
	for _, name := range q.Sources {
		like := likePattern(name)
		where = append(where, `(a.source LIKE ? ESCAPE '\' OR a.source_id IN (SELECT s.id FROM sources s
			LEFT JOIN feeds f ON f.url = s.source
			WHERE s.source LIKE ? ESCAPE '\' OR s.name LIKE ? ESCAPE '\' OR f.name LIKE ? ESCAPE '\' OR f.title LIKE ? ESCAPE '\'))`)
		args = append(args, like, like, like, like, like)
	}
	if q.UnreadOr != 0 {
		where, args = append(where, "(a.read = 0 OR a.id = ?)"), append(args, q.UnreadOr)
	}
	if w, a := q.In.filter(); w != "" {
		where, args = append(where, w), append(args, a...)
	}
	return where, args
}

// likePattern matches text containing s (LIKE ignores the case of ASCII
// letters), its wildcards escaped.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}
