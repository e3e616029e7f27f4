package render

import (
	"os/exec"
	"strings"
	"testing"
)

// The byline binary must not link the packages whose init registers all
// of chroma's lexers and styles (~16 ms of every start-up): glamour is
// the fork in internal/glamour, whose code blocks build a few lexers on
// first use. go list -deps is what the linker gets, so this needs no
// timing.
func TestNoHeavyChromaInit(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	out, err := exec.Command(goTool, "list", "-deps", "github.com/byline/byline").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 {
		t.Fatalf("go list -deps gave %d packages: %q", len(deps), out)
	}
	seen := map[string]bool{}
	for _, p := range deps {
		seen[p] = true
	}
	for _, p := range []string{
		"github.com/alecthomas/chroma/v2/lexers",
		"github.com/alecthomas/chroma/v2/styles",
		"github.com/alecthomas/chroma/v2/quick",
		"charm.land/glamour/v2/ansi",
	} {
		if seen[p] {
			t.Errorf("byline imports %s", p)
		}
	}
	if !seen["github.com/byline/byline/ui/render/internal/glamour/ansi"] {
		t.Error("byline does not import the glamour fork")
	}
}
