package corpus

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// ReadUNERFile reads a Universal NER .iob2 file; see ReadUNER.
func ReadUNERFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ReadUNER(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// ReadUNER reads the UNER format: "# newdoc" comment lines start documents,
// other comment lines are skipped, and each token line is
// INDEX<TAB>WORD<TAB>TAG<TAB>...; a blank line ends a sentence.
func ReadUNER(r io.Reader) ([]Document, error) {
	var docs []Document
	var doc Document
	var cur Sentence
	flushSent := func() {
		if len(cur.Words) > 0 {
			doc = append(doc, cur)
			cur = Sentence{}
		}
	}
	flushDoc := func() {
		flushSent()
		if len(doc) > 0 {
			docs = append(docs, doc)
			doc = nil
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		switch {
		case strings.HasPrefix(text, "# newdoc"):
			flushDoc()
		case strings.HasPrefix(text, "#"):
		case strings.TrimSpace(text) == "":
			flushSent()
		default:
			f := strings.Split(text, "\t")
			if len(f) < 3 {
				return nil, fmt.Errorf("line %d: want INDEX WORD TAG, got %q", line, text)
			}
			cur.Words = append(cur.Words, f[1])
			cur.Tags = append(cur.Tags, f[2])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}
