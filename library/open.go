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
	"syscall"

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

// ErrNoLibrary says there is no library at a path that OpenExisting was
// given: no file, an empty file, or a directory.
var ErrNoLibrary = errors.New("no library")

// ErrReadOnly says a change could not be saved because the library is
// read-only: its file or its directory is not writable (a read-only file
// system, permissions). Reading still works.
var ErrReadOnly = errors.New("the library is read-only")

// ErrDiskFull says a change could not be saved because the disk holding
// the library (or the process's file size limit) has no room left. What
// was saved before is intact; the same command completes once there is
// room.
var ErrDiskFull = errors.New("disk full: no space left to save to the library")

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
	db       *sql.DB
	path     string
	readOnly bool
}

// Open opens the library at path, creating it (and its directory) when the
// file does not exist and migrating an older schema to the current one.
//
// A library whose file or directory is not writable opens read-only
// (ReadOnly reports it): reading works, and every change fails with an
// error wrapping ErrReadOnly.
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
	_, statErr := os.Stat(path)
	exists := statErr == nil
	if !exists {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, createError(path, err)
		}
		if !writable(filepath.Dir(path)) {
			return nil, fmt.Errorf("%s: %w: cannot create it in a directory that is not writable", path, ErrReadOnly)
		}
	}
	// SQLite writes the file and, in WAL mode, creates two more next to
	// it: both must be writable, or the library is opened for reading.
	readOnly := exists && (!writable(path) || !writable(filepath.Dir(path)))
	db, err := sql.Open("sqlite", dsn(path, readOnly))
	if err != nil {
		return nil, fmt.Errorf("library %s: %w", path, err)
	}
	// Each connection holds its own page cache; a few are plenty for one
	// writer and the readers of an interactive app.
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	l := &Library{db: db, path: path, readOnly: readOnly}
	if err := l.init(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return l, nil
}

// OpenExisting is Open for the commands that only use a library: it never
// creates one. A path with no file, an empty file (from touch, or a
// mistyped name) or a directory gives an error wrapping ErrNoLibrary that
// names the path as given, and nothing is written there.
func OpenExisting(ctx context.Context, path string) (*Library, error) {
	if path == "" {
		return nil, errors.New("library: empty path")
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%w at %s yet", ErrNoLibrary, path)
	case err != nil:
		return nil, fmt.Errorf("library %s: %w", path, unwrapPath(err))
	case st.IsDir():
		return nil, fmt.Errorf("%s: %w: it is a directory, not a library file", path, ErrNoLibrary)
	case st.Size() == 0:
		return nil, fmt.Errorf("%s: %w: the file is empty", path, ErrNoLibrary)
	}
	return Open(ctx, path)
}

// ReadOnly reports whether the library was opened for reading only.
func (l *Library) ReadOnly() bool { return l.readOnly }

// checkWritable refuses a change to a read-only library before any work is
// done for it.
func (l *Library) checkWritable() error {
	if l.readOnly {
		return l.readOnlyError()
	}
	return nil
}

func (l *Library) readOnlyError() error {
	return fmt.Errorf("%s: %w (the file or its directory is not writable): searching and reading work, changes cannot be saved", l.path, ErrReadOnly)
}

// createError explains why a new library's directory could not be made.
func createError(path string, err error) error {
	if errors.Is(err, syscall.EROFS) || errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("%s: %w: cannot create its directory: %v", path, ErrReadOnly, unwrapPath(err))
	}
	return fmt.Errorf("library %s: %w", path, err)
}

// dsn builds the connection string: per-connection pragmas only, so that
// opening a foreign database does not change it before it is identified.
// A read-only library is opened with mode=ro; when not even its WAL
// index can be created (a read-only directory and no -wal file, so no
// writer can be at work), as immutable, which needs no lock files.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	if !readOnly {
		q.Add("_pragma", "synchronous(NORMAL)")
	}
	q.Add("_pragma", "cache_size(-16000)")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	if readOnly {
		q.Set("mode", "ro")
		if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) && !writable(filepath.Dir(path)) {
			q.Set("immutable", "1")
		}
	}
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
		return fmt.Errorf("library %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return fmt.Errorf("%s: %w: it is a directory, not a library file", path, ErrNoLibrary)
	}
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
	if l.readOnly {
		if version < len(migrations) {
			return fmt.Errorf("%s: %w: it was written by an older byline and must be upgraded first, which needs write access", l.path, ErrReadOnly)
		}
		return nil
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
		case sqlite3.SQLITE_READONLY:
			return l.readOnlyError()
		case sqlite3.SQLITE_FULL:
			return l.diskFullError(err)
		case sqlite3.SQLITE_IOERR:
			// A write cut short by a full disk or the file size limit
			// comes back as a plain I/O error: tell them apart.
			if why := noRoom(l.path); why != "" {
				return l.diskFullError(fmt.Errorf("%s: %v", why, err))
			}
			return fmt.Errorf("library %s: disk I/O error, nothing was saved by this step: %v", l.path, err)
		case sqlite3.SQLITE_CANTOPEN:
			return fmt.Errorf("library %s: cannot open the database file (is its directory missing or unreadable?): %v", l.path, err)
		}
	}
	if strings.Contains(err.Error(), "malformed") {
		return fmt.Errorf("%s: %w: %v", l.path, ErrCorrupt, err)
	}
	return fmt.Errorf("library %s: %w", l.path, err)
}

func (l *Library) diskFullError(err error) error {
	return fmt.Errorf("%s: %w (%v); what was saved before is intact: free some space and run the command again", l.path, ErrDiskFull, err)
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
