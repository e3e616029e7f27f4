package ui

import "charm.land/bubbles/v2/key"

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
	Help, Quit, Interrupt                        key.Binding

	// Read, Star and Mentioning apply to a library only; they are disabled
	// otherwise.
	Read, Star, Mentioning key.Binding

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
		Up:          b([]string{"k", "up"}, "k/↑", "up"),
		Down:        b([]string{"j", "down"}, "j/↓", "down"),
		PageDown:    b([]string{"space", "f", "pgdown"}, "space/f/pgdn", "page down"),
		PageUp:      b([]string{"b", "pgup"}, "b/pgup", "page up"),
		HalfDown:    b([]string{"d"}, "d", "half page down"),
		HalfUp:      b([]string{"u"}, "u", "half page up"),
		Top:         b([]string{"g", "home"}, "g/home", "top"),
		Bottom:      b([]string{"G", "end"}, "G/end", "bottom"),
		NextFocus:   b([]string{"tab"}, "tab", "next pane"),
		PrevFocus:   b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Left:        b([]string{"h", "left"}, "h/←", "pane to the left"),
		Right:       b([]string{"l", "right"}, "l/→", "pane to the right"),
		Section:     b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1–9", "go to section"),
		NextSection: b([]string{"]"}, "]", "next section"),
		PrevSection: b([]string{"["}, "[", "previous section"),
		Select:      b([]string{"enter"}, "enter", "open / select"),
		NextArticle: b([]string{"J"}, "J", "next article"),
		PrevArticle: b([]string{"K"}, "K", "previous article"),
		Search:      b([]string{"/"}, "/", "search"),
		NextMatch:   b([]string{"n"}, "n/N", "next / previous match or mention"),
		PrevMatch:   b([]string{"N"}, "N", "previous match / mention"),
		Accept:      b([]string{"enter"}, "enter", "keep search"),
		Cancel:      b([]string{"esc"}, "esc", "clear search / close"),
		Highlight:   b([]string{"e"}, "e", "people & places on/off"),
		Columns:     b([]string{"v"}, "v", "section panes view"),
		People:      b([]string{"P"}, "P", "people & places pane"),
		Problems:    b([]string{"p"}, "p", "show/hide problems"),
		Help:        b([]string{"?"}, "?", "help"),
		Quit:        b([]string{"q"}, "q", "quit"),
		Interrupt:   b([]string{"ctrl+c"}, "ctrl+c", "quit from anywhere"),
		Read:        b([]string{"m"}, "m", "mark read / unread"),
		Star:        b([]string{"s"}, "s", "star / unstar"),
		Mentioning:  b([]string{"a"}, "a", "articles mentioning it"),
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
		{k.Problems, k.Help, k.Quit},
		{k.Read, k.Star, k.Mentioning},
	}
}

// FullHelpTitles names the groups of FullHelp, in order.
func (k *KeyMap) FullHelpTitles() []string {
	return []string{"Scroll", "Sections and articles", "Search and highlight", "General", "Library"}
}
