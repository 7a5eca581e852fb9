// Package billing turns orders into bills and showback: what each cost center, user and product
// consumed in a period, in item-hours and money. Money is integer minor units; charges come from
// the orders' static prices, so a price change never rewrites the past.
package billing

import (
	"context"
	"fmt"
	"time"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/bag"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/queries"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/product"
)

// Config sets where months begin and end.
type Config struct {
	// TimeZone is the IANA zone whose calendar months bills follow (default UTC).
	TimeZone string `yaml:"time_zone"`
}

// Service computes bills and usage.
type Service struct {
	client *ent.Client
	store  *database.Store
	clock  clockwork.Clock
	loc    *time.Location
	// stream computes usage from every charge in Go instead of the database's totals: the
	// reference the totals are tested against.
	stream bool
}

// NewService returns a billing service over store, or an error for an unknown time zone.
func NewService(store *database.Store, clock clockwork.Clock, cfg Config) (*Service, error) {
	loc := time.UTC
	if cfg.TimeZone != "" {
		var err error
		if loc, err = time.LoadLocation(cfg.TimeZone); err != nil {
			return nil, fmt.Errorf("billing time_zone: %w", err)
		}
	}
	return &Service{client: store.Client, store: store, clock: clock, loc: loc}, nil
}

// charge is one order stack's part of a window.
type charge struct {
	costCenterID, userID, productID int
	leaseID                         *int
	currency                        string
	itemHours                       float64
	amount                          int
}

// MonthRange returns the first instant of month ("2026-11") and of the next, in the configured
// zone (as UTC times): a month is local midnight to local midnight, whatever DST does between.
func (s *Service) MonthRange(month string) (time.Time, time.Time, error) {
	t, err := time.ParseInLocation("2006-01", month, s.loc)
	if err != nil {
		return time.Time{}, time.Time{}, apperr.New(apperr.InvalidArgument, "month: %q is not a month such as 2026-11", month)
	}
	return t.UTC(), t.AddDate(0, 1, 0).UTC(), nil
}

// MonthOf returns the month ("2026-11") that t falls in, in the configured zone.
func (s *Service) MonthOf(t time.Time) string { return t.In(s.loc).Format("2006-01") }

// charges computes every order stack's share of [from, to): the part of the order's period
// inside the window, cut short where the lease ended early (a lease returned early is charged to
// its return time), priced pro rata from the order's static price. It streams one join of
// orders, their stacks and leases: reports over millions of orders hold no entities in memory.
func (s *Service) charges(sys context.Context, f queries.UsageFilter) ([]charge, error) {
	units, err := s.unitsPerProduct(sys)
	if err != nil {
		return nil, err
	}
	var out []charge
	err = s.store.OrderStacks(sys, f, func(r database.OrderStack) error {
		start, end := r.PeriodStart, r.PeriodEnd
		period := end.Sub(start)
		if r.EndedAt != nil && r.EndedAt.Before(end) {
			end = *r.EndedAt
		}
		from, to := maxTime(start, f.From), minTime(end, f.To)
		if !to.After(from) {
			return nil
		}
		used := to.Sub(from)
		c := charge{costCenterID: r.CostCenterID, productID: r.ProductID, userID: r.UserID,
			itemHours: float64(r.Quantity*units[r.ProductID]) * used.Hours()}
		if r.LeaseID != 0 {
			id := r.LeaseID
			c.leaseID = &id
		}
		if r.Price != nil && period > 0 {
			c.amount = prorate(*r.Price, used, period)
			c.currency = r.Currency
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load charges: %w", err)
	}
	return out, nil
}

// prorate is price × used / period, rounded to the nearest minor unit, in integers.
func prorate(price int, used, period time.Duration) int {
	num := int64(price) * int64(used/time.Second)
	den := int64(period / time.Second)
	if den == 0 {
		return 0
	}
	return int((2*num + den) / (2 * den))
}

// unitsPerProduct is how many items one unit of each product is: its components for a bundle, 1
// otherwise.
func (s *Service) unitsPerProduct(ctx context.Context) (map[int]int, error) {
	prods, err := s.client.Product.Query().Select(product.FieldID, product.FieldComponentsBagID).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[int]int, len(prods))
	for _, p := range prods {
		out[p.ID] = 1
		if p.ComponentsBagID != nil {
			b, err := bag.Load(ctx, s.client, *p.ComponentsBagID)
			if err != nil {
				return nil, err
			}
			n := 0
			for _, st := range b.Stacks() {
				n += st.Quantity
			}
			out[p.ID] = max(n, 1)
		}
	}
	return out, nil
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
