package database

import (
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/hardcandy/hardcandy/database/postgres"
	"github.com/hardcandy/hardcandy/database/queries"
	"github.com/hardcandy/hardcandy/database/sqlite"
)

// queriesFor is the dialect of queries.Queries a store of dialect d answers with.
func queriesFor(d string) queries.Queries {
	if d == dialect.Postgres {
		return postgres.Queries{}
	}
	return sqlite.Queries{}
}

// Queries answers what the services write by hand (guards, batches, the usage totals) in the
// store's dialect.
func (s *Store) Queries() queries.Queries { return queriesFor(s.Dialect) }

// Queries answers what the services write by hand in the transaction's dialect.
func (tx *Tx) Queries() queries.Queries { return queriesFor(tx.dialect) }

// StillIn keeps the rows, found by their ids, whose column still holds value: the guard of a
// conditional update, in the dialect of the query it is used in (queries.Queries.StillIn).
func StillIn(column string, value any) func(*sql.Selector) {
	return func(s *sql.Selector) { queriesFor(s.Dialect()).StillIn(column, value)(s) }
}

// PerRow keeps sub, a subquery of s, a check made per candidate row of s, in s's dialect
// (queries.Queries.PerRow).
func PerRow(s, sub *sql.Selector) { queriesFor(s.Dialect()).PerRow(sub) }

// builder builds a hand-written query over ent's tables in the store's dialect (placeholders,
// quoting), for the few reads ent's query builders cannot say.
func (s *Store) builder() *sql.DialectBuilder { return sql.Dialect(s.Dialect) }

// ProductName is the database product behind an ent dialect name, as traces label it
// (OpenTelemetry's db.system).
func ProductName(d string) string {
	if d == dialect.SQLite {
		return "sqlite"
	}
	return "postgresql"
}
