// Package articlestest generates articles in byline's plain-text news format
// for tests, benchmarks and load tests: deterministic text with a date
// marker, a lead, title-case headings, the odd "Advertisment" debris line
// and the names of people and places. It is byline's one generator of test
// articles; cmd/gencorpus writes its corpus to disk.
//
// There are two shapes, because benchmarks measure both:
//
//   - Article(size, seed): one sample-shaped article of about size bytes
//     from a small vocabulary, for the reader's and the parser's
//     benchmarks (a 1 MB article).
//   - CorpusArticle(seed, i): article i of a corpus of about 3 KB articles
//     with a news-sized vocabulary, for the library's import and search.
//
// Their output is pinned byte for byte (pin_test.go): benchmarks are
// compared across commits, so the same arguments must keep giving the same
// text. Dictionary is a deterministic stand-in for the recogniser.
package articlestest
