package database

import (
	"context"
	stdsql "database/sql"
	"fmt"
	"sync/atomic"

	"entgo.io/ent/dialect"
)

// CountingDriver counts the SQL statements that reach the database, so tests can prove a query
// runs a constant number of them whatever the page size.
type CountingDriver struct {
	dialect.Driver
	n atomic.Int64
}

// NewCountingDriver wraps d.
func NewCountingDriver(d dialect.Driver) *CountingDriver { return &CountingDriver{Driver: d} }

// Count returns the statements seen so far.
func (d *CountingDriver) Count() int64 { return d.n.Load() }

// Reset sets the count to zero.
func (d *CountingDriver) Reset() { d.n.Store(0) }

// Exec counts and runs.
func (d *CountingDriver) Exec(ctx context.Context, q string, args, v any) error {
	d.n.Add(1)
	return d.Driver.Exec(ctx, q, args, v)
}

// Query counts and runs.
func (d *CountingDriver) Query(ctx context.Context, q string, args, v any) error {
	d.n.Add(1)
	return d.Driver.Query(ctx, q, args, v)
}

// Tx starts a transaction whose statements are counted too.
func (d *CountingDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	return &countingTx{Tx: tx, n: &d.n}, nil
}

type countingTx struct {
	dialect.Tx
	n *atomic.Int64
}

func (t *countingTx) Exec(ctx context.Context, q string, args, v any) error {
	t.n.Add(1)
	return t.Tx.Exec(ctx, q, args, v)
}

func (t *countingTx) Query(ctx context.Context, q string, args, v any) error {
	t.n.Add(1)
	return t.Tx.Query(ctx, q, args, v)
}

// queryExecer is what ent's sql driver offers for raw statements (FeatureExecQuery).
type queryExecer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error)
}

// QueryContext counts and runs a raw query.
func (d *CountingDriver) QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error) {
	qe, ok := d.Driver.(queryExecer)
	if !ok {
		return nil, fmt.Errorf("driver %T does not run raw queries", d.Driver)
	}
	d.n.Add(1)
	return qe.QueryContext(ctx, query, args...)
}

// ExecContext counts and runs a raw statement.
func (d *CountingDriver) ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error) {
	qe, ok := d.Driver.(queryExecer)
	if !ok {
		return nil, fmt.Errorf("driver %T does not run raw statements", d.Driver)
	}
	d.n.Add(1)
	return qe.ExecContext(ctx, query, args...)
}

// ExecContext counts and runs a raw statement in the transaction.
func (t *countingTx) ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error) {
	t.n.Add(1)
	return execInTx(ctx, t.Tx, query, args...)
}

// QueryContext counts and runs a raw query in the transaction.
func (t *countingTx) QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error) {
	t.n.Add(1)
	return queryInTx(ctx, t.Tx, query, args...)
}
