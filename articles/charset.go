package articles

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// fromUTF16 decodes a text that starts with a UTF-16 byte-order mark
// (Windows editors save "Unicode" text so) into UTF-8; ok is false for any
// other text.
func fromUTF16(data []byte) (out []byte, ok bool) {
	if !bytes.HasPrefix(data, []byte{0xff, 0xfe}) && !bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return data, false
	}
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
	if err != nil {
		return data, false
	}
	return out, true
}

// fromLegacy decodes plain text or Markdown written in an 8-bit Western
// encoding (Latin-1 or its superset Windows-1252, as old news files and
// Windows editors write them) into UTF-8: "Orl\xe9ans" becomes "Orléans".
// A text is taken for one when it is not valid UTF-8 and holds no UTF-8
// multi-byte sequence at all; a UTF-8 text with a few broken bytes stays
// UTF-8 (those bytes are shown as U+FFFD). HTML and feeds say their
// encoding themselves and are decoded by their parsers.
func fromLegacy(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	for i := 0; i < len(data); {
		r, w := utf8.DecodeRune(data[i:])
		if w > 1 && r != utf8.RuneError {
			return data // real UTF-8 with some damage
		}
		i += w
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}
