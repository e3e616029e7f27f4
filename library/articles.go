package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/byline/byline/articles"
	"time"

	"github.com/byline/byline/model"
)

// ErrNoArticle says no article has the given id (it was deleted meanwhile).
var ErrNoArticle = errors.New("no such article in the library")

// Entry is an article as the Articles pane lists it: metadata and reading
// state, without the body.
type Entry struct {
	// ID identifies the article in the library; stable while it exists.
	ID int64
	// Title, Source and Byline are the article's; Date is zero when unknown.
	Title, Source, Byline string
	Date                  time.Time
	// Read and Starred are the reader's marks.
	Read, Starred bool
	// Position is where the reader last was in the article.
	Position Position
	// Origin is where the article came from as a person names it: its
	// feed's title (the feed's URL until it has one), or a file's path from
	// the folder it was added with ("world/index.txt"). It is "" for
	// a file or page added on its own: Source names it.
	Origin string
	// Feed is the URL of the subscribed feed the article came from, "" for
	// any other source.
	Feed string
	// FullText is "" when the full text of the article's link was never
	// fetched, "ok" when it replaced the feed's summary, else why the
	// fetch failed.
	FullText string
}

// DateString returns the date as YYYY-MM-DD, or "" when unknown.
func (e Entry) DateString() string {
	if e.Date.IsZero() {
		return ""
	}
	return e.Date.Format("2006-01-02")
}

// Position is a reading position: a section index and an offset within it
// (the UI decides the unit, e.g. a line of the rendered section).
type Position struct {
	Section, Offset int
}

// entryColumns are selected, in this order, by every query scanned with
// scanEntry; the table is aliased "a".
const entryColumns = "a.id, a.title, a.source, a.byline, a.date, a.read, a.starred, a.pos_section, a.pos_offset, a.full_text, " + originColumns

// originColumns are Entry.Origin and Entry.Feed, looked up for each row
// returned (a page of a list, not the whole library).
const originColumns = `coalesce((SELECT coalesce(nullif(f.name, ''), nullif(f.title, ''), nullif(s.name, ''), f.url)
		FROM sources s LEFT JOIN feeds f ON f.url = s.source WHERE s.id = a.source_id), ''),
	coalesce((SELECT f.url FROM sources s JOIN feeds f ON f.url = s.source WHERE s.id = a.source_id), '')`

type scanner interface{ Scan(...any) error }

func scanEntry(s scanner, extra ...any) (Entry, error) {
	var e Entry
	var date int64
	dst := append([]any{&e.ID, &e.Title, &e.Source, &e.Byline, &date, &e.Read, &e.Starred, &e.Position.Section, &e.Position.Offset, &e.FullText, &e.Origin, &e.Feed}, extra...)
	if err := s.Scan(dst...); err != nil {
		return e, err
	}
	if date != 0 {
		e.Date = time.Unix(date, 0).UTC()
	}
	return e, nil
}

// Counts are the library's totals for a status line.
type Counts struct {
	Articles, Unread, Starred int
}

// Counts returns how many articles the library holds, how many are unread
// and how many starred.
func (l *Library) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	// Each count reads an index, not the articles' rows: the unread and
	// the starred articles have partial indexes of their own.
	err := l.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles),
		(SELECT count(*) FROM articles INDEXED BY articles_unread WHERE read = 0),
		(SELECT count(*) FROM articles INDEXED BY articles_starred WHERE starred = 1)`).
		Scan(&c.Articles, &c.Unread, &c.Starred)
	return c, l.wrap(err)
}

// List returns up to limit entries, newest first (undated articles last),
// skipping the first offset; it never loads bodies. A limit <= 0 means all.
// For a filtered or searched list use Search.
func (l *Library) List(ctx context.Context, offset, limit int) ([]Entry, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := l.db.QueryContext(ctx,
		"SELECT "+entryColumns+" FROM articles a ORDER BY a.date DESC, a.id DESC LIMIT ? OFFSET ?", limit, offset)
	if err != nil {
		return nil, l.wrap(err)
	}
	return l.collect(rows)
}

func (l *Library) collect(rows *sql.Rows) ([]Entry, error) {
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, l.wrap(err)
		}
		out = append(out, e)
	}
	return out, l.wrap(rows.Err())
}

// Entry returns one article's entry.
func (l *Library) Entry(ctx context.Context, id int64) (Entry, error) {
	e, err := scanEntry(l.db.QueryRowContext(ctx, "SELECT "+entryColumns+" FROM articles a WHERE a.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("article %d: %w", id, ErrNoArticle)
	}
	return e, l.wrap(err)
}

// Article loads one article whole, its sections and recognised people and
// places included, as it was stored: nothing is parsed or recognised again.
func (l *Library) Article(ctx context.Context, id int64) (*model.Article, Entry, error) {
	var data []byte
	var format int
	e, err := scanEntry(l.db.QueryRowContext(ctx,
		"SELECT "+entryColumns+", a.format, b.data FROM articles a JOIN bodies b ON b.id = a.id WHERE a.id = ?", id),
		&format, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, e, fmt.Errorf("article %d: %w", id, ErrNoArticle)
	}
	if err != nil {
		return nil, e, l.wrap(err)
	}
	a := &model.Article{Source: e.Source, Title: e.Title, Date: e.Date, Byline: e.Byline, Format: model.Format(format)}
	if err := decodeBody(data, a); err != nil {
		return nil, e, fmt.Errorf("article %d: %w", id, err)
	}
	// The flag is not stored: a title that is what the lead gives was
	// derived from it (or might as well have been), and is not drawn
	// above the lead again.
	a.DerivedTitle = a.Title == articles.DeriveTitle(a)
	if !a.ShowsTitle() {
		dropTitleMentions(a) // a title not drawn has no names to show
	}
	if e.Feed != "" {
		a.Feed = e.Origin
	}
	return a, e, nil
}

// SetRead marks an article read or unread.
func (l *Library) SetRead(ctx context.Context, id int64, read bool) error {
	return l.update(ctx, "UPDATE articles SET read = ? WHERE id = ?", read, id)
}

// SetStarred stars or unstars an article.
func (l *Library) SetStarred(ctx context.Context, id int64, starred bool) error {
	return l.update(ctx, "UPDATE articles SET starred = ? WHERE id = ?", starred, id)
}

// ToggleRead flips an article's read mark and returns the new value.
func (l *Library) ToggleRead(ctx context.Context, id int64) (bool, error) {
	return l.toggle(ctx, "read", id)
}

// ToggleStarred flips an article's star and returns the new value.
func (l *Library) ToggleStarred(ctx context.Context, id int64) (bool, error) {
	return l.toggle(ctx, "starred", id)
}

func (l *Library) toggle(ctx context.Context, column string, id int64) (bool, error) {
	var v bool
	err := l.db.QueryRowContext(ctx,
		"UPDATE articles SET "+column+" = 1 - "+column+" WHERE id = ? RETURNING "+column, id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("article %d: %w", id, ErrNoArticle)
	}
	return v, l.wrap(err)
}

// SetPosition remembers where the reader is in an article.
func (l *Library) SetPosition(ctx context.Context, id int64, p Position) error {
	return l.update(ctx, "UPDATE articles SET pos_section = ?, pos_offset = ? WHERE id = ?", p.Section, p.Offset, id)
}

func (l *Library) update(ctx context.Context, query string, args ...any) error {
	res, err := l.db.ExecContext(ctx, query, args...)
	if err != nil {
		return l.wrap(err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("article %v: %w", args[len(args)-1], ErrNoArticle)
	}
	return nil
}
