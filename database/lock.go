package database

import (
	"context"
	"fmt"
	"hash/fnv"
	"strings"
)

// LockKey names what a transaction locks with Lock: a space ("owner", "cost center") and the id
// of one thing in it.
type LockKey struct {
	Space string
	ID    int
}

// Lock serializes transactions that count something and then write what the count allows (a
// limit): it takes a lock on each key, in the order given, held until tx ends, so that on
// Postgres the next transaction with the same key waits for this one to commit and its count
// (in a later statement, under read committed) sees what this one wrote. Every caller must give
// its keys in the same order (owner before cost center), or two could wait for each other.
//
// The locks are Postgres transaction-level advisory locks: they live in memory, write nothing
// and touch no row, so the rows themselves (a user, a cost center) stay free for anyone else. On
// a SQLite store write transactions already run one at a time, and Lock does nothing.
func Lock(ctx context.Context, tx *Tx, keys ...LockKey) error {
	return lock(ctx, tx, "pg_advisory_xact_lock", keys)
}

// LockShared takes keys as Lock does, but shared: transactions holding a key shared run
// alongside each other and wait only for one holding it with Lock, which in turn waits for them
// all. It is for checks that stay true whatever the other shared holders write (see
// lease.holdCapacity).
func LockShared(ctx context.Context, tx *Tx, keys ...LockKey) error {
	return lock(ctx, tx, "pg_advisory_xact_lock_shared", keys)
}

func lock(ctx context.Context, tx *Tx, fn string, keys []LockKey) error {
	if len(keys) == 0 || !tx.Concurrent() {
		return nil
	}
	var q strings.Builder
	args := make([]any, 0, 2*len(keys))
	q.WriteString("SELECT ")
	for i, k := range keys {
		if i > 0 {
			q.WriteString(", ")
		}
		// Select-list expressions are evaluated left to right: the locks are taken in order.
		fmt.Fprintf(&q, "%s($%d, $%d)", fn, 2*i+1, 2*i+2)
		args = append(args, lockSpace(k.Space), int32(uint32(k.ID))) //nolint:gosec // see lockSpace
	}
	if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
		return fmt.Errorf("lock %v: %w", keys, err)
	}
	return nil
}

// lockSpace is the first of the two 32-bit keys of an advisory lock: a hash of the space, with a
// prefix that keeps Hardcandy's locks apart from other software's. The second key is the low 32
// bits of the id, which tell apart the ids of one table (each table's ids share their high bits).
// Two-key advisory locks never meet the single 64-bit keys of the leader election or the
// migrations.
func lockSpace(space string) int32 {
	h := fnv.New32a()
	_, _ = h.Write([]byte("hardcandy:" + space)) // hash.Hash writes never fail
	return int32(h.Sum32())                      //nolint:gosec // a hash, any bits will do
}
