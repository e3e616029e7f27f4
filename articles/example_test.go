package articles_test

import (
	"fmt"
	"os"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

func ExampleParseText() {
	a, err := articles.ParseText("harbour.txt", []byte(
		"date 2024-08-02 The pier reopened on Friday, two years after the storm.\n\n"+
			"Advertisment\n\n"+
			"Boats From Six Countries\n\n"+
			"Tall ships arrived from Peru and Uruguay.\n"))
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.DateString())
	for _, s := range a.Sections {
		fmt.Printf("%q: %d paragraph(s)\n", s.Heading, len(s.Paragraphs))
	}
	// Output:
	// The pier reopened on Friday, two years after the storm
	// 2024-08-02
	// "": 1 paragraph(s)
	// "Boats From Six Countries": 1 paragraph(s)
}

func ExampleSanitize() {
	fmt.Printf("%q\n", articles.Sanitize("Breaking\x1b[31m news\x1b]0;owned\x07!"))
	// Output: "Breaking news!"
}

func ExampleIsDebris() {
	fmt.Println(articles.IsDebris("  ADVERTISEMENT "), articles.IsDebris("Read more"), articles.IsDebris("Read more about Gaza"))
	// Output: true true false
}

func ExampleWriteJSON() {
	a := &model.Article{
		Source:   "note.txt",
		Title:    "Talks in Nairobi",
		Sections: []model.Section{{Paragraphs: []string{"William Ruto spoke."}}},
		Entities: []model.Entity{{Name: "William Ruto", Type: model.Person, Mentions: []model.Mention{
			{Section: 0, Paragraph: 0, Start: 0, End: 12, Text: "William Ruto"},
		}}},
	}
	articles.WriteJSON(os.Stdout, a)
	// Output:
	// {"source":"note.txt","title":"Talks in Nairobi","date":"","sections":[{"heading":"","paragraphs":["William Ruto spoke."]}],"entities":[{"name":"William Ruto","type":"person","mentions":[{"section":0,"paragraph":0,"start":0,"end":12,"text":"William Ruto"}]}]}
}
