package lexers

import (
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// Every lexer of the set is found by its name and tokenises a line; the
// ones that include others (HTML: JavaScript and CSS; Markdown: HTML;
// Docker: Bash) find them in the set.
func TestSetTokenises(t *testing.T) {
	for _, c := range []struct{ name, code string }{
		{"go", "package main\nfunc main() { s := `x {{.Y}}` }\n"},
		{"go-html-template", "<p>{{.X}}</p>\n"},
		{"python", "def f():\n    return 1\n"},
		{"javascript", "const a = () => 1;\n"},
		{"typescript", "let a: number = 1;\n"},
		{"bash", "echo \"$HOME\"\n"},
		{"json", `{"a": [1, null]}`},
		{"yaml", "a: 1\n"},
		{"html", "<script>var a;</script><style>p{}</style>\n"},
		{"xml", "<a b=\"c\"/>\n"},
		{"css", "p { color: red; }\n"},
		{"c", "int x;\n"},
		{"cpp", "class A {};\n"},
		{"csharp", "class A {}\n"},
		{"rust", "fn main() {}\n"},
		{"sql", "SELECT 1;\n"},
		{"diff", "-a\n+b\n"},
		{"toml", "a = 1\n"},
		{"markdown", "# T\n\n<b>x</b>\n```go\nfunc f() {}\n```\n"},
		{"docker", "FROM x\nRUN echo hi\n"},
		{"makefile", "all:\n\techo hi\n"},
		{"ini", "[a]\nb=c\n"},
		{"java", "class A {}\n"},
		{"kotlin", "fun main() {}\n"},
		{"lua", "local a = 1\n"},
		{"ruby", "def a; end\n"},
		{"swift", "let a = 1\n"},
		{"text", "words\n"},
	} {
		l := Get(c.name)
		if l == nil {
			t.Errorf("no lexer %q", c.name)
			continue
		}
		it, err := l.Tokenise(nil, c.code)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got string
		kinds := 0
		for tok := it(); tok != chroma.EOF; tok = it() {
			got += tok.Value
			if tok.Type != chroma.Text && tok.Type != chroma.Error {
				kinds++
			}
		}
		if got != c.code && got != c.code+"\n" {
			t.Errorf("%s: tokens give %q, want %q", c.name, got, c.code)
		}
		if kinds == 0 && c.name != "text" {
			t.Errorf("%s: nothing highlighted in %q", c.name, c.code)
		}
	}
	if l := Get("nosuchlanguage"); l != nil {
		t.Errorf("Get(nosuchlanguage) = %s", l.Config().Name)
	}
}

// BenchmarkFirstCodeBlock is what the first code block of a process pays
// for the set: reading its configurations and compiling the Go lexer's
// rules.
func BenchmarkFirstCodeBlock(b *testing.B) {
	for b.Loop() {
		l := newRegistry().Get("go")
		it, err := l.Tokenise(nil, "func main() {}\n")
		if err != nil {
			b.Fatal(err)
		}
		for tok := it(); tok != chroma.EOF; tok = it() {
		}
	}
}
