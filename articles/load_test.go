package articles

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadAllSizeHint checks that readAll reads everything whatever the
// size it was told (a file may grow or shrink between stat and read), in
// reads of any length.
func TestReadAllSizeHint(t *testing.T) {
	want := []byte(strings.Repeat("byline ", 1000))
	for _, size := range []int64{0, 1, 512, int64(len(want)) - 1, int64(len(want)), int64(len(want)) + 1, 3 * int64(len(want))} {
		got, err := readAll(bytes.NewReader(want), size)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("size %d: %d bytes, %v", size, len(got), err)
		}
		got, err = readAll(iotest.OneByteReader(bytes.NewReader(want)), size)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("one byte at a time, size %d: %d bytes, %v", size, len(got), err)
		}
	}
	if _, err := readAll(iotest.ErrReader(iotest.ErrTimeout), 10); err != iotest.ErrTimeout {
		t.Errorf("error %v, want %v", err, iotest.ErrTimeout)
	}
}
