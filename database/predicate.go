package database

import (
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
)

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
