// Command mktable writes gazetteer.tab, the table package gazetteer
// embeds, from the lists beside it. `go generate` runs it in that
// directory; run it again after changing a list (TestTableUpToDate fails
// until then).
//
// Usage, from the repository root:
//
//	go generate ./articles/entities/gazetteer
package main

import (
	"fmt"
	"os"

	"github.com/byline/byline/articles/entities/gazetteer"
)

func main() {
	b, err := gazetteer.Build(os.DirFS("."))
	if err == nil {
		err = os.WriteFile("gazetteer.tab", b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mktable:", err)
		os.Exit(1)
	}
	fmt.Printf("gazetteer.tab: %d bytes\n", len(b))
}
