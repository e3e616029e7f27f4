package library

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"time"
	"unicode"

	"github.com/byline/byline/articles"
)

// Count is how many articles a part of the library holds and how many of
// them are unread.
type Count struct {
	Unread, Total int
}

// FeedStats is a subscription as the Feeds pane and `byline feed list`
// show it.
type FeedStats struct {
	// URL is the feed's address; Title its name: the one the person gave
	// it (OPML), else the feed's own, else "" before the first refresh.
	URL, Title string
	// Folder is the OPML folder the feed is listed under, "" for none.
	Folder string
	// Checked is when the feed was last fetched, zero before the first
	// time; Err the last fetch's failure, "" when it answered.
	Checked time.Time
	Err     string
	// FullText says the full text of its new items is fetched on refresh.
	FullText bool
	Count
}

// Name is what the feed is called on screen: its title, else its URL.
func (f FeedStats) Name() string {
	if f.Title != "" {
		return f.Title
	}
	return f.URL
}

// FolderStats is a folder of files given to Import.
type FolderStats struct {
	// Path is the folder's real absolute path (Scope.Folder); Name its
	// last element.
	Path, Name string
	Count
}

// Stats are the counts of every part of the library, for the Feeds pane.
type Stats struct {
	// All counts the whole library.
	All Count
	// Feeds are the subscriptions, by folder ("" first) and then in the
	// order they were added; Folders the folders of files, by name.
	Feeds   []FeedStats
	Folders []FolderStats
}

// Stats counts the articles and unread articles of the library, of each
// feed and of each folder of files. The counts per source are kept by
// triggers as articles are added, deleted and marked, so that this reads
// one row per feed (and per file of a folder), not every article.
func (l *Library) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := l.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles),
		(SELECT count(*) FROM articles INDEXED BY articles_unread WHERE read = 0)`).Scan(&st.All.Total, &st.All.Unread)
	if err != nil {
		return st, l.wrap(err)
	}
	rows, err := l.db.QueryContext(ctx, `SELECT f.url, coalesce(nullif(f.name, ''), f.title), f.folder, f.checked, f.error, f.full_text,
		coalesce(c.total, 0), coalesce(c.unread, 0)
		FROM feeds f LEFT JOIN sources s ON s.source = f.url LEFT JOIN source_counts c ON c.source_id = s.id
		ORDER BY f.folder != '', f.folder, f.id`)
	if err != nil {
		return st, l.wrap(err)
	}
	defer rows.Close()
	for rows.Next() {
		var f FeedStats
		var checked int64
		if err := rows.Scan(&f.URL, &f.Title, &f.Folder, &checked, &f.Err, &f.FullText, &f.Total, &f.Unread); err != nil {
			return st, l.wrap(err)
		}
		if checked != 0 {
			f.Checked = time.Unix(checked, 0)
		}
		st.Feeds = append(st.Feeds, f)
	}
	if err := rows.Err(); err != nil {
		return st, l.wrap(err)
	}
	rows.Close()
	rows, err = l.db.QueryContext(ctx, `SELECT fo.path, coalesce(sum(c.total), 0), coalesce(sum(c.unread), 0)
		FROM folders fo LEFT JOIN sources s ON s.folder_id = fo.id LEFT JOIN source_counts c ON c.source_id = s.id
		GROUP BY fo.id ORDER BY fo.path`)
	if err != nil {
		return st, l.wrap(err)
	}
	defer rows.Close()
	for rows.Next() {
		var f FolderStats
		if err := rows.Scan(&f.Path, &f.Total, &f.Unread); err != nil {
			return st, l.wrap(err)
		}
		f.Name = filepath.Base(f.Path)
		st.Folders = append(st.Folders, f)
	}
	return st, l.wrap(rows.Err())
}

// Index returns the row of article id in the list of q's filters, newest
// first as List and a filtered Search order it, and false when the list
// does not hold it.
func (l *Library) Index(ctx context.Context, q Query, id int64) (int, bool, error) {
	var date int64
	err := l.db.QueryRowContext(ctx, "SELECT date FROM articles WHERE id = ?", id).Scan(&date)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, l.wrap(err)
	}
	var where []string
	var args []any
	if q.Unread {
		where = append(where, "a.read = 0")
	}
	if q.Starred {
		where = append(where, "a.starred = 1")
	}
	where, args = q.originFilters(where, args)
	in := 0
	cond := ""
	if len(where) > 0 {
		cond = " AND " + joinAnd(where)
	}
	if err := l.db.QueryRowContext(ctx, "SELECT count(*) FROM articles a WHERE a.id = ?"+cond, append([]any{id}, args...)...).Scan(&in); err != nil {
		return 0, false, l.wrap(err)
	}
	if in == 0 {
		return 0, false, nil
	}
	var n int
	err = l.db.QueryRowContext(ctx, "SELECT count(*) FROM articles a WHERE (a.date > ? OR (a.date = ? AND a.id > ?))"+cond,
		append([]any{date, date, id}, args...)...).Scan(&n)
	return n, true, l.wrap(err)
}

func joinAnd(where []string) string {
	s := ""
	for i, w := range where {
		if i > 0 {
			s += " AND "
		}
		s += w
	}
	return s
}

// SubscribeAs subscribes to a feed as Subscribe does, under the name and
// OPML folder a person gave it (either may be ""). A name or folder given
// again replaces the old one; control characters are dropped.
func (l *Library) SubscribeAs(ctx context.Context, feedURL, name, folder string) (bool, error) {
	isNew, err := l.Subscribe(ctx, feedURL)
	if err != nil {
		return isNew, err
	}
	name, folder = oneLine(name), oneLine(folder)
	_, err = l.db.ExecContext(ctx, `UPDATE feeds SET name = CASE WHEN ? = '' THEN name ELSE ? END,
		folder = CASE WHEN ? = '' THEN folder ELSE ? END WHERE url = ?`, name, name, folder, folder, feedURL)
	return isNew, l.wrap(err)
}

// SetFullText says whether the full text of a feed's new items is fetched
// when it is refreshed.
func (l *Library) SetFullText(ctx context.Context, feedURL string, on bool) error {
	res, err := l.db.ExecContext(ctx, "UPDATE feeds SET full_text = ? WHERE url = ?", on, feedURL)
	if err != nil {
		return l.wrap(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return &articles.Error{Source: feedURL, Err: ErrNoFeed}
	}
	return nil
}

// oneLine is a name as it is stored: without control or format
// characters (bidi marks, zero-width and invisible signs such as U+0604),
// its blanks folded.
func oneLine(s string) string {
	out := []rune{}
	space := false
	for _, r := range articles.Sanitize(s) {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0':
			space = len(out) > 0
			continue
		case unicode.Is(unicode.Cf, r):
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, r)
	}
	return string(out)
}

// Configure applies a person's settings for a subscribed feed: a title
// shown instead of the feed's own (when not ""), and whether the full text
// of its new items is fetched (only switched on: a feed added with
// --full-text keeps it). A URL not subscribed is left alone.
func (l *Library) Configure(ctx context.Context, feedURL, title string, fullText bool) error {
	title = oneLine(title)
	_, err := l.db.ExecContext(ctx, `UPDATE feeds SET name = CASE WHEN ? = '' THEN name ELSE ? END,
		full_text = full_text OR ? WHERE url = ?`, title, title, fullText, feedURL)
	return l.wrap(err)
}
