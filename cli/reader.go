package cli

import (
	"fmt"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/ui"
	"github.com/byline/byline/ui/render"
)

// runReader is `byline [FILE|DIR|URL|-]...`: the app on the articles
// named, or on the built-in samples; into a pipe, the articles as print
// writes them.
func runReader(args []string, e Env) int {
	fs := newFlagSet("byline", e)
	style := fs.String("style", "", "glamour style: auto, dark, light, dracula, tokyo-night, pink, ascii, notty (default: the configuration's, auto)")
	showVersion := fs.Bool("version", false, "print the version")
	pos, code, ok := parseCommand(fs, args, helpText(), e)
	if !ok {
		return code
	}
	if *showVersion {
		fmt.Fprintf(e.Stdout, "byline %s\n", versionString())
		return 0
	}
	opts, err := uiOptions(e, *style)
	if err != nil {
		fmt.Fprintf(e.Stderr, "byline: %s\n", render.Clean(err.Error()))
		return 2
	}
	loader := func() articles.Loaded {
		l, ok := load(pos, e)
		if !ok {
			return articles.Samples()
		}
		return l
	}
	if !e.StdoutTerminal {
		// Output into a pipe or a file (byline a.txt | less): the
		// articles as `byline print` writes them, not a screen's escapes.
		return printArticles(loader(), 0, opts.Style, false, e)
	}
	if len(pos) == 0 && !e.StdinTerminal && e.Stdin != nil {
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
	opts.Load, opts.Recognize = loader, true
	m := ui.New(opts)
	// The program runs on the process's terminal (bubbletea opens it for
	// keys when standard input is a pipe): Stdout is one here.
	_, err = tea.NewProgram(m).Run()
	mu.Lock()
	defer mu.Unlock()
	if err != nil {
		fmt.Fprintf(e.Stderr, "byline: %v\n", err)
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
