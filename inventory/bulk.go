package inventory

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/event"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
)

// BulkMove asks for many items to change status at once (the expiry sweep's batches).
type BulkMove struct {
	ItemIDs []int
	To      Status
	// Actor is who asks, for the events; Reason is why.
	Actor  string
	Reason string
	// Likely are the statuses the items are expected to be in, tried first; every other status
	// Machine allows to go to To is tried after them for the items left.
	Likely []Status
}

// Moved is an item a bulk move changed.
type Moved struct {
	ID        int
	ProductID int
	Name      string
	From      Status
}

// TransitionAll is Transition in set-based statements: Machine decides once which statuses may
// go to m.To, then one UPDATE ... RETURNING per such status (and per chunk of ids) moves the
// items still in it, one INSERT writes every event, and the stock counters change at commit.
// An item in a status that may not go to m.To is a CONFLICT and nothing moves.
func TransitionAll(ctx context.Context, tx *database.Tx, now time.Time, m BulkMove) ([]Moved, error) {
	if len(m.ItemIDs) == 0 {
		return nil, nil
	}
	sources := Machine.Sources(m.To)
	order := make([]Status, 0, len(sources))
	for _, s := range m.Likely {
		if slices.Contains(sources, s) {
			order = append(order, s)
		}
	}
	for _, s := range sources {
		if !slices.Contains(order, s) {
			order = append(order, s)
		}
	}
	moved := make([]Moved, 0, len(m.ItemIDs))
	for _, chunk := range database.IDChunks(m.ItemIDs) {
		left := chunk
		for _, from := range order {
			if len(left) == 0 {
				break
			}
			got, err := updateFrom(ctx, tx, now, left, from, m.To)
			if err != nil {
				return nil, err
			}
			if len(got) == 0 {
				continue
			}
			done := make(map[int]bool, len(got))
			for _, g := range got {
				done[g.ID] = true
			}
			moved = append(moved, got...)
			left = slices.DeleteFunc(slices.Clone(left), func(id int) bool { return done[id] })
		}
		if len(left) > 0 {
			return nil, apperr.New(apperr.Conflict, "%d of %d items cannot go to %s (they are in another status, or gone)",
				len(left), len(m.ItemIDs), m.To)
		}
	}
	freed := make([]*ent.InventoryItem, len(moved))
	for i, it := range moved {
		freed[i] = &ent.InventoryItem{ProductID: it.ProductID, Status: it.From}
	}
	// Before the commit, which is all lockFreed needs: nothing of this move is seen until then.
	if err := lockFreed(ctx, tx, freed, m.To); err != nil {
		return nil, err
	}
	var reason any
	if m.Reason != "" {
		reason = m.Reason
	}
	rows := make([][]any, len(moved))
	delta := map[stockKey]int{}
	for i, it := range moved {
		rows[i] = []any{now, m.Actor, "status", string(it.From), string(m.To), reason, it.ID}
		delta[stockKey{it.ProductID, it.From}]--
		delta[stockKey{it.ProductID, m.To}]++
	}
	if err := database.InsertRows(ctx, tx, event.Table, []string{event.FieldAt, event.FieldActor, event.FieldKind,
		event.FieldFrom, event.FieldTo, event.FieldMessage, event.FieldItemID}, rows); err != nil {
		return nil, fmt.Errorf("write item events: %w", err)
	}
	adjustStockAtCommit(tx, delta)
	return moved, nil
}

// updateFrom moves the items of ids still in from to to, in one statement, and returns them.
func updateFrom(ctx context.Context, tx *database.Tx, now time.Time, ids []int, from, to Status) ([]Moved, error) {
	q := tx.Queries()
	ph := q.Param
	var set strings.Builder
	args := []any{string(to), now, now}
	set.WriteString(fmt.Sprintf("%s = %s, %s = %s, %s = %s, %s = NULL", inventoryitem.FieldStatus, ph(1),
		inventoryitem.FieldStatusChangedAt, ph(2), inventoryitem.FieldUpdatedAt, ph(3), inventoryitem.FieldLastError))
	if to == Rebuilding { // a fresh reclamation cycle
		set.WriteString(fmt.Sprintf(", %s = 0, %s = NULL", inventoryitem.FieldReclaimAttempts, inventoryitem.FieldNextAttemptAt))
	}
	args = append(args, string(from))
	status := q.Filter(inventoryitem.FieldStatus) // a filter on the rows found by id
	in, inArgs := q.InIDs(inventoryitem.FieldID, 5, ids)
	stmt := fmt.Sprintf("UPDATE %s SET %s WHERE %s = %s AND %s RETURNING %s, %s, %s", inventoryitem.Table, set.String(),
		status, ph(4), in, inventoryitem.FieldID, inventoryitem.FieldProductID, inventoryitem.FieldName)
	args = append(args, inArgs...)
	rows, err := tx.QueryContext(ctx, stmt, args...)
	if err != nil {
		return nil, fmt.Errorf("update items %s→%s: %w", from, to, err)
	}
	defer rows.Close()
	var out []Moved
	for rows.Next() {
		mv := Moved{From: from}
		if err := rows.Scan(&mv.ID, &mv.ProductID, &mv.Name); err != nil {
			return nil, fmt.Errorf("update items %s→%s: %w", from, to, err)
		}
		out = append(out, mv)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("update items %s→%s: %w", from, to, err)
	}
	return out, nil
}
