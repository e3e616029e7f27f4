//go:build !unix

package articles

import "io/fs"

// hardLinkID reports no identity where file systems do not expose inodes:
// hard links are then opened once per name.
func hardLinkID(fs.FileInfo) (string, bool) { return "", false }
