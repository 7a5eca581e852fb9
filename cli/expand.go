package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// expandCommand adds items to an active lease, watching the dispenser as vend does.
func (o *options) expandCommand() *cobra.Command {
	var expandParams []string
	expand := o.verb(&cobra.Command{
		Use:               "expand ID SKU[:N]...",
		Short:             "Add items to an active lease, with the same end, all or nothing",
		Example:           "  hardcandy expand 12 4E.small\n  hardcandy expand 12 4D.small:2 3A.small --json",
		Args:              minArgs(2),
		ValidArgsFunction: o.completeLeaseThenSKUs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ls, err := lines(args[1:])
			if err != nil {
				return err
			}
			ps, err := parseParams(expandParams)
			if err != nil {
				return err
			}
			if err := paramsToLines(ps, ls); err != nil {
				return err
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			p := o.progress(cmd)
			wctx, stopWatch := context.WithCancel(cmd.Context())
			d := o.watchDispense(wctx, p, args[0])
			res, err := Expand(cmd.Context(), c, args[0], ls)
			stopWatch()
			p.done()
			if err != nil {
				return o.leaseFailure(cmd.Context(), c, d.interrupted(cmd.ErrOrStderr(), err, "expansion"))
			}
			l := leaseJSON(res.ExpandLease.LeaseSummary, nil)
			return o.print(l, func(w io.Writer) {
				fmt.Fprintf(w, "lease %s now holds %d items\n", l.ID, len(l.Items))
			})
		},
	})
	expand.Flags().StringArrayVar(&expandParams, "param", nil, "a parameter of the new items NAME=VALUE (several lines: SKU.NAME=VALUE; VALUE @FILE reads a file)")
	return expand
}
