// Package inventory owns inventory items: adding and importing them, their state machine, the
// stock counters behind availability, maintenance and archiving.
package inventory

import (
	"context"
	"fmt"
	"slices"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/stockcount"
	"github.com/hardcandy/hardcandy/lifecycle"
)

// Status is an item's status.
type Status = inventoryitem.Status

// The item statuses.
const (
	Available   = inventoryitem.StatusAVAILABLE
	Reserving   = inventoryitem.StatusRESERVING
	Leased      = inventoryitem.StatusLEASED
	Rebuilding  = inventoryitem.StatusREBUILDING
	Maintenance = inventoryitem.StatusMAINTENANCE
	Archiving   = inventoryitem.StatusARCHIVING
	Archived    = inventoryitem.StatusARCHIVED
)

// Machine is the one table of allowed item transitions (DESIGN §2).
var Machine = lifecycle.New("item", []Status{Available, Reserving, Leased, Rebuilding, Maintenance, Archiving, Archived},
	map[Status][]Status{
		Available: {Reserving, Maintenance, Archiving},
		// A claim ends leased, back on the shelf when the dispenser never touched the item, or
		// rebuilding when it did and failed.
		Reserving: {Leased, Available, Rebuilding},
		// A leased item that breaks goes to maintenance straight from its lease (markItemFaulty).
		Leased:     {Rebuilding, Maintenance},
		Rebuilding: {Available, Maintenance},
		// Back into service only through a wipe: an item is often in maintenance because its
		// wipe failed, and whatever was done to it there is not known to be clean.
		Maintenance: {Rebuilding, Archiving},
		Archiving:   {Archived},
	})

// Move asks for items to change status.
type Move struct {
	ItemIDs []int
	To      Status
	// Actor is who asks, for the events; Reason is why.
	Actor  string
	Reason string
	// LeaseID ties the events to a lease, so its holder sees them.
	LeaseID *int
	// From, when set, is the status every item must be in; anything else is a CONFLICT.
	From *Status
	// LastError is stored on the items (a failed reclaim's message), or cleared when nil.
	LastError *string
	// Events are more events (the lease's) written with the items' in one statement.
	Events []*ent.EventCreate
	// Loaded, when set, are the items as the caller read them inside the same transaction (with
	// at least id, name, product and status); Transition then skips reading them again. The
	// conditional update still refuses items that moved meanwhile.
	Loaded []*ent.InventoryItem
}

// Transition moves items to a new status inside tx: it checks every move against Machine,
// updates only rows still in the status it read (a concurrent change is a CONFLICT), writes one
// event per item, and keeps the stock counters in step. Nothing else writes an item's status.
func Transition(ctx context.Context, tx *database.Tx, now time.Time, m Move) error {
	items := m.Loaded
	if items == nil {
		if len(m.ItemIDs) == 0 {
			return nil
		}
		var err error
		items, err = tx.InventoryItem.Query().Where(inventoryitem.IDIn(m.ItemIDs...)).
			Select(inventoryitem.FieldID, inventoryitem.FieldName, inventoryitem.FieldProductID, inventoryitem.FieldStatus).
			All(ctx)
		if err != nil {
			return fmt.Errorf("load items: %w", err)
		}
	} else {
		m.ItemIDs = make([]int, len(items))
		for i, it := range items {
			m.ItemIDs[i] = it.ID
		}
	}
	if len(items) == 0 {
		return nil
	}
	if len(items) != len(m.ItemIDs) {
		return apperr.New(apperr.NotFound, "%d of %d items not found", len(m.ItemIDs)-len(items), len(m.ItemIDs))
	}
	byFrom := map[Status][]int{}
	delta := map[stockKey]int{}
	events := make([]*ent.EventCreate, 0, len(items))
	for _, it := range items {
		if m.From != nil && it.Status != *m.From {
			return apperr.New(apperr.Conflict, "item %s is %s, not %s", it.Name, it.Status, *m.From)
		}
		if err := Machine.Check(it.Status, m.To); err != nil {
			return apperr.New(apperr.Conflict, "item %s cannot go from %s to %s", it.Name, it.Status, m.To)
		}
		byFrom[it.Status] = append(byFrom[it.Status], it.ID)
		delta[stockKey{it.ProductID, it.Status}]--
		delta[stockKey{it.ProductID, m.To}]++
		from, to := string(it.Status), string(m.To)
		ev := tx.Event.Create().SetAt(now).SetActor(m.Actor).SetKind("status").SetFrom(from).SetTo(to).
			SetItemID(it.ID).SetNillableLeaseID(m.LeaseID)
		if m.Reason != "" {
			ev.SetMessage(m.Reason)
		}
		events = append(events, ev)
	}
	if err := lockFreed(ctx, tx, items, m.To); err != nil {
		return err
	}
	for from, ids := range byFrom {
		upd := tx.InventoryItem.Update().
			Where(inventoryitem.IDIn(ids...), database.StillIn(inventoryitem.FieldStatus, from)).
			SetStatus(m.To).SetStatusChangedAt(now).SetUpdatedAt(now)
		if m.LastError != nil {
			upd.SetLastError(*m.LastError)
		} else {
			upd.ClearLastError()
		}
		if m.To == Rebuilding { // a fresh reclamation cycle
			upd.SetReclaimAttempts(0).ClearNextAttemptAt()
		}
		n, err := upd.Save(ctx)
		if err != nil {
			return fmt.Errorf("update items %s→%s: %w", from, m.To, err)
		}
		if n != len(ids) {
			return apperr.New(apperr.Conflict, "%d items changed status concurrently; try again", len(ids)-n)
		}
	}
	if err := tx.Event.CreateBulk(append(m.Events, events...)...).Exec(ctx); err != nil {
		return fmt.Errorf("write item events: %w", err)
	}
	adjustStockAtCommit(tx, delta)
	return nil
}

type stockKey struct {
	productID int
	status    Status
}

// stockDeltas are counter changes handed to the commit: every transaction moves a few counters
// of the same few products, and a group commit of many vends then writes them once, netted,
// instead of twice per vend. Nothing reads the counters inside a writing transaction.
type stockDeltas map[stockKey]int

// Merge adds a later transaction's changes.
func (d stockDeltas) Merge(later database.Deferred) {
	for k, n := range later.(stockDeltas) {
		d[k] += n
	}
}

// Write applies the changes: on Postgres to a counter slot no other running transaction
// holds (see adjustStockSlotted), on SQLite to slot 0.
func (d stockDeltas) Write(ctx context.Context, tx *database.Tx) error {
	if tx.Concurrent() {
		return adjustStockSlotted(ctx, tx, d)
	}
	return adjustStock(ctx, tx, d)
}

// adjustStockAtCommit hands delta to the commit of tx.
func adjustStockAtCommit(tx *database.Tx, delta map[stockKey]int) {
	tx.Defer("inventory.stock", stockDeltas(delta))
}

// adjustStock applies counter deltas to slot 0 with one upsert per (product, status), in key
// order: on Postgres each upsert locks its counter row until commit, and two transactions
// taking the same rows in different orders would deadlock.
func adjustStock(ctx context.Context, tx *database.Tx, delta map[stockKey]int) error {
	keys := sortedKeys(delta)
	creates := make([]*ent.StockCountCreate, 0, len(keys))
	for _, k := range keys {
		if d := delta[k]; d != 0 {
			creates = append(creates, tx.StockCount.Create().SetProductID(k.productID).SetStatus(stockcount.Status(k.status)).SetCount(d))
		}
	}
	if len(creates) == 0 {
		return nil
	}
	// One statement for every counter: a new row starts at its delta, an existing one adds it.
	err := tx.StockCount.CreateBulk(creates...).
		OnConflict(entsql.ConflictColumns(stockcount.FieldProductID, stockcount.FieldStatus, stockcount.FieldSlot),
			entsql.ResolveWith(func(u *entsql.UpdateSet) {
				u.Set(stockcount.FieldCount, entsql.Expr(u.Table().C(stockcount.FieldCount)+" + excluded."+stockcount.FieldCount))
			})).
		Exec(ctx)
	if err != nil {
		return fmt.Errorf("adjust stock counters: %w", err)
	}
	return nil
}

// ProductLockKeys are the lock keys (database.Lock) of products ids, in id order: every
// transaction locks products after the owner and the cost center, and in this order.
func ProductLockKeys(ids []int) []database.LockKey {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	keys := make([]database.LockKey, len(ids))
	for i, id := range ids {
		keys[i] = database.LockKey{Space: "product", ID: id}
	}
	return keys
}

// outOfService are the statuses whose items no lease can use (a product's capacity leaves them
// out).
var outOfService = []Status{Maintenance, Archiving, Archived}

// lockFreed locks, exclusively, the products of items that a move to "to" takes from "in use but
// not AVAILABLE" to AVAILABLE or out of service. Such a move is the one change that can leave a
// product with more booked than its busy items: a booking that still covers now with its item
// wiped early or broken. A vend of the product decided under a shared lock counts on every
// booking covering now having a busy item behind it (lease.holdCapacity), so the move waits for
// those vends to commit, and vends after it see it.
func lockFreed(ctx context.Context, tx *database.Tx, items []*ent.InventoryItem, to Status) error {
	if !tx.Concurrent() || (to != Available && !slices.Contains(outOfService, to)) {
		return nil
	}
	var ids []int
	for _, it := range items {
		if it.Status != Available && !slices.Contains(outOfService, it.Status) {
			ids = append(ids, it.ProductID)
		}
	}
	return database.Lock(ctx, tx, ProductLockKeys(ids)...)
}
