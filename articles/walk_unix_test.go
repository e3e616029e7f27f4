//go:build unix

package articles

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWalkSpecialFiles checks that a directory walk skips named pipes and
// devices (a pipe would block the walk; /dev/zero never ends), that a
// device named directly is refused at once, and that a symbolic link back
// to an ancestor, given by a relative path, reports nothing twice.
func TestWalkSpecialFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Chdir(tmp)
	os.MkdirAll("r/sub", 0o755)
	os.WriteFile("r/sub/a.txt", []byte("Text.\n"), 0o644)
	if err := syscall.Mkfifo("r/fifo.txt", 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.Symlink("/dev/zero", "r/zero.txt"); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	os.Symlink(filepath.Join(tmp, "r"), "r/sub/self")
	for _, root := range []string{"r", "./r/", filepath.Join(tmp, "r")} {
		var found []string
		WalkArticles(root, func(p string) { found = append(found, filepath.ToSlash(p)) }, func(err error) { t.Error(err) })
		if len(found) != 1 || !strings.HasSuffix(found[0], "r/sub/a.txt") {
			t.Errorf("WalkArticles(%q) found %q, want only r/sub/a.txt", root, found)
		}
	}
	_, err := ReadFile("/dev/zero")
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("ReadFile(/dev/zero) = %v, want a refusal", err)
	}
}
