package model_test

import (
	"fmt"

	"github.com/byline/byline/model"
)

func ExampleArticle_Find() {
	a := &model.Article{Sections: []model.Section{
		{Paragraphs: []string{"Rafah is in Gaza. RAFAH crossing."}},
		{Heading: "Aid to Rafah", Paragraphs: []string{"Trucks waited."}},
	}}
	for _, m := range a.Find("rafah") { // lower case: ignores case
		fmt.Println(m.Section, m.Paragraph, a.Text(m.Section, m.Paragraph)[m.Start:m.End])
	}
	fmt.Println(len(a.Find("RAFAH"))) // upper case: exact
	// Output:
	// 0 0 Rafah
	// 0 0 RAFAH
	// 1 -1 Rafah
	// 1
}

func ExampleSmartCase() {
	fmt.Println(model.SmartCase("gaza"), model.SmartCase("Gaza"))
	// Output: false true
}

func ExampleArticle_DateString() {
	fmt.Printf("%q\n", (&model.Article{}).DateString())
	// Output: ""
}

func ExampleEntityType_String() {
	fmt.Println(model.Person, model.Place)
	// Output: person place
}

func ExampleArticle_Text() {
	a := &model.Article{Sections: []model.Section{{Heading: "Talks", Paragraphs: []string{"Ruto spoke in Nairobi."}}}}
	m := model.Mention{Section: 0, Paragraph: 0, Start: 14, End: 21, Text: "Nairobi"}
	fmt.Println(a.Text(m.Section, m.Paragraph)[m.Start:m.End], "|", a.Text(0, -1), "|", a.Text(3, 0) == "")
	// Output: Nairobi | Talks | true
}

func ExampleArticle_Words() {
	a := &model.Article{Sections: []model.Section{{Heading: "Two words", Paragraphs: []string{"and three more"}}}}
	fmt.Println(a.Words())
	// Output: 5
}

func ExamplePos_Less() {
	heading := model.Pos{Section: 1, Paragraph: -1}
	body := model.Pos{Section: 1, Paragraph: 0}
	fmt.Println(heading.Less(body), body.Less(heading))
	// Output: true false
}
