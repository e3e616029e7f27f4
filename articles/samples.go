package articles

import (
	"embed"
	"io/fs"
	"path"
)

// samples are demo articles written for byline, shown when it is run without
// arguments.
//
//go:embed samples/*.txt samples/*.md
var samples embed.FS

// Samples parses byline's built-in demo articles, in their file order,
// without recognising people and places (see Recognize). The sources are
// named "sample:FILE".
func Samples() Loaded {
	var out Loaded
	names, _ := fs.Glob(samples, "samples/*")
	for _, name := range names {
		data, err := samples.ReadFile(name)
		if err != nil {
			out.Problems = append(out.Problems, &Error{Source: name, Err: err})
			continue
		}
		as, err := Parse("sample:"+path.Base(name), data)
		if err != nil {
			out.Problems = append(out.Problems, err)
			continue
		}
		out.Articles = append(out.Articles, as...)
	}
	return out
}
