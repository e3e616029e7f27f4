package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/byline/byline/library"
)

func TestOSEnv(t *testing.T) {
	t.Setenv("BYLINE_DB", "/tmp/from-env.db")
	t.Setenv("NO_COLOR", "1")
	t.Setenv("TERM", "dumb")
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "1GiB")
	e := OSEnv()
	if e.DB != "/tmp/from-env.db" || !e.NoColor || e.Term != "dumb" || e.GOGCSet || !e.GOMEMLIMITSet {
		t.Errorf("OSEnv: %+v", e)
	}
	if e.DefaultDB != library.DefaultPath() {
		t.Errorf("DefaultDB %q, want library.DefaultPath %q", e.DefaultDB, library.DefaultPath())
	}
	if e.Stdin != os.Stdin || e.Stdout != os.Stdout || e.Stderr != os.Stderr {
		t.Error("OSEnv's streams are not the process's")
	}
	t.Setenv("NO_COLOR", "")
	t.Setenv("GOGC", "off")
	if e := OSEnv(); e.NoColor || !e.GOGCSet {
		t.Errorf("an empty NO_COLOR or a set GOGC misread: %+v", e)
	}
}

func TestLibraryPath(t *testing.T) {
	for _, tc := range []struct{ flag, env, want string }{
		{"flag.db", "env.db", "flag.db"},
		{"", "env.db", "env.db"},
		{"", "", "default.db"},
	} {
		e := Env{DB: tc.env, DefaultDB: "default.db"}
		if got := e.libraryPath(tc.flag); got != tc.want {
			t.Errorf("--db %q, $BYLINE_DB %q: %q, want %q", tc.flag, tc.env, got, tc.want)
		}
	}
}

// TestEnvironmentReadInOnePlace checks that OSEnv is the only function of
// the package that reads environment variables: every other reads them
// from the Env it is given.
func TestEnvironmentReadInOnePlace(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Name.Name == "OSEnv" && fn.Recv == nil {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "os" {
					switch sel.Sel.Name {
					case "Getenv", "LookupEnv", "Environ", "Stdin", "Stdout", "Stderr":
						t.Errorf("%s: %s reads os.%s; take it from the Env", fset.Position(sel.Pos()), fn.Name.Name, sel.Sel.Name)
					}
				}
				return true
			})
		}
	}
}

// TestRunRestoresMemoryLimit checks that Run's soft memory limit does not
// outlive it (main exits; a test goes on), and that GOMEMLIMIT is left
// alone.
func TestRunRestoresMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	runCLI(t, "", "--version")
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("memory limit %d after Run, want %d", got, before)
	}
}

// TestPrintRestoresGC checks that print's garbage collector setting does
// not outlive it (main exits; a test goes on).
func TestPrintRestoresGC(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	if r := runCLI(t, "", "print", "--width", "60", sample); r.code != 0 {
		t.Fatalf("print: %+v", r)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent %d after print, want 100", got)
	}
}
