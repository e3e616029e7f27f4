package library

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// noteFolders remembers the folders among the paths given to Import and
// names the files found under each by their path from it
// ("world/index.txt"), so that two files called
// index.txt in different folders are told apart and each folder is a
// group of the Feeds pane. A file keeps the folder it was first added
// with.
func (l *Library) noteFolders(ctx context.Context, paths []string) error {
	now := time.Now().Unix()
	for _, p := range paths {
		if isURL(p) {
			continue
		}
		dir, ok := realDir(p)
		if !ok {
			continue
		}
		if _, err := l.db.ExecContext(ctx,
			"INSERT INTO folders (path, added) VALUES (?, ?) ON CONFLICT (path) DO NOTHING", dir, now); err != nil {
			return l.wrap(err)
		}
		prefix := strings.TrimSuffix(dir, string(filepath.Separator)) + string(filepath.Separator)
		// The files under the folder are the range [prefix, prefix with its
		// last byte + 1) of the sources' unique index.
		upper := prefix[:len(prefix)-1] + string(rune(prefix[len(prefix)-1]+1))
		if _, err := l.db.ExecContext(ctx, `UPDATE sources SET folder_id = (SELECT id FROM folders WHERE path = ?),
			name = replace(substr(source, ?), ?, '/')
			WHERE source >= ? AND source < ? AND folder_id IS NULL`,
			dir, len(prefix)+1, string(filepath.Separator), prefix, upper); err != nil {
			return l.wrap(err)
		}
	}
	return nil
}

// realDir returns the real absolute path of p when it is a directory.
func realDir(p string) (string, bool) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", false
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return "", false
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return abs, true
}
