package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"
)

// completeLeases completes a lease id from the server: the caller's pending and active leases,
// each with its status and items as the description. A server that cannot be reached completes
// nothing rather than the shell's file names.
func (o *options) completeLeases(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	c, err := o.client()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	res, err := Mine(cmd.Context(), c, nil)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	var out []string
	for _, e := range res.Viewer.Leases.Edges {
		l := leaseJSON(e.Node.LeaseSummary, nil)
		out = append(out, fmt.Sprintf("%s\t%s %s", l.ID, l.Status, joinNames(l)))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeSKUs completes SKUs from the server's catalog (for vend, SKU:N is typed by hand).
func (o *options) completeSKUs(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	c, err := o.client()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	res, err := Availability(cmd.Context(), c, nil)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	var out []string
	for _, a := range res.Availability {
		out = append(out, fmt.Sprintf("%s\t%s (%d available)", a.Sku, a.Product.Name, a.Available))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeLeaseThenSKUs completes expand's arguments: a lease, then SKUs.
func (o *options) completeLeaseThenSKUs(cmd *cobra.Command, args []string, s string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return o.completeLeases(cmd, args, s)
	}
	return o.completeSKUs(cmd, args, s)
}

// whenShort is a time in the local zone, or "-".
func whenShort(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Local().Format(time.DateTime)
}

// strictGroup makes a command that only groups verbs (items, products, ...) refuse an unknown
// verb as a usage error (exit 2) instead of printing its help and exiting 0.
func strictGroup(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return UsageError{fmt.Errorf("unknown command %q for %q; see %s --help", args[0], cmd.CommandPath(), cmd.CommandPath())}
	}
	return cmd.Help()
}

// StrictGroups walks the command tree (the root included) and gives every command that only
// groups others strictGroup, so that `hardcandy bogus` and `hardcandy items bogus` are usage
// errors.
func StrictGroups(root *cobra.Command) {
	if root.HasSubCommands() && root.Run == nil && root.RunE == nil {
		root.Args = cobra.ArbitraryArgs
		root.RunE = strictGroup
	}
	for _, c := range root.Commands() {
		StrictGroups(c)
	}
}
