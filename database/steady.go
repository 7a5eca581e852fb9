package database

import (
	"context"
	"database/sql"
	"fmt"

	"entgo.io/ent/dialect"
)

// steadyDriver runs Postgres transactions that their callers cannot interrupt mid-statement. A
// caller that gives up is seen at its transaction's next statement, which is refused, and at its
// commit (Store.Write), so its transaction rolls back with nothing of it kept; but no statement
// is cut off and no transaction is rolled back from another goroutine. Both of those race, in
// the driver, with the connection going back to the pool: under a storm of cancelled requests
// the pool then hands out connections the driver has given up on, and a request nobody
// cancelled fails with "driver: bad connection" after database/sql's retries. A statement runs
// to its end instead, which in these transactions is short; lock waits are for other
// transactions of the same kind.
type steadyDriver struct {
	dialect.Driver
}

// Tx starts a transaction that the caller's cancellation does not roll back (see steadyDriver).
func (d steadyDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	return d.BeginTx(ctx, nil)
}

// BeginTx starts a transaction with options that the caller's cancellation does not roll back.
func (d steadyDriver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("the caller gave up: %w", err)
	}
	b, ok := d.Driver.(interface {
		BeginTx(context.Context, *sql.TxOptions) (dialect.Tx, error)
	})
	if !ok {
		return nil, fmt.Errorf("transactions with options are not supported by %T", d.Driver)
	}
	tx, err := b.BeginTx(context.WithoutCancel(ctx), opts)
	if err != nil {
		return nil, err
	}
	return steadyTx{Tx: tx}, nil
}

// steadyTx is a transaction of steadyDriver.
type steadyTx struct {
	dialect.Tx
}

// statementContext refuses a statement once the caller gave up, and otherwise runs it without
// the caller's cancellation.
func statementContext(ctx context.Context) (context.Context, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("the caller gave up: %w", err)
	}
	return context.WithoutCancel(ctx), nil
}

func (t steadyTx) Exec(ctx context.Context, query string, args, v any) error {
	ctx, err := statementContext(ctx)
	if err != nil {
		return err
	}
	return t.Tx.Exec(ctx, query, args, v)
}

func (t steadyTx) Query(ctx context.Context, query string, args, v any) error {
	ctx, err := statementContext(ctx)
	if err != nil {
		return err
	}
	return t.Tx.Query(ctx, query, args, v)
}

func (t steadyTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	ctx, err := statementContext(ctx)
	if err != nil {
		return nil, err
	}
	return execInTx(ctx, t.Tx, query, args...)
}

func (t steadyTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	ctx, err := statementContext(ctx)
	if err != nil {
		return nil, err
	}
	return queryInTx(ctx, t.Tx, query, args...)
}

// ExecContext runs a raw statement outside any transaction, as the driver does.
func (d steadyDriver) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	ex, ok := d.Driver.(interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
	})
	if !ok {
		return nil, fmt.Errorf("raw statements are not supported by %T", d.Driver)
	}
	return ex.ExecContext(ctx, query, args...)
}

// QueryContext runs a raw query outside any transaction, as the driver does.
func (d steadyDriver) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	q, ok := d.Driver.(interface {
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	})
	if !ok {
		return nil, fmt.Errorf("raw queries are not supported by %T", d.Driver)
	}
	return q.QueryContext(ctx, query, args...)
}
