package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/Khan/genqlient/graphql"

	"github.com/hardcandy/hardcandy/duration"
)

// printLease is the human form of a lease: its status line, the items and how to go on.
func printLease(w io.Writer, l LeaseJSON) {
	switch l.Status {
	case LeaseStatusPending:
		if l.AwaitingApproval {
			fmt.Fprintf(w, "lease %s is PENDING: a product needs a manager's approval; `hardcandy show %s` tells when it is decided (or vend with --wait)\n", l.ID, l.ID)
		} else {
			fmt.Fprintf(w, "lease %s is PENDING: the items are being provisioned\n", l.ID)
		}
	case LeaseStatusRejected:
		msg := ""
		if l.StatusMessage != nil {
			msg = ": " + *l.StatusMessage
		}
		fmt.Fprintf(w, "lease %s was REJECTED%s\n", l.ID, msg)
		return
	case LeaseStatusActive:
		fmt.Fprintf(w, "lease %s is ACTIVE, ends %s\n", l.ID, when(l.EndsAt))
	case LeaseStatusScheduled:
		printWaiting(w, l) // booking.go
		return
	case LeaseStatusQueued:
		printQueued(w, l)
		return
	default:
		fmt.Fprintf(w, "lease %s is %s\n", l.ID, l.Status)
	}
	for _, r := range l.Requested {
		if r.Picked {
			fmt.Fprintf(w, "picked %s: the cheapest product that fits\n", r.SKU)
		}
	}
	for _, it := range l.Items {
		fmt.Fprintf(w, "  %s (%s)\n", it.Name, it.SKU)
	}
	printParameters(w, l.Parameters)
	if l.Status == LeaseStatusActive {
		fmt.Fprintf(w, "credentials: hardcandy show %s --credentials\n", l.ID)
	}
}

// leaseFailure handles the error of a vend, expansion or approval that left a lease behind
// (extensions.leaseId): the lease is read back and printed (JSON with --json), so that a script
// learns its id and message, and the error is returned for the exit code (3).
func (o *options) leaseFailure(ctx context.Context, c graphql.Client, err error) error {
	id := leaseOf(err)
	if id == "" {
		return err
	}
	if res, serr := Show(ctx, c, id); serr == nil && res.Lease != nil {
		l := detailJSON(res.Lease.LeaseDetail, false)
		if o.json {
			_ = o.print(l, nil)
		}
	}
	return err
}

// durationFlag checks a duration flag before anything is sent: a malformed value is a usage
// error (exit 2), as for any other flag.
func durationFlag(name, v string) error {
	if _, err := duration.Parse(v); err != nil {
		return UsageError{fmt.Errorf("--%s: %w (e.g. 7d, 36h, 1d12h)", name, err)}
	}
	return nil
}

// waitDecision polls the lease until it is no longer awaiting approval, up to timeout (0: no
// limit). Polling, not the leaseEvents subscription: a decision takes minutes to days, a
// request every few seconds costs nothing, and it survives a dropped connection or a replica
// restart without the resubscribe-and-reread a websocket would need.
func waitDecision(ctx context.Context, c graphql.Client, id string, timeout, every time.Duration, tick func(elapsed time.Duration)) (LeaseDetail, error) {
	start := time.Now()
	for {
		res, err := Show(ctx, c, id)
		if err != nil {
			return LeaseDetail{}, err
		}
		if res.Lease == nil {
			return LeaseDetail{}, fmt.Errorf("NOT_FOUND: lease %s disappeared", id)
		}
		if res.Lease.Status != LeaseStatusPending {
			return res.Lease.LeaseDetail, nil
		}
		if timeout > 0 && time.Since(start) >= timeout {
			return res.Lease.LeaseDetail, ExitError{Code: ExitTimeout, Err: fmt.Errorf(
				"lease %s is still PENDING after %s; it stays PENDING until decided: hardcandy show %s", id, short(timeout), id)}
		}
		if tick != nil {
			tick(time.Since(start))
		}
		select {
		case <-ctx.Done():
			return res.Lease.LeaseDetail, ctx.Err()
		case <-time.After(every):
		}
	}
}

// joinNames lists a lease's item names for a table cell.
func joinNames(l LeaseJSON) string {
	var items []string
	for _, a := range l.Items {
		items = append(items, a.Name)
	}
	if len(items) == 0 {
		var req []string
		for _, r := range l.Requested {
			req = append(req, fmt.Sprintf("%d×%s", r.Quantity, r.SKU))
		}
		return "(" + strings.Join(req, " ") + ")"
	}
	return strings.Join(items, ", ")
}
