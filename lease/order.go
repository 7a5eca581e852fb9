// This file holds what a vend writes besides the lease: its order (the billing record) and its
// notices.

package lease

import (
	"context"
	"fmt"
	"math/bits"
	"time"

	"github.com/hardcandy/hardcandy/bag"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/notify"
)

// notice writes one notice inside tx when notices are configured.
func (s *Service) notice(ctx context.Context, tx *database.Tx, now time.Time, ev notify.Event) error {
	if s.deps.Notices == nil {
		return nil
	}
	return s.deps.Notices.Enqueue(ctx, tx, now, ev)
}

func (s *Service) deliver() {
	if s.deps.Deliver != nil {
		s.deps.Deliver()
	}
}

// maxTotal bounds one stack's total price in minor units: far beyond any real order, and far
// enough below the int64 range that sums of many stacks (bills, usage) stay exact.
const maxTotal = int64(1) << 53

// price is a stack's static total: price per day × quantity × length, rounded up to a minor unit.
// Callers checked the total fits (checkTotals); beyond it the price saturates rather than wraps.
func price(p *ent.Product, qty int, d time.Duration) int {
	t, ok := total(p, qty, d)
	if !ok {
		return int(maxTotal)
	}
	return int(t)
}

// total computes price per day × quantity × seconds / one day, rounded up, and reports whether
// it stays within maxTotal, without overflowing on the way.
func total(p *ent.Product, qty int, d time.Duration) (int64, bool) {
	if d <= 0 {
		return 0, true
	}
	if p.PricePerDay < 0 || qty < 0 {
		return 0, false
	}
	const day = 24 * 60 * 60
	hi, lo := bits.Mul64(uint64(p.PricePerDay), uint64(qty))
	if hi != 0 {
		return 0, false
	}
	hi, lo = bits.Mul64(lo, uint64(d/time.Second)) // a 128-bit numerator
	lo, carry := bits.Add64(lo, day-1, 0)
	hi += carry
	if hi >= day { // the quotient would not fit 64 bits
		return 0, false
	}
	q, _ := bits.Div64(hi, lo, day)
	if q > uint64(maxTotal) {
		return 0, false
	}
	return int64(q), true
}

// writeOrder writes the immutable billing record of a vend, extension or expansion.
func (s *Service) writeOrder(ctx context.Context, tx *database.Tx, l *ent.Lease, kind string, billed []line, from, to, now time.Time) error {
	contents := &bag.Bag{}
	for _, b := range billed {
		p := price(b.product, b.qty, to.Sub(from))
		contents.Add(bag.Stack{ProductID: b.product.ID, Quantity: b.qty, Price: &p, Currency: b.product.Currency})
	}
	if err := contents.RequireNonNegative("order"); err != nil {
		return err
	}
	bagID, err := bag.Save(ctx, tx.Client(), contents, now)
	if err != nil {
		return err
	}
	err = tx.Order.Create().SetKind(kind).SetLeaseID(l.ID).SetNillableCostCenterID(l.CostCenterID).
		SetUserID(l.OwnerID).SetContentsBagID(bagID).SetPeriodStart(from).SetPeriodEnd(to).SetCreatedAt(now).
		SetParameters(orderParameters(billed)).Exec(ctx)
	if err != nil {
		return fmt.Errorf("write order: %w", err)
	}
	return nil
}
