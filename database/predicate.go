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

// SkipLocked makes a claiming query lock the rows it returns until the transaction ends and pass
// over rows another transaction has locked (SELECT ... FOR UPDATE SKIP LOCKED), so concurrent
// claims on Postgres take different rows instead of queueing for the same ones. SQLite has no row
// locks and needs none: its immediate transactions already let one writer in at a time.
func SkipLocked() func(*sql.Selector) {
	return func(s *sql.Selector) {
		if s.Dialect() == dialect.Postgres {
			s.ForUpdate(sql.WithLockAction(sql.SkipLocked))
		}
	}
}

// LockRows makes a query lock the rows it returns until the transaction ends (SELECT ... FOR
// UPDATE), so that a check and the write it allows cannot interleave with another transaction
// doing the same on Postgres. SQLite's immediate transactions already exclude each other.
func LockRows() func(*sql.Selector) {
	return func(s *sql.Selector) {
		if s.Dialect() == dialect.Postgres {
			s.ForUpdate()
		}
	}
}
