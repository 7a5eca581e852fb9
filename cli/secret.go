package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// isTerminal reports whether r is an interactive terminal (where a typed token must not echo).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// readSecret prompts on w and reads one line from the terminal r without echoing it, so a token
// never stays on the screen or in a terminal's scrollback.
func readSecret(w io.Writer, r io.Reader, prompt string) (string, error) {
	f := r.(*os.File)
	fmt.Fprint(w, prompt)
	b, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(w)
	if err != nil {
		return "", fmt.Errorf("reading the token: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}
