package articlestest

// TitledSource is one source whose title names a person and a place
// that its body does not: what the title's recognition and highlighting
// are tested on.
type TitledSource struct {
	// Name is the file name; its extension says the format.
	Name string
	// Data is the source's text.
	Data []byte
	// Person and Place are the names the title holds, as written.
	Person, Place string
}

// titleBody is a lead that names neither the title's person nor its place.
const titleBody = "The talks lasted most of the afternoon and ended without a statement. " +
	"Officials said a second meeting could follow next month."

// TitledSources returns a Markdown file, an HTML page and an RSS feed of
// one item, each titled "Angela Merkel arrives in Nairobi" over a body that
// names neither.
func TitledSources() []TitledSource {
	const title = "Angela Merkel arrives in Nairobi"
	const person, place = "Angela Merkel", "Nairobi"
	return []TitledSource{
		{Name: "titled.md", Data: []byte("# " + title + "\n\n" + titleBody + "\n"), Person: person, Place: place},
		{Name: "titled.html", Data: []byte("<!DOCTYPE html><html><head><title>" + title +
			"</title></head><body><article><h1>" + title + "</h1><p>" + titleBody +
			"</p></article></body></html>\n"), Person: person, Place: place},
		{Name: "titled.xml", Data: []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>` +
			`<link>https://wire.example/</link><item><title>` + title + `</title>` +
			`<link>https://wire.example/merkel</link><description>` + titleBody + `</description></item></channel></rss>` + "\n"), Person: person, Place: place},
	}
}
