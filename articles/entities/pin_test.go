package entities_test

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/articlestest"
	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/model"
)

var update = flag.Bool("update", false, "rewrite testdata/pinned.txt from the recogniser's output")

// pinnedInput is one text whose recognised entities are pinned.
type pinnedInput struct {
	name string
	data []byte
}

// pinnedInputs returns the texts of the pin: the parser's fixtures, the
// generated articles of both shapes and, when it is there, the reference
// article.
func pinnedInputs(tb testing.TB) []pinnedInput {
	var in []pinnedInput
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no fixtures in ../testdata: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		in = append(in, pinnedInput{"testdata/" + filepath.Base(f), data})
	}
	for _, size := range []int{4 << 10, 64 << 10} {
		for seed := uint64(0); seed < 4; seed++ {
			in = append(in, pinnedInput{fmt.Sprintf("Article(%d,%d)", size, seed), articlestest.Article(size, seed)})
		}
	}
	in = append(in, pinnedInput{"Article(1048576,0)", articlestest.Article(1<<20, 0)})
	for i := range 200 {
		in = append(in, pinnedInput{fmt.Sprintf("CorpusArticle(1,%d)", i), articlestest.CorpusArticle(1, i)})
	}
	return in
}

// dump writes every entity of as and every mention, with its offsets.
func dump(as []*model.Article) string {
	var b strings.Builder
	for _, a := range as {
		fmt.Fprintf(&b, "article %q\n", a.Title)
		for _, e := range a.Entities {
			fmt.Fprintf(&b, "%v %q\n", e.Type, e.Name)
			for _, m := range e.Mentions {
				fmt.Fprintf(&b, "\t%d %d %d %d %q\n", m.Section, m.Paragraph, m.Start, m.End, m.Text)
			}
		}
	}
	return b.String()
}

// TestPinnedOutput checks that the recogniser finds exactly the entities
// and mentions it found when testdata/pinned.txt was written (before the
// tables were laid out at build time): a change of representation must not
// change one byte of the output. Regenerate with -update only for a change
// meant to change what is recognised.
func TestPinnedOutput(t *testing.T) {
	var got strings.Builder
	for _, in := range pinnedInputs(t) {
		as, err := articles.Parse(in.name+".txt", in.data)
		if err != nil {
			fmt.Fprintf(&got, "%s error\n", in.name)
			continue
		}
		n := 0
		for _, a := range as {
			entities.Recognize(a)
			for _, e := range a.Entities {
				n += len(e.Mentions)
			}
		}
		h := sha256.Sum256([]byte(dump(as)))
		fmt.Fprintf(&got, "%s %d mentions %s\n", in.name, n, hex.EncodeToString(h[:]))
	}
	golden := filepath.Join("testdata", "pinned.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	// Compared by input: a fixture added to ../testdata after the pin was
	// made is reported, not failed, until -update pins it.
	pinned := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
		name, _, _ := strings.Cut(line, " ")
		pinned[name] = line
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(got.String()), "\n") {
		name, _, _ := strings.Cut(line, " ")
		seen[name] = true
		w, ok := pinned[name]
		switch {
		case !ok:
			t.Logf("%s is not pinned yet (go test -run TestPinnedOutput ./articles/entities/ -args -update)", name)
		case w != line:
			t.Errorf("got  %s\nwant %s", line, w)
		}
	}
	for name := range pinned {
		if !seen[name] {
			t.Errorf("pinned input %s is gone", name)
		}
	}
}

// TestPinnedSample pins the reference article's entities in full, when it
// is there.
func TestPinnedSample(t *testing.T) {
	a := readSample(t)
	entities.Recognize(a)
	got := dump([]*model.Article{a})
	golden := filepath.Join("testdata", "sample.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("reference article's entities changed:\n%s\nwant:\n%s", got, want)
	}
}
