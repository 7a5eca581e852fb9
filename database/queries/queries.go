// Package queries is the seam between the services and the SQL dialects: what the services ask of
// the database in their own terms (rows still in a status, a batch of ids, the usage totals),
// answered by database/sqlite and database/postgres, each written for its planner. The store
// picks one at Open; services never compare dialects. The conformance suite (querytest) holds
// both to the same answers.
package queries

import (
	"context"
	stdsql "database/sql"
	"fmt"
	"time"

	"entgo.io/ent/dialect/sql"
)

// Queries is one dialect's answer to what the services write by hand.
type Queries interface {
	// StillIn keeps the rows, found by other conditions (their ids), whose column still holds
	// value: the guard of a conditional update. It is a filter on those rows, never a reason
	// to scan an index on column.
	StillIn(column string, value any) func(*sql.Selector)
	// Filter is column as a hand-written statement's guard on rows found by id: the same
	// intent as StillIn.
	Filter(column string) string
	// Param is the placeholder of a hand-written statement's i-th parameter (from 1).
	Param(i int) string
	// InIDs is "column is one of ids" for a statement whose next parameter is the first-th,
	// with its arguments.
	InIDs(column string, first int, ids []int) (string, []any)
	// WalkIndex asks that the rest of the transaction read ranges by walking their index,
	// which marks the rows an earlier batch changed as dead on the way, rather than collecting
	// them all first: a sweep in batches stays linear in what it changes.
	WalkIndex(ctx context.Context, tx Execer) error
	// PerRow keeps the subquery sub a check made per candidate row (one index seek each), so
	// that a claim walking an index in order still stops at its LIMIT.
	PerRow(sub *sql.Selector)
	// UsageTotals sums the consumption of orders over [f.From, f.To), per cost center, user,
	// product and currency, inside the database (rounded per order stack, as billing does).
	UsageTotals(ctx context.Context, db Querier, f UsageFilter) ([]UsageTotal, error)
}

// Execer runs a statement.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error)
}

// Querier runs a query.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error)
}

// UsageFilter is the window and scope of UsageTotals: at most one of CostCenterID and UserID is
// set (0 is none), for a manager's cost center or a user's own orders.
type UsageFilter struct {
	From, To     time.Time
	CostCenterID int
	UserID       int
}

// UsageTotal is one group's consumption: Seconds is item-seconds per unit of the product (the
// caller multiplies by the items a unit is), Amount the cost in minor units of Currency.
type UsageTotal struct {
	CostCenterID, UserID, ProductID int
	Currency                        string
	Seconds                         int64
	Amount                          int
}

// ReadUsage runs a dialect's usage query, whose rows are cost center, user, product, currency,
// item-seconds and amount, and reads its totals.
func ReadUsage(ctx context.Context, db Querier, query string, args ...any) ([]UsageTotal, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("usage totals: %w", err)
	}
	defer rows.Close()
	var out []UsageTotal
	for rows.Next() {
		var u UsageTotal
		if err := rows.Scan(&u.CostCenterID, &u.UserID, &u.ProductID, &u.Currency, &u.Seconds, &u.Amount); err != nil {
			return nil, fmt.Errorf("usage totals: %w", err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("usage totals: %w", err)
	}
	return out, nil
}
