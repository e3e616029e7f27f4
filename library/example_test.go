package library_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/byline/byline/library"
)

func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "byline-example")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "pier.txt"), []byte(
		"date 2024-08-02 The pier reopened on Friday, two years after the storm.\n\n"+
			"Advertisment\n\n"+
			"Boats From Six Countries\n\n"+
			"Tall ships arrived from Peru and Uruguay for the reopening.\n"), 0o644)

	lib, err := library.Open(ctx, filepath.Join(dir, "library.db"))
	if err != nil {
		panic(err)
	}
	defer lib.Close()
	res, err := lib.Import(ctx, []string{dir}, library.ImportOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Added, "source,", res.Articles, "article")

	results, _ := lib.Search(ctx, "tall ships after:2024-01-01", library.SearchOptions{})
	for _, r := range results {
		fmt.Println(r.Title, r.DateString())
		fmt.Println(r.Marked("[", "]"))
		a, _, _ := lib.Article(ctx, r.ID) // the body, loaded on demand
		fmt.Println(len(a.Sections), "sections")
		lib.SetPosition(ctx, r.ID, library.Position{Section: 1})
	}
	// Output:
	// 1 source, 1 article
	// The pier reopened on Friday, two years after the storm 2024-08-02
	// [Tall] [ships] arrived from Peru and Uruguay for the reopening.
	// 2 sections
}

func ExampleParseQuery() {
	q := library.ParseQuery(`person:"Lloyd Austin" place:Gaza after:2024-03-01 unread ceasefire`)
	fmt.Println(q.People, q.Places, q.After.Format("2006-01-02"), q.Unread, q.Terms[0].Text)
	// Output: [Lloyd Austin] [Gaza] 2024-03-01 true ceasefire
}

func ExamplePath() {
	os.Setenv(library.EnvDB, "")
	fmt.Println(library.Path("/tmp/mine.db"))
	// Output: /tmp/mine.db
}
