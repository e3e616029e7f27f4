package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline/byline/articles"
)

func TestGenfeed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feed.xml")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-n", "40", "-out", path}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := articles.ParseFeed("http://127.0.0.1/feed", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Articles) != 40 {
		t.Fatalf("%d articles, want 40", len(f.Articles))
	}
	links := map[string]bool{}
	for _, a := range f.Articles {
		if a.Title == "" || len(a.Sections) < 2 || a.Date.IsZero() {
			t.Errorf("item %s: title %q, %d sections, date %v", a.Source, a.Title, len(a.Sections), a.Date)
		}
		links[a.Source] = true
	}
	if len(links) != 40 {
		t.Errorf("%d distinct links, want 40", len(links))
	}
	stdout.Reset()
	if code := run([]string{"-n", "40", "-out", "-"}, &stdout, &stderr); code != 0 || !bytes.Equal(stdout.Bytes(), data) {
		t.Error("the same arguments gave other bytes")
	}
	for _, args := range [][]string{{}, {"-out", "x", "-serve", "127.0.0.1:0"}, {"-n", "-1", "-out", "x"}} {
		stderr.Reset()
		if code := run(args, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage") {
			t.Errorf("%q: exit %d, %s", args, code, stderr.String())
		}
	}
}
