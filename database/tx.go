package database

import (
	"context"
	stdsql "database/sql"
	"fmt"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/hardcandy/hardcandy/ent"
)

// Tx is one transaction of a Store, handed to the function Write or Read runs. It is the ent
// transaction, the time the transaction runs at, and what it defers to its commit.
type Tx struct {
	*ent.Tx
	// Now is the transaction's time, read once from the store's clock when it starts: UTC,
	// truncated to the microsecond, which is what both databases keep, so that a time written
	// and read back compares equal on either.
	Now time.Time

	dialect  string
	deferred *deferrals // nil in a read transaction
}

// Defer hands d to the transaction's commit under key (see Deferred). In a group commit, what
// the transactions sharing it defer under one key is merged and written once.
func (tx *Tx) Defer(key string, d Deferred) {
	if tx.deferred == nil {
		panic("database: Defer in a read transaction")
	}
	tx.deferred.add(key, d)
}

// Concurrent reports whether the transaction may run beside other write transactions (Postgres),
// whose row locks it may then wait on; false on SQLite, whose writer runs one at a time.
func (tx *Tx) Concurrent() bool { return tx.dialect == dialect.Postgres }

// Dialect is the database the transaction runs on (dialect.SQLite or dialect.Postgres), for
// statements built with ent's SQL builder.
func (tx *Tx) Dialect() string { return tx.dialect }

// Now is t as a transaction keeps it: UTC, truncated to the microsecond.
func Now(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// Write runs fn in a write transaction and commits it, or rolls it back when fn fails. On a
// SQLite store, fn runs on the store's writer goroutine, possibly in one SQLite transaction with
// others queued beside it (see batcher); Write returns once fn's writes are committed.
func (s *Store) Write(ctx context.Context, fn func(tx *Tx) error) error {
	if s.batcher != nil {
		return s.batcher.do(ctx, fn)
	}
	etx, err := s.Client.Tx(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	tx := &Tx{Tx: etx, Now: s.now(), dialect: s.Dialect, deferred: &deferrals{}}
	defer func() {
		if v := recover(); v != nil {
			_ = etx.Rollback()
			panic(v)
		}
	}()
	err = fn(tx)
	if err == nil {
		tx.deferred.succeeded()
		err = tx.deferred.write(ctx, tx)
	}
	if err == nil {
		// A caller that gave up gets nothing of its transaction, even when every statement
		// ran (on Postgres statements are not cut off, see steadyDriver).
		if cerr := ctx.Err(); cerr != nil {
			err = fmt.Errorf("the caller gave up: %w", cerr)
		}
	}
	if err != nil {
		if rerr := etx.Rollback(); rerr != nil {
			return cancelled(ctx, fmt.Errorf("%w (rollback: %v)", err, rerr))
		}
		return cancelled(ctx, err)
	}
	if err := etx.Commit(); err != nil {
		return cancelled(ctx, fmt.Errorf("commit: %w", err))
	}
	return nil
}

// Read runs fn in a read-only transaction: every query in it sees one snapshot of the database,
// for reports whose parts must agree. On SQLite it never waits for the writer.
func (s *Store) Read(ctx context.Context, fn func(tx *Tx) error) error {
	var (
		etx *ent.Tx
		err error
	)
	if s.reader != nil {
		etx, err = s.reader.Tx(ctx)
	} else {
		etx, err = s.Client.BeginTx(ctx, &stdsql.TxOptions{ReadOnly: true, Isolation: stdsql.LevelRepeatableRead})
	}
	if err != nil {
		return fmt.Errorf("begin read: %w", err)
	}
	defer func() {
		if v := recover(); v != nil {
			_ = etx.Rollback()
			panic(v)
		}
	}()
	if err := fn(&Tx{Tx: etx, Now: s.now(), dialect: s.Dialect}); err != nil {
		_ = etx.Rollback()
		return cancelled(ctx, err)
	}
	// Nothing was written: ending the snapshot is all that is left to do.
	if err := etx.Rollback(); err != nil {
		return cancelled(ctx, fmt.Errorf("end read: %w", err))
	}
	return nil
}

func (s *Store) now() time.Time { return Now(s.clock.Now()) }

// sqliteReader runs SQLite read transactions beside the writer. The store's connections begin
// every transaction IMMEDIATE (taking the write lock, so writers queue instead of failing), which
// a reader must not: it begins its own, deferred, on a connection of its own.
type sqliteReader struct {
	*entsql.Driver
	db *stdsql.DB
}

// Tx begins a deferred transaction: it takes no lock until it reads, then sees one snapshot.
func (r *sqliteReader) Tx(ctx context.Context) (dialect.Tx, error) {
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		_ = conn.Close()
		return nil, err
	}
	return &readTx{Conn: entsql.Conn{ExecQuerier: conn}, conn: conn}, nil
}

// readTx is a SQLite read transaction on its own connection, which it gives back when it ends.
type readTx struct {
	entsql.Conn
	conn *stdsql.Conn
}

func (t *readTx) Commit() error { return t.end("COMMIT") }

func (t *readTx) Rollback() error { return t.end("ROLLBACK") }

func (t *readTx) end(stmt string) error {
	_, err := t.conn.ExecContext(context.Background(), stmt)
	if cerr := t.conn.Close(); err == nil {
		err = cerr
	}
	return err
}
