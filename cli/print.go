package cli

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/ui/render"
)

// minPrintWidth is the narrowest `byline print` wraps to: narrower, glamour
// cuts words it cannot wrap.
const minPrintWidth = 20

// runPrint is `byline print`: the articles rendered for reading, on
// standard output.
func runPrint(args []string, e Env) int {
	fs := newFlagSet("print", e)
	width := fs.Int("width", 0, "wrap width in columns (default: the terminal's, or 80)")
	style := fs.String("style", "", "glamour style (default: the configuration's, auto)")
	colorFlag := fs.String("color", "auto", "auto (colour on a terminal unless NO_COLOR or TERM=dumb), always, or never")
	pos, code, ok := parseCommand(fs, args, helpText(), e)
	if !ok {
		return code
	}
	if *style == "" {
		*style = e.Config.Style
	}
	if err := render.CheckStyle(*style); err != nil {
		fmt.Fprintf(e.Stderr, "byline print: --style: %v\n", err)
		return 2
	}
	if *width != 0 && *width < minPrintWidth {
		fmt.Fprintf(e.Stderr, "byline print: --width %d: at least %d columns, or 0 for the terminal's width\n", *width, minPrintWidth)
		return 2
	}
	color := e.StdoutTerminal && !e.NoColor && e.Term != "dumb"
	switch *colorFlag {
	case "auto":
	case "always":
		color = true
	case "never":
		color = false
	default:
		fmt.Fprintf(e.Stderr, "byline print: --color %s: give auto, always or never\n", articles.Sanitize(*colorFlag))
		return 2
	}
	if !e.GOGCSet && !e.GOMEMLIMITSet {
		// A print is one short run whose garbage dies with the process:
		// the collector waits for Run's soft memory limit, which still
		// bounds the heap. On the generated 1 MB article that saves a
		// fifth of the CPU time for 6 MB more (bench/NOTES-print.md).
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
	}
	l, ok := load(pos, e)
	if !ok {
		fmt.Fprintln(e.Stderr, "byline print: name at least one FILE (or pipe an article in)")
		return 2
	}
	return printArticles(l, *width, *style, color, e)
}

// printArticles writes the articles of l rendered for reading, separated by
// rules, in colour when color is set, wrapped to
// width columns (0: the terminal's width, at most 120, or 80), and reports
// l's problems. In colour the people and places are highlighted as in the
// app, so they are recognised first; plain text shows none, and pays
// nothing for them.
func printArticles(l articles.Loaded, width int, style string, color bool, e Env) int {
	if color {
		articles.Recognize(l.Articles)
	}
	w := width
	if w == 0 {
		// The terminal's width, coloured or not (NO_COLOR); 80 when piped.
		w = 80
		if e.StdoutTerminal && e.Width > 0 {
			w = max(min(e.Width, 120), minPrintWidth)
		}
	}
	for i, a := range l.Articles {
		out, err := render.Article(a, w, style, color)
		if err != nil {
			l.Problems = append(l.Problems, &articles.Error{Source: a.Source, Err: err})
			continue
		}
		if i > 0 {
			fmt.Fprintln(e.Stdout, strings.Repeat("─", w))
		}
		fmt.Fprint(e.Stdout, out)
	}
	return reportProblems(l.Problems, e)
}
