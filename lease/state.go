// Package lease owns leases: vend, return, extend, expand, approve and reject, the orders they
// write, and the repair of flows a crash interrupted. Every flow is one function here; the
// GraphQL resolvers, the CLI and the scheduler call them and hold no rules of their own.
package lease

import (
	"context"
	"fmt"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
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
	// Scheduled is a reservation: booked over a future interval, holding no item until the
	// scheduler starts it (see book.go).
	Scheduled = entlease.StatusSCHEDULED
	// Queued is a lease on the waiting list: nothing was free when it was vended with wait; it
	// holds no item until it is served (→ PENDING, then ACTIVE as any vend), and is withdrawn
	// or lapses as REJECTED (see queue.go).
	Queued = entlease.StatusQUEUED
)

// Machine is the one table of allowed lease transitions (DESIGN §3).
var Machine = lifecycle.New("lease", []Status{Scheduled, Pending, Active, Expired, Returned, Rejected, Queued},
	map[Status][]Status{
		// At its start a reservation is claimed (PENDING, then ACTIVE once dispensed); cancelled,
		// or failed for want of items, it is REJECTED.
		Scheduled: {Pending, Rejected},
		Pending:   {Active, Rejected, Queued}, // → QUEUED: approved with wait, nothing free
		Active:    {Expired, Returned},
		Queued:    {Pending, Rejected}, // served; withdrawn or lapsed
	})

// Approval is a lease's approval sub-state, kept in its awaiting_approval column beside the
// status: a PENDING or SCHEDULED lease that needs a decider's yes awaits it (and holds no item);
// every other lease is settled: it needed no decision, got one, or ended.
type Approval string

// The approval sub-states.
const (
	Awaiting Approval = "AWAITING"
	Settled  Approval = "SETTLED"
)

// Approvals is the one table of approval moves (DESIGN §3): a decision (approve, reject), a
// withdrawal, or the lease's end or start settles an awaiting lease; an approval whose claim
// found nothing puts the lease back to awaiting. Only the helpers below write the column.
var Approvals = lifecycle.New("approval", []Approval{Awaiting, Settled}, map[Approval][]Approval{
	Awaiting: {Settled},
	Settled:  {Awaiting},
})

// approvalOf is l's approval sub-state.
func approvalOf(l *ent.Lease) Approval {
	if l.AwaitingApproval {
		return Awaiting
	}
	return Settled
}

// approvalAtCreate is a new lease's approval sub-state: awaiting when its plan needs a decision.
func approvalAtCreate[C interface{ SetAwaitingApproval(bool) C }](c C, awaiting bool) C {
	return c.SetAwaitingApproval(awaiting)
}

// approvalDecided settles a lease that still awaits approval, naming who decided: the update
// matches nothing when a concurrent decision or withdrawal got in first. by is empty for a
// withdrawal, which is nobody's decision.
func approvalDecided(u *ent.LeaseUpdate, by string) *ent.LeaseUpdate {
	mustApprovalMove(Awaiting, Settled)
	u.Where(entlease.AwaitingApproval(true)).SetAwaitingApproval(false)
	if by != "" {
		u.SetDecidedBy(by)
	}
	return u
}

// approvalSettled settles a lease whatever its sub-state: it starts, queues or ends, and no
// decision is pending any more.
func approvalSettled(u *ent.LeaseUpdate) *ent.LeaseUpdate {
	return u.SetAwaitingApproval(false)
}

// approvalReopened puts an approved lease back to awaiting, its decision forgotten: the claim the
// approval started found nothing, so a decider may approve it again later.
func approvalReopened(u *ent.LeaseUpdate) *ent.LeaseUpdate {
	mustApprovalMove(Settled, Awaiting)
	return u.Where(entlease.AwaitingApproval(false)).SetAwaitingApproval(true).ClearDecidedBy()
}

// mustApprovalMove holds the helpers to the table: a helper that writes a move the table does
// not allow is a bug, found by the first test that runs it.
func mustApprovalMove(from, to Approval) {
	if err := Approvals.Check(from, to); err != nil {
		panic(err)
	}
}

// move changes a lease's status inside tx when it is still in from, applies extra changes, and
// writes the event. A lease that moved meanwhile is a CONFLICT; nothing else writes a status.
func move(ctx context.Context, tx *database.Tx, now time.Time, id int, from, to Status, actor, message string, extra func(*ent.LeaseUpdate)) error {
	ev, err := moveDeferred(ctx, tx, now, id, from, to, actor, message, extra)
	if err != nil {
		return err
	}
	if err := ev.Exec(ctx); err != nil {
		return fmt.Errorf("lease %d event: %w", id, err)
	}
	return nil
}

// moveDeferred is move with the event returned to be written by the caller, together with
// others in one statement.
func moveDeferred(ctx context.Context, tx *database.Tx, now time.Time, id int, from, to Status, actor, message string, extra func(*ent.LeaseUpdate)) (*ent.EventCreate, error) {
	if err := Machine.Check(from, to); err != nil {
		return nil, err
	}
	upd := tx.Lease.Update().Where(entlease.ID(id), entlease.StatusEQ(from)).SetStatus(to).SetUpdatedAt(now)
	if extra != nil {
		extra(upd)
	}
	n, err := upd.Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("lease %d %s→%s: %w", id, from, to, err)
	}
	if n == 0 {
		return nil, apperr.New(apperr.Conflict, "lease %d is no longer %s", id, from)
	}
	if terminal(to) {
		if err := trimBookings(ctx, tx, now, []int{id}); err != nil {
			return nil, err
		}
	}
	return newEvent(tx, now, id, actor, "status", string(from), string(to), message), nil
}

// event writes a lease event.
func event(ctx context.Context, tx *database.Tx, now time.Time, id int, actor, kind, from, to, message string) error {
	if err := newEvent(tx, now, id, actor, kind, from, to, message).Exec(ctx); err != nil {
		return fmt.Errorf("lease %d event: %w", id, err)
	}
	return nil
}

// newEvent builds a lease event.
func newEvent(tx *database.Tx, now time.Time, id int, actor, kind, from, to, message string) *ent.EventCreate {
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
	return cr
}

// moveMany is move for a batch: every lease in ids must still be in from, or nothing moves.
func moveMany(ctx context.Context, tx *database.Tx, now time.Time, ids []int, from, to Status, actor, message string, extra func(*ent.LeaseUpdate)) error {
	if err := Machine.Check(from, to); err != nil {
		return err
	}
	upd := tx.Lease.Update().Where(entlease.IDIn(ids...), database.StillIn(entlease.FieldStatus, from)).
		SetStatus(to).SetUpdatedAt(now)
	if extra != nil {
		extra(upd)
	}
	n, err := upd.Save(ctx)
	if err != nil {
		return fmt.Errorf("leases %s→%s: %w", from, to, err)
	}
	if n != len(ids) {
		return apperr.New(apperr.Conflict, "%d of %d leases are no longer %s", len(ids)-n, len(ids), from)
	}
	if terminal(to) {
		if err := trimBookings(ctx, tx, now, ids); err != nil {
			return err
		}
	}
	events := make([]*ent.EventCreate, len(ids))
	for i, id := range ids {
		events[i] = newEvent(tx, now, id, actor, "status", string(from), string(to), message)
	}
	for start := 0; start < len(events); start += eventChunk {
		if err := tx.Event.CreateBulk(events[start:min(start+eventChunk, len(events))]...).Exec(ctx); err != nil {
			return fmt.Errorf("lease events: %w", err)
		}
	}
	return nil
}

// eventChunk bounds one bulk insert of events (SQLite limits the parameters of a statement).
const eventChunk = 1000
