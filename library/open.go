package library

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// EnvDB is the environment variable that names the library file for every
// byline command when no --db flag is given.
const EnvDB = "BYLINE_DB"

// applicationID marks a SQLite file as a byline library ("BYLN").
const applicationID = 0x42594c4e

// ErrNotLibrary says a file exists but is not a byline library: not a SQLite
// database at all, or a SQLite database of some other program. Open never
// modifies or replaces such a file.
var ErrNotLibrary = errors.New("not a byline library")

// ErrCorrupt says the library file is damaged.
var ErrCorrupt = errors.New("library database is corrupt")

// ErrTooNew says the library was written by a newer byline whose schema this
// one does not know.
var ErrTooNew = errors.New("library was created by a newer byline")

// DefaultPath returns the library's default location,
// $XDG_DATA_HOME/byline/library.db.
func DefaultPath() string {
	return filepath.Join(xdg.DataHome, "byline", "library.db")
}

// Path resolves the library file a command uses: flagValue (from --db) when
// not empty, else $BYLINE_DB when set, else DefaultPath.
func Path(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if env := os.Getenv(EnvDB); env != "" {
		return env
	}
	return DefaultPath()
}

// Library is an open byline library. Its methods are safe for concurrent use.
type Library struct {
	db   *sql.DB
	path string
}

// Open opens the library at path, creating it (and its directory) when the
// file does not exist and migrating an older schema to the current one.
//
// A file that is not a SQLite database, or a SQLite database that is not a
// byline library, gives an error wrapping ErrNotLibrary; a damaged one an
// error wrapping ErrCorrupt; in both cases the file is left untouched.
func Open(ctx context.Context, path string) (*Library, error) {
	if path == "" {
		return nil, errors.New("library: empty path")
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("library: %w", err)
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("library %s: %w", path, err)
	}
	// Each connection holds its own page cache; a few are plenty for one
	// writer and the readers of an interactive app.
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	l := &Library{db: db, path: path}
	if err := l.init(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return l, nil
}

// dsn builds the connection string: per-connection pragmas only, so that
// opening a foreign database does not change it before it is identified.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "cache_size(-16000)")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// sqliteMagic opens every SQLite 3 database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader refuses an existing non-empty file that is not SQLite before
// the driver touches it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("library: %w", err)
	}
	defer f.Close()
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF) {
		return nil // an empty file: a database not yet written
	}
	if n < len(head) || !bytes.Equal(head[:16], sqliteMagic) {
		return fmt.Errorf("%s: %w (not a SQLite database)", path, ErrNotLibrary)
	}
	return nil
}

// init identifies the database, sets WAL mode and applies migrations.
func (l *Library) init(ctx context.Context) error {
	var appID, version int
	if err := l.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return l.wrap(err)
	}
	if err := l.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return l.wrap(err)
	}
	if appID != applicationID {
		if appID != 0 || version != 0 {
			return fmt.Errorf("%s: %w (a SQLite database of another program)", l.path, ErrNotLibrary)
		}
		var tables int
		if err := l.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return l.wrap(err)
		}
		if tables > 0 {
			return fmt.Errorf("%s: %w (a SQLite database of another program)", l.path, ErrNotLibrary)
		}
	}
	if version > len(migrations) {
		return fmt.Errorf("%s: %w (schema %d, this byline knows %d)", l.path, ErrTooNew, version, len(migrations))
	}
	var mode string
	if err := l.db.QueryRowContext(ctx, "PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		return l.wrap(err)
	}
	return l.migrate(ctx)
}

// wrap turns driver errors about damaged files into ErrCorrupt and
// ErrNotLibrary, and names the file.
func (l *Library) wrap(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT:
			return fmt.Errorf("%s: %w: %v", l.path, ErrCorrupt, err)
		case sqlite3.SQLITE_NOTADB:
			return fmt.Errorf("%s: %w: %v", l.path, ErrNotLibrary, err)
		}
	}
	if strings.Contains(err.Error(), "malformed") {
		return fmt.Errorf("%s: %w: %v", l.path, ErrCorrupt, err)
	}
	return fmt.Errorf("library %s: %w", l.path, err)
}

// Path returns the file the library was opened from.
func (l *Library) Path() string { return l.path }

// Close closes the database.
func (l *Library) Close() error { return l.db.Close() }

// Check runs SQLite's integrity check over the whole file (slow on a large
// library: seconds) and returns an error wrapping ErrCorrupt if it fails.
func (l *Library) Check(ctx context.Context) error {
	rows, err := l.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return l.wrap(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return l.wrap(err)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return l.wrap(err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %w: %s", l.path, ErrCorrupt, strings.Join(problems, "; "))
	}
	return nil
}
