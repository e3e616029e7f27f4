// Package config reads byline's configuration file: TOML at
// $XDG_CONFIG_HOME/byline/config.toml (or the file --config names) with
// the theme, the glamour style, the reading measure, the mouse, the
// library, the refresh interval, the browser, per-feed settings and the
// key bindings. A missing file is the defaults; a file that cannot be
// read, is not TOML, or holds a setting byline does not know or of the
// wrong type is an error naming the file, the line and the setting.
//
// The key bindings are checked by their owner (ui.KeyMap.Rebind); Line
// gives the line of a setting for its errors.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Config is the configuration. The zero value is not the default: use
// Default, or Load.
type Config struct {
	// Theme is the background styled for: "auto" (ask the terminal),
	// "light" or "dark".
	Theme string `toml:"theme"`
	// Style is the glamour style ("auto" follows the theme).
	Style string `toml:"style"`
	// MaxWidth is the widest the reader's text gets, in columns; 0 is the
	// pane's width.
	MaxWidth int `toml:"max_width"`
	// Mouse says whether byline takes the mouse; without it the
	// terminal's own selection works.
	Mouse bool `toml:"mouse"`
	// Library is the library file; "" is $BYLINE_DB, else the default.
	Library string `toml:"library"`
	// RefreshInterval refreshes the feeds while the app is open; 0 only
	// when it starts.
	RefreshInterval Duration `toml:"refresh_interval"`
	// Browser is the command that opens a link, the URL its one
	// argument; "" is $BROWSER, else xdg-open or open.
	Browser string `toml:"browser"`
	// Feeds are per-feed settings, by feed URL.
	Feeds map[string]Feed `toml:"feeds"`
	// Keys rebinds actions: action name -> key names.
	Keys map[string][]string `toml:"keys"`

	// Path is the file the configuration was read from ("" for none).
	Path  string `toml:"-"`
	lines map[string]int
}

// Feed is the settings of one feed.
type Feed struct {
	// FullText fetches the whole article for every new item.
	FullText bool `toml:"full_text"`
	// Title replaces the feed's own title.
	Title string `toml:"title"`
}

// Duration is a time.Duration written as in Go ("30m", "1h30m").
type Duration time.Duration

// UnmarshalText reads a duration such as "30m".
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("not a duration (write it as 30m or 1h): %q", b)
	}
	if v < 0 {
		return fmt.Errorf("a negative duration: %q", b)
	}
	*d = Duration(v)
	return nil
}

// MarshalText writes the duration as Go does.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// DefaultMaxWidth is the reading measure unless the file says otherwise.
const DefaultMaxWidth = 100

// MaxSize is the largest configuration file read.
const MaxSize = 1 << 20

// Default returns the configuration with no file.
func Default() Config {
	return Config{Theme: "auto", Style: "auto", MaxWidth: DefaultMaxWidth, Mouse: true}
}

// Error is a problem with a configuration file: where, which setting, what.
type Error struct {
	Path    string
	Line    int    // 0 when not known
	Setting string // "" when not one setting
	Err     error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Setting != "" {
		fmt.Fprintf(&b, ": %s", e.Setting)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Load reads the configuration at path over the defaults. A file that
// does not exist is the defaults when optional is true (the default path)
// and an error otherwise (a path the user named).
func Load(path string, optional bool) (Config, error) {
	c := Default()
	c.Path = path
	fail := func(line int, setting string, err error) (Config, error) {
		return c, &Error{Path: path, Line: line, Setting: setting, Err: err}
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) && optional {
		c.Path = ""
		return c, nil
	}
	if err != nil {
		return fail(0, "", errors.Unwrap(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fail(0, "", err)
	}
	if !st.Mode().IsRegular() {
		return fail(0, "", errors.New("not a regular file"))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return fail(0, "", err)
	}
	if len(data) > MaxSize {
		return fail(0, "", fmt.Errorf("larger than %d KiB: not a configuration file", MaxSize>>10))
	}
	return parse(c, data)
}

// Parse reads a configuration from data over the defaults; path names it
// in errors.
func Parse(path string, data []byte) (Config, error) {
	c := Default()
	c.Path = path
	return parse(c, data)
}

func parse(c Config, data []byte) (Config, error) {
	path := c.Path
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return c, &Error{Path: path, Err: errors.New("not a text file (TOML is UTF-8 text)")}
	}
	lines, perr := keyLines(data)
	if perr != nil {
		return c, perr(path)
	}
	c.lines = lines
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return c, decodeError(path, lines, err)
	}
	c.Path = path
	return c, c.check()
}

// keyLines maps each dotted key of a TOML document ("keys.quit",
// "feeds.https://e/x.title") to the line it is set on, or returns the
// syntax error.
func keyLines(data []byte) (map[string]int, func(path string) error) {
	lines := map[string]int{}
	var p unstable.Parser
	p.Reset(data)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		var keys []string
		for it := e.Key(); it.Next(); {
			keys = append(keys, string(it.Node().Data))
		}
		line := p.Shape(e.Raw).Start.Line
		if k := e.Key(); k.Next() {
			line = p.Shape(k.Node().Raw).Start.Line
		}
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = keys
			lines[strings.Join(keys, ".")] = line
		case unstable.KeyValue:
			full := append(append([]string(nil), table...), keys...)
			lines[strings.Join(full, ".")] = line
		}
	}
	if err := p.Error(); err != nil {
		var pe *unstable.ParserError
		if errors.As(err, &pe) {
			line := p.Shape(p.Range(pe.Highlight)).Start.Line
			return nil, func(path string) error { return &Error{Path: path, Line: line, Err: errors.New(pe.Message)} }
		}
		return nil, func(path string) error { return &Error{Path: path, Err: err} }
	}
	return lines, nil
}

// decodeError turns go-toml's errors into Errors with the line and the
// setting.
func decodeError(path string, lines map[string]int, err error) error {
	var missing *toml.StrictMissingError
	if errors.As(err, &missing) && len(missing.Errors) > 0 {
		e := missing.Errors[0]
		row, _ := e.Position()
		return &Error{Path: path, Line: row, Setting: strings.Join(e.Key(), "."), Err: errors.New("not a byline setting")}
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		return &Error{Path: path, Line: row, Setting: strings.Join(de.Key(), "."), Err: errors.New(de.Error())}
	}
	return &Error{Path: path, Err: err}
}

// check validates the values.
func (c *Config) check() error {
	bad := func(setting string, format string, args ...any) error {
		return &Error{Path: c.Path, Line: c.Line(setting), Setting: setting, Err: fmt.Errorf(format, args...)}
	}
	switch c.Theme {
	case "auto", "light", "dark":
	default:
		return bad("theme", "%q: write auto, light or dark", c.Theme)
	}
	if c.MaxWidth < 0 {
		return bad("max_width", "%d: a width is 0 (the pane's) or more", c.MaxWidth)
	}
	for name, keys := range c.Keys {
		if len(keys) == 0 {
			return bad("keys."+name, "no key: give one or more key names")
		}
	}
	for url := range c.Feeds {
		if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
			return bad("feeds."+url, "a feed is named by its http:// or https:// URL")
		}
	}
	return nil
}

// Line is the line of setting ("max_width", "keys.quit",
// "feeds.URL.title") in the file, or 0.
func (c *Config) Line(setting string) int { return c.lines[setting] }
