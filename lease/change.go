// This file holds the changes to an existing lease: return, extend, expand, approve and reject.

package lease

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
)

// returnLease gives a lease back early: ACTIVE → RETURNED, its items to REBUILDING and
// reclamation triggered at once. A lease still awaiting approval is withdrawn (REJECTED).
func (s *Service) returnLease(ctx context.Context, id int) (*ent.Lease, error) {
	v, sys, l, err := s.actOn(ctx, id, "returnLease")
	if err != nil {
		return nil, err
	}
	now := s.now()
	switch {
	case l.Status == Pending && approvalOf(l) == Awaiting:
		if s.beforeWithdraw != nil {
			s.beforeWithdraw(id)
		}
		err = s.store.Write(sys, func(tx *database.Tx) error {
			// Only while it still awaits: an approval that got in first is being vended, and
			// withdrawing it now would leave the dispenser provisioning for a rejected lease.
			err := move(sys, tx, now, id, Pending, Rejected, v.Name, "withdrawn by "+v.Name, func(u *ent.LeaseUpdate) {
				approvalDecided(u, "").SetStatusMessage("withdrawn by " + v.Name).SetEndedAt(now)
			})
			if errors.Is(err, apperr.Conflict) {
				return apperr.New(apperr.Conflict, "lease %d is no longer awaiting approval: it was decided meanwhile", id)
			}
			return err
		})
	case l.Status == Scheduled:
		err = s.store.Write(sys, func(tx *database.Tx) error { return s.cancelBooking(sys, tx, now, id, v.Name) })
	case l.Status == Queued:
		err = s.withdraw(sys, v, l)
	case l.Status == Pending:
		return nil, apperr.New(apperr.Conflict, "lease %d is being vended; return it once it is ACTIVE", id)
	case l.Status != Active:
		return nil, apperr.New(apperr.Conflict, "lease %d is %s; only an ACTIVE lease can be returned", id, l.Status)
	default:
		err = s.store.Write(sys, func(tx *database.Tx) error {
			if err := s.end(sys, tx, now, l, Returned, v.Name, "returned by "+v.Name); err != nil {
				return err
			}
			return s.notice(sys, tx, now, notify.Event{Kind: notify.KindReturned, LeaseID: &id, Message: "returned by " + v.Name})
		})
	}
	if err != nil {
		return nil, database.Wrap(err, "return lease %d", id)
	}
	s.kickReclaim()
	s.deliver()
	return s.loadAndEmit(sys, id, "")
}

// end moves an ACTIVE lease to RETURNED or EXPIRED inside tx: allocations released, items to
// REBUILDING for reclamation.
func (s *Service) end(ctx context.Context, tx *database.Tx, now time.Time, l *ent.Lease, to Status, actor, message string) error {
	if err := move(ctx, tx, now, l.ID, Active, to, actor, message, func(u *ent.LeaseUpdate) { u.SetEndedAt(now) }); err != nil {
		return err
	}
	if err := lapseRequests(ctx, tx, now, []int{l.ID}, "the lease was "+strings.ToLower(string(to))+" first"); err != nil {
		return err
	}
	allocs, err := tx.Allocation.Query().Where(allocation.LeaseID(l.ID), allocation.ReleasedAtIsNil()).All(ctx)
	if err != nil {
		return err
	}
	var ids, itemIDs []int
	for _, a := range allocs {
		ids = append(ids, a.ID)
		itemIDs = append(itemIDs, a.ItemID)
	}
	if len(ids) == 0 {
		return nil
	}
	if err := tx.Allocation.Update().Where(allocation.IDIn(ids...)).SetReleasedAt(now).Exec(ctx); err != nil {
		return err
	}
	return inventory.Transition(ctx, tx, now, inventory.Move{ItemIDs: itemIDs, To: inventory.Rebuilding,
		Actor: actor, Reason: fmt.Sprintf("lease %d %s", l.ID, strings.ToLower(string(to))), LeaseID: &l.ID})
}

// billedLines resolves a lease's requested lines (bundles as themselves) for policy and orders.
func (s *Service) billedLines(ctx context.Context, l *ent.Lease) ([]line, error) {
	var skus []string
	qty := map[string]int{}
	vals := map[string][]schematype.ParameterValue{}
	for _, r := range l.Request {
		if _, seen := qty[r.SKU]; !seen {
			skus = append(skus, r.SKU)
		}
		qty[r.SKU] += r.Quantity
		vals[r.SKU] = append(vals[r.SKU], requestValues(r)...)
	}
	prods, err := s.client.Product.Query().Where(product.SkuIn(skus...)).All(ctx)
	if err != nil {
		return nil, err
	}
	sort.Slice(prods, func(i, j int) bool { return slices.Index(skus, prods[i].Sku) < slices.Index(skus, prods[j].Sku) })
	out := make([]line, len(prods))
	for i, p := range prods {
		out[i] = line{product: p, qty: qty[p.Sku], values: vals[p.Sku]}
	}
	return out, nil
}

// Extend moves an ACTIVE lease's end by `by`. Within each product's policy the owner may;
// beyond maxLifetime, or where extensions need approval, a manager of the cost center or an
// admin may (their action is the approval). The owner asking beyond policy gets an extension
// request instead: the lease keeps its end, returned with the request open, until a manager or
// an admin decides (ApproveExtension, RejectExtension); one request per lease at a time.
func (s *Service) Extend(ctx context.Context, id int, by duration.Duration) (*ent.Lease, error) {
	if by <= 0 {
		return nil, invalid("by: must be positive")
	}
	v, sys, l, err := s.actOn(ctx, id, "extendLease")
	if err != nil {
		return nil, err
	}
	if l.Status != Active || l.EndsAt == nil || l.StartsAt == nil {
		return nil, apperr.New(apperr.Conflict, "lease %d is %s; only an ACTIVE lease can be extended", id, l.Status)
	}
	billed, err := s.billedLines(sys, l)
	if err != nil {
		return nil, err
	}
	if err := checkTotals(billed, by.Std()); err != nil {
		return nil, err
	}
	newEnd := l.EndsAt.Add(by.Std())
	span := duration.Duration(newEnd.Sub(*l.StartsAt))
	if !mayOverride(v, l) {
		// One ask at a time: while a request awaits its decision the owner waits for it.
		open, err := s.openRequest(sys, id)
		if err != nil {
			return nil, err
		}
		if open != nil {
			return nil, apperr.New(apperr.Conflict, "lease %d has an extension request awaiting a decision (request %d, by %s); wait for it", id, open.ID, open.By)
		}
		if rule := beyondPolicy(billed, by, span); rule != "" {
			return s.requestExtension(sys, v, l, by, rule)
		}
	}
	now := s.now()
	err = s.store.Write(sys, func(tx *database.Tx) error {
		n, err := tx.Lease.Update().Where(entlease.ID(id), entlease.StatusEQ(Active), entlease.EndsAt(*l.EndsAt)).
			SetEndsAt(newEnd).SetUpdatedAt(now).Save(sys)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "lease %d changed meanwhile; try again", id)
		}
		if err := s.extendBookings(sys, tx, l, newEnd); err != nil {
			return err
		}
		if err := event(sys, tx, now, id, v.Name, "extended", "", "",
			fmt.Sprintf("by %s, now ends %s", by, newEnd.Format(time.RFC3339))); err != nil {
			return err
		}
		return s.writeOrder(sys, tx, l, "EXTEND", billed, *l.EndsAt, newEnd, now)
	})
	if err != nil {
		return nil, database.Wrap(err, "extend lease %d", id)
	}
	return s.loadAndEmit(sys, id, "EXTENDED")
}

// Expand adds items to an ACTIVE lease with the same end, all or nothing.
func (s *Service) Expand(ctx context.Context, id int, lines []*schematype.LeaseLine) (*ent.Lease, error) {
	v, sys, l, err := s.actOn(ctx, id, "expandLease")
	if err != nil {
		return nil, err
	}
	if l.Status != Active || l.EndsAt == nil {
		return nil, apperr.New(apperr.Conflict, "lease %d is %s; only an ACTIVE lease can be expanded", id, l.Status)
	}
	if !l.EndsAt.After(s.now()) {
		return nil, apperr.New(apperr.Conflict, "lease %d has ended", id)
	}
	var req []schematype.LeaseLine
	for _, ln := range lines {
		req = append(req, *ln)
	}
	p, err := s.resolve(sys, req)
	if err != nil {
		return nil, err
	}
	if err := checkExpansion(p, l, s.now(), mayOverride(v, l)); err != nil {
		return nil, err
	}
	if p.needsApproval() && !mayOverride(v, l) {
		return nil, apperr.New(apperr.PolicyViolation, "adding products that need approval takes a manager or an admin; vend them as a new lease instead")
	}
	o, err := s.loadOwner(sys, l.OwnerID)
	if err != nil {
		return nil, err
	}
	// The limits are enforced in the claim.
	if err := s.checkDispenser(sys, o, p, l.Duration); err != nil {
		return nil, err
	}
	spec := newLease{owner: o, plan: p, duration: l.Duration, actor: v.Name}
	octx, err := s.outcomeContext(sys)
	if err != nil {
		return nil, err
	}
	_, items, err := s.claim(octx, spec, &id)
	if err != nil {
		return nil, err
	}
	if _, err := s.dispense(octx, id, o, l.Duration, p, items, v.Name, true); err != nil {
		return nil, apperr.WithLease(err, id)
	}
	return s.loadAndEmit(octx, id, "EXPANDED")
}

// Approve decides for a lease awaiting approval and vends it. Managers of the owner's cost
// center and admins may; a manager cannot approve their own lease. Out of stock leaves the lease
// PENDING for a later try.
func (s *Service) Approve(ctx context.Context, id int) (*ent.Lease, error) {
	v, sys, l, err := s.decide(ctx, id, "approveLease")
	if err != nil {
		return nil, err
	}
	if l.Status == Scheduled {
		return s.approveBooking(sys, v, l)
	}
	o, err := s.loadOwner(sys, l.OwnerID)
	if err != nil {
		return nil, err
	}
	req, err := s.unsealRequest(l.Request)
	if err != nil {
		return nil, err
	}
	p, err := s.resolve(sys, req)
	if err != nil {
		return nil, err
	}
	// A lease over the limits stays awaiting approval, its decision unrecorded. The claim checks
	// again, serialized with every other claim of the owner.
	if err := s.checkLimits(sys, o, p); err != nil {
		return nil, err
	}
	// From the decision on, the approval runs to its outcome whatever happens to the request.
	octx, err := s.outcomeContext(sys)
	if err != nil {
		return nil, err
	}
	now := s.now()
	// Mark the decision first, so the repair sees a lease on the dispenser, not one awaiting.
	err = s.store.Write(octx, func(tx *database.Tx) error {
		n, err := approvalDecided(tx.Lease.Update().Where(entlease.ID(id), entlease.StatusEQ(Pending)), v.Name).
			SetUpdatedAt(now).Save(octx)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "lease %d is no longer awaiting approval", id)
		}
		return event(octx, tx, now, id, v.Name, "approved", "", "", "approved by "+v.Name)
	})
	if err != nil {
		return nil, database.Wrap(err, "approve lease %d", id)
	}
	spec := newLease{owner: o, plan: p, duration: l.Duration, actor: v.Name}
	_, items, err := s.claim(octx, spec, &id)
	if err != nil && l.MaxWait != nil && errors.Is(err, apperr.OutOfStock) {
		// Vended with wait: approved, it waits for items (QUEUED).
		return s.enqueueApproved(octx, id, *l.MaxWait, p, v.Name)
	}
	if err != nil {
		// Put it back to awaiting approval: nothing was claimed.
		_ = s.store.Write(octx, func(tx *database.Tx) error {
			return approvalReopened(tx.Lease.Update().Where(entlease.ID(id))).SetUpdatedAt(s.now()).Exec(octx)
		})
		return nil, err
	}
	if _, err := s.dispense(octx, id, o, l.Duration, p, items, v.Name, false); err != nil {
		_, _ = s.loadAndEmit(octx, id, "")
		return nil, apperr.WithLease(err, id)
	}
	return s.loadAndEmit(octx, id, "")
}

// Reject turns down a lease awaiting approval, with a reason.
func (s *Service) Reject(ctx context.Context, id int, reason string) (*ent.Lease, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, invalid("reason: say why the lease is rejected")
	}
	v, sys, l, err := s.decide(ctx, id, "rejectLease")
	if err != nil {
		return nil, err
	}
	now := s.now()
	err = s.store.Write(sys, func(tx *database.Tx) error {
		err := move(sys, tx, now, id, l.Status, Rejected, v.Name, reason, func(u *ent.LeaseUpdate) {
			approvalDecided(u, v.Name).SetStatusMessage(reason).SetEndedAt(now)
		})
		if err != nil {
			return err
		}
		return s.notice(sys, tx, now, notify.Event{Kind: notify.KindRejected, LeaseID: &id, Message: "rejected by " + v.Name + ": " + reason})
	})
	if err != nil {
		return nil, database.Wrap(err, "reject lease %d", id)
	}
	s.deliver()
	return s.loadAndEmit(sys, id, "")
}
