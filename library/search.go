package library

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/byline/byline/model"
)

// SearchOptions tune Search. The zero value returns the 50 best results.
type SearchOptions struct {
	// Limit is the most results returned; 0 means 50, < 0 means all.
	Limit int
	// Offset skips that many results (the next page).
	Offset int
	// Prefix makes the query's last bare word match any word starting with
	// it: set it while the reader is still typing.
	Prefix bool
	// NoSnippets skips loading bodies to cut snippets (a plain filtered list).
	NoSnippets bool
}

// Result is one search hit.
type Result struct {
	Entry
	// Snippet is a short passage of the article around the query's terms,
	// with "…" where it was cut; empty for a query without terms.
	Snippet string
	// Marks are the byte ranges [start, end) of the query's terms in Snippet,
	// in order and not overlapping, for the UI to highlight.
	Marks [][2]int
}

// Marked returns the snippet with each mark wrapped in open and close
// (for example "[" and "]" for scripts, or terminal styles).
func (r Result) Marked(open, close string) string {
	var b strings.Builder
	last := 0
	for _, m := range r.Marks {
		b.WriteString(r.Snippet[last:m[0]])
		b.WriteString(open)
		b.WriteString(r.Snippet[m[0]:m[1]])
		b.WriteString(close)
		last = m[1]
	}
	b.WriteString(r.Snippet[last:])
	return b.String()
}

// Search runs a query in the syntax of ParseQuery over the whole library.
// With full-text terms, results are ranked best first (BM25, titles
// weighing more than bodies) and carry a snippet with the terms marked;
// with filters only, they are listed newest first like List. An empty
// query lists everything. With opts.Limit < 0 every match is returned and
// ranked; with a limit, a query matching more than 1,000 articles (or
// more than Offset+Limit) ranks the most recently added of them, which
// keeps a broad query within milliseconds. Count gives the number of
// matches.
//
// With opts.Prefix the last word is completed: it is searched as its most
// frequent completions in the library (when it is one or two letters after
// other words, it is left out until it grows). When that makes more than a
// handful of alternatives, matches are listed most recently added first
// rather than ranked, to answer within milliseconds; the search without
// Prefix (on Enter) ranks them. Without Prefix, a query whose last word
// matches no word as typed is searched with that word completed, so that
// the results seen while typing "osl" do not vanish on Enter; so are its
// later pages (opts.Offset).
func (l *Library) Search(ctx context.Context, query string, opts SearchOptions) ([]Result, error) {
	q, completable := parseSearch(query, opts.Prefix)
	rs, err := l.SearchQuery(ctx, q, opts)
	if err != nil || len(rs) > 0 || opts.Prefix || !completable {
		return rs, err
	}
	if opts.Offset > 0 {
		// A later page that is empty: the query as typed may match
		// nothing at all, and its first page was the completed one.
		typed, err := l.SearchQuery(ctx, q, SearchOptions{Limit: 1, NoSnippets: true})
		if err != nil || len(typed) > 0 {
			return rs, err
		}
	}
	q.Terms[len(q.Terms)-1].Prefix = true
	return l.SearchQuery(ctx, q, opts)
}

// parseSearch parses a query for Search and Count and reports whether its
// last word may be completed; with prefix, it is.
func parseSearch(query string, prefix bool) (q Query, completable bool) {
	q = ParseQuery(query)
	// Only a word still being typed is a prefix: not one followed by a
	// blank, a closing quote or a filter.
	last, _ := utf8.DecodeLastRuneInString(query)
	completable = len(q.Terms) > 0 && !q.Terms[len(q.Terms)-1].Phrase && !notWordRune(last) &&
		strings.HasSuffix(fold(query), fold(q.Terms[len(q.Terms)-1].Text))
	if prefix && completable {
		q.Terms[len(q.Terms)-1].Prefix = true
	}
	return q, completable
}

// Count returns how many articles match query: the number of results
// Search(ctx, query, opts) gives with no limit (opts.Prefix is the only
// option it reads), for the app to show the true number of results. It
// loads no article and ranks nothing.
func (l *Library) Count(ctx context.Context, query string, opts SearchOptions) (int, error) {
	q, completable := parseSearch(query, opts.Prefix)
	n, err := l.CountQuery(ctx, q)
	if err != nil || n > 0 || opts.Prefix || !completable {
		return n, err
	}
	// As Search does: a last word that matches nothing as typed is
	// completed.
	q.Terms[len(q.Terms)-1].Prefix = true
	return l.CountQuery(ctx, q)
}

// CountQuery is Count for an already parsed query.
func (l *Library) CountQuery(ctx context.Context, q Query) (int, error) {
	where, args := filters(q)
	q.Terms = dropShortPrefix(q.Terms)
	var query string
	if len(q.Terms) == 0 {
		query = "SELECT count(*) FROM articles a"
		if len(where) > 0 {
			query += " WHERE " + strings.Join(where, " AND ")
		}
	} else {
		match, _, err := l.matchExpr(ctx, q)
		if err != nil || match == "" {
			return 0, err
		}
		query = "SELECT count(*) FROM fts"
		if len(where) > 0 {
			query += " JOIN articles a ON a.id = fts.rowid"
		}
		query += " WHERE fts MATCH ?"
		for _, w := range where {
			query += " AND " + w
		}
		args = append([]any{match}, args...)
	}
	var n int
	if err := l.db.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count %q: %w", query, l.wrap(err))
	}
	return n, nil
}

// filters is q's filters as SQL conditions on articles a, with their
// arguments.
func filters(q Query) (where []string, args []any) {
	for _, name := range q.People {
		w, a := entityFilter(name, model.Person)
		where, args = append(where, w), append(args, a...)
	}
	for _, name := range q.Places {
		w, a := entityFilter(name, model.Place)
		where, args = append(where, w), append(args, a...)
	}
	if !q.After.IsZero() {
		where, args = append(where, "a.date >= ?"), append(args, q.After.Unix())
	}
	if !q.Before.IsZero() {
		where, args = append(where, "a.date < ? AND a.date != 0"), append(args, q.Before.Unix())
	}
	if q.Unread {
		where = append(where, "a.read = 0")
	}
	if q.Starred {
		where = append(where, "a.starred = 1")
	}
	where, args = q.originFilters(where, args)
	return where, args
}

// rankWindow is how many matches, the most recently added first, are ranked
// by relevance for a search with a limit. A query matching fewer is ranked
// exactly; a broad one (a common word, a short prefix) ranks its
// rankWindow newest matches (or Offset+Limit, when more), which keeps
// every search, and every keystroke, within milliseconds. A search without
// a limit ranks every match.
const rankWindow = 1000

// maxRankedPhrases is the most phrases a query may have to be ranked by
// relevance; one with more (a short prefix's completions) lists its matches
// newest first.
const maxRankedPhrases = 6

// maxCompletions is how many of a typed prefix's most frequent completions
// it is searched as.
const maxCompletions = 24

// SearchQuery is Search for an already parsed query.
func (l *Library) SearchQuery(ctx context.Context, q Query, opts SearchOptions) ([]Result, error) {
	limit := opts.Limit
	if limit == 0 {
		limit = 50
	}
	where, args := filters(q)
	q.Terms = dropShortPrefix(q.Terms)
	if len(q.Terms) == 0 {
		return l.filtered(ctx, where, args, limit, opts.Offset)
	}
	match, phrases, err := l.matchExpr(ctx, q)
	if err != nil || match == "" {
		return nil, err // a prefix with no completion matches nothing
	}
	// BM25 first counts the articles containing each phrase, reading its
	// whole posting list: cheap for a few phrases, not for a prefix's two
	// dozen completions, which are listed newest first instead.
	rank := "fts.rank"
	if phrases > maxRankedPhrases {
		rank = "0"
	}
	query := "SELECT fts.rowid, " + rank + " FROM fts"
	if len(where) > 0 {
		query += " JOIN articles a ON a.id = fts.rowid"
	}
	query += " WHERE fts MATCH ?"
	for _, w := range where {
		query += " AND " + w
	}
	query += " ORDER BY fts.rowid DESC LIMIT ?"
	window := rankWindow
	switch {
	case limit < 0:
		window = -1 // SQLite: no limit
	case opts.Offset+limit > window:
		window = opts.Offset + limit
	}
	rows, err := l.db.QueryContext(ctx, query, append(append([]any{match}, args...), window)...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", match, l.wrap(err))
	}
	type hit struct {
		id   int64
		rank float64
	}
	var hits []hit
	for rows.Next() {
		var h hit
		if err := rows.Scan(&h.id, &h.rank); err != nil {
			rows.Close()
			return nil, l.wrap(err)
		}
		hits = append(hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, l.wrap(err)
	}
	// FTS5's rank is bm25 negated: lower is better.
	slices.SortStableFunc(hits, func(x, y hit) int { return cmp.Compare(x.rank, y.rank) })
	if opts.Offset >= len(hits) {
		return nil, nil
	}
	hits = hits[opts.Offset:]
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	ids := make([]any, len(hits))
	for i, h := range hits {
		ids[i] = h.id
	}
	byID, err := l.entries(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(hits))
	for _, h := range hits {
		if e, ok := byID[h.id]; ok {
			out = append(out, Result{Entry: e})
		}
	}
	if opts.NoSnippets || len(out) == 0 {
		return out, nil
	}
	return out, l.snippets(ctx, q, out)
}

// dropShortPrefix leaves out a prefix of one or two letters that follows
// other words: "lloyd a" is searched as "lloyd", since nearly every article
// has a word starting with a, and asking the index for them all is slow.
func dropShortPrefix(terms []Term) []Term {
	if n := len(terms); n > 1 {
		if t := terms[n-1]; t.Prefix && !t.Phrase && utf8.RuneCountInString(t.Text) < 3 {
			return terms[:n-1]
		}
	}
	return terms
}

// filtered lists the articles passing the filters, newest first.
func (l *Library) filtered(ctx context.Context, where []string, args []any, limit, offset int) ([]Result, error) {
	query := "SELECT " + entryColumns + " FROM articles a"
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY a.date DESC, a.id DESC LIMIT ? OFFSET ?"
	rows, err := l.db.QueryContext(ctx, query, append(args, limit, offset)...)
	if err != nil {
		return nil, l.wrap(err)
	}
	entries, err := l.collect(rows)
	if err != nil {
		return nil, err
	}
	out := make([]Result, len(entries))
	for i, e := range entries {
		out[i].Entry = e
	}
	return out, nil
}

// entries loads the entries of the given article ids.
func (l *Library) entries(ctx context.Context, ids []any) (map[int64]Entry, error) {
	out := map[int64]Entry{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := l.db.QueryContext(ctx,
		"SELECT "+entryColumns+" FROM articles a WHERE a.id IN (?"+strings.Repeat(", ?", len(ids)-1)+")", ids...)
	if err != nil {
		return nil, l.wrap(err)
	}
	es, err := l.collect(rows)
	for _, e := range es {
		out[e.ID] = e
	}
	return out, err
}

// matchExpr is q's full-text part in FTS5 syntax: every term quoted (so no
// user input is read as an operator), all required, and a prefix term
// expanded into its most frequent completions, ORed; and the number of
// phrases in it. It is "" when a prefix has no completion.
func (l *Library) matchExpr(ctx context.Context, q Query) (string, int, error) {
	var parts []string
	phrases := 0
	for _, t := range q.Terms {
		words := strings.FieldsFunc(t.Text, notWordRune)
		if len(words) == 0 {
			continue
		}
		if !t.Prefix || len(words) > 1 {
			p := `"` + strings.Join(words, " ") + `"`
			if t.Prefix {
				p += "*"
			}
			parts = append(parts, p)
			phrases++
			continue
		}
		completions, err := l.completions(ctx, fold(words[0]))
		if err != nil || len(completions) == 0 {
			return "", 0, err
		}
		parts = append(parts, `("`+strings.Join(completions, `" OR "`)+`")`)
		phrases += len(completions)
	}
	return strings.Join(parts, " AND "), phrases, nil
}

// completions returns the most frequent indexed words starting with prefix.
// A short prefix first looks among the library's most frequent words, which
// is where its best completions are, before scanning its whole range.
func (l *Library) completions(ctx context.Context, prefix string) ([]string, error) {
	upper := prefix + "\U0010FFFF"
	var out []string
	if utf8.RuneCountInString(prefix) <= 2 {
		var err error
		out, err = l.terms(ctx, `SELECT term FROM (SELECT term, df FROM terms INDEXED BY terms_df ORDER BY df DESC LIMIT 5000)
			WHERE term >= ? AND term < ? ORDER BY df DESC LIMIT ?`, prefix, upper, maxCompletions)
		if err != nil || len(out) == maxCompletions {
			return out, err
		}
	}
	return l.terms(ctx, "SELECT term FROM terms WHERE term >= ? AND term < ? ORDER BY df DESC LIMIT ?",
		prefix, upper, maxCompletions)
}

func (l *Library) terms(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := l.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, l.wrap(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, l.wrap(err)
		}
		if w := strings.FieldsFunc(t, notWordRune); len(w) == 1 && w[0] == t { // only plain words reach FTS5
			out = append(out, t)
		}
	}
	return out, l.wrap(rows.Err())
}
