package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// approveCommand approves a lease awaiting approval, or an extension request.
func (o *options) approveCommand() *cobra.Command {
	approve := o.verb(&cobra.Command{
		Use:     "approve ID",
		Short:   "Approve a lease awaiting approval (it is vended at once) or an extension request (managers, admins)",
		Example: "  hardcandy approve 12\n  hardcandy approve 12 --json",
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			if ext, err := isExtensionRequest(cmd.Context(), c, args[0]); err != nil {
				return err
			} else if ext {
				return o.approveExtension(cmd.Context(), c, args[0])
			}
			p := o.progress(cmd)
			wctx, stopWatch := context.WithCancel(cmd.Context())
			d := o.watchDispense(wctx, p, args[0])
			res, err := Approve(cmd.Context(), c, args[0])
			stopWatch()
			p.done()
			if err != nil {
				return o.leaseFailure(cmd.Context(), c, d.interrupted(cmd.ErrOrStderr(), err, "approved vend"))
			}
			l := leaseJSON(res.ApproveLease.LeaseSummary, nil)
			return o.print(l, func(w io.Writer) { fmt.Fprintf(w, "lease %s is %s\n", l.ID, l.Status) })
		},
	})
	return approve
}

// rejectCommand rejects a lease awaiting approval, or an extension request, with a reason.
func (o *options) rejectCommand() *cobra.Command {
	var reason string
	reject := o.verb(&cobra.Command{
		Use:     "reject ID --reason TEXT",
		Short:   "Reject a lease awaiting approval or an extension request, with a reason (managers, admins)",
		Example: `  hardcandy reject 12 --reason "use the 3A pool"`,
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return UsageError{errors.New("--reason is required")}
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			if ext, err := isExtensionRequest(cmd.Context(), c, args[0]); err != nil {
				return err
			} else if ext {
				return o.rejectExtension(cmd.Context(), c, args[0], reason)
			}
			res, err := Reject(cmd.Context(), c, args[0], reason)
			if err != nil {
				return err
			}
			l := leaseJSON(res.RejectLease.LeaseSummary, nil)
			return o.print(l, func(w io.Writer) { fmt.Fprintf(w, "lease %s is %s\n", l.ID, l.Status) })
		},
	})
	reject.Flags().StringVar(&reason, "reason", "", "why")
	return reject
}
