package articles

import (
	"bytes"
	"strings"
)

// splitFeed finds the items of an RSS 2.0 feed (rss > channel > item),
// an RSS 1.0 one (RDF > item) or an Atom one (feed > entry) with a
// streaming scan of the markup: the byte ranges of the items, in order,
// each from its start tag to the end of its end tag. Comments, CDATA
// sections, processing instructions and quoted attribute values are
// skipped as XML skips them, so a "<item>" inside one is not an item.
//
// ok is false when the document is not one whose items can be parsed
// apart and give what the whole parse gives: another root, a DOCTYPE with
// an internal subset (its entities would be needed everywhere), markup
// that does not close, prefixed item names, or anything but white space
// between two items. The caller then parses the whole document.
//
// name is the items' element name: "item" or "entry".
func splitFeed(data []byte) (items [][2]int, name string, ok bool) {
	depth := 0
	itemName, itemDepth := "", -1
	start := -1 // the open item's start, or -1
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := data[i:]
		var end int // the index after the construct at i
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end = indexAfter(rest, "-->", 4)
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			end = indexAfter(rest, "]]>", 9)
		case bytes.HasPrefix(rest, []byte("<?")):
			end = indexAfter(rest, "?>", 2)
		case bytes.HasPrefix(rest, []byte("<!")):
			if depth != 0 {
				return nil, "", false
			}
			end = indexAfter(rest, ">", 2)
			if end < 0 || bytes.IndexByte(rest[:end], '[') >= 0 {
				return nil, "", false
			}
		case bytes.HasPrefix(rest, []byte("</")):
			end = indexAfter(rest, ">", 2)
			if end < 0 || depth == 0 {
				return nil, "", false
			}
			if depth--; depth == itemDepth && start >= 0 {
				items = append(items, [2]int{start, i + end})
				start = -1
			}
		default:
			end = tagEnd(rest)
			if end < 0 {
				return nil, "", false
			}
			name := tagName(rest)
			selfClosing := rest[end-2] == '/'
			switch {
			case depth == 0 && itemDepth >= 0:
				return nil, "", false // a second root
			case depth == 0:
				switch localName(name) {
				case "rss":
					itemName, itemDepth = "item", 2
				case "RDF":
					itemName, itemDepth = "item", 1
				case "feed":
					itemName, itemDepth = "entry", 1
				default:
					return nil, "", false
				}
			case depth == itemDepth && localName(name) == itemName:
				if name != itemName {
					return nil, "", false
				}
				if selfClosing {
					items = append(items, [2]int{i, i + end})
				} else {
					start = i
				}
			}
			if !selfClosing {
				depth++
			}
		}
		if end < 0 {
			return nil, "", false
		}
		i += end
	}
	if depth != 0 || itemDepth < 0 || len(items) == 0 {
		return nil, "", false
	}
	for k := 1; k < len(items); k++ {
		if len(bytes.TrimLeft(data[items[k-1][1]:items[k][0]], " \t\r\n")) != 0 {
			return nil, "", false
		}
	}
	return items, itemName, true
}

// indexAfter returns the index just after the first close in b at or
// after from, or -1.
func indexAfter(b []byte, close string, from int) int {
	if from > len(b) {
		return -1
	}
	k := bytes.Index(b[from:], []byte(close))
	if k < 0 {
		return -1
	}
	return from + k + len(close)
}

// tagEnd returns the index after the '>' that ends the start tag at the
// beginning of b, outside quoted attribute values, or -1.
func tagEnd(b []byte) int {
	var quote byte
	for k := 1; k < len(b); k++ {
		switch c := b[k]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return k + 1
		}
	}
	return -1
}

// tagName returns the name of the tag at the beginning of b.
func tagName(b []byte) string {
	k := 1
	for k < len(b) && !strings.ContainsRune(" \t\r\n/>", rune(b[k])) {
		k++
	}
	return string(b[1:k])
}

// localName is name without its namespace prefix.
func localName(name string) string {
	return name[strings.IndexByte(name, ':')+1:]
}
