package library

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// TestConcurrentHandles imports into one file from two Library handles at
// once while a third marks articles read: WAL and the busy timeout must
// serialise the writers without errors or lost work.
func TestConcurrentHandles(t *testing.T) {
	ctx := context.Background()
	_, path := openTemp(t)
	dirs := []string{
		writeCorpus(t, filepath.Join(t.TempDir(), "a"), 11, 120),
		writeCorpus(t, filepath.Join(t.TempDir(), "b"), 12, 120),
	}
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	for _, dir := range dirs {
		wg.Go(func() {
			l, err := Open(ctx, path)
			if err != nil {
				errs <- err
				return
			}
			defer l.Close()
			_, err = l.Import(ctx, []string{dir}, ImportOptions{BatchSize: 8})
			errs <- err
		})
	}
	wg.Go(func() {
		l, err := Open(ctx, path)
		if err != nil {
			errs <- err
			return
		}
		defer l.Close()
		for range 50 {
			es, err := l.List(ctx, 0, 5)
			if err != nil {
				errs <- err
				return
			}
			for _, e := range es {
				if _, err := l.ToggleStarred(ctx, e.ID); err != nil {
					errs <- err
					return
				}
			}
		}
		errs <- nil
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	l, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if n := consistency(t, l); n != 240 {
		t.Fatalf("%d articles, want 240", n)
	}
}

// TestConcurrentProcesses runs two byline-like processes (this test binary
// re-executed) importing into the same new library at once.
func TestConcurrentProcesses(t *testing.T) {
	if dir := os.Getenv("BYLINE_TEST_IMPORT"); dir != "" {
		l, err := Open(context.Background(), os.Getenv(EnvDB))
		if err == nil {
			_, err = l.Import(context.Background(), []string{dir}, ImportOptions{BatchSize: 8})
			l.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	path := filepath.Join(t.TempDir(), "library.db")
	var cmds []*exec.Cmd
	for i := range 2 {
		dir := writeCorpus(t, filepath.Join(t.TempDir(), fmt.Sprint(i)), uint64(20+i), 100)
		cmd := exec.Command(os.Args[0], "-test.run=^TestConcurrentProcesses$")
		cmd.Env = append(os.Environ(), "BYLINE_TEST_IMPORT="+dir, EnvDB+"="+path)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("import process: %v", err)
		}
	}
	l, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if n := consistency(t, l); n != 200 {
		t.Fatalf("%d articles, want 200", n)
	}
}
