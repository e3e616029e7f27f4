package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/library"
	"github.com/byline/byline/ui"
	"github.com/byline/byline/ui/render"
)

// version is byline's release; builds from a module download report the
// module version instead.
const version = "0.1.0"

// env is what a command may touch of the process, so that tests can run
// commands without a terminal.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

const usage = `byline — a terminal news reader

Usage:
  byline [--style S] [FILE|DIR|-]...  read articles; with no arguments, the built-in samples
                                      (printed as by print when the output is not a terminal)
  byline print [--width N] [--style S] FILE...
                                      render articles to stdout (plain text when piped or NO_COLOR)
  byline export FILE...               one JSON object per article per line
  byline library [--db PATH] [--no-refresh]
                                      browse, search and read the library (alias: lib);
                                      its feeds refresh in the background
  byline help | --help                this text
  byline --version                    the version

FILE may be plain text (.txt), Markdown (.md), HTML (.html) or an RSS/Atom feed (.xml);
a DIR is read recursively; a URL (https://...) is fetched; - or piped standard input
reads one article.

Keys in the reader: press ? for the full list.
`

func run(args []string, e env) int {
	if len(args) > 0 {
		switch args[0] {
		case "print":
			return runPrint(args[1:], e)
		case "export":
			return runExport(args[1:], e)
		case "library", "lib":
			return runLibraryApp(args[1:], e)
		case "help":
			fmt.Fprint(e.stdout, usage+"\n"+libraryUsage)
			return 0
		}
		if handled, code := runLibrary(args[0], args[1:], e.stdin, e.stdout, e.stderr); handled {
			return code
		}
		if cmd, ok := mistypedCommand(args[0]); ok {
			fmt.Fprintf(e.stderr, "byline: %q is neither a command nor a file; did you mean %q?\n", articles.Sanitize(args[0]), cmd)
			fmt.Fprintln(e.stderr, "Run 'byline --help' for usage.")
			return 2
		}
	}
	return runReader(args, e)
}

// commands are byline's subcommands.
var commands = []string{"print", "export", "library", "help", "add", "feed", "refresh", "search", "version"}

// mistypedCommand reports whether arg, which is not a command, looks like a
// mistyped one ("serach") rather than a file: no such file exists, it has
// no path separator or extension, and it is one or two edits from a
// command, which it returns. "version" means --version.
func mistypedCommand(arg string) (string, bool) {
	if arg == "" || arg[0] == '-' || strings.ContainsAny(arg, "/.\\:") {
		return "", false
	}
	if _, err := os.Stat(arg); err == nil {
		return "", false
	}
	for _, c := range commands {
		if editDistance(arg, c) <= 2 && len(arg) >= 3 {
			if c == "version" {
				c = "--version"
			}
			return c, true
		}
	}
	return "", false
}

// editDistance is the Levenshtein distance between a and b (bytes).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
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

func newFlagSet(name string, e env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {} // parseCommand prints the usage where it belongs
	return fs
}

// parseCommand parses a command's flags and positional arguments. For
// --help it prints the usage on stdout and returns ok=false with code 0;
// for a bad flag (which the flag package has reported on stderr) it points
// at --help and returns code 2.
func parseCommand(fs *flag.FlagSet, args []string, help string, e env) (pos []string, code int, ok bool) {
	pos, err := parseFlags(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(e.stdout, help)
		return nil, 0, false
	case err != nil:
		fmt.Fprintln(e.stderr, "Run 'byline --help' for usage.")
		return nil, 2, false
	}
	return pos, 0, true
}

func versionString() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}

// isTerminal reports whether f is a terminal.
func isTerminal(f any) bool {
	if fd, ok := f.(interface{ Fd() uintptr }); ok {
		return term.IsTerminal(fd.Fd())
	}
	return false
}

// load reads and parses the articles named by args: "-" is standard input,
// a URL is fetched, anything else is a file or directory. With no args it
// reads piped standard input, or returns ok=false when standard input is a
// terminal. People and places are not yet recognised: the app does that in
// the background, print and export call articles.Recognize.
func load(args []string, e env) (l articles.Loaded, ok bool) {
	if len(args) == 0 {
		if isTerminal(e.stdin) || e.stdin == nil {
			return l, false
		}
		args = []string{"-"}
	}
	var paths []string
	flush := func() {
		if len(paths) > 0 {
			got := articles.Open(paths)
			l.Articles = append(l.Articles, got.Articles...)
			l.Problems = append(l.Problems, got.Problems...)
			paths = nil
		}
	}
	usedStdin := false
	for _, a := range args {
		if isURL(a) {
			flush()
			as, err := fetch.New(fetch.Options{Version: versionString()}).ParseURL(context.Background(), a)
			if err != nil {
				l.Problems = append(l.Problems, err)
			}
			l.Articles = append(l.Articles, as...)
			continue
		}
		if a != "-" {
			paths = append(paths, a)
			continue
		}
		flush()
		if usedStdin {
			continue
		}
		usedStdin = true
		as, err := articles.ParseReader("-", e.stdin)
		if err != nil {
			l.Problems = append(l.Problems, err)
		}
		l.Articles = append(l.Articles, as...)
	}
	flush()
	if len(l.Articles) == 0 && len(l.Problems) == 0 {
		// An empty directory, or one with no file byline reads.
		l.Problems = append(l.Problems, fmt.Errorf("%s: no articles found (byline reads .txt, .md, .html and .xml files)", strings.Join(args, ", ")))
	}
	return l, true
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// reportProblems prints each problem on stderr and returns the exit code:
// 1 when there was any.
func reportProblems(problems []error, e env) int {
	for _, err := range problems {
		fmt.Fprintf(e.stderr, "byline: %s\n", articles.Sanitize(err.Error()))
	}
	if len(problems) > 0 {
		return 1
	}
	return 0
}

func runReader(args []string, e env) int {
	fs := newFlagSet("byline", e)
	style := fs.String("style", "auto", "glamour style: auto, dark, light, dracula, tokyo-night, pink, ascii, notty")
	showVersion := fs.Bool("version", false, "print the version")
	pos, code, ok := parseCommand(fs, args, usage+"\n"+libraryUsage, e)
	if !ok {
		return code
	}
	if *showVersion {
		fmt.Fprintf(e.stdout, "byline %s\n", versionString())
		return 0
	}
	if err := render.CheckStyle(*style); err != nil {
		fmt.Fprintf(e.stderr, "byline: --style: %v\n", err)
		return 2
	}
	loader := func() articles.Loaded {
		l, ok := load(pos, e)
		if !ok {
			return articles.Samples()
		}
		return l
	}
	if !isTerminal(e.stdout) {
		// Output into a pipe or a file (byline a.txt | less): the
		// articles as `byline print` writes them, not a screen's escapes.
		l := loader()
		articles.Recognize(l.Articles)
		return printArticles(l, 0, *style, e)
	}
	if len(pos) == 0 && !isTerminal(e.stdin) && e.stdin != nil {
		// Read piped input now: the program takes the terminal for keys.
		l, _ := load(nil, e)
		loader = func() articles.Loaded { return l }
	}
	// The app loads in the background; keep what it loaded, to report on
	// exit when nothing could be opened.
	var (
		mu     sync.Mutex
		loaded *articles.Loaded
	)
	inner := loader
	loader = func() articles.Loaded {
		l := inner()
		mu.Lock()
		loaded = &l
		mu.Unlock()
		return l
	}
	m := ui.New(ui.Options{Load: loader, Recognize: true, Style: *style, Version: versionString()})
	_, err := tea.NewProgram(m).Run()
	mu.Lock()
	defer mu.Unlock()
	if err != nil {
		fmt.Fprintf(e.stderr, "byline: %v\n", err)
		if loaded == nil && len(pos) > 0 {
			l, _ := load(pos, e) // say what was wrong with the files too
			reportProblems(l.Problems, e)
		}
		return 1
	}
	if loaded != nil && len(loaded.Problems) > 0 {
		// The whole list, on the terminal once the screen is gone: the
		// app's problems pane may show only the first few.
		return reportProblems(loaded.Problems, e)
	}
	return 0
}

// minPrintWidth is the narrowest `byline print` wraps to: narrower, glamour
// cuts words it cannot wrap.
const minPrintWidth = 20

func runPrint(args []string, e env) int {
	fs := newFlagSet("print", e)
	width := fs.Int("width", 0, "wrap width in columns (default: the terminal's, or 80)")
	style := fs.String("style", "auto", "glamour style")
	pos, code, ok := parseCommand(fs, args, usage+"\n"+libraryUsage, e)
	if !ok {
		return code
	}
	if err := render.CheckStyle(*style); err != nil {
		fmt.Fprintf(e.stderr, "byline print: --style: %v\n", err)
		return 2
	}
	if *width != 0 && *width < minPrintWidth {
		fmt.Fprintf(e.stderr, "byline print: --width %d: at least %d columns, or 0 for the terminal's width\n", *width, minPrintWidth)
		return 2
	}
	l, ok := load(pos, e)
	if !ok {
		fmt.Fprintln(e.stderr, "byline print: name at least one FILE (or pipe an article in)")
		return 2
	}
	articles.Recognize(l.Articles)
	return printArticles(l, *width, *style, e)
}

// printArticles writes the articles of l rendered for reading, separated by
// rules, in colour on a terminal (unless NO_COLOR), wrapped to width
// columns (0: the terminal's width, at most 120, or 80), and reports l's
// problems.
func printArticles(l articles.Loaded, width int, style string, e env) int {
	color := isTerminal(e.stdout) && e.getenv("NO_COLOR") == "" && e.getenv("TERM") != "dumb"
	w := width
	if w == 0 {
		// The terminal's width, coloured or not (NO_COLOR); 80 when piped.
		w = 80
		if f, ok := e.stdout.(*os.File); ok && isTerminal(e.stdout) {
			if tw, _, err := term.GetSize(f.Fd()); err == nil && tw > 0 {
				w = max(min(tw, 120), minPrintWidth)
			}
		}
	}
	for i, a := range l.Articles {
		out, err := render.Article(a, w, style, color)
		if err != nil {
			l.Problems = append(l.Problems, &articles.Error{Source: a.Source, Err: err})
			continue
		}
		if i > 0 {
			fmt.Fprintln(e.stdout, strings.Repeat("─", w))
		}
		fmt.Fprint(e.stdout, out)
	}
	return reportProblems(l.Problems, e)
}

func runExport(args []string, e env) int {
	fs := newFlagSet("export", e)
	pos, code, ok := parseCommand(fs, args, usage+"\n"+libraryUsage, e)
	if !ok {
		return code
	}
	l, ok := load(pos, e)
	if !ok {
		fmt.Fprintln(e.stderr, "byline export: name at least one FILE (or pipe an article in)")
		return 2
	}
	articles.Recognize(l.Articles)
	for _, a := range l.Articles {
		if err := articles.WriteJSON(e.stdout, a); err != nil {
			l.Problems = append(l.Problems, &articles.Error{Source: a.Source, Err: err})
		}
	}
	return reportProblems(l.Problems, e)
}

// runLibraryApp opens the app on the library.
func runLibraryApp(args []string, e env) int {
	opts, code := libraryAppOptions(args, e)
	if opts.Library == nil {
		return code
	}
	if !isTerminal(e.stdout) {
		opts.Library.Close()
		fmt.Fprintln(e.stderr, "byline library: the output is not a terminal; from scripts, use byline search (byline search --limit -1 unread lists the unread articles)")
		return 1
	}
	defer opts.Library.Close()
	final, err := tea.NewProgram(ui.New(opts)).Run()
	if err != nil {
		fmt.Fprintf(e.stderr, "byline: %v\n", err)
		return 1
	}
	// Feeds that failed, all of them: the warnings pane may show a few.
	for _, w := range ui.Warnings(final) {
		fmt.Fprintf(e.stderr, "byline: warning: %s\n", articles.Sanitize(w))
	}
	return 0
}

// libraryAppOptions parses `byline library`'s flags and opens the library
// (--db, else $BYLINE_DB, else the default file). Without a library in
// the options, code is the exit status.
func libraryAppOptions(args []string, e env) (opts ui.Options, code int) {
	fs := newFlagSet("library", e)
	db := fs.String("db", "", "library file (default $BYLINE_DB, else ~/.local/share/byline/library.db)")
	style := fs.String("style", "auto", "glamour style")
	noRefresh := fs.Bool("no-refresh", false, "do not refresh the feeds")
	pos, code, ok := parseCommand(fs, args, usage+"\n"+libraryUsage, e)
	if !ok {
		return opts, code
	}
	if len(pos) > 0 {
		fmt.Fprintln(e.stderr, "usage: byline library [--db PATH] [--style S] [--no-refresh]")
		return opts, 2
	}
	if err := render.CheckStyle(*style); err != nil {
		fmt.Fprintf(e.stderr, "byline: --style: %v\n", err)
		return opts, 2
	}
	path := *db
	if path == "" && e.getenv != nil {
		path = e.getenv(library.EnvDB)
	}
	path = library.Path(path)
	if err := mustExist(path); err != nil {
		fmt.Fprintln(e.stderr, "byline:", articles.Sanitize(err.Error()))
		return opts, 1
	}
	lib, err := library.Open(context.Background(), path)
	if err != nil {
		fmt.Fprintln(e.stderr, "byline:", articles.Sanitize(err.Error()))
		return opts, 1
	}
	opts = ui.Options{Library: lib, Style: *style, Version: versionString()}
	if !*noRefresh {
		opts.Fetch = fetch.New(fetch.Options{Version: versionString()})
	}
	return opts, 0
}
