package articles

import "errors"

// ErrBinary says a source is not text.
var ErrBinary = errors.New("not a text article (binary data)")

// ErrEmpty says a source holds no article text.
var ErrEmpty = errors.New("no article text")

// ErrFormat says a source's format is not one byline reads.
var ErrFormat = errors.New("unknown article format")

// Error is a failure to read one source. It names the source so that a list
// of problems can be shown next to the articles that did load.
type Error struct {
	Source string
	Err    error
}

func (e *Error) Error() string { return DisplayName(e.Source) + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }
