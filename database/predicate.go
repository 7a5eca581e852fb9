package database

import (
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
)

// EqNotIndexed is "column = value" written so SQLite's planner cannot use an index on column.
// Conditional updates such as "WHERE id IN (...) AND status = ?" otherwise make SQLite, which
// keeps no statistics unless asked, scan a (status, ...) index (every ACTIVE lease, every
// AVAILABLE item) instead of looking the ids up: the unary + keeps the status a filter on the
// rows found by primary key. Other databases plan this well and get a plain comparison.
func EqNotIndexed(column string, value any) func(*sql.Selector) {
	return func(s *sql.Selector) {
		if s.Dialect() != dialect.SQLite {
			s.Where(sql.EQ(s.C(column), value))
			return
		}
		s.Where(sql.P(func(b *sql.Builder) {
			b.WriteString("+" + s.C(column)).WriteOp(sql.OpEQ).Arg(value)
		}))
	}
}
