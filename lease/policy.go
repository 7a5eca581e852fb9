// This file holds the pure leasing rules: durations, expansions, order totals, the per-user and
// cost-center limits, what needs approval and who may use a product.

package lease

import (
	"context"
	"fmt"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/bag"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/booking"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/predicate"
	"github.com/hardcandy/hardcandy/viewer"
	"github.com/hardcandy/hardcandy/visibility"
)

func (p *plan) needsApproval() bool {
	for _, l := range p.billed {
		if l.product.RequiresApproval {
			return true
		}
	}
	return false
}

// defaultDuration is the duration of a vend that names none: the product's defaultDuration,
// for several lines the smallest of them, so that no line gets longer than its product offers by
// default.
func defaultDuration(p *plan) (duration.Duration, error) {
	var d duration.Duration
	for _, l := range p.billed {
		if def := l.product.DefaultDuration; def != nil && (d == 0 || *def < d) {
			d = *def
		}
	}
	if d == 0 {
		return 0, invalid("duration: required, as %s has no default duration", p.billed[0].product.Sku)
	}
	return d, nil
}

// checkDuration applies each billed product's min and max duration.
func checkDuration(p *plan, d duration.Duration) error {
	if d <= 0 {
		return invalid("duration: must be positive")
	}
	for _, l := range p.billed {
		pr := l.product
		if pr.MinDuration != nil && d < *pr.MinDuration {
			return apperr.New(apperr.PolicyViolation, "%s: a lease lasts at least %s; asked for %s", pr.Sku, pr.MinDuration, d)
		}
		if pr.MaxDuration != nil && d > *pr.MaxDuration {
			return apperr.New(apperr.PolicyViolation, "%s: a lease lasts at most %s; asked for %s", pr.Sku, pr.MaxDuration, d)
		}
	}
	return nil
}

// checkExpansion applies each added product's duration rules to the lease it joins: its min and
// max duration to the time the lease has left, and its maxLifetime to the lease's whole span,
// which, as for an extension, a manager of the cost center or an admin may allow (override). The
// order total is bounded as for a vend.
func checkExpansion(p *plan, l *ent.Lease, now time.Time, override bool) error {
	if l.StartsAt == nil || l.EndsAt == nil {
		return apperr.New(apperr.Conflict, "lease %d has not started", l.ID)
	}
	left := duration.Duration(l.EndsAt.Sub(now).Truncate(time.Second))
	span := duration.Duration(l.EndsAt.Sub(*l.StartsAt).Truncate(time.Second))
	for _, b := range p.billed {
		pr := b.product
		switch {
		case pr.MinDuration != nil && left < *pr.MinDuration:
			return apperr.New(apperr.PolicyViolation, "%s: a lease lasts at least %s; lease %d has %s left", pr.Sku, pr.MinDuration, l.ID, left)
		case pr.MaxDuration != nil && left > *pr.MaxDuration:
			return apperr.New(apperr.PolicyViolation, "%s: a lease lasts at most %s; lease %d has %s left, vend it as a lease of its own", pr.Sku, pr.MaxDuration, l.ID, left)
		case !override && pr.MaxLifetime != nil && span > *pr.MaxLifetime:
			return apperr.New(apperr.PolicyViolation, "%s: a lease may last at most %s in total; lease %d lasts %s", pr.Sku, pr.MaxLifetime, l.ID, span)
		}
	}
	return checkTotals(p.billed, l.EndsAt.Sub(now))
}

// checkTotals refuses an order whose stacks' totals (price per day × quantity × length) would
// not fit: with an extreme price or duration the product overflows, and an order would record
// a negative total.
func checkTotals(billed []line, d time.Duration) error {
	for _, b := range billed {
		if _, ok := total(b.product, b.qty, d); !ok {
			return apperr.New(apperr.InvalidArgument, "%s: %d × %d per day for %s is beyond the largest order total this service records (%d minor units); ask for less",
				b.product.Sku, b.qty, b.product.PricePerDay, duration.Duration(d.Truncate(time.Second)), maxTotal)
		}
	}
	return nil
}

// limits is what one claim may add for its owner: the per-user limit and, for the products the
// owner's cost center has an entitlement to, that entitlement. loadLimits reads it before the
// claim; the claim enforces it inside its transaction (holdLimits), where the count and the
// writes it allows are serialized per owner and per cost center.
type limits struct {
	owner    *owner
	want     int             // items the claim adds
	max      int             // the per-user limit
	cc       *ent.CostCenter // the owner's, when an entitlement applies to the claim
	entitled []entitled

	// lockedIn is the transaction that holds the owner's (and cost center's) lock; start is the
	// owner's bookings at the claim's start, read by holdLimits with the count, for
	// holdLimitsOverTime in the same transaction.
	lockedIn *database.Tx
	start    *ownerStart
}

// ownerStart is what holdLimits read of the owner's bookings over [from, to) in tx.
type ownerStart struct {
	tx       *database.Tx
	from, to time.Time
	counts   startCounts
}

// entitled is one product of a claim under its cost center's entitlement.
type entitled struct {
	product *ent.Product
	qty     int // the claim adds
	limit   int // the cost center may hold
}

// loadLimits reads what applies to adding p's items for o (the entitlements bag), without
// counting anything yet.
func (s *Service) loadLimits(sys context.Context, o *owner, p *plan) (*limits, error) {
	lim := &limits{owner: o, want: p.itemCount(), max: s.cfg.MaxItemsPerUser}
	if o.costCenterID == nil {
		return lim, nil
	}
	var cc *ent.CostCenter
	if o.user != nil {
		cc = o.user.Edges.CostCenter // loaded with the owner
	}
	if cc == nil {
		var err error
		if cc, err = s.client.CostCenter.Get(sys, *o.costCenterID); err != nil {
			return nil, database.Wrap(err, "cost center %d", *o.costCenterID)
		}
	}
	if cc.EntitlementsBagID == nil {
		return lim, nil
	}
	bg, err := bag.Load(sys, s.client, *cc.EntitlementsBagID)
	if err != nil {
		return nil, err
	}
	for _, l := range p.items {
		if hasStack(bg, l.product.ID) {
			lim.entitled = append(lim.entitled, entitled{product: l.product, qty: l.qty, limit: bg.Quantity(l.product.ID)})
		}
	}
	if len(lim.entitled) > 0 {
		lim.cc = cc
	}
	return lim, nil
}

// holdLimits enforces lim in tx, the claim's transaction, before it writes: it first locks the
// owner and, when an entitlement applies, the cost center (lockLimits), then counts what they
// hold, claims still at the dispenser included. When the claim's window [from, to) is known (to
// not zero), the same statement reads the owner's bookings at its start, which
// holdLimitsOverTime then uses instead of reading them again.
func (s *Service) holdLimits(ctx context.Context, tx *database.Tx, lim *limits, from, to time.Time) error {
	if err := lockLimits(ctx, tx, lim); err != nil {
		return err
	}
	if to.IsZero() {
		return countLimits(ctx, tx.Client(), lim, nil)
	}
	at, err := readAtStart(ctx, tx, tx.Dialect(), startQuery{scope: []predicate.Booking{booking.OwnerID(lim.owner.id)},
		holder: lim.owner.id, from: from, end: to})
	if err != nil {
		return fmt.Errorf("count held items: %w", err)
	}
	lim.start = &ownerStart{tx: tx, from: from, to: to, counts: at}
	return countLimits(ctx, tx.Client(), lim, &at.allocated)
}

// lockLimits locks lim's owner and, when an entitlement applies, its cost center, once per
// transaction (database.Lock: on Postgres, claims of the same owner or cost center on any replica
// then count one after another; on SQLite the single writer already runs them so).
func lockLimits(ctx context.Context, tx *database.Tx, lim *limits) error {
	if lim.lockedIn == tx {
		return nil
	}
	keys := []database.LockKey{{Space: "owner", ID: lim.owner.id}}
	if lim.cc != nil {
		keys = append(keys, database.LockKey{Space: "cost center", ID: lim.cc.ID})
	}
	if err := database.Lock(ctx, tx, keys...); err != nil {
		return err
	}
	lim.lockedIn = tx
	return nil
}

// ownerAtStart is the owner's bookings at from over [from, to), lease except's left out: what
// holdLimits read in tx, or read now.
func (lim *limits) ownerAtStart(ctx context.Context, tx *database.Tx, from, to time.Time, except int) (startCounts, error) {
	if st := lim.start; st != nil && st.tx == tx && except == 0 && st.from.Equal(from) && st.to.Equal(to) {
		return st.counts, nil
	}
	return readAtStart(ctx, tx, tx.Dialect(), startQuery{scope: []predicate.Booking{booking.OwnerID(lim.owner.id)},
		from: from, end: to, except: except})
}

// checkLimits applies the per-user limit and the cost center's entitlements to adding p's items,
// outside any claim: for a lease that waits for approval, whose items are only claimed, and
// checked again, when it is approved.
func (s *Service) checkLimits(ctx context.Context, o *owner, p *plan) error {
	lim, err := s.loadLimits(ctx, o, p)
	if err != nil {
		return err
	}
	return countLimits(ctx, s.client, lim, nil)
}

// countLimits counts what lim's owner and cost center hold, through c, and refuses what would
// exceed a limit. held, when not nil, is what the owner holds, already counted.
func countLimits(sys context.Context, c *ent.Client, lim *limits, held *int) error {
	if held == nil {
		// What the user holds is their unreleased allocations (an allocation is released when
		// its lease ends, see Violations): one range of the (owner_id, released_at) index,
		// costing what the user holds, not what everyone holds or what the user ever held.
		n, err := c.Allocation.Query().Where(allocation.OwnerID(lim.owner.id), allocation.ReleasedAtIsNil()).
			Unique(false).Count(sys)
		if err != nil {
			return fmt.Errorf("count held items: %w", err)
		}
		held = &n
	}
	if *held+lim.want > lim.max {
		return apperr.New(apperr.PolicyViolation, "per-user limit: %s holds %d items and asks for %d more; the limit is %d",
			lim.owner.name, *held, lim.want, lim.max)
	}
	for _, e := range lim.entitled {
		holding, err := c.Lease.Query().
			Where(entlease.CostCenterID(lim.cc.ID), entlease.StatusIn(Pending, Active)).
			QueryAllocations().Where(allocation.ReleasedAtIsNil(), allocation.HasItemWith(inventoryitem.ProductID(e.product.ID))).
			Unique(false).Count(sys)
		if err != nil {
			return fmt.Errorf("count cost center holding: %w", err)
		}
		if holding+e.qty > e.limit {
			return apperr.New(apperr.PolicyViolation, "entitlement: cost center %s may hold %d of %s and holds %d; %d more would exceed it",
				lim.cc.Code, e.limit, e.product.Sku, holding, e.qty)
		}
	}
	return nil
}

func hasStack(b *bag.Bag, productID int) bool {
	for _, st := range b.Stacks() {
		if st.ProductID == productID {
			return true
		}
	}
	return false
}

// checkDispenser asks each billed product's dispenser whether the user may lease it.
func (s *Service) checkDispenser(ctx context.Context, o *owner, p *plan, d duration.Duration) error {
	for _, l := range p.billed {
		err := s.dispenser.Check(ctx, dispenser.CheckRequest{User: o.dispenserUser(), SKU: l.product.Sku,
			Type: l.product.Type, Quantity: l.qty, Duration: d.String()})
		if err != nil {
			return dispenserError(err)
		}
	}
	return nil
}

// mayUse reports whether v may vend p: any catalog product; a custom one only when it was made
// for v or v may see its requester's holdings (visibility.MaySee: their cost center's managers,
// admins), the Product read policy (schema.ProductScope) for one product. To anyone else a
// custom SKU does not exist.
func mayUse(v viewer.Viewer, p *ent.Product) bool {
	if !p.Custom {
		return true
	}
	if p.CustomForID == nil {
		return v.IsAdmin()
	}
	return visibility.MaySee(v, visibility.Holding{OwnerID: *p.CustomForID, CostCenterID: p.CustomCostCenterID})
}
