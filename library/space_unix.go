//go:build linux || darwin || freebsd

package library

import (
	"path/filepath"
	"syscall"
)

// writable reports whether this process may write path (a file or a
// directory), as the kernel decides: a read-only file system says no even
// to root.
func writable(path string) bool {
	const wOK = 2 // W_OK
	return syscall.Access(path, wOK) == nil
}

// lowSpace is free space below which a failed write is put down to a full
// disk: SQLite needs a few pages for its journal at the least.
const lowSpace = 4 << 20

// noRoom explains a failed write to the library at path: the disk holding
// it is (nearly) full, or the process may not grow files past a size limit
// (ulimit -f); "" when neither.
func noRoom(path string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(filepath.Dir(path), &st); err == nil && int64(st.Bavail)*int64(st.Bsize) < lowSpace {
		return "no space left on the device"
	}
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err == nil && uint64(lim.Cur) < 1<<62 {
		return "the file size limit (ulimit -f) is reached"
	}
	return ""
}
