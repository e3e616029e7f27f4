package entities_test

import (
	"fmt"

	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/model"
)

func ExampleRecognize() {
	a := &model.Article{
		Title: "Talks at the Pentagon",
		Sections: []model.Section{{
			Paragraphs: []string{
				"US Defense Secretary Lloyd Austin welcomed Israeli Defense Minister Yoav Gallant to Washington on Tuesday.",
				"Austin's talks with Gallant focused on Gaza.",
			},
		}},
	}
	entities.Recognize(a)
	for _, e := range a.Entities {
		fmt.Printf("%s %s:", e.Type, e.Name)
		for _, m := range e.Mentions {
			fmt.Printf(" %q@%d:%d-%d", m.Text, m.Paragraph, m.Start, m.End)
		}
		fmt.Println()
	}
	// Output:
	// place United States: "US"@0:0-2
	// person Lloyd Austin: "Lloyd Austin"@0:21-33 "Austin"@1:0-6
	// person Yoav Gallant: "Yoav Gallant"@0:68-80 "Gallant"@1:20-27
	// place Washington: "Washington"@0:84-94
	// place Gaza: "Gaza"@1:39-43
}
