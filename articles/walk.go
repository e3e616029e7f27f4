package articles

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// WalkArticles calls found with every article file (IsArticleFile) under
// the directory root, recursively and in lexical order. Hidden files and
// directories are skipped, and so are entries that are not regular files
// (named pipes, devices, sockets: reading them could block or never end).
// Symbolic links are followed after the directory holding them, and every
// directory and file is reported once: under its own path when it is inside
// the walk, and a link back to an ancestor ends. Entries that cannot be read
// are passed to problem, and the walk goes on.
func WalkArticles(root string, found func(path string), problem func(error)) {
	NewWalker().Walk(root, found, problem)
}

// A Walker walks several paths and reports each file once across all of
// them: `byline d d/sub`, or d and ./d, list every article once.
type Walker struct {
	seen map[string]bool // real paths of the directories and files reported
	// Real makes Walk report each file by its real path (absolute, links
	// resolved) rather than by the path it was found under: a library
	// then knows a file however it is reached.
	Real bool
}

// NewWalker returns a Walker that has seen nothing yet.
func NewWalker() *Walker { return &Walker{seen: map[string]bool{}} }

// realPath is path, absolute, with its links resolved.
func realPath(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		path = r
	}
	if a, err := filepath.Abs(path); err == nil {
		path = a
	}
	return path
}

// File reports whether the file at path was not reported yet, and records
// it: a file named on the command line is one of the walk's files too.
// real is its realPath.
func (w *Walker) File(path string) (real string, isNew bool) {
	real = realPath(path)
	if w.seen[real] || w.sameAsSeen(os.Stat(path)) {
		return real, false
	}
	w.seen[real] = true
	return real, true
}

// sameAsSeen reports whether the file fi describes is one w reported under
// another name (a hard link), and records it.
func (w *Walker) sameAsSeen(fi fs.FileInfo, err error) bool {
	if err != nil {
		return false
	}
	id, ok := hardLinkID(fi)
	if !ok {
		return false
	}
	if w.seen[id] {
		return true
	}
	w.seen[id] = true
	return false
}

// Walk is WalkArticles, skipping what w has reported before.
func (w *Walker) Walk(root string, found func(path string), problem func(error)) {
	seen := w.seen
	var walk func(dir string)
	walk = func(dir string) {
		realDir := realPath(dir)
		if seen[realDir] {
			return
		}
		seen[realDir] = true
		var links []string
		// The trailing separator makes WalkDir enter dir when it is a link.
		start := dir + string(filepath.Separator)
		filepath.WalkDir(start, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problem(&Error{Source: path, Err: unwrapPath(err)})
				return nil
			}
			if path == start {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			// The real path of an entry reached without links: the real
			// path of the walk's root and the rest of the path.
			inner := filepath.Join(realDir, strings.TrimPrefix(path, start))
			switch {
			case d.IsDir():
				if seen[inner] {
					return filepath.SkipDir
				}
				seen[inner] = true
			case d.Type()&fs.ModeSymlink != 0:
				links = append(links, path)
			case d.Type().IsRegular() && IsArticleFile(d.Name()) && !seen[inner]:
				seen[inner] = true
				if w.sameAsSeen(d.Info()) {
					return nil // a hard link to a file reported already
				}
				if w.Real {
					found(inner)
				} else {
					found(path)
				}
			}
			return nil
		})
		for _, l := range links {
			st, err := os.Stat(l)
			switch {
			case err != nil:
				if IsArticleFile(l) {
					problem(&Error{Source: l, Err: unwrapPath(err)})
				}
			case st.IsDir():
				walk(l)
			case st.Mode().IsRegular() && IsArticleFile(l):
				if r := realPath(l); !seen[r] && !w.sameAsSeen(st, nil) {
					seen[r] = true
					if w.Real {
						found(r)
					} else {
						found(l)
					}
				}
			}
		}
	}
	walk(root)
}

// CheckMode returns an error for a file that byline does not read: a
// directory, a device or a socket (reading /dev/zero would never end).
// Regular files and named pipes (`byline <(curl …)`) are read, up to
// MaxFileSize.
func CheckMode(m fs.FileMode) error {
	switch {
	case m.IsDir():
		return fmt.Errorf("is a directory")
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return fmt.Errorf("not a regular file (a device)")
	case m&fs.ModeSocket != 0:
		return fmt.Errorf("not a regular file (a socket)")
	}
	return nil
}
