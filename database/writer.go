package database

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"entgo.io/ent/dialect"
)

// serialWriter hands out SQLite write transactions one at a time. SQLite allows one writer; when
// several ask at once, its busy handler makes the losers sleep in growing steps (up to 100 ms),
// so under load most time is spent asleep. Queueing writers here, before BEGIN, lets each start
// the moment the previous one commits. Readers are not affected (WAL lets them run alongside).
type serialWriter struct {
	dialect.Driver
	slot chan struct{}
}

func newSerialWriter(d dialect.Driver) *serialWriter {
	return &serialWriter{Driver: d, slot: make(chan struct{}, 1)}
}

func (w *serialWriter) acquire(ctx context.Context) error {
	select {
	case w.slot <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("waiting to write: %w", ctx.Err())
	}
}

// exclusive runs fn while no transaction of this process writes: for work that needs the
// write lock, which would otherwise leave the next writer polling in SQLite's busy handler.
func (w *serialWriter) exclusive(ctx context.Context, fn func() error) error {
	if err := w.acquire(ctx); err != nil {
		return err
	}
	defer func() { <-w.slot }()
	return fn()
}

// Exec runs a statement outside any transaction (ent's updates and deletes without one) once no
// transaction writes: it writes, and left to SQLite it would wait for the lock in the busy
// handler's sleeps, holding a connection and a thread the whole time.
func (w *serialWriter) Exec(ctx context.Context, query string, args, v any) error {
	return w.exclusive(ctx, func() error { return w.Driver.Exec(ctx, query, args, v) })
}

// Tx starts a transaction once no other is running.
func (w *serialWriter) Tx(ctx context.Context) (dialect.Tx, error) {
	return w.BeginTx(ctx, nil)
}

// BeginTx starts a transaction with options once no other is running.
func (w *serialWriter) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	if err := w.acquire(ctx); err != nil {
		return nil, err
	}
	// Every SQLite transaction is serializable and reads one snapshot, so the isolation a caller
	// asks for (repeatable read, read only, for a consistent report) already holds; the driver
	// would refuse the options rather than ignore them.
	opts = nil
	var (
		tx  dialect.Tx
		err error
	)
	if b, ok := w.Driver.(interface {
		BeginTx(context.Context, *sql.TxOptions) (dialect.Tx, error)
	}); ok {
		tx, err = b.BeginTx(ctx, opts)
	} else {
		tx, err = w.Driver.Tx(ctx)
	}
	if err != nil {
		<-w.slot
		return nil, err
	}
	_, shared := ctx.Value(sharedTxKey{}).(sharedTxKey)
	return &slotTx{Tx: tx, release: func() { <-w.slot }, shared: shared}, nil
}

// sharedTxKey marks the context a group commit begins its transaction with (see batcher).
type sharedTxKey struct{}

// slotTx gives the writer slot back when the transaction ends, once.
type slotTx struct {
	dialect.Tx
	once    sync.Once
	release func()
	// shared: the transaction carries several callers' work (a group commit), so no caller's
	// context may interrupt a statement (see statementContext).
	shared bool
}

// statementContext is the context a statement of t runs with. In a shared transaction it is
// ctx without its cancellation: SQLite answers an interrupted write by rolling back the whole
// transaction, every other caller's work in it included, so a caller who gives up must not
// interrupt a statement. Its giving up is seen at the next statement instead, which it refuses,
// failing that caller's transaction alone (its savepoint is rolled back). Without a cancellation
// to watch, the driver also spares a goroutine per statement.
func (t *slotTx) statementContext(ctx context.Context) (context.Context, error) {
	if !t.shared {
		return ctx, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("the caller gave up: %w", err)
	}
	return context.WithoutCancel(ctx), nil
}

// Exec runs a statement of the transaction (see statementContext).
func (t *slotTx) Exec(ctx context.Context, query string, args, v any) error {
	ctx, err := t.statementContext(ctx)
	if err != nil {
		return err
	}
	return t.Tx.Exec(ctx, query, args, v)
}

// Query runs a query of the transaction (see statementContext).
func (t *slotTx) Query(ctx context.Context, query string, args, v any) error {
	ctx, err := t.statementContext(ctx)
	if err != nil {
		return err
	}
	return t.Tx.Query(ctx, query, args, v)
}

func (t *slotTx) Commit() error {
	defer t.once.Do(t.release)
	return t.Tx.Commit()
}

func (t *slotTx) Rollback() error {
	defer t.once.Do(t.release)
	return t.Tx.Rollback()
}

// Raw statements pass through to the underlying driver (ent's QueryContext/ExecContext).
func (w *serialWriter) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	qe, ok := w.Driver.(queryExecer)
	if !ok {
		return nil, fmt.Errorf("driver %T does not run raw queries", w.Driver)
	}
	return qe.QueryContext(ctx, query, args...)
}

// ExecContext passes a raw statement through.
func (w *serialWriter) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	qe, ok := w.Driver.(queryExecer)
	if !ok {
		return nil, fmt.Errorf("driver %T does not run raw statements", w.Driver)
	}
	return qe.ExecContext(ctx, query, args...)
}

// ExecContext runs a raw statement in the transaction (ent's Tx.ExecContext; savepoints).
func (t *slotTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	ctx, err := t.statementContext(ctx)
	if err != nil {
		return nil, err
	}
	return execInTx(ctx, t.Tx, query, args...)
}

// QueryContext runs a raw query in the transaction (ent's Tx.QueryContext; UPDATE ... RETURNING).
func (t *slotTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	ctx, err := t.statementContext(ctx)
	if err != nil {
		return nil, err
	}
	return queryInTx(ctx, t.Tx, query, args...)
}

// queryInTx runs a raw query on tx when its driver offers raw queries.
func queryInTx(ctx context.Context, tx dialect.Tx, query string, args ...any) (*sql.Rows, error) {
	q, ok := tx.(interface {
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	})
	if !ok {
		return nil, fmt.Errorf("raw queries are not supported by %T", tx)
	}
	return q.QueryContext(ctx, query, args...)
}

// execInTx runs a raw statement on tx when its driver offers raw statements.
func execInTx(ctx context.Context, tx dialect.Tx, query string, args ...any) (sql.Result, error) {
	ex, ok := tx.(interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
	})
	if !ok {
		return nil, fmt.Errorf("raw statements are not supported by %T", tx)
	}
	return ex.ExecContext(ctx, query, args...)
}
