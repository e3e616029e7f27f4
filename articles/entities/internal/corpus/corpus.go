// Package corpus reads the annotated NER corpora that the recogniser is
// trained and measured on (CoNLL-2003 and Universal NER English-EWT) and
// scores predicted spans against them.
//
// The corpora live outside the repository (../shared/ner); nothing here
// embeds or copies them.
package corpus

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/byline/byline/articles/entities/internal/tagger"
)

// Sentence is one tokenised sentence with its gold BIO tags ("O", "B-PER", ...).
type Sentence struct {
	Words []string
	Tags  []string
}

// Document is a run of sentences that belong to one story or web page.
type Document []Sentence

// Tokens returns the number of tokens in the documents.
func Tokens(docs []Document) int {
	n := 0
	for _, d := range docs {
		for _, s := range d {
			n += len(s.Words)
		}
	}
	return n
}

// FindDataDir walks up from dir to the directory holding go.mod and returns
// ../shared/ner relative to it, or $BYLINE_NER_DATA when that is set (a
// worktree elsewhere than beside the data). ok is false when no such
// directory exists.
func FindDataDir(dir string) (path string, ok bool) {
	if p := os.Getenv("BYLINE_NER_DATA"); p != "" {
		st, err := os.Stat(p)
		return p, err == nil && st.IsDir()
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(abs, "go.mod")); err == nil {
			p := filepath.Join(abs, "..", "shared", "ner")
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				return p, true
			}
			return p, false
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", false
		}
		abs = parent
	}
}

// ReadCoNLLFile reads a CoNLL-2003 file (WORD TAG 0 per line) and splits it
// into documents; see ReadCoNLL.
func ReadCoNLLFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// ReadCoNLL reads CoNLL-2003 sentences. The copy we use has no -DOCSTART-
// lines, so documents are recovered from datelines ("ROME 1996-12-06"): a
// document starts at the headline before a dateline, or two sentences
// before it when the one in between looks like a byline.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	var sents []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			if len(cur.Words) > 0 {
				sents = append(sents, cur)
				cur = Sentence{}
			}
			continue
		}
		if strings.HasPrefix(text, "-DOCSTART-") {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) < 2 {
			return nil, fmt.Errorf("line %d: want WORD TAG, got %q", line, text)
		}
		cur.Words = append(cur.Words, fields[0])
		cur.Tags = append(cur.Tags, fields[1])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(cur.Words) > 0 {
		sents = append(sents, cur)
	}
	return splitDocuments(sents), nil
}

// splitDocuments groups sentences into documents at dateline boundaries.
func splitDocuments(sents []Sentence) []Document {
	starts := []int{0}
	for i, s := range sents {
		if !tagger.IsDateline(s.Words) || i == 0 {
			continue
		}
		start := i - 1
		if start > 0 && looksLikeByline(sents[start].Words) {
			start--
		}
		if start > starts[len(starts)-1] {
			starts = append(starts, start)
		}
	}
	docs := make([]Document, 0, len(starts))
	for k, st := range starts {
		end := len(sents)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		docs = append(docs, Document(sents[st:end]))
	}
	return docs
}

// looksLikeByline reports whether words look like a reporter's name line:
// a few title-case words ("Peter Blackburn"), unlike a headline, which is
// longer or in capitals.
func looksLikeByline(words []string) bool {
	if len(words) > 4 {
		return false
	}
	for _, w := range words {
		if len(w) < 2 || !(w[0] >= 'A' && w[0] <= 'Z') || strings.ToUpper(w) == w {
			return false
		}
	}
	return true
}
