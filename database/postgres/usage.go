package postgres

import (
	"context"

	"github.com/hardcandy/hardcandy/database/queries"
)

// UsageTotals runs the overlap arithmetic inside Postgres, in whole seconds and bigint division
// as the SQLite dialect does, so both databases and the streaming path agree to the minor unit.
func (Queries) UsageTotals(ctx context.Context, db queries.Querier, f queries.UsageFilter) ([]queries.UsageTotal, error) {
	scope, args := "", []any{f.To.Unix(), f.From.Unix(), f.From, f.To}
	switch {
	case f.CostCenterID != 0:
		scope, args = " AND o.cost_center_id = $5", append(args, f.CostCenterID)
	case f.UserID != 0:
		scope, args = " AND o.user_id = $5", append(args, f.UserID)
	}
	query := `SELECT cc, uid, pid, cur, SUM(qty * used)::bigint, SUM((2 * price * used + period) / (2 * period))::bigint
FROM (
  SELECT cc, uid, pid, cur, qty, price, pe - ps AS period, LEAST(pe, COALESCE(le, pe), $1::bigint) - GREATEST(ps, $2::bigint) AS used
  FROM (
    SELECT o.cost_center_id AS cc, COALESCE(o.user_id, 0) AS uid, s.product_id AS pid, s.currency AS cur,
      s.quantity::bigint AS qty, s.price::bigint AS price,
      FLOOR(EXTRACT(EPOCH FROM o.period_end))::bigint AS pe, FLOOR(EXTRACT(EPOCH FROM o.period_start))::bigint AS ps,
      FLOOR(EXTRACT(EPOCH FROM l.ended_at))::bigint AS le
    FROM orders o
    JOIN stacks s ON s.bag_id = o.contents_bag_id
    LEFT JOIN leases l ON l.id = o.lease_id
    WHERE o.period_end > $3 AND o.period_start < $4 AND o.cost_center_id IS NOT NULL` + scope + `
  ) charged
) overlapped
WHERE used > 0 AND period > 0 AND price IS NOT NULL AND cur IS NOT NULL
GROUP BY cc, uid, pid, cur`
	return queries.ReadUsage(ctx, db, query, args...)
}
