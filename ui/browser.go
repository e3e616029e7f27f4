package ui

import (
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
	"github.com/byline/byline/ui/render"
)

// openedMsg says how starting the browser on a URL went.
type openedMsg struct {
	url string
	err error
}

// webURL returns u when it is an http or https URL a browser may be given,
// else an error saying why not: javascript:, file:, data: and the like are
// never opened.
func webURL(u string) (string, error) {
	if u == "" {
		return "", errors.New("no link")
	}
	if articles.Sanitize(u) != u || strings.ContainsAny(u, " \t\r\n") {
		return "", errors.New("the link holds control characters or blanks")
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return "", errors.New("only http and https links are opened")
	}
	return u, nil
}

// browserArgv is the command that opens u: the configured browser (or
// $BROWSER, whose first ':'-separated entry counts, "%s" standing for the
// URL), else xdg-open or open; its words are split on blanks, never by a
// shell, and the URL is one argument of its own.
func browserArgv(browser, u string) []string {
	if browser == "" {
		if runtime.GOOS == "darwin" {
			return []string{"open", u}
		}
		return []string{"xdg-open", u}
	}
	browser, _, _ = strings.Cut(browser, ":")
	words := strings.Fields(browser)
	placed := false
	for i, w := range words {
		if strings.Contains(w, "%s") {
			words[i] = strings.ReplaceAll(w, "%s", u)
			placed = true
		}
	}
	if !placed {
		words = append(words, u)
	}
	return words
}

// openCmd starts the browser on u, detached: the reader keeps running and
// the browser's output never reaches the screen.
func openCmd(browser, u string) tea.Cmd {
	return func() tea.Msg {
		u, err := webURL(u)
		if err != nil {
			return openedMsg{url: u, err: err}
		}
		argv := browserArgv(browser, u)
		if len(argv) == 0 {
			return openedMsg{url: u, err: errors.New("no browser command")}
		}
		cmd := exec.Command(argv[0], argv[1:]...)
		detach(cmd)
		if err := cmd.Start(); err != nil {
			return openedMsg{url: u, err: fmt.Errorf("could not start the browser: %w", err)}
		}
		go cmd.Wait() //nolint:errcheck // reaped; its exit status is the browser's business
		return openedMsg{url: u}
	}
}

// articleURL is the article's own address: where it was fetched from or
// the feed item's link; "" for a file.
func articleURL(a *model.Article) string {
	if a == nil {
		return ""
	}
	if u, err := webURL(a.Source); err == nil {
		return u
	}
	return ""
}

// copyURL copies u to the terminal's clipboard with OSC 52 — the one
// escape sequence byline writes on its own account, u inside it encoded
// in base64 by bubbletea — and says so.
func (v *articleView) copyURL(u string) tea.Cmd {
	u = articles.Sanitize(u)
	if u == "" {
		v.notice = "no link to copy"
		return nil
	}
	v.notice = "copied " + render.Clean(u)
	return tea.SetClipboard(u)
}
