package cli

import (
	"errors"
	"flag"
	"fmt"
)

// newFlagSet returns a flag set for the command name that reports bad
// flags on e's stderr and leaves the usage to parseCommand.
func newFlagSet(name string, e Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	fs.Usage = func() {} // parseCommand prints the usage where it belongs
	return fs
}

// parseFlags parses flags that may come before, between or after the
// positional arguments, which it returns.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseCommand parses a command's flags and positional arguments. For
// --help it prints help on stdout and returns ok=false with code 0; for a
// bad flag (which the flag package has reported on stderr) it points at
// --help and returns code 2.
func parseCommand(fs *flag.FlagSet, args []string, help string, e Env) (pos []string, code int, ok bool) {
	pos, err := parseFlags(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(e.Stdout, help)
		return nil, 0, false
	case err != nil:
		fmt.Fprintln(e.Stderr, "Run 'byline --help' for usage.")
		return nil, 2, false
	}
	return pos, 0, true
}
