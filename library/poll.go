package library

import (
	"context"
	"database/sql"
	"fmt"
)

// Watcher tells when the library changed: another process (a `byline
// add` or `byline refresh` in a shell beside the app) or this one
// committed a write since the last look. It holds one connection of its
// own, on which SQLite's data_version changes with every commit made
// through another connection.
type Watcher struct {
	l    *Library
	conn *sql.Conn
	last int64
}

// Watch starts watching the library for changes. Close the Watcher when
// done.
func (l *Library) Watch(ctx context.Context) (*Watcher, error) {
	conn, err := l.db.Conn(ctx)
	if err != nil {
		return nil, l.wrap(err)
	}
	w := &Watcher{l: l, conn: conn}
	if w.last, err = w.version(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return w, nil
}

func (w *Watcher) version(ctx context.Context) (int64, error) {
	var v int64
	if err := w.conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, w.l.wrap(err)
	}
	return v, nil
}

// Changed reports whether anything was committed since Watch or the last
// Changed: one pragma, which reads no page of the database, so that it
// can be asked every second.
func (w *Watcher) Changed(ctx context.Context) (bool, error) {
	v, err := w.version(ctx)
	if err != nil {
		return false, err
	}
	changed := v != w.last
	w.last = v
	return changed, nil
}

// Close gives the Watcher's connection back.
func (w *Watcher) Close() error {
	if err := w.conn.Close(); err != nil {
		return fmt.Errorf("library %s: %w", w.l.path, err)
	}
	return nil
}
