package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/Khan/genqlient/graphql"
	"github.com/spf13/cobra"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/hardcandy/hardcandy/duration"
)

// bookFlags are vend's flags for time: a reservation (--at, --until) or the first fit
// (--earliest). A place in the waiting list is vend --wait (cli.go).
type bookFlags struct {
	at, until string
	earliest  bool
}

func (b *bookFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&b.at, "at", "", `reserve ahead: start then, "2026-12-08 09:00" (local time), 2026-12-08 (its midnight) or RFC 3339; the lease is SCHEDULED`)
	f.StringVar(&b.until, "until", "", "with --at, end then instead of giving --duration")
	f.BoolVar(&b.earliest, "earliest", false, "book the first time the request fits (at or after --at; now when left out)")
}

// set tells whether vend was asked for anything but now.
func (b *bookFlags) set() bool {
	return b.at != "" || b.until != "" || b.earliest
}

// book is vend with time: a reservation at --at, or the first fit with --earliest (retried once
// when someone else took that fit meanwhile).
func (o *options) book(cmd *cobra.Command, in VendInput, b *bookFlags) error {
	now := time.Now()
	switch {
	case in.Wait != nil && *in.Wait:
		return UsageError{errors.New("--wait waits for items free now: not with --at or --earliest")}
	case b.until != "" && (b.at == "" || b.earliest):
		return UsageError{errors.New("--until goes with --at (a fixed start); with --earliest give --duration")}
	}
	var start time.Time
	if b.at != "" {
		var err error
		if start, err = timeFlag("at", b.at, now); err != nil {
			return err
		}
		if !b.earliest && !start.After(now) {
			return UsageError{fmt.Errorf("--at %s has passed: leave --at out to vend now", localTime(start))}
		}
	}
	if b.until != "" {
		if in.Duration != nil {
			return UsageError{errors.New("give --duration or --until, not both")}
		}
		d, err := interval(start, "", b.until, now)
		if err != nil {
			return err
		}
		text := duration.Duration(d).String()
		in.Duration = &text
	}
	c, err := o.client()
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	if b.earliest {
		return o.bookEarliest(cmd, c, in, start)
	}
	s := start.UTC()
	in.StartsAt = &s
	res, err := Book(ctx, c, in)
	if err != nil {
		return o.leaseFailure(ctx, c, err)
	}
	return o.printBooked(ctx, c, leaseJSON(res.Vend.LeaseSummary, nil))
}

// bookEarliest asks for the first fit at or after `after` (now when zero), then books it; a
// fit taken by someone else in between (OUT_OF_STOCK or CONFLICT) is looked up and tried once
// more.
func (o *options) bookEarliest(cmd *cobra.Command, c graphql.Client, in VendInput, after time.Time) error {
	ctx := cmd.Context()
	dur, err := o.requestDuration(ctx, c, in)
	if err != nil {
		return err
	}
	var afterp *time.Time
	if !after.IsZero() {
		a := after.UTC()
		afterp = &a
	}
	for attempt := 1; ; attempt++ {
		res, err := EarliestStart(ctx, c, in.Sku, in.Lines, dur, afterp)
		if err != nil {
			return err
		}
		fit := res.EarliestStart
		in.StartsAt = nil
		if fit.After(time.Now()) {
			s := fit.UTC()
			in.StartsAt = &s
		}
		booked, err := Book(ctx, c, in)
		if err == nil {
			return o.printBooked(ctx, c, leaseJSON(booked.Vend.LeaseSummary, nil))
		}
		if attempt == 1 && lostRace(err) {
			fmt.Fprintf(cmd.ErrOrStderr(), "the fit at %s was taken meanwhile (%s); trying the next one\n", localTime(fit), Describe(err))
			continue
		}
		return o.leaseFailure(ctx, c, err)
	}
}

// requestDuration is the length --earliest looks for: --duration, else the product's default
// (one product only: several lines must say).
func (o *options) requestDuration(ctx context.Context, c graphql.Client, in VendInput) (string, error) {
	if in.Duration != nil {
		return *in.Duration, nil
	}
	sku := ""
	switch {
	case in.Sku != nil:
		sku = *in.Sku
	case len(in.Lines) == 1 && in.Lines[0].Sku != nil:
		sku = *in.Lines[0].Sku
	default:
		return "", UsageError{errors.New("--earliest with several lines needs --duration")}
	}
	res, err := ProductDefaultDuration(ctx, c, sku)
	if err != nil {
		return "", err
	}
	if res.Product == nil {
		return "", fmt.Errorf("NOT_FOUND: no product %s", sku)
	}
	if res.Product.DefaultDuration == nil {
		return "", UsageError{fmt.Errorf("%s has no default duration: give --duration", sku)}
	}
	return *res.Product.DefaultDuration, nil
}

// printBooked prints a vend with time.
func (o *options) printBooked(_ context.Context, _ graphql.Client, l LeaseJSON) error {
	if err := o.print(l, func(w io.Writer) { printLease(w, l) }); err != nil {
		return err
	}
	if l.Status == LeaseStatusRejected {
		return rejected(l.ID, l.StatusMessage)
	}
	return nil
}

// errorCode is the server's code of err (extensions.code), or "".
func errorCode(err error) string {
	var list gqlerror.List
	if errors.As(err, &list) && len(list) > 0 {
		if code, ok := list[0].Extensions["code"].(string); ok {
			return code
		}
	}
	return ""
}

// lostRace tells a booking refused because the capacity went to someone else meanwhile.
func lostRace(err error) bool {
	switch errorCode(err) {
	case "OUT_OF_STOCK", "CONFLICT":
		return true
	}
	return false
}

// startsCell is mine's STARTS column: when a SCHEDULED lease starts, a QUEUED lease's place.
func startsCell(l LeaseJSON) string {
	switch l.Status {
	case LeaseStatusScheduled:
		return when(l.StartsAt)
	case LeaseStatusQueued:
		return queuePlace(l) // queue.go
	}
	return "-"
}

// bookingCommands are the verbs for reservations: reschedule.
func (o *options) bookingCommands() []*cobra.Command {
	var at, dur, until string
	reschedule := o.verb(&cobra.Command{
		Use:   "reschedule ID [--at TIME] [--duration D | --until TIME]",
		Short: "Move or stretch a reservation (a SCHEDULED lease); re-checked against the calendar at once",
		Example: `  hardcandy reschedule 12 --at "2026-12-09 09:00"              # same length, a day later
  hardcandy reschedule 12 --duration 5d                        # same start, longer
  hardcandy reschedule 12 --at 2026-12-10 --until "2026-12-12 18:00" --json`,
		Args:              exact(1),
		ValidArgsFunction: o.completeLeases,
		RunE: func(cmd *cobra.Command, args []string) error {
			if at == "" && dur == "" && until == "" {
				return UsageError{errors.New("say what changes: --at, --duration or --until")}
			}
			now := time.Now()
			var start time.Time
			if at != "" {
				var err error
				if start, err = timeFlag("at", at, now); err != nil {
					return err
				}
			}
			if dur != "" {
				if err := durationFlag("duration", dur); err != nil {
					return err
				}
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			cur, err := Show(ctx, c, args[0])
			if err != nil {
				return err
			}
			if cur.Lease == nil {
				return fmt.Errorf("NOT_FOUND: no lease %s that you may see", args[0])
			}
			l := cur.Lease.LeaseSummary
			if start.IsZero() {
				if l.StartsAt == nil {
					return UsageError{fmt.Errorf("lease %s has no start: give --at", l.Id)}
				}
				start = *l.StartsAt
			}
			length, err := interval(start, dur, until, now)
			if err != nil {
				return err
			}
			if length == 0 {
				if l.StartsAt == nil || l.EndsAt == nil {
					return UsageError{fmt.Errorf("lease %s has no booked interval: give --duration or --until", l.Id)}
				}
				length = l.EndsAt.Sub(*l.StartsAt)
			}
			res, err := Reschedule(ctx, c, l.Id, start.UTC(), start.Add(length).UTC())
			if err != nil {
				return err
			}
			out := leaseJSON(res.RescheduleLease.LeaseSummary, nil)
			return o.print(out, func(w io.Writer) { printLease(w, out) })
		},
	})
	reschedule.Flags().StringVar(&at, "at", "", `the new start: "2026-12-09 09:00" (local time), 2026-12-09 or RFC 3339 (default: the same start)`)
	reschedule.Flags().StringVar(&dur, "duration", "", "the new length from the start: 3d, 36h (default: the same length)")
	reschedule.Flags().StringVar(&until, "until", "", "the new end instead of --duration")
	return []*cobra.Command{reschedule}
}

// printWaiting is printLease for a reservation (SCHEDULED): its interval and how to move or
// cancel it.
func printWaiting(w io.Writer, l LeaseJSON) {
	fmt.Fprintf(w, "lease %s is SCHEDULED: starts %s, ends %s\n", l.ID, when(l.StartsAt), when(l.EndsAt))
	fmt.Fprintf(w, "  reserved: %s; move it: hardcandy reschedule %s --at TIME; cancel (nothing charged): hardcandy return %s\n", joinNames(l), l.ID, l.ID)
}
