package library

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/model"
)

// writer stores parsed sources. It caches entity ids across batches; one
// writer serves one import or refresh.
type writer struct {
	l        *Library
	entities map[entityKey]int64
	// recognize and enc prepare the pending items that turn out to be new
	// (see item.pending); recognize nil means entities.Recognize.
	recognize func(*model.Article)
	enc       *encoder
}

type entityKey struct {
	name string
	typ  model.EntityType
}

func newWriter(l *Library) *writer {
	return &writer{l: l, entities: map[entityKey]int64{}}
}

// writeMode says how a source's new content meets its stored articles.
type writeMode int

const (
	// replace: the source is a file or page; its articles become exactly the
	// new ones (same key: updated in place, keeping state; gone: deleted).
	replace writeMode = iota
	// addNew: the source is a feed, a window of items; items already stored
	// are left as they are, new ones added, old ones kept.
	addNew
)

// write stores a batch of sources in one transaction and returns how many
// articles were new.
func (w *writer) write(ctx context.Context, batch []parsed, mode writeMode) (int, error) {
	if !slices.ContainsFunc(batch, func(p parsed) bool { return p.touch || len(p.items) > 0 || p.hash != nil }) {
		return 0, nil // nothing changed: no transaction, no lock
	}
	tx, err := w.l.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, w.l.wrap(err)
	}
	defer tx.Rollback()
	st, err := prepareStmts(ctx, tx)
	if err != nil {
		return 0, w.l.wrap(err)
	}
	defer st.close()
	// Entity ids created in this transaction are only cached once it commits.
	fresh := map[entityKey]int64{}
	lists := make([][]item, 0, len(batch))
	for _, p := range batch {
		lists = append(lists, p.items)
	}
	if err := w.resolveEntities(ctx, tx, st, fresh, lists...); err != nil {
		return 0, w.l.wrap(err)
	}
	now := time.Now().Unix()
	added := 0
	df := map[string]int{}
	for i := range batch {
		n, err := w.writeOne(ctx, st, &batch[i], mode, now, fresh, df)
		if err != nil {
			return 0, w.l.wrap(err)
		}
		added += n
	}
	// One upsert per distinct word of the batch, not per word per article.
	if err := st.upsertTerms(ctx, df); err != nil {
		return 0, w.l.wrap(err)
	}
	if err := st.flushMentions(ctx); err != nil {
		return 0, w.l.wrap(err)
	}
	if err := st.flushIndex(ctx); err != nil {
		return 0, w.l.wrap(err)
	}
	if err := tx.Commit(); err != nil {
		return 0, w.l.wrap(err)
	}
	for k, id := range fresh {
		w.entities[k] = id
	}
	return added, nil
}

// writeOne stores one source and returns how many of its articles were new.
func (w *writer) writeOne(ctx context.Context, st *stmts, p *parsed, mode writeMode, now int64, fresh map[entityKey]int64, df map[string]int) (int, error) {
	switch {
	case p.err != nil || p.unchanged || p.cancelled:
		return 0, nil
	case p.touch:
		_, err := st.touch.ExecContext(ctx, p.size, p.mtime, p.source)
		return 0, err
	}
	if p.keepOld {
		mode = addNew
	}
	sourceID, isNew, err := st.putSource(ctx, p, now)
	if err != nil || p.already {
		return 0, err
	}
	existing := map[string]int64{}
	if !isNew {
		rows, err := st.sourceArticles.QueryContext(ctx, sourceID)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			var id int64
			var key string
			if err := rows.Scan(&id, &key); err != nil {
				rows.Close()
				return 0, err
			}
			existing[key] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, err
		}
	}
	added, err := w.writeItems(ctx, st, p, sourceID, p.items, existing, mode, now, fresh, df)
	if err != nil {
		return 0, err
	}
	for p.stream != nil {
		part := receive(p.stream, streamChunk)
		if len(part) == 0 {
			break
		}
		if err := w.resolveEntities(ctx, st.tx, st, fresh, part); err != nil {
			return 0, err
		}
		n, err := w.writeItems(ctx, st, p, sourceID, part, existing, mode, now, fresh, df)
		if err != nil {
			return 0, err
		}
		added += n
		// The mentions go as they come, overlapping the preparing; the
		// full-text entries wait for the end (one FTS5 segment, see
		// stmts.fts: flushing them every 1,024 items was slower).
		if err := st.flushMentions(ctx); err != nil {
			return 0, err
		}
	}
	if mode == addNew {
		return added, nil
	}
	for _, id := range existing {
		if err := st.deleteArticle(ctx, id); err != nil {
			return 0, err
		}
	}
	return added, nil
}

// streamChunk is how many streamed items the writer takes at a time: their
// entities are resolved in a few statements (resolveEntities), and the
// writer, faster than the preparing, waits for a chunk rather than an item.
const streamChunk = 128

// receive returns the next n items of stream, fewer at its end.
func receive(stream <-chan item, n int) []item {
	part := make([]item, 0, n)
	for it := range stream {
		part = append(part, it)
		if len(part) == n {
			break
		}
	}
	return part
}

// writeItems stores items, articles of source p (row sourceID), and
// returns how many were new. existing maps the keys of p's stored articles
// to their ids; the ones met are removed from it.
func (w *writer) writeItems(ctx context.Context, st *stmts, p *parsed, sourceID int64, items []item, existing map[string]int64, mode writeMode, now int64, fresh map[entityKey]int64, df map[string]int) (int, error) {
	added := 0
	for _, it := range items {
		a := it.a
		id, ok := existing[it.key]
		switch {
		case ok && mode == addNew:
			continue
		case it.pending != nil:
			w.prepareLate(&it)
			a = it.a
		}
		p.stored++
		switch {
		case ok:
			delete(existing, it.key)
			if err := st.unindex(ctx, id); err != nil {
				return 0, err
			}
			if _, err := st.updateArticle.ExecContext(ctx, a.Source, a.Title, unixDate(a), a.Byline, int(a.Format), id); err != nil {
				return 0, err
			}
		default:
			res, err := st.insertArticle.ExecContext(ctx, sourceID, it.key, a.Source, a.Title, unixDate(a), a.Byline, int(a.Format), now)
			if err != nil {
				return 0, err
			}
			if id, err = res.LastInsertId(); err != nil {
				return 0, err
			}
			added++
		}
		if _, err := st.putBody.ExecContext(ctx, id, it.body); err != nil {
			return 0, err
		}
		st.index(id, a.Title, it.text)
		if !ok { // a re-read article's words are mostly counted already
			for _, t := range it.terms {
				df[t]++
			}
		}
		for _, m := range it.mentions {
			eid, err := w.entityID(ctx, st, m, fresh)
			if err != nil {
				return 0, err
			}
			st.mentions = append(st.mentions, mentionRow{entity: eid, article: id, count: m.count})
		}
	}
	return added, nil
}

// prepareLate prepares a pending item (see item.pending) and resolves the
// entities it mentions one by one (entityID).
func (w *writer) prepareLate(it *item) {
	if w.enc == nil {
		w.enc = newEncoder()
	}
	recognize := w.recognize
	if recognize == nil {
		recognize = entities.Recognize
	}
	a := it.pending
	it.pending = nil
	prepareItem(w.enc, recognize, a, it)
}

// entityID returns a mentioned entity's id, normally resolved beforehand by
// resolveEntities; it creates the entity itself if not.
func (w *writer) entityID(ctx context.Context, st *stmts, m mentionCount, fresh map[entityKey]int64) (int64, error) {
	k := keyOf(m.name, m.typ)
	if id, ok := w.entities[k]; ok {
		return id, nil
	}
	if id, ok := fresh[k]; ok {
		return id, nil
	}
	var id int64
	err := st.insertEntity.QueryRowContext(ctx, m.name, int(m.typ)).Scan(&id)
	switch {
	case err == nil:
		st.indexName(id, m.name)
	case errors.Is(err, sql.ErrNoRows): // already there
		if err := st.entityID.QueryRowContext(ctx, m.name, int(m.typ)).Scan(&id); err != nil {
			return 0, err
		}
	default:
		return 0, err
	}
	fresh[k] = id
	return id, nil
}

// unixDate is the stored form of an article's date: unix seconds, 0 when
// unknown.
func unixDate(a *model.Article) int64 {
	if a.Date.IsZero() {
		return 0
	}
	return a.Date.Unix()
}

// stmts are the statements a write transaction uses, prepared once per
// transaction, and the full-text index changes it holds back until
// flushIndex.
type stmts struct {
	tx                                                           *sql.Tx
	list                                                         []*sql.Stmt
	touch, sourceRow, updateSource, insertSource, sourceArticles *sql.Stmt
	insertArticle, updateArticle, putBody, insertFTS             *sql.Stmt
	deleteFTS, deleteMentions, deleteBody, deleteRow             *sql.Stmt
	insertEntity, entityID                                       *sql.Stmt

	// fts and names are the writes to the FTS5 tables (fts, entity_names)
	// in the order they were asked for, made last by flushIndex. FTS5
	// writes its in-memory index to disk as a new segment on every
	// statement savepoint, and every statement that may need undoing on
	// its own (an insert that fires a trigger, an upsert, INSERT OR
	// REPLACE) opens one: interleaved with the other writes, each
	// article's words became a segment of their own, to be merged again
	// and again. Written last, a batch's words are one segment.
	fts   []ftsOp
	names []any // rowid, name, rowid, name...

	// mentions are the transaction's new mention rows, inserted many to
	// a statement by flushMentions.
	mentions []mentionRow
}

type mentionRow struct {
	entity, article int64
	count           int
}

// rowsPerInsert is how many rows one multi-row INSERT writes: few enough
// parameters for SQLite (32,766), enough that the statement's own cost
// is small beside its rows'.
const rowsPerInsert = 400

// insertRows runs head followed by one "(?, ...)" of width parameters per
// row of args (width values a row), rowsPerInsert rows a statement.
func (st *stmts) insertRows(ctx context.Context, head string, width int, tail string, args []any) error {
	row := "(?" + strings.Repeat(", ?", width-1) + ")"
	for len(args) > 0 {
		n := min(len(args)/width, rowsPerInsert)
		query := head + row + strings.Repeat(", "+row, n-1) + tail
		if _, err := st.tx.ExecContext(ctx, query, args[:n*width]...); err != nil {
			return err
		}
		args = args[n*width:]
	}
	return nil
}

// flushMentions inserts the held mention rows in key order, so that the
// inserts walk the table's B-tree from left to right.
func (st *stmts) flushMentions(ctx context.Context) error {
	slices.SortFunc(st.mentions, func(a, b mentionRow) int {
		if c := cmp.Compare(a.entity, b.entity); c != 0 {
			return c
		}
		return cmp.Compare(a.article, b.article)
	})
	args := make([]any, 0, 3*len(st.mentions))
	for _, m := range st.mentions {
		args = append(args, m.entity, m.article, m.count)
	}
	st.mentions = st.mentions[:0]
	return st.insertRows(ctx, "INSERT INTO mentions (entity_id, article_id, count) VALUES ", 3, " ON CONFLICT DO NOTHING", args)
}

// upsertTerms adds df's document frequencies to the vocabulary, in term
// order.
func (st *stmts) upsertTerms(ctx context.Context, df map[string]int) error {
	terms := make([]string, 0, len(df))
	for t := range df {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	args := make([]any, 0, 2*len(terms))
	for _, t := range terms {
		args = append(args, t, df[t])
	}
	return st.insertRows(ctx, "INSERT INTO terms (term, df) VALUES ", 2,
		" ON CONFLICT (term) DO UPDATE SET df = df + excluded.df", args)
}

// ftsOp is one held-back change to the full-text index: the removal of
// article id (del) or its entry.
type ftsOp struct {
	del         bool
	id          int64
	title, text string
}

// index adds article id's entry to the full-text index, at flushIndex.
func (st *stmts) index(id int64, title, text string) {
	st.fts = append(st.fts, ftsOp{id: id, title: title, text: text})
}

// indexName indexes entity id's name by word, at flushIndex.
func (st *stmts) indexName(id int64, name string) {
	st.names = append(st.names, id, name)
}

// flushIndex makes the held-back writes to the FTS5 tables; it must come
// after every other write of the transaction (see stmts.fts).
func (st *stmts) flushIndex(ctx context.Context) error {
	if err := st.insertRows(ctx, "INSERT INTO entity_names (rowid, name) VALUES ", 2, "", st.names); err != nil {
		return err
	}
	st.names = st.names[:0]
	for _, op := range st.fts {
		var err error
		if op.del {
			_, err = st.deleteFTS.ExecContext(ctx, op.id)
		} else {
			_, err = st.insertFTS.ExecContext(ctx, op.id, op.title, op.text)
		}
		if err != nil {
			return err
		}
	}
	st.fts = st.fts[:0]
	return nil
}

func prepareStmts(ctx context.Context, tx *sql.Tx) (*stmts, error) {
	st := &stmts{tx: tx}
	for _, s := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&st.touch, "UPDATE sources SET size = ?, mtime = ? WHERE source = ?"},
		{&st.sourceRow, "SELECT id, hash FROM sources WHERE source = ?"},
		{&st.updateSource, "UPDATE sources SET size = ?, mtime = ?, hash = ?, imported = ? WHERE id = ?"},
		{&st.sourceArticles, "SELECT id, item FROM articles WHERE source_id = ?"},
		{&st.insertArticle, `INSERT INTO articles (source_id, item, source, title, date, byline, format, added)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`},
		{&st.insertSource, "INSERT INTO sources (source, size, mtime, hash, imported) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"},
		{&st.updateArticle, "UPDATE articles SET source = ?, title = ?, date = ?, byline = ?, format = ? WHERE id = ?"},
		{&st.putBody, "INSERT OR REPLACE INTO bodies (id, data) VALUES (?, ?)"},
		{&st.insertFTS, "INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)"},
		{&st.deleteFTS, "DELETE FROM fts WHERE rowid = ?"},
		{&st.deleteMentions, "DELETE FROM mentions WHERE article_id = ?"},
		{&st.deleteBody, "DELETE FROM bodies WHERE id = ?"},
		{&st.deleteRow, "DELETE FROM articles WHERE id = ?"},
		{&st.insertEntity, "INSERT INTO entities (name, type) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING id"},
		{&st.entityID, "SELECT id FROM entities WHERE name = ? AND type = ?"},
	} {
		stmt, err := tx.PrepareContext(ctx, s.sql)
		if err != nil {
			st.close()
			return nil, err
		}
		*s.dst = stmt
		st.list = append(st.list, stmt)
	}
	return st, nil
}

func (st *stmts) close() {
	for _, s := range st.list {
		s.Close()
	}
}

// putSource stores a source's state and returns its id and whether it is
// new (so that it has no articles yet). A plain insert, the common case of
// a first import, is much cheaper than a look-up first.
//
// What the library holds is read inside the write transaction, not taken
// from what the import saw when it started: another process may have
// stored the source meanwhile. When it stored the same content, p is
// marked already (nothing more to write: it counts as unchanged, so that
// two imports of the same files do not both report them new); when the
// source was there before, p is marked existed (changed, not new).
func (st *stmts) putSource(ctx context.Context, p *parsed, now int64) (int64, bool, error) {
	if p.prev == nil {
		res, err := st.insertSource.ExecContext(ctx, p.source, p.size, p.mtime, p.hash, now)
		if err != nil {
			return 0, false, err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			id, err := res.LastInsertId()
			return id, true, err
		}
	}
	var id int64
	var hash []byte
	switch err := st.sourceRow.QueryRowContext(ctx, p.source).Scan(&id, &hash); {
	case errors.Is(err, sql.ErrNoRows): // known when the import began, gone since
		res, err := st.insertSource.ExecContext(ctx, p.source, p.size, p.mtime, p.hash, now)
		if err != nil {
			return 0, false, err
		}
		id, err := res.LastInsertId()
		return id, true, err
	case err != nil:
		return 0, false, err
	}
	if p.hash != nil && bytes.Equal(hash, p.hash) {
		p.already = true
		_, err := st.touch.ExecContext(ctx, p.size, p.mtime, p.source)
		return id, false, err
	}
	p.existed = true
	_, err := st.updateSource.ExecContext(ctx, p.size, p.mtime, p.hash, now, id)
	return id, false, err
}

// unindex removes an article from the full-text index (at flushIndex) and
// the mentions.
func (st *stmts) unindex(ctx context.Context, id int64) error {
	st.fts = append(st.fts, ftsOp{del: true, id: id})
	_, err := st.deleteMentions.ExecContext(ctx, id)
	return err
}

// deleteArticle removes an article and everything stored about it.
func (st *stmts) deleteArticle(ctx context.Context, id int64) error {
	if err := st.unindex(ctx, id); err != nil {
		return err
	}
	if _, err := st.deleteBody.ExecContext(ctx, id); err != nil {
		return err
	}
	_, err := st.deleteRow.ExecContext(ctx, id)
	return err
}
