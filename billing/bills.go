// Bills and their lines: reading a cost center's definitive bills or computing its live draft.

package billing

import (
	"context"
	"sort"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/queries"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/bill"
	"github.com/hardcandy/hardcandy/ent/costcenter"
	"github.com/hardcandy/hardcandy/visibility"
)

// Bill is what a cost center owes in one currency for one month: a live draft until the month
// is closed, then definitive and never changed.
type Bill struct {
	ID           int
	CostCenterID int
	Month        string
	Definitive   bool
	Total        int
	Currency     string
	Lines        []Line
}

// IsNode marks a bill as a GraphQL node.
func (Bill) IsNode() {}

// Line is the charge for one product under one lease within a bill.
type Line struct {
	ProductID int
	LeaseID   *int
	ItemHours float64
	Amount    int
}

// Bills returns a cost center's bills for a month, one per currency: the definitive ones once
// the month is closed, else a live draft. Managers see their own cost center's, admins any; the
// defaults are the caller's cost center and the current month.
func (s *Service) Bills(ctx context.Context, costCenter, month *string) ([]*Bill, error) {
	v, sys, err := auth.Authorized(ctx)
	if err != nil {
		return nil, err
	}
	if !v.IsAdmin() && !v.IsManager() {
		return nil, apperr.New(apperr.Forbidden, "bills are for managers and admins; see your own use with usage(groupBy: USER)")
	}
	var cc *ent.CostCenter
	if costCenter != nil {
		cc, err = s.client.CostCenter.Query().Where(costcenter.Code(*costCenter)).Only(sys)
	} else if v.CostCenterID != 0 {
		cc, err = s.client.CostCenter.Get(sys, v.CostCenterID)
	} else {
		return nil, apperr.New(apperr.InvalidArgument, "costCenter: you belong to none; name one")
	}
	if err != nil {
		return nil, database.Wrap(err, "cost center")
	}
	if !visibility.MayOversee(v, cc.ID) {
		return nil, apperr.New(apperr.Forbidden, "bills of %s are for its managers and admins", cc.Code)
	}
	m := s.MonthOf(s.clock.Now())
	if month != nil {
		m = *month
	}
	from, to, err := s.MonthRange(m)
	if err != nil {
		return nil, err
	}
	stored, err := s.client.Bill.Query().Where(bill.CostCenterID(cc.ID), bill.Month(m), bill.Definitive(true)).
		WithLines().Order(ent.Asc(bill.FieldCurrency)).All(sys)
	if err != nil {
		return nil, err
	}
	if len(stored) > 0 {
		out := make([]*Bill, len(stored))
		for i, b := range stored {
			out[i] = fromStored(b)
		}
		return out, nil
	}
	return s.draft(sys, cc.ID, m, from, to)
}

// draft computes a cost center's bills for a window.
func (s *Service) draft(ctx context.Context, ccID int, month string, from, to time.Time) ([]*Bill, error) {
	charges, err := s.charges(ctx, queries.UsageFilter{From: from, To: to, CostCenterID: ccID})
	if err != nil {
		return nil, err
	}
	byCurrency := map[string]*Bill{}
	lines := map[string]map[[2]int]*Line{}
	for _, c := range charges {
		if c.currency == "" {
			continue
		}
		b, ok := byCurrency[c.currency]
		if !ok {
			b = &Bill{ID: DraftID(ccID, month, c.currency), CostCenterID: ccID, Month: month, Currency: c.currency}
			byCurrency[c.currency] = b
			lines[c.currency] = map[[2]int]*Line{}
		}
		lease := 0
		if c.leaseID != nil {
			lease = *c.leaseID
		}
		k := [2]int{c.productID, lease}
		l, ok := lines[c.currency][k]
		if !ok {
			l = &Line{ProductID: c.productID, LeaseID: c.leaseID}
			lines[c.currency][k] = l
		}
		l.ItemHours += c.itemHours
		l.Amount += c.amount
		b.Total += c.amount
	}
	out := make([]*Bill, 0, len(byCurrency))
	for cur, b := range byCurrency {
		for _, l := range lines[cur] {
			b.Lines = append(b.Lines, *l)
		}
		sort.Slice(b.Lines, func(i, j int) bool {
			a, c := b.Lines[i], b.Lines[j]
			if a.ProductID != c.ProductID {
				return a.ProductID < c.ProductID
			}
			return deref(a.LeaseID) < deref(c.LeaseID)
		})
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Currency < out[j].Currency })
	return out, nil
}

func fromStored(b *ent.Bill) *Bill {
	out := &Bill{ID: b.ID, CostCenterID: b.CostCenterID, Month: b.Month, Definitive: b.Definitive, Total: b.Total, Currency: b.Currency}
	for _, l := range b.Edges.Lines {
		out.Lines = append(out.Lines, Line{ProductID: l.ProductID, LeaseID: l.LeaseID, ItemHours: l.ItemHours, Amount: l.Amount})
	}
	return out
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
