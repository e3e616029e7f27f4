package ui

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

func TestScreens(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		keys []string
		// want are strings the screen must show, beyond the golden.
		want []string
	}{
		{"normal", 120, 40, nil, []string{"Sections", "Reader", "People & Places", "Lloyd Austin", "§ 1/4", "? help"}},
		{"section3", 120, 40, []string{"3"}, []string{"Alternatives to Escalation", "§ 3/4"}},
		{"columns", 120, 40, []string{"v"}, []string{"1/4", "2/4", "3/4", "panes 1–3 of 4"}},
		{"columns_page2", 120, 40, []string{"v", "4"}, []string{"4/4 Alternatives to Escalation", "panes 2–4 of 4"}},
		{"search", 120, 40, []string{"/", "g", "a", "z", "a"}, []string{"/gaza", "match 1/6"}},
		{"search_kept", 80, 24, []string{"/", "R", "a", "f", "a", "h", "enter"}, []string{"match 1/1", "Rafah"}},
		{"entity", 120, 40, []string{"tab", "enter", "n"}, []string{"Lloyd Austin 1/"}},
		{"narrow", 60, 20, nil, []string{"Reader"}},
		{"medium", 80, 24, nil, []string{"Sections", "Reader"}},
		{"too_small", 30, 8, nil, []string{"Terminal too small"}},
		{"help", 100, 30, []string{"?"}, []string{"go to section", "search", "quit", "? or esc closes this screen."}},
		// Taller than the screen: wrapped to the width, scrolled, the
		// closing line kept at the bottom.
		{"help_medium", 80, 24, []string{"?"}, []string{"G/end                bottom", "↓ more", "? or esc closes this screen."}},
		{"help_medium_end", 80, 24, []string{"?", "G"}, []string{"the current one like this.", "? or esc closes this screen."}},
		{"help_small", 40, 10, []string{"?"}, []string{"Scroll", "↓ more", "? or esc closes this screen."}},
		{"help_small_scrolled", 40, 10, []string{"?", "space", "j"}, []string{"↓ more", "? or esc closes this screen."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestModel(t, tt.w, tt.h, loaded([]*model.Article{sample(t)}))
			typeKeys(t, m, tt.keys...)
			got := screen(t, m)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("screen lacks %q:\n%s", w, got)
				}
			}
			golden(t, tt.name, got)
		})
	}
}

func TestScreenArticlesAndProblems(t *testing.T) {
	a := sample(t)
	b := *a
	b.Title = "A second article"
	m := newTestModel(t, 120, 30, loaded([]*model.Article{a, &b}, &articles.Error{Source: "bad.bin", Err: errors.New("not a text article\x1b[31m")}))
	got := screen(t, m)
	for _, w := range []string{"Articles", "A second article", "2024-03-26", "1 source could not be opened"} {
		if !strings.Contains(got, w) {
			t.Errorf("screen lacks %q:\n%s", w, got)
		}
	}
	typeKeys(t, m, "p")
	got = screen(t, m)
	if !strings.Contains(got, "bad.bin: not a text article") || strings.Contains(m.View().Content, "\x1b[31m") {
		t.Errorf("expanded problems should list the source, control bytes stripped:\n%s", got)
	}
	golden(t, "articles_problems", got)
}

// TestScreenManyProblems expands a problems list longer than its third of
// the screen: the last line it has room for counts the sources left out,
// so that none is hidden silently.
func TestScreenManyProblems(t *testing.T) {
	const n = 30
	var errs []error
	for i := range n {
		errs = append(errs, &articles.Error{Source: fmt.Sprintf("bad%02d.bin", i), Err: errors.New("not a text article")})
	}
	more := regexp.MustCompile(`… and (\d+) more`)
	for _, size := range [][2]int{{120, 40}, {80, 24}, {40, 10}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := newTestModel(t, size[0], size[1], loaded([]*model.Article{sample(t)}, errs...))
			typeKeys(t, m, "p")
			got := screen(t, m)
			listed := strings.Count(got, ": not a text article")
			mm := more.FindStringSubmatch(got)
			if mm == nil {
				t.Fatalf("%d problems, %d listed and no \"… and N more\":\n%s", n, listed, got)
			}
			if rest, _ := strconv.Atoi(mm[1]); listed+rest != n {
				t.Errorf("%d listed + %d more, want %d in all:\n%s", listed, rest, n, got)
			}
			if size == [2]int{120, 40} {
				golden(t, "problems_many", got)
			}
		})
	}
}
