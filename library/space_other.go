//go:build !(linux || darwin || freebsd)

package library

// writable reports whether this process may write path; where it cannot
// be asked, SQLite finds out on the first write.
func writable(string) bool { return true }

// noRoom explains a failed write; where it cannot be asked, "".
func noRoom(string) string { return "" }
