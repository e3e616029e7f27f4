package cli

import (
	"errors"
	"fmt"

	"github.com/byline/byline/config"
	"github.com/byline/byline/ui"
	"github.com/byline/byline/ui/render"
)

// runConfig is `byline config`: the configuration file's path and the
// settings in effect, the defaults included, as a configuration file to
// start from.
func runConfig(args []string, e Env) int {
	fs := newFlagSet("config", e)
	pos, code, ok := parseCommand(fs, args, helpText(), e)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintln(e.Stderr, "usage: "+lookup("config").usageLine())
		return 2
	}
	keys, err := keyMap(e)
	if err != nil {
		fmt.Fprintf(e.Stderr, "byline: %s\n", render.Clean(err.Error()))
		return 2
	}
	where := e.Config.Path
	if where == "" {
		where = e.ConfigPath + " (not there: the defaults)"
	}
	fmt.Fprintf(e.Stdout, "# %s\n", render.Clean(where))
	var actions []config.Action
	for _, a := range keys.Actions() {
		actions = append(actions, config.Action{Name: a.Name, Help: a.Help, Keys: a.Keys})
	}
	fmt.Fprint(e.Stdout, e.Config.TOML(actions))
	return 0
}

// keyMap returns the key map with the configuration's bindings, or the
// error naming the file, the line and the action.
func keyMap(e Env) (*ui.KeyMap, error) {
	k := ui.DefaultKeyMap()
	err := k.Rebind(e.Config.Keys)
	var ke *ui.KeyError
	if errors.As(err, &ke) {
		setting := "keys." + ke.Action
		return nil, &config.Error{Path: e.Config.Path, Line: e.Config.Line(setting), Setting: setting, Err: ke.Err}
	}
	return k, err
}

// uiOptions are the app's options from the configuration, with --style
// (when given) over the configuration's style.
func uiOptions(e Env, style string) (ui.Options, error) {
	c := e.Config
	if style == "" {
		style = c.Style
	}
	if err := render.CheckStyle(style); err != nil {
		if c.Path != "" && style == c.Style {
			return ui.Options{}, &config.Error{Path: c.Path, Line: c.Line("style"), Setting: "style", Err: err}
		}
		return ui.Options{}, fmt.Errorf("--style: %w", err)
	}
	if _, err := keyMap(e); err != nil {
		return ui.Options{}, err
	}
	maxW := c.MaxWidth
	if maxW == 0 {
		maxW = -1 // the pane's width
	}
	browser := c.Browser
	if browser == "" {
		browser = e.Browser
	}
	return ui.Options{Style: style, Version: versionString(), NoColor: e.NoColor, Theme: c.Theme,
		NoMouse: !c.Mouse, Keys: c.Keys, MaxWidth: maxW, Browser: browser}, nil
}
