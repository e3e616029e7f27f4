package articlestest_test

import (
	"bytes"
	"fmt"

	"github.com/byline/byline/articles/articlestest"
)

func ExampleArticle() {
	a := articlestest.Article(2000, 1)
	fmt.Println(len(a) >= 2000, bytes.HasPrefix(a, []byte("date 2024-")))
	fmt.Println(bytes.Equal(a, articlestest.Article(2000, 1)))
	// Output:
	// true true
	// true
}

func ExampleCorpusArticle() {
	for i := range 3 {
		fmt.Println(articlestest.CorpusName(i), len(articlestest.CorpusArticle(1, i)) > 1000)
	}
	// Output:
	// 000000.txt true
	// 000001.txt true
	// 000002.txt true
}
