//go:build unix

package articles

import (
	"fmt"
	"io/fs"
	"syscall"
)

// hardLinkID names the file fi describes when other names (hard links) may
// lead to it too: its device and inode; ok is false for a file with one name.
func hardLinkID(fi fs.FileInfo) (id string, ok bool) {
	st, isStat := fi.Sys().(*syscall.Stat_t)
	if !isStat || st.Nlink < 2 {
		return "", false
	}
	return fmt.Sprintf("inode %d:%d", st.Dev, st.Ino), true
}
