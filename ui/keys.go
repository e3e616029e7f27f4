package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
)

// KeyMap is every key binding of the app. The help screen is generated
// from it, and bindings that do not apply are disabled with SetEnabled.
type KeyMap struct {
	Up, Down, PageDown, PageUp, HalfDown, HalfUp, Top, Bottom key.Binding

	NextFocus, PrevFocus, Left, Right key.Binding
	Section, NextSection, PrevSection key.Binding
	Select                            key.Binding
	NextArticle, PrevArticle          key.Binding

	Search, NextMatch, PrevMatch, Accept, Cancel key.Binding
	Highlight, Columns, People, Problems         key.Binding
	Mouse, Help, Quit, Interrupt                 key.Binding
	Open, Copy, Links, Back                      key.Binding

	// Read, Star and Mentioning apply to a library only; they are disabled
	// otherwise.
	Read, Star, Mentioning key.Binding
	// The unread flow and the feeds, in a library only: the next unread
	// article, marking the selected feed or everything read and undoing
	// it, hiding read articles, refreshing the selected feed or all of
	// them, folding an OPML folder of the Feeds pane, fetching the full
	// text of a summary.
	NextUnread, MarkFeedRead, MarkAllRead, Undo, HideRead key.Binding
	RefreshFeed, RefreshAll, Fold, FullText               key.Binding

	// Edit are the search prompt's editing keys.
	Edit EditKeys
}

// EditKeys edit the query in the search prompt: move the cursor, delete a
// character, the word before the cursor, or everything before or after it.
type EditKeys struct {
	Left, Right, Home, End             key.Binding
	DeleteBack, DeleteForward          key.Binding
	DeleteWord, DeleteStart, DeleteEnd key.Binding
}

// DefaultKeyMap returns byline's key bindings.
func DefaultKeyMap() *KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	k := &KeyMap{
		Up:           b([]string{"k", "up"}, "k/↑", "up"),
		Down:         b([]string{"j", "down"}, "j/↓", "down"),
		PageDown:     b([]string{"space", "f", "pgdown", "ctrl+f"}, "space/f/pgdn/ctrl+f", "page down"),
		PageUp:       b([]string{"b", "pgup", "ctrl+b"}, "b/pgup/ctrl+b", "page up"),
		HalfDown:     b([]string{"d", "ctrl+d"}, "d/ctrl+d", "half page down"),
		HalfUp:       b([]string{"u", "ctrl+u"}, "u/ctrl+u", "half page up"),
		Top:          b([]string{"g", "home"}, "g/home", "top"),
		Bottom:       b([]string{"G", "end"}, "G/end", "bottom"),
		NextFocus:    b([]string{"tab"}, "tab", "next pane"),
		PrevFocus:    b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Left:         b([]string{"h", "left"}, "h/←", "pane to the left"),
		Right:        b([]string{"l", "right"}, "l/→", "pane to the right"),
		Section:      b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1–9", "go to section"),
		NextSection:  b([]string{"]"}, "]", "next section"),
		PrevSection:  b([]string{"["}, "[", "previous section"),
		Select:       b([]string{"enter"}, "enter", "open / select"),
		NextArticle:  b([]string{"J"}, "J", "next article"),
		PrevArticle:  b([]string{"K"}, "K", "previous article"),
		Search:       b([]string{"/"}, "/", "search"),
		NextMatch:    b([]string{"n"}, "n/N", "next / previous match or mention"),
		PrevMatch:    b([]string{"N"}, "N", "previous match / mention"),
		Accept:       b([]string{"enter"}, "enter", "keep search"),
		Cancel:       b([]string{"esc"}, "esc", "clear search / close"),
		Highlight:    b([]string{"e"}, "e", "people & places on/off"),
		Columns:      b([]string{"v"}, "v", "section panes view"),
		People:       b([]string{"P"}, "P", "people & places pane"),
		Problems:     b([]string{"p"}, "p", "show/hide problems"),
		Mouse:        b([]string{"M"}, "M", "mouse on/off (off: select text)"),
		Open:         b([]string{"o"}, "o", "open the link in the browser"),
		Copy:         b([]string{"y"}, "y", "copy the link"),
		Links:        b([]string{"L"}, "L", "the article's links"),
		Back:         b([]string{"backspace"}, "backspace", "back to the article before the link"),
		Help:         b([]string{"?"}, "?", "help"),
		Quit:         b([]string{"q"}, "q", "quit"),
		Interrupt:    b([]string{"ctrl+c"}, "ctrl+c", "quit from anywhere"),
		Read:         b([]string{"m"}, "m", "mark read / unread"),
		Star:         b([]string{"s"}, "s", "star / unstar"),
		Mentioning:   b([]string{"a"}, "a", "articles mentioning it"),
		NextUnread:   b([]string{"U"}, "U", "next unread article"),
		MarkFeedRead: b([]string{"A"}, "A", "mark the selected feed read"),
		MarkAllRead:  b([]string{"C"}, "C", "mark everything read"),
		Undo:         b([]string{"ctrl+z"}, "ctrl+z", "undo marking read"),
		HideRead:     b([]string{"H"}, "H", "hide / show read articles"),
		RefreshFeed:  b([]string{"r"}, "r", "refresh the selected feed"),
		RefreshAll:   b([]string{"R"}, "R", "refresh every feed"),
		Fold:         b([]string{"z"}, "z", "fold / unfold the folder"),
		FullText:     b([]string{"F"}, "F", "fetch the full text"),
		Edit: EditKeys{
			Left:          b([]string{"left", "ctrl+b"}, "←/ctrl+b", "cursor left"),
			Right:         b([]string{"right", "ctrl+f"}, "→/ctrl+f", "cursor right"),
			Home:          b([]string{"home", "ctrl+a"}, "home/ctrl+a", "start of the query"),
			End:           b([]string{"end", "ctrl+e"}, "end/ctrl+e", "end of the query"),
			DeleteBack:    b([]string{"backspace", "ctrl+h"}, "backspace", "delete before the cursor"),
			DeleteForward: b([]string{"delete", "ctrl+d"}, "delete/ctrl+d", "delete under the cursor"),
			DeleteWord:    b([]string{"ctrl+w"}, "ctrl+w", "delete the word before"),
			DeleteStart:   b([]string{"ctrl+u"}, "ctrl+u", "delete to the start"),
			DeleteEnd:     b([]string{"ctrl+k"}, "ctrl+k", "delete to the end"),
		},
	}
	return k
}

// feedKeys are the keys of the unread flow and the feeds: a library's.
func (k *KeyMap) feedKeys() []*key.Binding {
	return []*key.Binding{&k.NextUnread, &k.MarkFeedRead, &k.MarkAllRead, &k.Undo, &k.HideRead,
		&k.RefreshFeed, &k.RefreshAll, &k.Fold, &k.FullText}
}

// ShortHelp is the one-line summary of the most useful keys.
func (k *KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Section, k.Search, k.NextMatch, k.Columns, k.Help, k.Quit}
}

// FullHelp is every binding, grouped in columns for the help screen;
// NextMatch's line stands for n and N.
func (k *KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.Section, k.NextSection, k.PrevSection, k.Select, k.NextArticle, k.PrevArticle, k.NextFocus, k.PrevFocus},
		{k.Search, k.NextMatch, k.Cancel, k.Highlight, k.Columns, k.People, k.Left, k.Right},
		{k.Links, k.Open, k.Copy, k.Back},
		{k.Problems, k.Mouse, k.Help, k.Quit},
		{k.Read, k.Star, k.Mentioning},
		{k.NextUnread, k.MarkFeedRead, k.MarkAllRead, k.Undo, k.HideRead, k.RefreshFeed, k.RefreshAll, k.Fold, k.FullText},
	}
}

// FullHelpTitles names the groups of FullHelp, in order.
func (k *KeyMap) FullHelpTitles() []string {
	return []string{"Scroll", "Sections and articles", "Search and highlight", "Links", "General", "Library", "Feeds"}
}

// action is a bindable action as the configuration file names it.
type action struct {
	name string
	b    *key.Binding
	// prompt says the action works in the search prompt, app that it
	// works elsewhere; one key may not do two things in one place.
	prompt, app bool
}

// actions lists every action of the key map, in the order byline config
// writes them.
func (k *KeyMap) actions() []action {
	a := func(name string, b *key.Binding) action { return action{name: name, b: b, app: true} }
	p := func(name string, b *key.Binding) action { return action{name: name, b: b, prompt: true} }
	both := func(name string, b *key.Binding) action { return action{name: name, b: b, app: true, prompt: true} }
	e := &k.Edit
	return []action{
		a("up", &k.Up), a("down", &k.Down), a("page_down", &k.PageDown), a("page_up", &k.PageUp),
		a("half_page_down", &k.HalfDown), a("half_page_up", &k.HalfUp), a("top", &k.Top), a("bottom", &k.Bottom),
		a("next_pane", &k.NextFocus), a("previous_pane", &k.PrevFocus), a("pane_left", &k.Left), a("pane_right", &k.Right),
		a("go_to_section", &k.Section), a("next_section", &k.NextSection), a("previous_section", &k.PrevSection),
		a("select", &k.Select), a("next_article", &k.NextArticle), a("previous_article", &k.PrevArticle),
		a("search", &k.Search), a("next_match", &k.NextMatch), a("previous_match", &k.PrevMatch),
		p("keep_search", &k.Accept), both("cancel", &k.Cancel),
		a("highlight", &k.Highlight), a("section_panes", &k.Columns), a("people_and_places", &k.People),
		a("problems", &k.Problems), a("mouse", &k.Mouse), a("help", &k.Help), a("quit", &k.Quit), both("interrupt", &k.Interrupt),
		a("open_link", &k.Open), a("copy_link", &k.Copy), a("links", &k.Links), a("back", &k.Back),
		a("toggle_read", &k.Read), a("toggle_star", &k.Star), a("mentioning", &k.Mentioning),
		a("next_unread", &k.NextUnread), a("mark_feed_read", &k.MarkFeedRead), a("mark_all_read", &k.MarkAllRead),
		a("undo", &k.Undo), a("hide_read", &k.HideRead), a("refresh_feed", &k.RefreshFeed), a("refresh_all", &k.RefreshAll),
		a("fold", &k.Fold), a("full_text", &k.FullText),
		p("edit_left", &e.Left), p("edit_right", &e.Right), p("edit_home", &e.Home), p("edit_end", &e.End),
		p("edit_delete_back", &e.DeleteBack), p("edit_delete_forward", &e.DeleteForward),
		p("edit_delete_word", &e.DeleteWord), p("edit_delete_to_start", &e.DeleteStart), p("edit_delete_to_end", &e.DeleteEnd),
	}
}

// Action is a key-bound action: its name in the configuration file, its
// keys and what it does.
type Action struct {
	Name, Help string
	Keys       []string
}

// Actions lists every action with its keys as bound now.
func (k *KeyMap) Actions() []Action {
	var out []Action
	for _, a := range k.actions() {
		out = append(out, Action{Name: a.name, Help: a.b.Help().Desc, Keys: a.b.Keys()})
	}
	return out
}

// KeyError is a binding that cannot be made: an unknown action or key
// name, or a key given to two actions that work in the same place.
type KeyError struct {
	// Action is the action whose binding is wrong.
	Action string
	Err    error
}

func (e *KeyError) Error() string { return e.Action + ": " + e.Err.Error() }

// Rebind binds the actions named in binds to their keys, replacing the
// default keys of each; the help screen and every hint then show them.
// It changes nothing and returns a *KeyError when an action or key name is
// unknown, or when one key would do two things in the same place.
func (k *KeyMap) Rebind(binds map[string][]string) error {
	acts := k.actions()
	byName := map[string]*action{}
	for i := range acts {
		byName[acts[i].name] = &acts[i]
	}
	names := make([]string, 0, len(binds))
	for name := range binds {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if byName[name] == nil {
			return &KeyError{Action: name, Err: errors.New("not an action (byline config lists them)")}
		}
		if len(binds[name]) == 0 {
			return &KeyError{Action: name, Err: errors.New("no key given")}
		}
		for _, kn := range binds[name] {
			if !validKey(kn) {
				return &KeyError{Action: name, Err: fmt.Errorf("%q is not a key name (for example j, J, ctrl+d, enter, space, pgdown, f5)", kn)}
			}
		}
	}
	keysOf := func(a *action) []string {
		if ks, ok := binds[a.name]; ok {
			return ks
		}
		return a.b.Keys()
	}
	// One key, two actions in the same place: the later name in the
	// list is the one reported, with the first it clashes with.
	for _, place := range []func(a *action) bool{func(a *action) bool { return a.app }, func(a *action) bool { return a.prompt }} {
		owner := map[string]string{}
		for i := range acts {
			a := &acts[i]
			if !place(a) {
				continue
			}
			for _, kn := range keysOf(a) {
				if prev, ok := owner[kn]; ok && prev != a.name {
					culprit, other := a.name, prev
					if _, rebound := binds[prev]; rebound {
						if _, alsoRebound := binds[a.name]; !alsoRebound {
							culprit, other = prev, a.name
						}
					}
					return &KeyError{Action: culprit, Err: fmt.Errorf("%q is already the key of %s", kn, other)}
				}
				owner[kn] = a.name
			}
		}
	}
	for _, name := range names {
		a := byName[name]
		a.b.SetKeys(binds[name]...)
		a.b.SetHelp(keyHelp(binds[name]), a.b.Help().Desc)
	}
	if _, ok := binds["next_match"]; ok || binds["previous_match"] != nil {
		// n/N's line in help stands for both.
		k.NextMatch.SetHelp(keyHelp(k.NextMatch.Keys())+"/"+keyHelp(k.PrevMatch.Keys()), k.NextMatch.Help().Desc)
	}
	return nil
}

// keyHelp writes keys as the help screen shows them: "j/↓".
func keyHelp(keys []string) string {
	short := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn"}
	out := make([]string, len(keys))
	for i, kn := range keys {
		if s, ok := short[kn]; ok {
			kn = s
		}
		out[i] = kn
	}
	return strings.Join(out, "/")
}

// keyNames are the named keys, as bubbletea writes them.
var keyNames = map[string]bool{
	"enter": true, "tab": true, "backspace": true, "esc": true, "space": true, "up": true, "down": true,
	"left": true, "right": true, "begin": true, "find": true, "insert": true, "delete": true, "select": true,
	"pgup": true, "pgdown": true, "home": true, "end": true,
}

// validKey reports whether name is a key as bubbletea names key presses:
// modifiers ("ctrl+", "alt+", "shift+", "meta+", "super+", "hyper+") then a
// named key, a function key or one printable character.
func validKey(name string) bool {
	for {
		var ok bool
		for _, m := range []string{"ctrl+", "alt+", "shift+", "meta+", "super+", "hyper+"} {
			if rest, found := strings.CutPrefix(name, m); found && rest != "" {
				name, ok = rest, true
				break
			}
		}
		if !ok {
			break
		}
	}
	if keyNames[name] {
		return true
	}
	if n, ok := strings.CutPrefix(name, "f"); ok {
		if i, err := strconv.Atoi(n); err == nil && i >= 1 && i <= 63 {
			return true
		}
	}
	r, size := utf8.DecodeRuneInString(name)
	return size == len(name) && r != utf8.RuneError && unicode.IsPrint(r) && !unicode.IsSpace(r)
}
