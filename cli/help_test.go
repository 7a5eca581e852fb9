package cli

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
)

// TestEveryVerbHasAnExample: `--help` of every client verb shows how to call it.
func TestEveryVerbHasAnExample(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		require.NotEmpty(t, strings.TrimSpace(c.Example), "%s has no example", c.CommandPath())
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	for _, c := range Commands(strings.NewReader("")) {
		walk(c)
	}
}

// TestUnknownVerbsAreUsageErrors: a group's unknown verb is a usage error, not its help.
func TestUnknownVerbsAreUsageErrors(t *testing.T) {
	root := &cobra.Command{Use: "hardcandy", SilenceErrors: true, SilenceUsage: true}
	root.AddCommand(Commands(strings.NewReader(""))...)
	StrictGroups(root)
	for _, args := range [][]string{{"bogus"}, {"items", "bogus"}, {"products", "nope"}} {
		root.SetArgs(args)
		err := root.Execute()
		require.Equal(t, ExitUsage, ExitCode(err), "%v: %v", args, err)
	}
}
