package render_test

import (
	"fmt"

	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

func ExampleArticle() {
	a := &model.Article{
		Title: "Talks in Washington",
		Sections: []model.Section{
			{Paragraphs: []string{"Plain text stays literal: *not bold*, <b>not HTML</b>."}},
			{Heading: "Next Steps", Paragraphs: []string{"1. Not a list either."}},
		},
	}
	out, err := render.Article(a, 60, "dark", false)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(out)
	// Output:
	//    Talks in Washington
	//
	//   Plain text stays literal: *not bold*, <b>not HTML</b>.
	//
	//   ## Next Steps
	//
	//   1. Not a list either.
}
