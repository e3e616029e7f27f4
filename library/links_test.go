package library

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestImportThroughLinks imports a folder, then a sub-folder holding a link
// to one of its files and a link back to the folder: the library knows
// the files by their real paths, so nothing is stored twice.
func TestImportThroughLinks(t *testing.T) {
	ctx := context.Background()
	l, _ := openTemp(t)
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "Anna Berg visited Oslo on Monday.\n")
	sub := filepath.Join(dir, "sub")
	os.MkdirAll(sub, 0o755)
	writeFile(t, sub, "b.txt", "Karl Lund flew to Bergen on Friday.\n")
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(sub, "link.txt")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	os.Symlink(dir, filepath.Join(sub, "loop"))
	res, err := l.Import(ctx, []string{dir}, ImportOptions{Recognize: dictRecognize})
	if err != nil || res.Added != 2 || res.Articles != 2 {
		t.Fatalf("first import: %+v, %v; want 2 files added", res, err)
	}
	for _, paths := range [][]string{{sub}, {filepath.Join(sub, "link.txt")}, {filepath.Join(sub, "loop", "sub")}} {
		res, err = l.Import(ctx, paths, ImportOptions{Recognize: dictRecognize})
		if err != nil || res.Added != 0 {
			t.Errorf("import of %q: %+v, %v; want nothing new", paths, res, err)
		}
	}
	c, err := l.Counts(ctx)
	if err != nil || c.Articles != 2 {
		t.Errorf("counts %+v, %v; want 2 articles", c, err)
	}
}
