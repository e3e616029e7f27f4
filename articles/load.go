package articles

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/model"
)

// MaxFileSize is the largest source byline reads; larger files are refused
// with a clear error rather than exhausting memory.
const MaxFileSize = 64 << 20

// Parse turns one source's bytes into articles, choosing the format from the
// source's extension and, failing that, its content. A feed gives one article
// per item; every other format gives one. People and places are not yet
// recognised: see Recognize and Load.
//
// Text in UTF-16 with a byte-order mark is decoded, and plain text or
// Markdown that is not UTF-8 is read as Latin-1/Windows-1252 (fromLegacy).
func Parse(source string, data []byte) ([]*model.Article, error) {
	data, _ = fromUTF16(data)
	if f := formatOf(source, data); f == "txt" || f == "md" {
		data = fromLegacy(data)
	}
	if looksBinary(data) {
		return nil, &Error{Source: source, Err: ErrBinary}
	}
	one := func(a *model.Article, err error) ([]*model.Article, error) {
		if err != nil {
			return nil, err
		}
		return []*model.Article{a}, nil
	}
	switch formatOf(source, data) {
	case "md":
		return one(ParseMarkdown(source, data))
	case "html":
		return one(parseHTML(source, data))
	case "feed":
		return parseFeed(source, data)
	case "txt":
		return one(ParseText(source, data))
	}
	return nil, &Error{Source: source, Err: ErrFormat}
}

// formatOf names the parser for a source: "txt", "md", "html", "feed" or "".
func formatOf(source string, data []byte) string {
	switch strings.ToLower(filepath.Ext(source)) {
	case ".md", ".markdown":
		return "md"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".xml", ".rss", ".atom":
		return "feed"
	case ".txt", ".text", "":
	default:
		if !isSniffable(source) {
			return ""
		}
	}
	head := bytes.TrimSpace(data[:min(len(data), 1024)])
	lower := bytes.ToLower(head[:min(len(head), len("<!doctype html"))]) // the longest prefix asked about
	switch {
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")):
		return "html"
	case bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<rss")) || bytes.HasPrefix(lower, []byte("<feed")):
		return "feed"
	case bytes.HasPrefix(head, []byte("# ")) || bytes.HasPrefix(head, []byte("---\n")):
		if strings.ToLower(filepath.Ext(source)) == "" {
			return "md"
		}
	}
	return "txt"
}

// isSniffable reports whether a source without a known extension may still
// be read by looking at its content: standard input and URLs.
func isSniffable(source string) bool {
	return source == "-" || strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://")
}

// Recognize finds the people and places in each article.
func Recognize(as []*model.Article) {
	for _, a := range as {
		entities.Recognize(a)
	}
}

// ReadFile reads, parses and recognises one file.
func ReadFile(path string) ([]*model.Article, error) {
	as, err := ParseFile(path)
	Recognize(as)
	return as, err
}

// ParseFile reads and parses one file without recognising people and
// places, for callers that recognise later (the app does it in the
// background so that a long article shows at once).
func ParseFile(path string) ([]*model.Article, error) {
	data, err := ReadSource(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// ReadReader reads, parses and recognises one article from r (standard
// input), named source.
func ReadReader(source string, r io.Reader) ([]*model.Article, error) {
	as, err := ParseReader(source, r)
	Recognize(as)
	return as, err
}

// ParseReader is ReadReader without recognising people and places.
func ParseReader(source string, r io.Reader) ([]*model.Article, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &Error{Source: source, Err: err}
	}
	if len(data) > MaxFileSize {
		return nil, &Error{Source: source, Err: fmt.Errorf("larger than %d MB", MaxFileSize>>20)}
	}
	return Parse(source, data)
}

// ReadSource reads the file at path for parsing: at most MaxFileSize
// bytes, named pipes included, devices and directories refused
// (CheckMode). Its errors are *Error, naming path.
func ReadSource(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Source: path, Err: unwrapPath(err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Error{Source: path, Err: unwrapPath(err)}
	}
	if err := CheckMode(st.Mode()); err != nil {
		return nil, &Error{Source: path, Err: err}
	}
	if st.Size() > MaxFileSize {
		return nil, &Error{Source: path, Err: fmt.Errorf("larger than %d MB", MaxFileSize>>20)}
	}
	// A named pipe has no size: the limit holds while reading.
	data, err := readAll(io.LimitReader(f, MaxFileSize+1), st.Size())
	if err != nil {
		return nil, &Error{Source: path, Err: unwrapPath(err)}
	}
	if len(data) > MaxFileSize {
		return nil, &Error{Source: path, Err: fmt.Errorf("larger than %d MB", MaxFileSize>>20)}
	}
	return data, nil
}

// readAll is io.ReadAll with room for size bytes from the start (a
// file's size as stat told it), so that a file is read into one buffer
// instead of one grown and copied from 512 bytes up.
func readAll(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, size+1) // a byte more, to meet the end without growing
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// Loaded is the outcome of Load: the articles that opened and, separately,
// the sources that failed with their errors.
type Loaded struct {
	Articles []*model.Article
	Problems []error
}

// IsArticleFile reports whether a file found while walking a directory is
// one byline reads, by its extension: text, Markdown, HTML or a feed.
func IsArticleFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom":
		return true
	}
	return false
}

// Load reads every path: files directly, directories recursively (only files
// with an article extension, hidden entries skipped, links to directories
// followed: WalkArticles), and recognises the
// people and places in each article. A source that fails is recorded in
// Problems and the others still load. When any directory was given,
// articles are sorted newest first by date.
func Load(paths []string) Loaded {
	l := Open(paths)
	Recognize(l.Articles)
	return l
}

// Open is Load without recognising people and places.
func Open(paths []string) Loaded {
	var out Loaded
	sortByDate := false
	w := NewWalker()
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			out.Problems = append(out.Problems, &Error{Source: p, Err: unwrapPath(err)})
			continue
		}
		if !st.IsDir() {
			if _, isNew := w.File(p); !isNew {
				continue // named twice, or found in a directory named before
			}
			as, err := ParseFile(p)
			if err != nil {
				out.Problems = append(out.Problems, err)
			}
			out.Articles = append(out.Articles, as...)
			continue
		}
		sortByDate = true
		w.Walk(p, func(path string) {
			as, err := ParseFile(path)
			if err != nil {
				out.Problems = append(out.Problems, err)
			}
			out.Articles = append(out.Articles, as...)
		}, func(err error) { out.Problems = append(out.Problems, err) })
	}
	if sortByDate {
		slices.SortStableFunc(out.Articles, func(a, b *model.Article) int {
			return b.Date.Compare(a.Date)
		})
	}
	return out
}
