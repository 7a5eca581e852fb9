package sqlite

import (
	"context"

	"github.com/hardcandy/hardcandy/database/queries"
)

// UsageTotals runs the overlap arithmetic inside SQLite, so a month over a million orders
// returns a few hundred rows instead of streaming every order through Go. The covering indexes
// make the scan a range of order_usage and one stack_usage seek per order; the innermost query
// parses each timestamp once (LIMIT -1 keeps SQLite from flattening it, which would parse
// period_end three times per row).
func (Queries) UsageTotals(ctx context.Context, db queries.Querier, f queries.UsageFilter) ([]queries.UsageTotal, error) {
	scope, args := "", []any{f.To.Unix(), f.From.Unix(), f.From, f.To}
	switch {
	case f.CostCenterID != 0:
		scope, args = " AND o.cost_center_id = ?", append(args, f.CostCenterID)
	case f.UserID != 0:
		scope, args = " AND o.user_id = ?", append(args, f.UserID)
	}
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
	return queries.ReadUsage(ctx, db, query, args...)
}
