package cli

import (
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/byline/byline/articles"
)

// The help is in two parts: the reader's commands, then the library's.
// Their rows come from the command table; only the text around them is
// written out here.
const (
	readerHelpHead = "byline — a terminal news reader\n\nUsage:\n"
	readerHelpFoot = `
FILE may be plain text (.txt), Markdown (.md), HTML (.html) or an RSS/Atom feed (.xml);
a DIR is read recursively; a URL (https://...) is fetched; - or piped standard input
reads one article.

Keys in the reader: press ? for the full list.
`
	libraryHelpHead = "Library commands (each takes --db PATH; default $BYLINE_DB, else ~/.local/share/byline/library.db):\n"
	libraryHelpFoot = "Flags: --db PATH (every command), --config PATH (every command), --limit N (search), --workers N (add: parsing goroutines, default one per core), --full-text (feed add)\n"

	// readerColumn and libraryColumn are where each part's descriptions
	// start; a longer synopsis puts its description on the next line.
	readerColumn  = 38
	libraryColumn = 32
)

// helpText is `byline help`: both parts.
func helpText() string { return readerHelp() + "\n" + libraryHelp() }

// readerHelp is the help's first part: the commands that read articles.
func readerHelp() string {
	var b strings.Builder
	b.WriteString(readerHelpHead)
	for _, c := range commands() {
		if !c.isLibrary() {
			writeHelpRow(&b, c, "byline ", readerColumn)
		}
	}
	b.WriteString(readerHelpFoot)
	return b.String()
}

// libraryHelp is the help's second part, which a library command's --help
// prints on its own.
func libraryHelp() string {
	var b strings.Builder
	b.WriteString(libraryHelpHead)
	for _, c := range commands() {
		if !c.isLibrary() {
			continue
		}
		if len(c.subs) == 0 {
			writeHelpRow(&b, c, "byline ", libraryColumn)
		}
		for _, s := range c.subs {
			writeHelpRow(&b, s, "byline "+c.name+" ", libraryColumn)
		}
	}
	b.WriteString(libraryHelpFoot)
	return b.String()
}

// writeHelpRow writes c's help lines: prefix and synopsis, then the
// summary from column col on.
func writeHelpRow(b *strings.Builder, c command, prefix string, col int) {
	lead := "  " + prefix + c.synopsis
	indent := strings.Repeat(" ", col)
	if n := utf8.RuneCountInString(lead); n+2 <= col {
		b.WriteString(lead + indent[n:])
	} else {
		b.WriteString(lead + "\n" + indent)
	}
	for i, line := range c.summary {
		if i == 0 && len(c.aliases) > 0 {
			line = withAliases(line, c.aliases)
		}
		if i > 0 {
			b.WriteString(indent)
		}
		b.WriteString(line + "\n")
	}
}

// withAliases adds "(alias: lib)" to a summary line, before the
// punctuation that ends its clause.
func withAliases(line string, aliases []string) string {
	word := "alias"
	if len(aliases) > 1 {
		word = "aliases"
	}
	note := " (" + word + ": " + strings.Join(aliases, ", ") + ")"
	if end := strings.TrimRight(line, ";,"); end != line {
		return end + note + line[len(end):]
	}
	return line + note
}

func runHelp(_ []string, e Env) int {
	fmt.Fprint(e.Stdout, helpText())
	return 0
}

// reportMistyped reports arg, the first argument, when it looks like a
// mistyped command, and returns the exit status and true; false when it
// does not, and the reader should open it.
func reportMistyped(arg string, e Env) (int, bool) {
	cmd, ok := mistypedCommand(arg)
	if !ok {
		return 0, false
	}
	fmt.Fprintf(e.Stderr, "byline: %q is neither a command nor a file; did you mean %q?\n", articles.Sanitize(arg), cmd)
	fmt.Fprintln(e.Stderr, "Run 'byline --help' for usage.")
	return 2, true
}

// mistypedCommand reports whether arg, which is not a command, looks like a
// mistyped one ("serach") rather than a file: no such file exists, it has
// no path separator or extension, and it is one or two edits from a
// command's name (not an alias), which it returns. A flag-only entry is
// returned as its flag: "versoin" means --version.
func mistypedCommand(arg string) (string, bool) {
	if arg == "" || arg[0] == '-' || strings.ContainsAny(arg, "/.\\:") {
		return "", false
	}
	if _, err := os.Stat(arg); err == nil {
		return "", false
	}
	for _, c := range commands() {
		if c.name != "" && editDistance(arg, c.name) <= 2 && len(arg) >= 3 {
			if c.flagOnly {
				return "--" + c.name, true
			}
			return c.name, true
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
