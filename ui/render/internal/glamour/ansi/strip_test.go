package ansi

import (
	"testing"

	"github.com/microcosm-cc/bluemonday"
)

var stripSeeds = []string{
	"", "   ", "plain text", "a < b & c > d", "&amp; &lt;x&gt; &#39; &nbsp;",
	"<b>bold</b> and <i>italic</i>", "<p>one</p><p>two</p>",
	"<script>alert(1)</script>after", "<style>p { color: red }</style>after",
	"<title>t</title>body", "</title>stray<title>x</title>y", "<iframe src=x>inner</iframe>z",
	"<object><object>deep</object>still</object>out", "<!-- comment -->text",
	"<!DOCTYPE html><html><body>x</body></html>", "<br/>self<img src=x />",
	"<SCRIPT>upper</SCRIPT>z", "<a href=\"javascript:x\">link</a>", "<scr<script>ipt>x",
	"<div", "text<", "<noscript><p>n</p></noscript>m", "<sc\u00efpt>u</sc\u00efpt>",
	"<textarea><b>x</b></textarea>", "<xmp><b>x</b></xmp>", "\x00nul<b>\x00</b>",
	"<math><mi>x</mi></math>", "<svg><script>x</script></svg>t", "<<>>", "<p>a\n  b</p>\n",
}

// Sanitize must give what bluemonday's strict policy gives.
func TestStripperAsBluemonday(t *testing.T) {
	p := bluemonday.StrictPolicy()
	for _, s := range stripSeeds {
		if got, want := (stripper{}).Sanitize(s), p.Sanitize(s); got != want {
			t.Errorf("Sanitize(%q) = %q, bluemonday %q", s, got, want)
		}
	}
}

func FuzzStripperAsBluemonday(f *testing.F) {
	for _, s := range stripSeeds {
		f.Add(s)
	}
	p := bluemonday.StrictPolicy()
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := (stripper{}).Sanitize(s), p.Sanitize(s); got != want {
			t.Errorf("Sanitize(%q) = %q, bluemonday %q", s, got, want)
		}
	})
}
