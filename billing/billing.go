// Package billing turns orders into bills and showback: what each cost center, user and product
// consumed in a period, in item-hours and money. Money is integer minor units; charges come from
// the orders' static prices, so a price change never rewrites the past.
package billing

import (
	"context"
	stdsql "database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/bag"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/bill"
	"github.com/hardcandy/hardcandy/ent/billline"
	"github.com/hardcandy/hardcandy/ent/costcenter"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/order"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/stack"
	"github.com/hardcandy/hardcandy/viewer"
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
	// sqlite enables the aggregate usage query that does the arithmetic in SQLite.
	sqlite bool
	// sql builds hand-written queries in the store's dialect.
	sql *entsql.DialectBuilder
}

// NewService returns a billing service over a database of the given dialect ("sqlite3",
// "postgres"), or an error for an unknown time zone.
func NewService(store *database.Store, clock clockwork.Clock, cfg Config) (*Service, error) {
	loc := time.UTC
	if cfg.TimeZone != "" {
		var err error
		if loc, err = time.LoadLocation(cfg.TimeZone); err != nil {
			return nil, fmt.Errorf("billing time_zone: %w", err)
		}
	}
	return &Service{client: store.Client, store: store, clock: clock, loc: loc, sqlite: store.Dialect == "sqlite3", sql: entsql.Dialect(store.Dialect)}, nil
}

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
func (s *Service) charges(ctx context.Context, from, to time.Time, scope ...scopeFn) ([]charge, error) {
	sys := database.System(ctx)
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

// Bills returns a cost center's bills for a month, one per currency: the definitive ones once
// the month is closed, else a live draft. Managers see their own cost center's, admins any; the
// defaults are the caller's cost center and the current month.
func (s *Service) Bills(ctx context.Context, costCenter, month *string) ([]*Bill, error) {
	v, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	if !v.IsAdmin() && !v.IsManager() {
		return nil, apperr.New(apperr.Forbidden, "bills are for managers and admins; see your own use with usage(groupBy: USER)")
	}
	sys := database.System(ctx)
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
	if !v.IsAdmin() && cc.ID != v.CostCenterID {
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
	return s.draft(ctx, cc.ID, m, from, to)
}

// draft computes a cost center's bills for a window.
func (s *Service) draft(ctx context.Context, ccID int, month string, from, to time.Time) ([]*Bill, error) {
	charges, err := s.charges(ctx, from, to, byCostCenter(ccID))
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

// closeHorizon bounds how many months one close run catches up.
const closeHorizon = 24

// Close writes the definitive bills of every month that has ended (in the configured zone) and
// has none yet, for every cost center with charges in it: the close-bills job. It is idempotent
// (a unique index makes a second definitive bill impossible) and catches up missed month-ends,
// at most closeHorizon months per run. It returns how many bills it wrote.
func (s *Service) Close(ctx context.Context, now time.Time) (int, error) {
	sys := database.System(ctx)
	first, err := s.client.Order.Query().Order(ent.Asc(order.FieldPeriodStart)).First(sys)
	if ent.IsNotFound(err) {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	current := s.MonthOf(now)
	month := s.MonthOf(first.PeriodStart)
	written := 0
	for i := 0; i < closeHorizon && month < current; i++ {
		from, to, err := s.MonthRange(month)
		if err != nil {
			return written, err
		}
		n, err := s.closeMonth(sys, month, from, to, now)
		if err != nil {
			return written, fmt.Errorf("close %s: %w", month, err)
		}
		written += n
		month = s.MonthOf(to)
	}
	return written, nil
}

func (s *Service) closeMonth(ctx context.Context, month string, from, to, now time.Time) (int, error) {
	closed, err := s.client.Bill.Query().Where(bill.Month(month), bill.Definitive(true)).
		Select(bill.FieldCostCenterID, bill.FieldCurrency).All(ctx)
	if err != nil {
		return 0, err
	}
	done := map[string]bool{}
	for _, b := range closed {
		done[fmt.Sprint(b.CostCenterID, b.Currency)] = true
	}
	ccs, err := s.client.Order.Query().Where(order.PeriodStartLT(to), order.PeriodEndGT(from), order.CostCenterIDNotNil()).
		Unique(true).Select(order.FieldCostCenterID).Ints(ctx)
	if err != nil {
		return 0, err
	}
	written := 0
	for _, cc := range ccs {
		bills, err := s.draft(ctx, cc, month, from, to)
		if err != nil {
			return written, err
		}
		for _, b := range bills {
			if done[fmt.Sprint(cc, b.Currency)] {
				continue
			}
			err := s.store.Write(ctx, func(tx *database.Tx) error {
				row, err := tx.Bill.Create().SetCostCenterID(cc).SetMonth(month).SetDefinitive(true).
					SetTotal(b.Total).SetCurrency(b.Currency).SetCreatedAt(now).Save(ctx)
				if err != nil {
					return err
				}
				creates := make([]*ent.BillLineCreate, len(b.Lines))
				for i, l := range b.Lines {
					creates[i] = tx.BillLine.Create().SetBillID(row.ID).SetProductID(l.ProductID).
						SetNillableLeaseID(l.LeaseID).SetItemHours(l.ItemHours).SetAmount(l.Amount)
				}
				for start := 0; start < len(creates); start += 500 {
					if err := tx.BillLine.CreateBulk(creates[start:min(start+500, len(creates))]...).Exec(ctx); err != nil {
						return err
					}
				}
				return nil
			})
			if ent.IsConstraintError(err) {
				continue // another run closed it first
			}
			if err != nil {
				return written, err
			}
			written++
		}
	}
	return written, nil
}

// Lines returns a stored bill's lines (definitive bills keep theirs).
func (s *Service) Lines(ctx context.Context, billID int) ([]Line, error) {
	rows, err := s.client.BillLine.Query().Where(billline.BillID(billID)).All(database.System(ctx))
	if err != nil {
		return nil, err
	}
	out := make([]Line, len(rows))
	for i, l := range rows {
		out[i] = Line{ProductID: l.ProductID, LeaseID: l.LeaseID, ItemHours: l.ItemHours, Amount: l.Amount}
	}
	return out, nil
}

// Grouping is how usage is broken down.
type Grouping string

// Groupings.
const (
	ByCostCenter Grouping = "COST_CENTER"
	ByUser       Grouping = "USER"
	ByProduct    Grouping = "PRODUCT"
)

// UsageRow is one group's consumption in one currency.
type UsageRow struct {
	Key       string  `json:"key"`
	ItemHours float64 `json:"itemHours"`
	Cost      int     `json:"cost"`
	Currency  string  `json:"currency"`
}

// maxWindow bounds a usage query.
const maxWindow = 366 * 24 * time.Hour

// Usage reports item-hours and cost in [from, to) by cost center, user or product: admins see
// everyone's, managers their cost center's, users their own.
func (s *Service) Usage(ctx context.Context, from, to time.Time, by Grouping) ([]UsageRow, error) {
	v, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	switch {
	case by != ByCostCenter && by != ByUser && by != ByProduct:
		return nil, apperr.New(apperr.InvalidArgument, "groupBy: %q is not COST_CENTER, USER or PRODUCT", by)
	case !to.After(from):
		return nil, apperr.New(apperr.InvalidArgument, "to must be after from")
	case to.Sub(from) > maxWindow:
		return nil, apperr.New(apperr.InvalidArgument, "a usage report covers at most 366 days")
	}
	var scope []scopeFn
	switch {
	case v.IsAdmin():
	case v.IsManager() && v.CostCenterID != 0:
		scope = append(scope, byCostCenter(v.CostCenterID))
	default:
		scope = append(scope, byUser(v.UserID))
	}
	var charges []charge
	if s.sqlite {
		charges, err = s.aggregateSQLite(ctx, from.UTC(), to.UTC(), v)
	} else {
		charges, err = s.charges(ctx, from.UTC(), to.UTC(), scope...)
	}
	if err != nil {
		return nil, err
	}
	names, err := s.names(ctx, by)
	if err != nil {
		return nil, err
	}
	rows := map[[2]string]*UsageRow{}
	for _, c := range charges {
		var key string
		switch by {
		case ByCostCenter:
			key = names[c.costCenterID]
		case ByUser:
			key = names[c.userID]
		case ByProduct:
			key = names[c.productID]
		}
		k := [2]string{key, c.currency}
		r, ok := rows[k]
		if !ok {
			r = &UsageRow{Key: key, Currency: c.currency}
			rows[k] = r
		}
		r.ItemHours += c.itemHours
		r.Cost += c.amount
	}
	out := make([]UsageRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Key != out[j].Key {
			return out[i].Key < out[j].Key
		}
		return out[i].Currency < out[j].Currency
	})
	return out, nil
}

// aggregateSQLite is charges summed per cost center, user, product and currency inside SQLite:
// the overlap arithmetic runs in the database, so a month over a million orders returns a few
// hundred rows instead of streaming every order through Go. Rounding is per order stack, as in
// charges, so both paths agree to the minor unit.
func (s *Service) aggregateSQLite(ctx context.Context, from, to time.Time, v viewer.Viewer) ([]charge, error) {
	sys := database.System(ctx)
	units, err := s.unitsPerProduct(sys)
	if err != nil {
		return nil, err
	}
	scope, args := "", []any{to.Unix(), from.Unix(), from, to}
	switch {
	case v.IsAdmin():
	case v.IsManager() && v.CostCenterID != 0:
		scope, args = " AND o.cost_center_id = ?", append(args, v.CostCenterID)
	default:
		scope, args = " AND o.user_id = ?", append(args, v.UserID)
	}
	// The covering indexes make the scan a range of order_usage and one stack_usage seek per
	// order; the innermost query parses each timestamp once (LIMIT -1 keeps SQLite from
	// flattening it, which would parse period_end three times per row).
	query := `SELECT cc, uid, pid, cur, SUM(qty * used), SUM((2 * price * used + period) / (2 * period))
FROM (
  SELECT cc, uid, pid, cur, qty, price, pe - ps AS period, MIN(pe, COALESCE(le, pe), ?) - MAX(ps, ?) AS used
  FROM (
    SELECT o.cost_center_id AS cc, COALESCE(o.user_id, 0) AS uid, s.product_id AS pid, s.currency AS cur,
      s.quantity AS qty, s.price AS price,
      unixepoch(o.period_end) AS pe, unixepoch(o.period_start) AS ps, unixepoch(l.ended_at) AS le
    FROM orders o INDEXED BY order_usage
    JOIN stacks s INDEXED BY stack_usage ON s.bag_id = o.contents_bag_id
    LEFT JOIN leases l ON l.id = o.lease_id
    WHERE o.period_end > ? AND o.period_start < ? AND o.cost_center_id IS NOT NULL` + scope + `
    LIMIT -1
  )
)
WHERE used > 0 AND period > 0 AND price IS NOT NULL AND cur IS NOT NULL
GROUP BY cc, uid, pid, cur`
	rows, err := s.client.QueryContext(sys, query, args...)
	if err != nil {
		return nil, fmt.Errorf("usage: %w", err)
	}
	defer rows.Close()
	var out []charge
	for rows.Next() {
		var (
			c          charge
			qtySeconds int64
		)
		if err := rows.Scan(&c.costCenterID, &c.userID, &c.productID, &c.currency, &qtySeconds, &c.amount); err != nil {
			return nil, fmt.Errorf("usage: %w", err)
		}
		c.itemHours = float64(qtySeconds*int64(units[c.productID])) / 3600
		out = append(out, c)
	}
	return out, rows.Err()
}

// names maps ids to the names a grouping shows.
func (s *Service) names(ctx context.Context, by Grouping) (map[int]string, error) {
	sys := database.System(ctx)
	out := map[int]string{}
	switch by {
	case ByCostCenter:
		ccs, err := s.client.CostCenter.Query().All(sys)
		if err != nil {
			return nil, err
		}
		for _, c := range ccs {
			out[c.ID] = c.Code
		}
	case ByUser:
		us, err := s.client.User.Query().All(sys)
		if err != nil {
			return nil, err
		}
		for _, u := range us {
			out[u.ID] = u.Name
		}
	case ByProduct:
		ps, err := s.client.Product.Query().Select(product.FieldID, product.FieldSku).All(sys)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			out[p.ID] = p.Sku
		}
	}
	return out, nil
}

// CSV writes usage rows as CSV with a header.
func CSV(rows []UsageRow) string {
	var b strings.Builder
	b.WriteString("key,item_hours,cost,currency\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s,%.2f,%d,%s\n", csvField(r.Key), r.ItemHours, r.Cost, r.Currency)
	}
	return b.String()
}

// csvField quotes s for CSV and neutralises formulas: a spreadsheet runs a cell that starts with
// = + - @ (or a tab or carriage return before one) as a formula, and names such as user names
// come from users. A leading apostrophe makes it text, shown as typed.
func csvField(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	if strings.ContainsAny(s, ",\"\n\r") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// SetEntitlement sets how many of a product a cost center may hold at once; 0 removes the
// entitlement. Only admins may.
func (s *Service) SetEntitlement(ctx context.Context, code, sku string, quantity int) (*ent.CostCenter, error) {
	if _, err := auth.RequireAdmin(ctx, "setEntitlement"); err != nil {
		return nil, err
	}
	if quantity < 0 {
		return nil, apperr.New(apperr.InvalidArgument, "quantity: an entitlement cannot be negative, got %d", quantity)
	}
	sys := database.System(ctx)
	now := s.clock.Now().UTC()
	err := s.store.Write(sys, func(tx *database.Tx) error {
		cc, err := tx.CostCenter.Query().Where(costcenter.Code(code)).Only(sys)
		if err != nil {
			return database.Wrap(err, "cost center %q", code)
		}
		p, err := tx.Product.Query().Where(product.Sku(sku)).Only(sys)
		if err != nil {
			return database.Wrap(err, "product %q", sku)
		}
		current := &bag.Bag{}
		if cc.EntitlementsBagID != nil {
			if current, err = bag.Load(sys, tx.Client(), *cc.EntitlementsBagID); err != nil {
				return err
			}
		}
		next := &bag.Bag{}
		for _, st := range current.Stacks() {
			if st.ProductID != p.ID {
				next.Add(st)
			}
		}
		next.Add(bag.Stack{ProductID: p.ID, Quantity: quantity})
		if err := next.RequireNonNegative("entitlement"); err != nil {
			return err
		}
		if cc.EntitlementsBagID != nil {
			return bag.Replace(sys, tx.Client(), *cc.EntitlementsBagID, next, now)
		}
		id, err := bag.Save(sys, tx.Client(), next, now)
		if err != nil {
			return err
		}
		return tx.CostCenter.UpdateOneID(cc.ID).SetEntitlementsBagID(id).Exec(sys)
	})
	if err != nil {
		return nil, err
	}
	return s.client.CostCenter.Query().Where(costcenter.Code(code)).Only(viewerOrSystem(ctx))
}

func viewerOrSystem(ctx context.Context) context.Context {
	if _, ok := viewer.FromContext(ctx); ok {
		return ctx
	}
	return database.System(ctx)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
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
