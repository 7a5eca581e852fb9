package inventory

import (
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strings"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent/stockcount"
)

// StockSlots is how many slots a counter is split into on Postgres. A transaction writes its
// counter changes to the lowest slot no other running transaction holds, so as long as fewer
// transactions than this change counters at once (the connection pool is smaller), none waits
// on another's counter rows; readers sum the slots. The lowest free slot rather than a random
// one keeps the rows few: about as many slots per counter as transactions ever ran at once.
const StockSlots = 64

// slotLockSpace is the first key of the advisory locks that give a transaction its slot (the
// second is the slot), apart from the row locks' spaces (see database.lockSpace).
var slotLockSpace = func() int32 {
	h := fnv.New32a()
	_, _ = h.Write([]byte("hardcandy:stock-slot")) // hash.Hash writes never fail
	return int32(h.Sum32())                        //nolint:gosec // a hash, any bits will do
}()

// adjustStockSlotted applies counter deltas on Postgres in one statement: it takes the lowest
// free slot (a transaction-scoped advisory lock, tried without waiting) and upserts every
// counter of the change into that slot. Only the holder of a slot's lock writes the slot's rows,
// so the upsert never waits on another transaction. When every slot is taken it falls back to
// slot 0, waiting for its rows like before, in key order.
func adjustStockSlotted(ctx context.Context, tx *database.Tx, delta map[stockKey]int) error {
	keys := sortedKeys(delta)
	var values strings.Builder
	args := []any{slotLockSpace}
	for _, k := range keys {
		d := delta[k]
		if d == 0 {
			continue
		}
		if len(args) > 1 {
			values.WriteString(", ")
		}
		n := len(args)
		fmt.Fprintf(&values, "($%d::bigint, $%d::varchar, $%d::bigint)", n+1, n+2, n+3)
		args = append(args, k.productID, string(k.status), d)
	}
	if len(args) == 1 {
		return nil
	}
	q := fmt.Sprintf(`WITH slot AS (
		SELECT g AS s FROM generate_series(0, %[1]d) AS g WHERE pg_try_advisory_xact_lock($1, g) LIMIT 1)
	INSERT INTO %[2]s (%[3]s, %[4]s, %[5]s, %[6]s)
	SELECT v.p, v.st, slot.s, v.n FROM slot, (VALUES %[7]s) AS v(p, st, n)
	ON CONFLICT (%[3]s, %[4]s, %[5]s) DO UPDATE SET %[6]s = %[2]s.%[6]s + excluded.%[6]s`,
		StockSlots-1, stockcount.Table, stockcount.FieldProductID, stockcount.FieldStatus, stockcount.FieldSlot,
		stockcount.FieldCount, values.String())
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("adjust stock counters: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n > 0 {
		return nil
	}
	return adjustStock(ctx, tx, delta) // every slot is taken: wait for slot 0
}

// sortedKeys are delta's keys by product, then status.
func sortedKeys(delta map[stockKey]int) []stockKey {
	return slices.SortedFunc(maps.Keys(delta), func(a, b stockKey) int {
		return cmp.Or(cmp.Compare(a.productID, b.productID), strings.Compare(string(a.status), string(b.status)))
	})
}
