package articles

// DropXMLControls removes from an XML document (a feed, an OPML file) the
// control characters XML forbids, as bytes or as character references,
// with the terminal sequence an ESC starts: Go's XML decoder stops at the
// first one, which would lose the whole document for one bad title. What
// is left is sanitised where it is shown, like all text.
func DropXMLControls(data []byte) []byte { return dropXMLControls(data) }
