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
	// {"source":"note.txt","url":"","title":"Talks in Nairobi","date":"","author":"","feed":"","sections":[{"heading":"","paragraphs":["William Ruto spoke."]}],"entities":[{"name":"William Ruto","type":"person","mentions":[{"section":0,"paragraph":0,"start":0,"end":12,"text":"William Ruto"}]}],"links":[]}
}

func ExampleParse() {
	// The format follows the source's extension: here Markdown.
	as, err := articles.Parse("notes.md", []byte("# Glasgow library reopens\n\nThe reading room is back.\n\n## A Ceiling Saved\n\nConservators spent **18 months** on it.\n"))
	if err != nil {
		panic(err)
	}
	a := as[0]
	fmt.Println(a.Title)
	fmt.Println(a.Sections[1].Heading, "|", a.Sections[1].Paragraphs[0])
	// Output:
	// Glasgow library reopens
	// A Ceiling Saved | Conservators spent **18 months** on it.
}

func ExampleParse_binary() {
	_, err := articles.Parse("photo.txt", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d})
	fmt.Println(err)
	// Output: photo.txt: not a text article (binary data)
}

func ExampleIsHeading() {
	for _, line := range []string{"Urging for Precision and Protection", "He declined to comment.", "\"We will not back down\""} {
		fmt.Println(articles.IsHeading(line))
	}
	// Output:
	// true
	// false
	// false
}

func ExampleDeriveTitle() {
	a := &model.Article{Sections: []model.Section{{Paragraphs: []string{
		"Engineers in Bengaluru celebrated on Monday night after a small lunar rover built by students sent its first photographs.",
	}}}}
	fmt.Println(articles.DeriveTitle(a))
	// Output: Engineers in Bengaluru celebrated on Monday night
}

func ExampleIsArticleFile() {
	fmt.Println(articles.IsArticleFile("story.TXT"), articles.IsArticleFile("feed.xml"), articles.IsArticleFile("photo.png"))
	// Output: true true false
}

func ExampleLoad() {
	l := articles.Load([]string{"testdata/unicode.txt", "testdata/binary.txt"})
	for _, a := range l.Articles {
		fmt.Println(a.DateString(), a.Sections[1].Heading)
	}
	for _, err := range l.Problems {
		fmt.Println("problem:", err)
	}
	// Output:
	// 2022-12-01 Über den Fluss
	// problem: testdata/binary.txt: not a text article (binary data)
}

func ExampleSamples() {
	l := articles.Samples()
	fmt.Println(len(l.Articles), len(l.Problems))
	fmt.Println(l.Articles[0].Source)
	// Output:
	// 4 0
	// sample:01_river_treaty.txt
}
