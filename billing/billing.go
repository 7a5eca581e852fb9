// Package billing turns orders into bills and showback: what each cost center, user and product
// consumed in a period, in item-hours and money. Money is integer minor units; charges come from
// the orders' static prices, so a price change never rewrites the past.
package billing

import (
	"context"
	stdsql "database/sql"
	"fmt"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/bag"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/order"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/stack"
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
	// sql builds hand-written queries in the store's dialect.
	sql *entsql.DialectBuilder
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
	return &Service{client: store.Client, store: store, clock: clock, loc: loc, sql: store.Builder()}, nil
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
func (s *Service) charges(sys context.Context, from, to time.Time, scope ...scopeFn) ([]charge, error) {
	units, err := s.unitsPerProduct(sys)
	if err != nil {
		return nil, err
	}
	o, st, l := s.sql.Table(order.Table).As("o"), s.sql.Table(stack.Table).As("s"), s.sql.Table(entlease.Table).As("l")
	q := s.sql.Select(o.C(order.FieldCostCenterID), o.C(order.FieldUserID), o.C(order.FieldLeaseID),
		o.C(order.FieldPeriodStart), o.C(order.FieldPeriodEnd), l.C(entlease.FieldEndedAt),
		st.C(stack.FieldProductID), st.C(stack.FieldQuantity), st.C(stack.FieldPrice), st.C(stack.FieldCurrency)).
		From(o).
		Join(st).On(st.C(stack.FieldBagID), o.C(order.FieldContentsBagID)).
		LeftJoin(l).On(l.C(entlease.FieldID), o.C(order.FieldLeaseID)).
		Where(entsql.And(entsql.GT(o.C(order.FieldPeriodEnd), from), entsql.LT(o.C(order.FieldPeriodStart), to),
			entsql.NotNull(o.C(order.FieldCostCenterID))))
	for _, f := range scope {
		q.Where(f(o))
	}
	query, args := q.Query()
	rows, err := s.client.QueryContext(sys, query, args...)
	if err != nil {
		return nil, fmt.Errorf("load charges: %w", err)
	}
	defer rows.Close()
	var out []charge
	for rows.Next() {
		var (
			cc              int
			userID, leaseID stdsql.NullInt64
			start, end      time.Time
			ended           stdsql.NullTime
			productID, qty  int
			price           stdsql.NullInt64
			currency        stdsql.NullString
		)
		if err := rows.Scan(&cc, &userID, &leaseID, &start, &end, &ended, &productID, &qty, &price, &currency); err != nil {
			return nil, fmt.Errorf("scan charges: %w", err)
		}
		period := end.Sub(start)
		if ended.Valid && ended.Time.Before(end) {
			end = ended.Time
		}
		from, to := maxTime(start, from), minTime(end, to)
		if !to.After(from) {
			continue
		}
		used := to.Sub(from)
		c := charge{costCenterID: cc, productID: productID, userID: int(userID.Int64),
			itemHours: float64(qty*units[productID]) * used.Hours()}
		if leaseID.Valid {
			id := int(leaseID.Int64)
			c.leaseID = &id
		}
		if price.Valid && currency.Valid && period > 0 {
			c.amount = prorate(int(price.Int64), used, period)
			c.currency = currency.String
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// scopeFn restricts the orders a report reads (aliased o).
type scopeFn func(o *entsql.SelectTable) *entsql.Predicate

func byCostCenter(id int) scopeFn {
	return func(o *entsql.SelectTable) *entsql.Predicate { return entsql.EQ(o.C(order.FieldCostCenterID), id) }
}

func byUser(id int) scopeFn {
	return func(o *entsql.SelectTable) *entsql.Predicate { return entsql.EQ(o.C(order.FieldUserID), id) }
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
