package cli

import (
	"io"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"

	"github.com/charmbracelet/x/term"

	"github.com/byline/byline/config"
	"github.com/byline/byline/library"
)

// Env is everything of the process that a command may use: the standard
// streams, whether they are terminals, and the environment variables
// byline reads. OSEnv builds it once, in main, and Run hands it down, so
// that no command reads the process behind its caller's back and a test
// runs any command with an Env of its own.
//
// What Env does not cover is read by the libraries themselves: bubbletea
// and lipgloss look at the terminal and at TERM, NO_COLOR and COLORTERM
// when the app starts, net/http at the proxy variables, and adrg/xdg at
// the XDG variables (which DefaultDB holds the result of).
type Env struct {
	// Stdin, Stdout and Stderr are the standard streams. Stdin may be nil:
	// no input.
	Stdin          io.Reader
	Stdout, Stderr io.Writer

	// StdinTerminal, StdoutTerminal and StderrTerminal say whether the
	// streams are terminals: piped input is an article, output into a pipe
	// is printed instead of drawn, progress on a terminal is a bar.
	StdinTerminal, StdoutTerminal, StderrTerminal bool
	// Width is the width of the terminal on Stdout in columns; 0 when
	// Stdout is not a terminal or its size is unknown.
	Width int

	// DB is $BYLINE_DB: the library file when --db does not name one.
	DB string
	// DefaultDB is the library file when neither --db nor DB names one:
	// library.DefaultPath, under $XDG_DATA_HOME.
	DefaultDB string
	// NoColor says that $NO_COLOR is set and not empty (no-color.org).
	NoColor bool
	// Term is $TERM; "dumb" means no colour.
	Term string
	// GOGCSet and GOMEMLIMITSet say that $GOGC and $GOMEMLIMIT are set and
	// not empty: the garbage collector's settings are then the user's, and
	// byline leaves them alone.
	GOGCSet, GOMEMLIMITSet bool
	// ConfigPath is the configuration file when --config does not name
	// one: $XDG_CONFIG_HOME/byline/config.toml.
	ConfigPath string
	// Browser is $BROWSER: the command that opens links when the
	// configuration names none.
	Browser string

	// Config is the configuration Run read (the defaults without a file).
	Config config.Config
}

// OSEnv returns the Env of this process. It is the only place in byline's
// command line that reads environment variables.
func OSEnv() Env {
	e := Env{
		Stdin:          os.Stdin,
		Stdout:         os.Stdout,
		Stderr:         os.Stderr,
		StdinTerminal:  term.IsTerminal(os.Stdin.Fd()),
		StdoutTerminal: term.IsTerminal(os.Stdout.Fd()),
		StderrTerminal: term.IsTerminal(os.Stderr.Fd()),
		DB:             os.Getenv(library.EnvDB),
		DefaultDB:      library.DefaultPath(),
		NoColor:        os.Getenv("NO_COLOR") != "",
		Term:           os.Getenv("TERM"),
		GOGCSet:        os.Getenv("GOGC") != "",
		GOMEMLIMITSet:  os.Getenv("GOMEMLIMIT") != "",
		ConfigPath:     filepath.Join(xdg.ConfigHome, "byline", "config.toml"),
		Browser:        os.Getenv("BROWSER"),
		Config:         config.Default(),
	}
	if e.StdoutTerminal {
		if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 0 {
			e.Width = w
		}
	}
	return e
}

// libraryPath is the library file a command uses: flagValue (from --db)
// when not empty, else $BYLINE_DB, else the configuration's, else the
// default file. It is library.Path with the environment taken from e.
func (e Env) libraryPath(flagValue string) string {
	switch {
	case flagValue != "":
		return flagValue
	case e.DB != "":
		return e.DB
	case e.Config.Library != "":
		return e.Config.Library
	}
	return e.DefaultDB
}
