package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/Khan/genqlient/graphql"
	"github.com/spf13/cobra"
)

// requestCommands are the decision verbs beyond approve/reject: what a manager may decide.
func (o *options) requestCommands() []*cobra.Command {
	requests := o.verb(&cobra.Command{
		Use:     "requests",
		Short:   "What you may decide: leases awaiting approval and extension requests (managers, admins)",
		Example: "  hardcandy requests\n  hardcandy approve ID\n  hardcandy reject ID --reason 'not this quarter'",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := Requests(cmd.Context(), c)
			if err != nil {
				return err
			}
			// The server says what the viewer may decide (mayDecide); their own stay out.
			type row struct {
				Kind      string    `json:"kind"`
				ID        string    `json:"id"`
				Lease     string    `json:"lease"`
				Owner     string    `json:"owner"`
				What      string    `json:"what"`
				CreatedAt time.Time `json:"createdAt"`
			}
			var rows []row
			for _, e := range res.Leases.Edges {
				l := e.Node
				if l == nil || !l.MayDecide {
					continue
				}
				var what []string
				for _, r := range l.Requested {
					what = append(what, fmt.Sprintf("%d×%s", r.Quantity, r.Sku))
				}
				rows = append(rows, row{Kind: "lease", ID: l.Id, Lease: l.Id, Owner: l.Owner.Name,
					What: strings.Join(what, " ") + " for " + l.Duration, CreatedAt: l.CreatedAt})
			}
			for _, r := range res.ExtensionRequests {
				if !r.MayDecide {
					continue
				}
				rows = append(rows, row{Kind: "extension", ID: r.Id, Lease: r.Lease.Id, Owner: r.Requester.Name,
					What: "extend by " + r.By + " (ends " + when(r.Lease.EndsAt) + ")", CreatedAt: r.CreatedAt})
			}
			if rows == nil {
				rows = []row{}
			}
			return o.print(rows, func(w io.Writer) {
				if len(rows) == 0 {
					fmt.Fprintln(w, "nothing awaits your decision")
					return
				}
				table(w, "KIND\tID\tLEASE\tOWNER\tASKED\tWHAT", func(tw io.Writer) {
					for _, r := range rows {
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s ago\t%s\n", r.Kind, r.ID, r.Lease, r.Owner, short(time.Since(r.CreatedAt)), r.What)
					}
				})
				fmt.Fprintln(w, "decide with `hardcandy approve ID` or `hardcandy reject ID --reason TEXT`")
			})
		},
	})
	return []*cobra.Command{requests, o.customCommands()}
}

// isExtensionRequest tells whether id names an extension request rather than a lease: approve
// and reject take either kind of id.
func isExtensionRequest(ctx context.Context, c graphql.Client, id string) (bool, error) {
	res, err := NodeKind(ctx, c, id)
	if err != nil {
		return false, err
	}
	if res.Node == nil {
		return false, nil // let the lease mutation answer NOT_FOUND
	}
	_, ok := (*res.Node).(*NodeKindNodeExtensionRequest)
	return ok, nil
}

// approveExtension approves extension request id and says the lease's new end.
func (o *options) approveExtension(ctx context.Context, c graphql.Client, id string) error {
	res, err := ApproveExtension(ctx, c, id)
	if err != nil {
		return err
	}
	r := res.ApproveExtension
	return o.print(r, func(w io.Writer) {
		fmt.Fprintf(w, "extension request %s is %s: lease %s now ends %s\n", r.Id, r.Status, r.Lease.Id, when(r.Lease.EndsAt))
	})
}

// rejectExtension rejects extension request id with a reason.
func (o *options) rejectExtension(ctx context.Context, c graphql.Client, id, reason string) error {
	res, err := RejectExtension(ctx, c, id, reason)
	if err != nil {
		return err
	}
	r := res.RejectExtension
	return o.print(r, func(w io.Writer) {
		fmt.Fprintf(w, "extension request %s is %s: lease %s still ends %s\n", r.Id, r.Status, r.Lease.Id, when(r.Lease.EndsAt))
	})
}

// awaitingExtension returns the line `extend` prints when the lease's extension waits for a
// decision, or "" when it has none open.
func awaitingExtension(ctx context.Context, c graphql.Client, id string) (string, error) {
	res, err := OpenExtension(ctx, c, id)
	if err != nil || res.Lease == nil || res.Lease.OpenExtensionRequest == nil {
		return "", err
	}
	r := res.Lease.OpenExtensionRequest
	return fmt.Sprintf("lease %s ends %s; the extension by %s is awaiting approval (request %s): a manager of its cost center or an admin decides, and you are notified",
		res.Lease.Id, when(res.Lease.EndsAt), r.By, r.Id), nil
}
