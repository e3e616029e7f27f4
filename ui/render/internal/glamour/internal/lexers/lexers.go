// Package lexers is the small set of chroma lexers that the fork's code
// blocks are highlighted with, built on first use.
//
// chroma's own lexers package registers its ~240 lexers when the program
// starts (parsing their XML), which cost every byline process ~7 ms
// whether or not it showed any code. The XML definitions in embedded/ and
// the Go and Markdown lexers (go.go, markdown.go) are copied from chroma
// v2.14.0 (lexers/, MIT licence, see LICENSE); nothing is parsed until
// the first code block is rendered.
package lexers

import (
	"embed"
	"io/fs"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

//go:embed embedded
var embedded embed.FS

// registry holds every lexer of the set, built on the first lookup.
var registry = sync.OnceValue(newRegistry)

// newRegistry reads the configurations of the set's lexers; their rules
// are compiled by chroma when a lexer first tokenises.
func newRegistry() *chroma.LexerRegistry {
	reg := chroma.NewLexerRegistry()
	paths, err := fs.Glob(embedded, "embedded/*.xml")
	if err != nil {
		panic(err)
	}
	for _, path := range paths {
		reg.Register(chroma.MustNewXMLLexer(embedded, path))
	}
	// As in chroma, Markdown and Go HTML templates delegate to an HTML
	// lexer of their own, not the registered one.
	html := chroma.MustNewXMLLexer(embedded, "embedded/html.xml")
	textTemplate := reg.Register(goTextTemplate())
	reg.Register(goLexer(textTemplate))
	reg.Register(goHTMLTemplate(html))
	reg.Register(markdownLexer(html))
	return reg
}

// Get returns the lexer with the name, alias or file name pattern (as
// chroma's lexers.Get), or nil if the set has none.
func Get(name string) chroma.Lexer {
	return registry().Get(name)
}

// Analyse returns the lexer of the set whose analyser scores text highest,
// or nil if none claims it (as chroma's lexers.Analyse, over the set).
func Analyse(text string) chroma.Lexer {
	return registry().Analyse(text)
}

// Fallback returns chroma's fallback lexer, which reads everything as
// plain text.
func Fallback() chroma.Lexer {
	return fallback()
}

var fallback = sync.OnceValue(func() chroma.Lexer {
	return chroma.MustNewLexer(&chroma.Config{
		Name:      "fallback",
		Filenames: []string{"*"},
		Priority:  -1,
	}, plaintextRules)
})

// plaintextRules are the fallback lexer's rules (chroma's
// lexers.PlaintextRules).
func plaintextRules() chroma.Rules {
	return chroma.Rules{
		"root": []chroma.Rule{
			{Pattern: `.+`, Type: chroma.Text, Mutator: nil},
			{Pattern: `\n`, Type: chroma.Text, Mutator: nil},
		},
	}
}
