package articles_test

import (
	"fmt"

	"github.com/byline/byline/articles"
)

func ExampleParseHTML() {
	page := `<html><head><title>Pier reopens</title>
<meta property="article:published_time" content="2024-08-02T09:00:00+02:00"></head>
<body><article><h1>Pier reopens</h1>
<p>The pier reopened on Friday, two years after the storm destroyed its northern end.</p>
<p>Advertisement</p>
<h2>Boats From Six Countries</h2>
<p>Tall ships arrived from Peru and Uruguay, and the harbour master welcomed their crews.</p>
</article></body></html>`
	a, err := articles.ParseHTML("pier.html", []byte(page), "")
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Title, a.DateString())
	for _, s := range a.Sections {
		fmt.Printf("%q: %d paragraph(s)\n", s.Heading, len(s.Paragraphs))
	}
	// Output:
	// Pier reopens 2024-08-02
	// "": 1 paragraph(s)
	// "Boats From Six Countries": 1 paragraph(s)
}

func ExampleParseFeed() {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Notes</title>
<item><title>Fees to rise</title><link>https://harbour.example/fees</link>
<pubDate>Tue, 30 Jul 2024 12:00:00 GMT</pubDate>
<description>&lt;p&gt;The council approved higher mooring fees.&lt;/p&gt;</description></item>
</channel></rss>`
	f, err := articles.ParseFeed("harbour.xml", []byte(feed))
	if err != nil {
		panic(err)
	}
	a := f.Articles[0]
	fmt.Println(f.Title)
	fmt.Println(a.Title, a.DateString(), a.Source)
	fmt.Println(a.Sections[0].Paragraphs[0])
	// Output:
	// Harbour Notes
	// Fees to rise 2024-07-30 https://harbour.example/fees
	// The council approved higher mooring fees.
}
