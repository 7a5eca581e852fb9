// Package postgres answers the services' queries (package queries) for Postgres: its planner
// has statistics, and the statements only correct it where a batch's own changes mislead it.
package postgres

import (
	"context"
	"fmt"

	"entgo.io/ent/dialect/sql"

	"github.com/hardcandy/hardcandy/database/queries"
)

// Queries is the Postgres dialect of queries.Queries.
type Queries struct{}

var _ queries.Queries = Queries{}

// StillIn is a plain comparison: Postgres looks the ids up first on its own.
func (Queries) StillIn(column string, value any) func(*sql.Selector) {
	return func(s *sql.Selector) { s.Where(sql.EQ(s.C(column), value)) }
}

// Filter is column itself.
func (Queries) Filter(column string) string { return column }

// Param is "$i".
func (Queries) Param(i int) string { return fmt.Sprintf("$%d", i) }

// InIDs is "column = ANY($first::int8[])": one array parameter keeps the statement small to send
// and to plan.
func (Queries) InIDs(column string, first int, ids []int) (string, []any) {
	arr := make([]int64, len(ids))
	for i, id := range ids {
		arr[i] = int64(id)
	}
	return fmt.Sprintf("%s = ANY($%d::int8[])", column, first), []any{arr}
}

// WalkIndex turns bitmap scans off for the transaction: a bitmap scan would visit every row an
// earlier batch changed (their old versions stay in the index until vacuum) and make a sweep in
// batches quadratic; an index scan marks them dead on the way and later batches skip them.
func (Queries) WalkIndex(ctx context.Context, tx queries.Execer) error {
	if _, err := tx.ExecContext(ctx, "SET LOCAL enable_bitmapscan = off"); err != nil {
		return fmt.Errorf("walk the index: %w", err)
	}
	return nil
}

// PerRow adds OFFSET 0, which keeps Postgres from turning an EXISTS into a semi-join over every
// row it matches (a merge join walking the primary key once statistics say the match is
// common).
func (Queries) PerRow(sub *sql.Selector) { sub.Offset(0) }
