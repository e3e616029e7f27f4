package articles

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWalkArticles checks what a directory walk finds: article files in
// lexical order, hidden entries skipped, links to directories followed
// afterwards and once (a directory inside the walk under its own path, a
// link back to an ancestor ends), links to files kept.
func TestWalkArticles(t *testing.T) {
	tmp := t.TempDir()
	root, other := filepath.Join(tmp, "root"), filepath.Join(tmp, "other")
	for _, f := range []string{"root/a.txt", "root/notes.pdf", "root/.hidden/x.txt", "root/sub/b.md", "other/c.txt"} {
		p := filepath.Join(tmp, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("Text.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"root/link":        other,                        // a directory elsewhere
		"root/sub/loop":    root,                         // back to an ancestor
		"root/same":        filepath.Join(root, "sub"),   // a directory walked anyway
		"root/file.txt":    filepath.Join(root, "a.txt"), // a file
		"root/gone.txt":    filepath.Join(tmp, "missing"),
		"root/.hiddenlink": other,
	} {
		if err := os.Symlink(target, filepath.Join(tmp, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	var found []string
	var problems []error
	WalkArticles(root, func(p string) {
		rel, _ := filepath.Rel(root, p)
		found = append(found, rel)
	}, func(err error) { problems = append(problems, err) })
	want := []string{"a.txt", "file.txt", "gone.txt", "sub/b.md", "link/c.txt"}
	if !slices.Equal(found, want) {
		t.Errorf("found %q, want %q", found, want)
	}
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	// Open reports the broken link and loads the rest.
	l := Open([]string{root})
	if len(l.Articles) != 4 || len(l.Problems) != 1 {
		t.Errorf("Open: %d articles, problems %v; want 4 and the broken link", len(l.Articles), l.Problems)
	}
}
