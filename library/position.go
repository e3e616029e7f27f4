package library

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
)

// Session is where the person left the library app: the article being
// read (its position within it is the article's own, Entry.Position), the
// list's cursor and first row on screen, and what the Feeds pane
// selected. Reopening the library returns there.
type Session struct {
	// Article is the article open in the reader, 0 for none.
	Article int64 `json:",omitempty"`
	// Cursor is the article under the Articles pane's cursor, Offset the
	// row at the top of that pane.
	Cursor int64 `json:",omitempty"`
	Offset int   `json:",omitempty"`
	// Scope is what the Feeds pane selected; HideRead says read articles
	// are hidden.
	Scope    Scope `json:",omitempty"`
	HideRead bool  `json:",omitempty"`
	// Collapsed are the OPML folders folded in the Feeds pane.
	Collapsed []string `json:",omitempty"`
}

// sessionKey is the session's row in the state table.
const sessionKey = "session"

// SaveSession remembers s for the next time the library is opened.
func (l *Library) SaveSession(ctx context.Context, s Session) error {
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	_, err = l.db.ExecContext(ctx, "INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		sessionKey, string(data))
	return l.wrap(err)
}

// Session returns the session last saved, the zero Session when none was
// (or what was saved cannot be read).
func (l *Library) Session(ctx context.Context) (Session, error) {
	var s Session
	var data string
	err := l.db.QueryRowContext(ctx, "SELECT value FROM state WHERE key = ?", sessionKey).Scan(&data)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return s, nil
	case err != nil:
		return s, l.wrap(err)
	}
	if err := json.Unmarshal([]byte(data), &s); err != nil {
		return Session{}, nil // a session this byline cannot read starts afresh
	}
	return s, nil
}
