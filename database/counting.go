package database

import (
	"context"
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
