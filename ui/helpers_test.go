package ui

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/vt"
)

var update = flag.Bool("update", false, "rewrite the screen goldens in testdata")

// sampleFile is the project's own fixture in the shape of the reference
// article (../shared/samples): a dated lead, debris lines and three
// title-case sections naming the same people and places, so that the
// tests run on a plain clone.
var sampleFile = filepath.Join("..", "articles", "testdata", "reference.txt")

// sampleData returns the fixture's bytes.
func sampleData(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(sampleFile)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sample is the UI's fixture: the project's reference article from
// testdata, parsed, with a fixed title and fixed people and places so that
// the screens do not change when the recogniser improves.
func sample(t testing.TB) *model.Article {
	t.Helper()
	data := sampleData(t)
	a, err := articles.ParseText("sample.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	a.Title = "Austin and Gallant meet at the Pentagon"
	a.DerivedTitle = false
	a.Entities = nil
	for _, e := range []struct {
		name  string
		typ   model.EntityType
		forms []string
	}{
		{"Lloyd Austin", model.Person, []string{"Lloyd Austin", "Austin"}},
		{"Yoav Gallant", model.Person, []string{"Yoav Gallant", "Gallant"}},
		{"Benjamin Netanyahu", model.Person, []string{"Benjamin Netanyahu"}},
		{"Gaza", model.Place, []string{"Gaza"}},
		{"Israel", model.Place, []string{"Israel"}},
		{"Rafah", model.Place, []string{"Rafah"}},
		{"Washington", model.Place, []string{"Washington"}},
	} {
		ent := model.Entity{Name: e.name, Type: e.typ}
		for si, s := range a.Sections {
			for pi, p := range s.Paragraphs {
				taken := make([]bool, len(p))
				for _, form := range e.forms {
					for off := 0; ; {
						i := strings.Index(p[off:], form)
						if i < 0 {
							break
						}
						start := off + i
						off = start + len(form)
						if taken[start] || off < len(p) && unicode.IsLetter(rune(p[off])) {
							continue
						}
						for k := start; k < off; k++ {
							taken[k] = true
						}
						ent.Mentions = append(ent.Mentions, model.Mention{Section: si, Paragraph: pi, Start: start, End: off, Text: form})
					}
				}
			}
		}
		slices.SortFunc(ent.Mentions, func(x, y model.Mention) int {
			if x.Pos().Less(y.Pos()) {
				return -1
			}
			return 1
		})
		a.Entities = append(a.Entities, ent)
	}
	return a
}

// loaded returns a Load function that yields the given outcome.
func loaded(as []*model.Article, problems ...error) func() articles.Loaded {
	return func() articles.Loaded { return articles.Loaded{Articles: as, Problems: problems} }
}

// newTestModel starts the app at w×h on the given articles, with every
// command run to completion.
func newTestModel(t testing.TB, w, h int, load func() articles.Loaded) *Model {
	t.Helper()
	m := newModel(Options{Load: load, Style: "dark", Version: "test"})
	drain(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// send delivers msg and runs every command it leads to.
func send(t testing.TB, m *Model, msg tea.Msg) {
	t.Helper()
	_, cmd := m.Update(msg)
	drain(t, m, cmd)
}

// drain runs cmd and feeds its messages back until nothing is left,
// synchronously, as the bubbletea runtime would (without its concurrency).
func drain(t testing.TB, m *Model, cmd tea.Cmd) {
	t.Helper()
	drainWith(t, m, cmd, func(c tea.Cmd) (tea.Msg, bool) { return c(), true })
}

// drainWith is drain with run deciding how a command is run: it returns
// the command's message, or false to drop the command.
func drainWith(t testing.TB, m *Model, cmd tea.Cmd, run func(tea.Cmd) (tea.Msg, bool)) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 10000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg, ok := run(c)
		if !ok {
			continue
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}

// press returns the key press message for a key name as bubbletea reports it.
func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+z":
		return tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// typeKeys sends each key in turn.
func typeKeys(t testing.TB, m *Model, keys ...string) {
	t.Helper()
	for _, k := range keys {
		send(t, m, press(k))
	}
}

// paste delivers text as a terminal's bracketed paste does.
func paste(t testing.TB, m *Model, text string) {
	t.Helper()
	send(t, m, tea.PasteMsg{Content: text})
}

// screen is what a w×h terminal shows after drawing the model's view with
// the ASCII colour profile: plain text, trailing blanks trimmed.
func screen(t testing.TB, m *Model) string {
	t.Helper()
	var buf bytes.Buffer
	cw := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.Ascii}
	content := m.View().Content
	if _, err := cw.WriteString(strings.ReplaceAll(content, "\n", "\r\n")); err != nil {
		t.Fatal(err)
	}
	term := vt.NewEmulator(m.width, m.height)
	if _, err := term.Write(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(term.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// golden compares got with testdata/name.golden, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("screen differs from %s (go test ./ui -update rewrites it)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}
