package database

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
)

// Deferred is an additive change to a few hot rows (counters) that a write transaction hands to
// its commit rather than writing at once. What the transactions of one group commit defer under
// a key (Tx.Defer) is merged and written once, just before that commit; elsewhere, once per transaction,
// just before it commits. A transaction that fails contributes nothing.
//
// Only changes nothing reads back inside the transaction may be deferred: they are not in the
// database until the commit.
type Deferred interface {
	// Merge folds a change made later, deferred under the same key, into this one.
	Merge(later Deferred)
	// Write writes the change in tx.
	Write(ctx context.Context, tx *Tx) error
}

// deferrals is what the transactions sharing one *ent.Tx deferred: those that succeeded (done)
// and the one running now (current), which joins done only when it succeeds.
type deferrals struct {
	mu      sync.Mutex
	done    map[string]Deferred
	current map[string]Deferred
}

func (d *deferrals) add(key string, x Deferred) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.current = merge(d.current, key, x)
}

// merge folds x into m under key, making m when it is nil.
func merge(m map[string]Deferred, key string, x Deferred) map[string]Deferred {
	if m == nil {
		m = map[string]Deferred{}
	}
	if have, ok := m[key]; ok {
		have.Merge(x)
	} else {
		m[key] = x
	}
	return m
}

// begin starts what the next transaction defers.
func (d *deferrals) begin() {
	d.mu.Lock()
	d.current = nil
	d.mu.Unlock()
}

// succeeded keeps what the running transaction deferred; failed drops it.
func (d *deferrals) succeeded() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for key, x := range d.current {
		d.done = merge(d.done, key, x)
	}
	d.current = nil
}

func (d *deferrals) failed() { d.begin() }

// write writes what the succeeded transactions deferred, in key order, so that on Postgres
// concurrent commits take the same rows in the same order.
func (d *deferrals) write(ctx context.Context, tx *Tx) error {
	d.mu.Lock()
	done := d.done
	d.done = nil
	d.mu.Unlock()
	ctx = System(ctx)
	for _, key := range slices.Sorted(maps.Keys(done)) {
		if err := done[key].Write(ctx, tx); err != nil {
			return fmt.Errorf("deferred %s: %w", key, err)
		}
	}
	return nil
}
