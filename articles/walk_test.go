package articles

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
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
	// file.txt is a.txt, found under its own name; gone.txt is broken.
	want := []string{"a.txt", "sub/b.md", "link/c.txt"}
	if !slices.Equal(found, want) {
		t.Errorf("found %q, want %q", found, want)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "gone.txt") {
		t.Errorf("problems: %v, want the broken link", problems)
	}
	// Open reports the broken link and loads the rest.
	l := Open([]string{root})
	if len(l.Articles) != 3 || len(l.Problems) != 1 {
		t.Errorf("Open: %d articles, problems %v; want 3 and the broken link", len(l.Articles), l.Problems)
	}
}

// TestOpenEachFileOnce names the same files in several ways: each is
// opened once.
func TestOpenEachFileOnce(t *testing.T) {
	tmp := t.TempDir()
	t.Chdir(tmp)
	os.MkdirAll("d/sub", 0o755)
	for _, f := range []string{"d/a.txt", "d/sub/b.txt"} {
		os.WriteFile(f, []byte("Text of "+f+".\n"), 0o644)
	}
	if err := os.Symlink("sub", "d/sublink"); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	for _, paths := range [][]string{
		{"d"},
		{"d", "./d"},
		{"d", "d/sub"},
		{"d/sub", "d"},
		{"d/a.txt", "d", "d/sub/b.txt", filepath.Join(tmp, "d")},
	} {
		l := Open(paths)
		if len(l.Articles) != 2 || len(l.Problems) != 0 {
			var srcs []string
			for _, a := range l.Articles {
				srcs = append(srcs, a.Source)
			}
			t.Errorf("Open(%q): %q, problems %v; want the 2 files once", paths, srcs, l.Problems)
		}
	}
}

// TestHardLinksOnce opens a file with two names (a hard link) once.
func TestHardLinksOnce(t *testing.T) {
	tmp := t.TempDir()
	t.Chdir(tmp)
	os.MkdirAll("d", 0o755)
	os.WriteFile("d/a.txt", []byte("Anna Berg visited Oslo.\n"), 0o644)
	os.WriteFile("d/b.txt", []byte("Karl Lund flew to Bergen.\n"), 0o644)
	if err := os.Link("d/a.txt", "d/hard.txt"); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	if l := Open([]string{"d"}); len(l.Articles) != 2 {
		t.Errorf("Open(d): %d articles, want 2 (a.txt and hard.txt are one file)", len(l.Articles))
	}
	if l := Open([]string{"d/hard.txt", "d/a.txt"}); len(l.Articles) != 1 {
		t.Errorf("Open(hard.txt, a.txt): %d articles, want 1", len(l.Articles))
	}
}
