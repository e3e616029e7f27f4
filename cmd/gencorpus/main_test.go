package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/byline/byline/articles/articlestest"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out, errs bytes.Buffer
	if code := run([]string{"-n", "25", "-seed", "3", "-per-dir", "10", "-out", dir}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	got, err := os.ReadFile(filepath.Join(dir, "002", articlestest.CorpusName(24)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, articlestest.CorpusArticle(3, 24)) {
		t.Error("file 24 differs from articlestest.CorpusArticle(3, 24)")
	}
	if code := run([]string{"-n", "5"}, &out, &errs); code != 2 {
		t.Errorf("missing -out: exit %d", code)
	}
}
