package library

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// shows reports what in s would not show as itself on a terminal: invalid
// UTF-8, a control character (C0, DEL, C1: the introducers of escape
// sequences) or a format character (bidi overrides and isolates,
// zero-width characters); "" when nothing.
func shows(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.In(r, unicode.Cc, unicode.Cf) }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Sprintf("a control or format character (%U)", r)
	}
	return ""
}

// FuzzQuery feeds the search query parser arbitrary text: it never
// panics, and nothing in the parsed query (terms, names, problems) holds
// a control or format character, or is empty.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{
		`person:"Lloyd Austin" gaza`, `place:Gaza after:2024-03-01 before:2024-04-01 unread starred`,
		`"quoted phrase" osl*`, `person: place:"" after:2024-13-45`, `U.S.-Israel talks`,
		"gaza\x1b[2J", "\u202eevil\u202c person:\"a\u2066b\"", "after:\x9b31m", `"unterminated`, "\xff\xfe",
		`who:"" where:x since:2020-01-01 until:2021-01-01 is:unread is:starred`, "a\u200bb*", "***", `""""`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		check := func(what, v string) {
			if v == "" && what != "problem" {
				t.Errorf("ParseQuery(%q): empty %s", s, what)
			}
			if bad := shows(v); bad != "" {
				t.Errorf("ParseQuery(%q): %s %q holds %s", s, what, v, bad)
			}
		}
		for _, term := range q.Terms {
			check("term", term.Text)
			if !hasWord(term.Text) {
				t.Errorf("ParseQuery(%q): term %q has no word", s, term.Text)
			}
		}
		for _, v := range q.People {
			check("person", v)
		}
		for _, v := range q.Places {
			check("place", v)
		}
		for _, v := range q.Problems {
			check("problem", v)
		}
		if q.Empty() != (len(q.Terms) == 0 && len(q.People) == 0 && len(q.Places) == 0 &&
			q.After.IsZero() && q.Before.IsZero() && !q.Unread && !q.Starred) {
			t.Errorf("ParseQuery(%q): Empty() disagrees with the query", s)
		}
	})
}

// FuzzOPML feeds the OPML reader arbitrary documents: it never panics,
// every feed it returns is a clean http(s) URL, and no URL or message
// holds a control or format character.
func FuzzOPML(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body><outline text="a" xmlUrl="https://example.org/feed"/></body></opml>`,
		`<opml><body><outline text="folder"><outline text="x" xmlUrl="http://a.example/rss"/><outline xmlurl="http://b.example/"/></outline></body></opml>`,
		`<opml><body><outline xmlUrl="https://example.org/a&#x202e;b"/><outline xmlUrl="javascript:alert(1)"/><outline xmlUrl="https://e.org/&#27;[2J"/></body></opml>`,
		`<opml><body><outline xmlUrl="ftp://x/"/><outline xmlUrl="  "/><outline xmlUrl="http://"/></body></opml>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline xmlUrl="http://caf` + "\xe9" + `.example/"/></body></opml>`,
		`<!DOCTYPE opml [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><opml><body><outline xmlUrl="http://x/&b;"/></body></opml>`,
		`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><opml><body><outline xmlUrl="http://x/&e;"/></body></opml>`,
		`<rss><channel/></rss>`, `<opml><body><outline>`, "\x1b]0;title\x07", "<opml\x1b>", "",
		strings.Repeat("<outline>", 500) + `<opml>`, `<opml>` + strings.Repeat(`<outline text="x">`, 2000) + `<outline xmlUrl="https://deep.example/"/>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		feeds, problems, err := readOPML(strings.NewReader(s))
		for _, f := range feeds {
			u := f.url
			for _, text := range []string{f.name, f.folder} {
				if bad := shows(text); bad != "" {
					t.Errorf("readOPML: name or folder %q holds %s", text, bad)
				}
			}
			if bad := shows(u); bad != "" || strings.Contains(u, " ") {
				t.Errorf("readOPML: feed %q holds %s", u, bad)
			}
			if clean, err := checkFeedURL(u); err != nil || clean != u {
				t.Errorf("readOPML: feed %q is not a clean http(s) URL: %v", u, err)
			}
		}
		for _, p := range problems {
			if bad := shows(p.Error()); bad != "" {
				t.Errorf("readOPML: problem %q holds %s", p, bad)
			}
		}
		if err != nil {
			if bad := shows(err.Error()); bad != "" {
				t.Errorf("readOPML: error %q holds %s", err, bad)
			}
			if len(feeds) > 0 {
				t.Errorf("readOPML: feeds %q with the error %v", feeds, err)
			}
		}
	})
}
