package library

import (
	"context"
	"fmt"
)

// migrations are the schema steps in order: migrations[i] takes the database
// from user_version i to i+1. Never edit a released step; append a new one.
var migrations = []string{
	// 1: sources, articles, bodies, people and places, the full-text index, feeds.
	`
CREATE TABLE sources (
	id       INTEGER PRIMARY KEY,
	source   TEXT NOT NULL UNIQUE, -- absolute path or URL
	size     INTEGER NOT NULL DEFAULT 0,
	mtime    INTEGER NOT NULL DEFAULT 0, -- unix nanoseconds, files only
	hash     BLOB,                        -- content hash
	imported INTEGER NOT NULL             -- unix seconds
);
CREATE TABLE articles (
	id          INTEGER PRIMARY KEY,
	source_id   INTEGER NOT NULL REFERENCES sources(id),
	item        TEXT NOT NULL DEFAULT '', -- key within the source: '' or a feed item's link/GUID
	source      TEXT NOT NULL,            -- model.Article.Source
	title       TEXT NOT NULL,
	date        INTEGER NOT NULL DEFAULT 0, -- unix seconds; 0 when unknown
	byline      TEXT NOT NULL DEFAULT '',
	format      INTEGER NOT NULL DEFAULT 0,
	read        INTEGER NOT NULL DEFAULT 0,
	starred     INTEGER NOT NULL DEFAULT 0,
	pos_section INTEGER NOT NULL DEFAULT 0,
	pos_offset  INTEGER NOT NULL DEFAULT 0,
	added       INTEGER NOT NULL,
	UNIQUE (source_id, item)
);
CREATE INDEX articles_date ON articles (date DESC, id DESC);
-- Sections, people and places, compressed: loaded one article at a time.
CREATE TABLE bodies (
	id   INTEGER PRIMARY KEY, -- articles.id
	data BLOB NOT NULL
);
CREATE TABLE entities (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL COLLATE NOCASE,
	type INTEGER NOT NULL, -- model.EntityType
	UNIQUE (name, type)
);
CREATE TABLE mentions (
	entity_id  INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	count      INTEGER NOT NULL,
	PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX mentions_article ON mentions (article_id);
-- Entity names by word, for person:/place: filters on part of a name.
CREATE VIRTUAL TABLE entity_names USING fts5 (
	name, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
-- Contentless: the text lives compressed in bodies; snippets are cut in Go.
CREATE VIRTUAL TABLE fts USING fts5 (
	title, body,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO fts (fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
-- The index's vocabulary with (approximate) document frequencies: a prefix
-- typed in a search expands to its most frequent completions.
CREATE TABLE terms (
	term TEXT PRIMARY KEY,
	df   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX terms_df ON terms (df DESC);
CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,
	title         TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	checked       INTEGER NOT NULL DEFAULT 0, -- unix seconds of the last fetch
	error         TEXT NOT NULL DEFAULT '',   -- the last fetch's error
	added         INTEGER NOT NULL
);
`,
	// 2: feeds and folders as the Feeds pane shows them, the unread flow,
	// the reading session, full text.
	`
ALTER TABLE feeds ADD COLUMN name TEXT NOT NULL DEFAULT '';   -- the person's title (OPML), before the feed's own
ALTER TABLE feeds ADD COLUMN folder TEXT NOT NULL DEFAULT ''; -- the OPML folder it is listed under
ALTER TABLE feeds ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0; -- fetch the full text of new items
CREATE TABLE folders (
	id    INTEGER PRIMARY KEY,
	path  TEXT NOT NULL UNIQUE, -- a folder given to Import, its real absolute path
	added INTEGER NOT NULL
);
ALTER TABLE sources ADD COLUMN folder_id INTEGER; -- the folder a file was added with
ALTER TABLE sources ADD COLUMN name TEXT NOT NULL DEFAULT ''; -- its path from that folder
CREATE INDEX sources_folder ON sources (folder_id) WHERE folder_id IS NOT NULL;
CREATE INDEX articles_source_read ON articles (source_id, read);
CREATE INDEX articles_unread ON articles (date DESC, id DESC) WHERE read = 0;
-- The feed's summary of an article whose full text replaced it in bodies.
CREATE TABLE summaries (
	id   INTEGER PRIMARY KEY, -- articles.id
	data BLOB NOT NULL
);
ALTER TABLE articles ADD COLUMN full_text TEXT NOT NULL DEFAULT ''; -- '' not tried, 'ok', or why it failed
CREATE TABLE state (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
-- Each source's articles and unread articles, kept by triggers, so that
-- the Feeds pane's counts read one row per feed, not every article.
CREATE TABLE source_counts (
	source_id INTEGER PRIMARY KEY,
	total     INTEGER NOT NULL,
	unread    INTEGER NOT NULL
);
INSERT INTO source_counts (source_id, total, unread)
	SELECT source_id, count(*), sum(read = 0) FROM articles GROUP BY source_id;
CREATE TRIGGER articles_counted AFTER INSERT ON articles BEGIN
	INSERT INTO source_counts (source_id, total, unread) VALUES (new.source_id, 1, new.read = 0)
	ON CONFLICT (source_id) DO UPDATE SET total = total + 1, unread = unread + (new.read = 0);
END;
CREATE TRIGGER articles_uncounted AFTER DELETE ON articles BEGIN
	UPDATE source_counts SET total = total - 1, unread = unread - (old.read = 0) WHERE source_id = old.source_id;
END;
CREATE TRIGGER articles_read AFTER UPDATE OF read ON articles WHEN (old.read = 0) != (new.read = 0) BEGIN
	UPDATE source_counts SET unread = unread + (new.read = 0) - (old.read = 0) WHERE source_id = new.source_id;
END;
CREATE TRIGGER articles_moved AFTER UPDATE OF source_id ON articles WHEN old.source_id != new.source_id BEGIN
	UPDATE source_counts SET total = total - 1, unread = unread - (old.read = 0) WHERE source_id = old.source_id;
	INSERT INTO source_counts (source_id, total, unread) VALUES (new.source_id, 1, new.read = 0)
	ON CONFLICT (source_id) DO UPDATE SET total = total + 1, unread = unread + (new.read = 0);
END;
`,
	// 3: the starred articles by themselves, so that counting them (the
	// app's first screen) and the starred filter read a few index entries
	// instead of every article's row.
	`
CREATE INDEX articles_starred ON articles (id) WHERE starred = 1;
`,
}

// SchemaVersion is the schema version this byline writes.
const SchemaVersion = 3

// migrate brings the schema up to date. It runs every pending step in one
// immediate transaction and re-reads the version inside it, so two processes
// opening a new library at once migrate it exactly once.
func (l *Library) migrate(ctx context.Context) error {
	var version int
	if err := l.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return l.wrap(err)
	}
	if version == len(migrations) {
		return nil
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return l.wrap(err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return l.wrap(err)
	}
	if version > len(migrations) {
		return fmt.Errorf("%s: %w (schema %d, this byline knows %d)", l.path, ErrTooNew, version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("library %s: migration %d: %w", l.path, v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
		return l.wrap(err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migrations))); err != nil {
		return l.wrap(err)
	}
	return l.wrap(tx.Commit())
}
