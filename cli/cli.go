// Package cli is byline's command line: the command table (commands.go),
// one file per command, and the Env they run in. main builds the Env from
// the process once and hands it to Run; nothing here reads the process's
// environment itself, so a test runs any command with an Env of its own.
package cli

import (
	"runtime/debug"
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
