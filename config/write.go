package config

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Action is a key-bound action as the configuration file names it, with
// its keys and what it does.
type Action struct {
	Name, Help string
	Keys       []string
}

// TOML writes c as a configuration file to start from: every setting with
// its value (the defaults included) and what it does, then the key
// bindings of actions, each action's keys as bound now.
func (c Config) TOML(actions []Action) string {
	var b strings.Builder
	set := func(comment, name string, v any) {
		fmt.Fprintf(&b, "# %s\n%s = %s\n\n", comment, name, value(v))
	}
	b.WriteString("# byline configuration (TOML). Every setting is optional; these are the\n# values in effect.\n\n")
	set("auto, light or dark: the terminal background to style for (auto asks the terminal)", "theme", c.Theme)
	set("glamour style: auto, dark, light, dracula, tokyo-night, pink, ascii, notty", "style", c.Style)
	set("the widest the reader's text gets, in columns; 0: the pane's width", "max_width", c.MaxWidth)
	set("take the mouse (wheel, clicks); false leaves selecting text to the terminal", "mouse", c.Mouse)
	set(`the library file; "": $BYLINE_DB, else ~/.local/share/byline/library.db`, "library", c.Library)
	set(`refresh the feeds this often while the app is open ("30m"); "0s": only when it starts`, "refresh_interval", c.RefreshInterval)
	set(`the command that opens a link in a browser, the URL its one argument; "": $BROWSER, else xdg-open or open`, "browser", c.Browser)
	b.WriteString("# Per-feed settings, by the feed's URL:\n# [feeds.\"https://example.org/feed.xml\"]\n# full_text = true      # fetch the whole article of every new item\n# title = \"Example\"     # show this title instead of the feed's own\n")
	urls := make([]string, 0, len(c.Feeds))
	for u := range c.Feeds {
		urls = append(urls, u)
	}
	slices.Sort(urls)
	for _, u := range urls {
		f := c.Feeds[u]
		fmt.Fprintf(&b, "\n[feeds.%s]\nfull_text = %s\ntitle = %s\n", value(u), value(f.FullText), value(f.Title))
	}
	b.WriteString("\n# Key bindings: each action's keys (names as byline shows them: \"j\", \"ctrl+d\",\n# \"enter\", \"space\", \"pgdown\", \"shift+tab\"). Rebinding a key replaces its list.\n[keys]\n")
	w := 0
	for _, a := range actions {
		w = max(w, len(a.Name))
	}
	for _, a := range actions {
		fmt.Fprintf(&b, "%-*s = %-24s # %s\n", w, a.Name, value(a.Keys), a.Help)
	}
	return b.String()
}

// value writes v as a TOML value: strings as basic (double-quoted)
// strings, with every control character escaped.
func value(v any) string {
	switch v := v.(type) {
	case string:
		return quote(v)
	case Duration:
		return quote(time.Duration(v).String())
	case []string:
		q := make([]string, len(v))
		for i, s := range v {
			q[i] = quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	return fmt.Sprint(v)
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
