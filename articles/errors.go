package articles

import (
	"errors"
	"strings"
)

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

// Error names the source (quoted when its name holds a control character
// or a line break: DisplayName) and says what failed, on one line and with
// no control character, whatever the underlying error quotes of the input.
func (e *Error) Error() string {
	name, msg := DisplayName(e.Source), Sanitize(strings.ReplaceAll(e.Err.Error(), "\n", " "))
	if strings.HasPrefix(msg, name+": ") {
		return msg // the error names the source already (a fetch error names its URL)
	}
	return name + ": " + msg
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }
