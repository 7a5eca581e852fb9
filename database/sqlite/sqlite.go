// Package sqlite answers the services' queries (package queries) for SQLite: its planner keeps
// no statistics unless asked, so the statements say which index to use and which not to.
package sqlite

import (
	"context"
	"fmt"
	"strings"

	"entgo.io/ent/dialect/sql"

	"github.com/hardcandy/hardcandy/database/queries"
)

// Queries is the SQLite dialect of queries.Queries.
type Queries struct{}

var _ queries.Queries = Queries{}

// StillIn writes "+column = value": the unary + keeps SQLite from scanning a (status, ...) index
// (every ACTIVE lease, every AVAILABLE item) instead of looking the ids up.
func (Queries) StillIn(column string, value any) func(*sql.Selector) {
	return func(s *sql.Selector) {
		s.Where(sql.P(func(b *sql.Builder) {
			b.WriteString("+" + s.C(column)).WriteOp(sql.OpEQ).Arg(value)
		}))
	}
}

// Filter is "+column", for the same reason as StillIn.
func (Queries) Filter(column string) string { return "+" + column }

// Param is "?".
func (Queries) Param(int) string { return "?" }

// InIDs is "column IN (?, ?, ...)".
func (Queries) InIDs(column string, _ int, ids []int) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return fmt.Sprintf("%s IN (%s)", column, strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")), args
}

// WalkIndex needs nothing: SQLite walks the index it is given.
func (Queries) WalkIndex(context.Context, queries.Execer) error { return nil }

// PerRow needs nothing: SQLite runs a correlated EXISTS per row.
func (Queries) PerRow(*sql.Selector) {}
