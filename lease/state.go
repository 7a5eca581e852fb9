// Package lease owns leases: vend, return, extend, expand, approve and reject, the orders they
// write, and the repair of flows a crash interrupted. Every flow is one function here; the
// GraphQL resolvers, the CLI and the scheduler call them and hold no rules of their own.
package lease

import (
	"context"
	"fmt"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/ent"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/lifecycle"
)

// Status is a lease's status.
type Status = entlease.Status

// The lease statuses.
const (
	Pending  = entlease.StatusPENDING
	Active   = entlease.StatusACTIVE
	Expired  = entlease.StatusEXPIRED
	Returned = entlease.StatusRETURNED
	Rejected = entlease.StatusREJECTED
)

// Machine is the one table of allowed lease transitions (DESIGN §3).
var Machine = lifecycle.New("lease", []Status{Pending, Active, Expired, Returned, Rejected},
	map[Status][]Status{
		Pending: {Active, Rejected},
		Active:  {Expired, Returned},
	})

// move changes a lease's status inside tx when it is still in from, applies extra changes, and
// writes the event. A lease that moved meanwhile is a CONFLICT; nothing else writes a status.
func move(ctx context.Context, tx *ent.Tx, now time.Time, id int, from, to Status, actor, message string, extra func(*ent.LeaseUpdate)) error {
	if err := Machine.Check(from, to); err != nil {
		return err
	}
	upd := tx.Lease.Update().Where(entlease.ID(id), entlease.StatusEQ(from)).SetStatus(to).SetUpdatedAt(now)
	if extra != nil {
		extra(upd)
	}
	n, err := upd.Save(ctx)
	if err != nil {
		return fmt.Errorf("lease %d %s→%s: %w", id, from, to, err)
	}
	if n == 0 {
		return apperr.New(apperr.Conflict, "lease %d is no longer %s", id, from)
	}
	return event(ctx, tx, now, id, actor, "status", string(from), string(to), message)
}

// event writes a lease event.
func event(ctx context.Context, tx *ent.Tx, now time.Time, id int, actor, kind, from, to, message string) error {
	cr := tx.Event.Create().SetAt(now).SetActor(actor).SetKind(kind).SetLeaseID(id)
	if from != "" {
		cr.SetFrom(from)
	}
	if to != "" {
		cr.SetTo(to)
	}
	if message != "" {
		cr.SetMessage(message)
	}
	if err := cr.Exec(ctx); err != nil {
		return fmt.Errorf("lease %d event: %w", id, err)
	}
	return nil
}
