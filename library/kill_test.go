package library

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestKilledImportProcess kills (SIGKILL) a process in the middle of an
// import: SQLite's journal must leave the last committed state, consistent,
// and the next import must complete the work.
func TestKilledImportProcess(t *testing.T) {
	if dir := os.Getenv("BYLINE_TEST_KILL"); dir != "" {
		l, err := Open(context.Background(), os.Getenv(EnvDB))
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		l.Import(context.Background(), []string{dir}, ImportOptions{BatchSize: 8, Progress: func(p Progress) {
			fmt.Println("done", p.Done)
		}})
		os.Exit(0)
	}
	dir := writeCorpus(t, filepath.Join(t.TempDir(), "corpus"), 31, 400)
	path := filepath.Join(t.TempDir(), "library.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledImportProcess$")
	cmd.Env = append(os.Environ(), "BYLINE_TEST_KILL="+dir, EnvDB+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "error") {
			t.Fatal(sc.Text())
		}
		if sc.Text() == "done 40" {
			cmd.Process.Kill() // the import goes on in between: killed mid-write
			break
		}
	}
	cmd.Wait()
	ctx := context.Background()
	l, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	partial := consistency(t, l)
	if partial < 40 || partial > 400 {
		t.Fatalf("%d articles after the kill", partial)
	}
	res, err := l.Import(ctx, []string{dir}, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 400-partial || res.Unchanged != partial {
		t.Fatalf("after the kill: %+v with %d stored", res, partial)
	}
	if n := consistency(t, l); n != 400 {
		t.Fatalf("%d articles, want 400", n)
	}
}
