package articles

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// TestEncodings checks that text files in the encodings people still save
// them in are read as written, not shown as U+FFFD or refused as binary.
func TestEncodings(t *testing.T) {
	utf16 := func(e unicode.Endianness, s string) []byte {
		b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name   string
		source string
		data   []byte
		want   []string // in the article's text
	}{
		{"Latin-1 text", "fr.txt",
			[]byte("date 2024-05-01\n\nLe ministre Fran\xe7ois Bayrou est arriv\xe9 \xe0 Orl\xe9ans lundi.\n"),
			[]string{"François Bayrou est arrivé à Orléans"}},
		{"Windows-1252 quotes and dashes", "w.txt",
			[]byte("He said \x93no\x94 \x96 twice.\n"),
			[]string{"He said “no” – twice."}},
		{"Latin-1 Markdown", "es.md",
			[]byte("# Caf\xe9\n\nJos\xe9 N\xfa\xf1ez visited M\xe1laga.\n"),
			[]string{"Café", "José Núñez visited Málaga."}},
		{"UTF-16 little-endian with BOM", "le.txt",
			utf16(unicode.LittleEndian, "Hello from Málaga, José said.\n"),
			[]string{"Hello from Málaga, José said."}},
		{"UTF-16 big-endian with BOM", "be.txt",
			utf16(unicode.BigEndian, "Hello from Málaga, José said.\n"),
			[]string{"Hello from Málaga, José said."}},
		{"UTF-8 with one broken byte stays UTF-8", "u.txt",
			[]byte("Málaga \xff and Orléans.\n"),
			[]string{"Málaga \uFFFD and Orléans."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, err := Parse(tt.source, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			text.WriteString(as[0].Title + "\n")
			for _, s := range as[0].Sections {
				text.WriteString(s.Heading + "\n")
				for _, p := range s.Paragraphs {
					text.WriteString(p + "\n")
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(text.String(), w) {
					t.Errorf("%q not in %q", w, text.String())
				}
			}
		})
	}
	// Binary data is still refused, whatever it might decode to.
	for _, data := range [][]byte{
		[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		[]byte(strings.Repeat("\x01\x02\x83\x84\x85\x86\x87\x88\x89\x8a", 50)),
	} {
		if _, err := Parse("x.txt", data); err == nil {
			t.Errorf("Parse(%q...) accepted binary data", data[:8])
		}
	}
}
