package cli_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/byline/byline/cli"
)

// Run takes an Env instead of reading the process: here the output goes to
// buffers, and no terminal is involved.
func ExampleRun() {
	var stdout, stderr strings.Builder
	code := cli.Run([]string{"serach", "harbour"}, cli.Env{Stdin: os.Stdin, Stdout: &stdout, Stderr: &stderr})
	fmt.Print(stderr.String())
	fmt.Println("exit", code)
	// Output:
	// byline: "serach" is neither a command nor a file; did you mean "search"?
	// Run 'byline --help' for usage.
	// exit 2
}
