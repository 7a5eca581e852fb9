package lease

import (
	"context"
	"fmt"
	"time"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
)

// expireBatch is how many leases one transaction expires.
const expireBatch = 1000

// expire ends every ACTIVE lease whose end has passed at now: EXPIRED, allocations released,
// items to REBUILDING, one transaction per batch, then reclamation is triggered. It is an
// idempotent sweep ("expire every lease with end <= now"), so a run missed during downtime is
// caught up by the next; it costs what is due, not the size of the leases table (the
// (status, ends_at) index). It returns how many leases it expired.
func (s *Service) expire(ctx context.Context, now time.Time) (int, error) {
	sys := database.System(ctx)
	total := 0
	for {
		var batch []*ent.Lease
		err := database.WithTx(sys, s.client, func(tx *ent.Tx) error {
			var err error
			// Everything the batch needs, read once: the leases with what their notices
			// describe, their held allocations and those items.
			batch, err = tx.Lease.Query().Where(entlease.StatusEQ(Active), entlease.EndsAtLTE(now)).
				Order(ent.Asc(entlease.FieldEndsAt)).Limit(expireBatch).
				Select(entlease.FieldID, entlease.FieldOwnerID, entlease.FieldCostCenterID, entlease.FieldRequest,
					entlease.FieldStartsAt, entlease.FieldEndsAt, entlease.FieldDuration, entlease.FieldStatus).
				WithAllocations(func(q *ent.AllocationQuery) {
					q.Where(allocation.ReleasedAtIsNil()).
						Select(allocation.FieldID, allocation.FieldLeaseID, allocation.FieldItemID).
						Order(ent.Asc(allocation.FieldID)).
						WithItem(func(q *ent.InventoryItemQuery) {
							q.Select(inventoryitem.FieldID, inventoryitem.FieldName, inventoryitem.FieldProductID,
								inventoryitem.FieldStatus).
								WithProduct(func(q *ent.ProductQuery) { q.Select(product.FieldID, product.FieldSku) })
						})
				}).All(sys)
			if err != nil || len(batch) == 0 {
				return err
			}
			return s.expireBatch(sys, tx, now, batch)
		})
		if err != nil {
			return total, fmt.Errorf("expire leases: %w", err)
		}
		for _, l := range batch {
			s.emit(l, string(Expired))
		}
		n := len(batch)
		total += n
		if n < expireBatch {
			break
		}
	}
	if total > 0 {
		s.kickReclaim()
		s.deliver()
	}
	return total, nil
}

// expireBatch expires leases loaded with their unreleased allocations and items, inside tx.
func (s *Service) expireBatch(ctx context.Context, tx *ent.Tx, now time.Time, leases []*ent.Lease) error {
	ids := make([]int, len(leases))
	var (
		allocIDs []int
		items    []*ent.InventoryItem
	)
	for i, l := range leases {
		ids[i] = l.ID
		for _, a := range l.Edges.Allocations {
			allocIDs = append(allocIDs, a.ID)
			if a.Edges.Item != nil {
				items = append(items, a.Edges.Item)
			}
		}
	}
	if err := moveMany(ctx, tx, now, ids, Active, Expired, "scheduler", "the lease's end has passed",
		func(u *ent.LeaseUpdate) { u.SetEndedAt(now) }); err != nil {
		return err
	}
	if err := lapseRequests(ctx, tx, now, ids, "the lease expired first"); err != nil {
		return err
	}
	if s.Notices != nil {
		for _, l := range leases {
			l.Status, l.EndedAt = Expired, &now
		}
		if err := s.Notices.EnqueueOwners(ctx, tx, now, notify.KindExpired, leases, "the lease's end has passed"); err != nil {
			return err
		}
	}
	for start := 0; start < len(allocIDs); start += eventChunk {
		chunk := allocIDs[start:min(start+eventChunk, len(allocIDs))]
		if err := tx.Allocation.Update().Where(allocation.IDIn(chunk...)).SetReleasedAt(now).Exec(ctx); err != nil {
			return fmt.Errorf("release allocations: %w", err)
		}
	}
	for start := 0; start < len(items); start += eventChunk {
		// The items were read in this transaction: Transition need not read them again, and
		// its conditional update still refuses any that moved.
		if err := inventory.Transition(ctx, tx, now, inventory.Move{Loaded: items[start:min(start+eventChunk, len(items))],
			To: inventory.Rebuilding, Actor: "scheduler", Reason: "lease expired"}); err != nil {
			return err
		}
	}
	return nil
}
