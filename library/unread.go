package library

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// Marked is what MarkRead changed, for Undo: the articles it marked read.
type Marked struct {
	IDs []int64
}

// MarkRead marks every unread article of s read (the whole library for
// the zero Scope) and returns them, so that Undo can mark them unread
// again.
func (l *Library) MarkRead(ctx context.Context, s Scope) (Marked, error) {
	var m Marked
	query := "UPDATE articles AS a SET read = 1 WHERE a.read = 0"
	w, args := s.filter()
	if w != "" {
		query += " AND " + w
	}
	rows, err := l.db.QueryContext(ctx, query+" RETURNING id", args...)
	if err != nil {
		return m, l.wrap(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return m, l.wrap(err)
		}
		m.IDs = append(m.IDs, id)
	}
	return m, l.wrap(rows.Err())
}

// undoChunk is how many ids one statement of Undo marks.
const undoChunk = 500

// Undo marks the articles of m unread again, in one transaction; articles
// deleted meanwhile are skipped.
func (l *Library) Undo(ctx context.Context, m Marked) error {
	if len(m.IDs) == 0 {
		return nil
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return l.wrap(err)
	}
	defer tx.Rollback()
	for ids := range chunks(m.IDs, undoChunk) {
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = id
		}
		if _, err := tx.ExecContext(ctx, "UPDATE articles SET read = 0 WHERE id IN (?"+strings.Repeat(", ?", len(ids)-1)+")", args...); err != nil {
			return l.wrap(err)
		}
	}
	return l.wrap(tx.Commit())
}

func chunks(ids []int64, n int) func(func([]int64) bool) {
	return func(yield func([]int64) bool) {
		for len(ids) > 0 {
			k := min(n, len(ids))
			if !yield(ids[:k]) {
				return
			}
			ids = ids[k:]
		}
	}
}

// NextUnread returns the first unread article of s after article after in
// the lists' order (newest first), going round to the newest after the
// last and starting from the newest when after is 0 or gone; false when s
// has no unread article. It reads an index of the unread articles only, so it takes the
// same time however much of the library was read.
func (l *Library) NextUnread(ctx context.Context, s Scope, after int64) (Entry, bool, error) {
	w, args := s.filter()
	cond := ""
	if w != "" {
		cond = " AND " + w
	}
	base := "SELECT " + entryColumns + " FROM articles a INDEXED BY articles_unread WHERE a.read = 0" + cond
	if after != 0 {
		var date int64
		err := l.db.QueryRowContext(ctx, "SELECT date FROM articles WHERE id = ?", after).Scan(&date)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return Entry{}, false, l.wrap(err)
		}
		if err == nil {
			e, err := scanEntry(l.db.QueryRowContext(ctx,
				base+" AND (a.date < ? OR (a.date = ? AND a.id < ?)) ORDER BY a.date DESC, a.id DESC LIMIT 1",
				append(args, date, date, after)...))
			switch {
			case err == nil:
				return e, true, nil
			case !errors.Is(err, sql.ErrNoRows):
				return e, false, l.wrap(err)
			}
		}
	}
	e, err := scanEntry(l.db.QueryRowContext(ctx, base+" ORDER BY a.date DESC, a.id DESC LIMIT 1", args...))
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, false, nil
	}
	return e, err == nil, l.wrap(err)
}
