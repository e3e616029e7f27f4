package cli

import (
	"context"
	"strings"

	"github.com/byline/byline/library"
)

// command is one entry of the command table. Dispatch, `byline help`, the
// mistyped-command suggestion and every list of names come from the
// table, so a new command is one entry and one file.
type command struct {
	// name selects the command ("print"); "" is the reader, which takes
	// every argument list that does not start with a command's name.
	name    string
	aliases []string
	// synopsis is how the help shows the command after "byline " (or after
	// "byline feed " for a subcommand); summary is the help's description,
	// one line each. A command's aliases are added to its first line.
	synopsis string
	summary  []string
	// usage is the one line a misused command prints after "usage: ";
	// empty for a command that prints none, or that has subcommands:
	// theirs are joined.
	usage string

	// flagOnly marks an entry that is a flag, not a command ("--version"):
	// it has a help line and mistyped names are pointed at it, but no
	// argument list selects it.
	flagOnly bool

	// run runs a command that parses its own flags.
	run func(args []string, e Env) int
	// lib runs a library command (add, feed, refresh, search) once
	// runLibraryCommand has parsed the flags they share and opened the
	// library. A library command is listed in the help's second part.
	lib func(ctx context.Context, lib *library.Library, args []string, c *libCmd) int
	// creates says the command may create the library when there is none
	// yet; the others refuse, so that a mistyped --db is reported instead
	// of becoming a new, empty library.
	creates bool

	// subs are the subcommands (feed add, feed list, ...), chosen by the
	// first positional argument; nargs is how many arguments a subcommand
	// takes after its name.
	subs  []command
	nargs int
}

// commands is the command table, in the order the help lists them (each
// part of it) and the mistyped-command check tries them.
func commands() []command {
	return []command{
		{
			synopsis: "[--style S] [FILE|DIR|-]...",
			summary: []string{"read articles; with no arguments, the built-in samples",
				"(printed as by print when the output is not a terminal)"},
			run: runReader,
		},
		{
			name:     "print",
			synopsis: "print [--width N] [--style S] [--color auto|always|never] FILE...",
			summary:  []string{"render articles to stdout (plain text when piped or NO_COLOR, unless --color always)"},
			run:      runPrint,
		},
		{
			name:     "export",
			synopsis: "export FILE...",
			summary:  []string{"one JSON object per article per line"},
			run:      runExport,
		},
		{
			name:     "library",
			aliases:  []string{"lib"},
			synopsis: "library [--db PATH] [--no-refresh]",
			summary:  []string{"browse, search and read the library;", "its feeds refresh in the background"},
			usage:    "byline library [--db PATH] [--style S] [--no-refresh]",
			run:      runLibraryApp,
		},
		{
			name:     "config",
			synopsis: "config [--config PATH]",
			summary: []string{"the configuration file's path and the settings in effect, as a file",
				"to start from ($XDG_CONFIG_HOME/byline/config.toml; --config PATH for another)"},
			usage: "byline config [--config PATH]",
			run:   runConfig,
		},
		{
			name:     "help",
			synopsis: "help | --help",
			summary:  []string{"this text"},
			run:      runHelp,
		},
		{
			name:     "add",
			synopsis: "add PATH|URL...",
			summary:  []string{"import files, directories (recursively) and web pages or feeds"},
			usage:    "byline add [--db PATH] PATH|URL...",
			lib:      cmdAdd,
			creates:  true,
		},
		{
			name: "feed",
			lib:  cmdFeed,
			subs: []command{
				{name: "add", nargs: 1, synopsis: "add [--full-text] URL", summary: []string{"subscribe to an RSS/Atom feed and fetch it", "(--full-text: the whole article of every item)"}, lib: feedAdd, creates: true},
				{name: "list", synopsis: "list", summary: []string{"the subscriptions"}, lib: feedList},
				{name: "remove", nargs: 1, synopsis: "remove URL", summary: []string{"unsubscribe (the feed's articles stay)"}, lib: feedRemove},
				{name: "import", nargs: 1, synopsis: "import FILE.opml", summary: []string{"subscribe to every feed in an OPML file"}, lib: feedImport, creates: true},
				{name: "export", synopsis: "export", summary: []string{"the subscriptions as OPML on stdout"}, lib: feedExport},
			},
		},
		{
			name:     "refresh",
			synopsis: "refresh",
			summary:  []string{"fetch every feed and store the new items", "(exit 1 only when every feed failed: cron survives one dead feed)"},
			usage:    "byline refresh [--db PATH]",
			lib:      cmdRefresh,
		},
		{
			name:     "search",
			synopsis: "search QUERY...",
			summary: []string{"matching articles: title, date, source and snippet, tab-separated",
				`(filters: person:"Lloyd Austin" place:Gaza feed:"BBC News" source:... after:2024-03-01 before:... unread starred);`,
				"--limit N: at most N results (default 20; -1: all); exit 1 when none"},
			usage: "byline search [--db PATH] [--limit N] QUERY...",
			lib:   cmdSearch,
		},
		{
			// --version is a flag of the reader, so that it works after
			// other flags too; this entry gives it its help line and is
			// what "versoin" is corrected to.
			name:     "version",
			synopsis: "--version",
			summary:  []string{"the version"},
			flagOnly: true,
		},
	}
}

// lookup returns the command that name selects, or nil.
func lookup(name string) *command {
	return find(commands(), name)
}

// find returns the entry of cmds that name or one of its aliases selects,
// or nil.
func find(cmds []command, name string) *command {
	if name == "" {
		return nil
	}
	for i := range cmds {
		c := &cmds[i]
		if c.flagOnly {
			continue
		}
		if c.name == name {
			return c
		}
		for _, a := range c.aliases {
			if a == name {
				return c
			}
		}
	}
	return nil
}

// reader returns the table's reader entry, which runs when no command is
// named.
func reader() *command {
	cmds := commands()
	for i := range cmds {
		if cmds[i].name == "" {
			return &cmds[i]
		}
	}
	panic("cli: the command table has no reader")
}

// usageLine is the one-line usage c prints when misused: its usage, or
// for a command with subcommands, theirs joined ("byline feed add URL |
// list | ...").
func (c *command) usageLine() string {
	if c.usage != "" || len(c.subs) == 0 {
		return c.usage
	}
	var subs []string
	for _, s := range c.subs {
		subs = append(subs, s.synopsis)
	}
	return "byline " + c.name + " " + strings.Join(subs, " | ")
}

// createsLibrary reports whether c, given the positional arguments args,
// may create the library: for a command with subcommands, the one that
// args names decides (whether or not its arguments are right: it reports
// that itself, once the library is open).
func (c *command) createsLibrary(args []string) bool {
	if len(c.subs) == 0 {
		return c.creates
	}
	if len(args) == 0 {
		return false
	}
	s := find(c.subs, args[0])
	return s != nil && s.creates
}

// isLibrary reports whether c is a library command: one that shares the
// library flags and runs on an open library.
func (c *command) isLibrary() bool { return c.lib != nil }
