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
