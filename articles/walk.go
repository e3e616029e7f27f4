package articles

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// WalkArticles calls found with every article file (IsArticleFile) under
// the directory root, recursively and in lexical order. Hidden files and
// directories are skipped. Symbolic links to directories are followed after
// the directory holding them, and each directory is walked once: under its
// own path when it is inside the walk, and a link back to an ancestor ends.
// Links to files are files. Entries that cannot be read are passed to
// problem, and the walk goes on.
func WalkArticles(root string, found func(path string), problem func(error)) {
	seen := map[string]bool{}
	// enter reports whether dir has not been walked yet, by its real path.
	enter := func(dir string) bool {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			real = dir
		}
		if seen[real] {
			return false
		}
		seen[real] = true
		return true
	}
	var walk func(dir string)
	walk = func(dir string) {
		if !enter(dir) {
			return
		}
		var links []string
		// The trailing separator makes WalkDir enter dir when it is a link.
		filepath.WalkDir(dir+string(filepath.Separator), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problem(&Error{Source: path, Err: unwrapPath(err)})
				return nil
			}
			if path == dir+string(filepath.Separator) {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if !enter(path) {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if st, err := os.Stat(path); err == nil && st.IsDir() {
					links = append(links, path)
					return nil
				}
			}
			if IsArticleFile(d.Name()) {
				found(path)
			}
			return nil
		})
		for _, l := range links {
			walk(l)
		}
	}
	walk(root)
}
