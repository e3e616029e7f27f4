// Package cli is byline's command line: the command table (commands.go),
// one file per command, and the Env they run in. main builds the Env from
// the process once and hands it to Run; nothing here reads the process's
// environment itself, so a test runs any command with an Env of its own.
package cli

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/byline/byline/config"
	"github.com/byline/byline/ui/render"
)

// version is byline's release; builds from a module download report the
// module version instead.
const version = "0.1.0"

// memoryLimit is the soft heap limit byline runs under unless GOMEMLIMIT
// says otherwise: the garbage collector works harder near it instead of
// letting the transient garbage of rendering and recognising a long article
// double the resident size (see BENCHMARKS.md).
const memoryLimit = 100 << 20

// Run runs the byline command line args (without the program name) in e
// and returns the exit status: 0 on success, 1 when something failed, 2
// for a usage error.
func Run(args []string, e Env) int {
	if !e.GOMEMLIMITSet {
		// Restored on return, which matters only to tests: main exits.
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit))
	}
	args, path, named, ok := configFlag(args, e)
	if !ok {
		return 2
	}
	cfg, err := config.Load(path, !named)
	if err != nil {
		fmt.Fprintf(e.Stderr, "byline: %s\n", render.Clean(err.Error()))
		return 2
	}
	e.Config = cfg
	if len(args) == 0 {
		return reader().run(args, e)
	}
	c := lookup(args[0])
	switch {
	case c != nil && c.isLibrary():
		return runLibraryCommand(c, args[1:], e)
	case c != nil:
		return c.run(args[1:], e)
	}
	if code, ok := reportMistyped(args[0], e); ok {
		return code
	}
	return reader().run(args, e)
}

// versionString is the version byline reports: the module's when it was
// built from a module download, else version.
func versionString() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}

// configFlag takes --config PATH (or --config=PATH) out of args, wherever
// it is before "--", and returns the configuration file to read: that one
// (named), else e's default. ok is false after a --config with no path,
// which it has reported.
func configFlag(args []string, e Env) (rest []string, path string, named, ok bool) {
	path = e.ConfigPath
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i:]...), path, named, true
		}
		if v, found := strings.CutPrefix(a, "--config="); found {
			path, named = v, true
			continue
		}
		if a == "--config" || a == "-config" {
			if i+1 >= len(args) || args[i+1] == "" {
				fmt.Fprintln(e.Stderr, "byline: --config needs a file: --config PATH")
				return nil, "", false, false
			}
			path, named = args[i+1], true
			i++
			continue
		}
		rest = append(rest, a)
	}
	return rest, path, named, true
}
