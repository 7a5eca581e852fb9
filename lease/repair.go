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
	"github.com/hardcandy/hardcandy/ent/predicate"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
)

// repairBatch bounds one repair run.
const repairBatch = 200

// Repair rolls back what a crash left between a vend's two transactions: leases PENDING on the
// dispenser and items RESERVING for longer than the pending timeout. Such leases become
// REJECTED; their items go to REBUILDING, because the dispenser may have touched them. It is
// idempotent and bounded; it returns how many leases and items it repaired.
func (s *Service) Repair(ctx context.Context, now time.Time) (int, error) {
	sys := database.System(ctx)
	cutoff := now.Add(-s.cfg.PendingTimeout.Std())
	stuck, err := s.client.Lease.Query().
		Where(entlease.StatusEQ(Pending), entlease.AwaitingApproval(false), entlease.UpdatedAtLT(cutoff)).
		Limit(repairBatch).IDs(sys)
	if err != nil {
		return 0, fmt.Errorf("find stuck leases: %w", err)
	}
	repaired := 0
	msg := fmt.Sprintf("interrupted: the vend did not finish within %s; nothing is charged", s.cfg.PendingTimeout)
	for _, id := range stuck {
		err := s.store.Write(sys, func(tx *database.Tx) error {
			if err := s.releaseStuck(sys, tx, now, allocation.LeaseID(id)); err != nil {
				return err
			}
			err := move(sys, tx, now, id, Pending, Rejected, "repair", msg, func(u *ent.LeaseUpdate) {
				u.SetStatusMessage(msg).SetEndedAt(now)
			})
			if err != nil {
				return err
			}
			return s.notice(sys, tx, now, notify.Event{Kind: notify.KindRejected, LeaseID: &id, Message: msg})
		})
		if err != nil {
			return repaired, fmt.Errorf("repair lease %d: %w", id, err)
		}
		repaired++
		if l, err := s.client.Lease.Get(sys, id); err == nil {
			s.emit(l, string(Rejected))
		}
	}
	// Items RESERVING too long under a lease that is not pending: an expansion interrupted.
	items, err := s.client.InventoryItem.Query().
		Where(inventoryitem.StatusEQ(inventory.Reserving), inventoryitem.StatusChangedAtLT(cutoff)).
		Limit(repairBatch).IDs(sys)
	if err != nil {
		return repaired, fmt.Errorf("find stuck items: %w", err)
	}
	if len(items) > 0 {
		err := s.store.Write(sys, func(tx *database.Tx) error {
			return s.releaseStuck(sys, tx, now, allocation.ItemIDIn(items...))
		})
		if err != nil {
			return repaired, fmt.Errorf("repair items: %w", err)
		}
		repaired += len(items)
	}
	if repaired > 0 {
		s.kickReclaim()
		s.deliver()
	}
	return repaired, nil
}

// releaseStuck releases the unvended allocations that match and sends their RESERVING items to
// REBUILDING; RESERVING items without any allocation go the same way.
func (s *Service) releaseStuck(ctx context.Context, tx *database.Tx, now time.Time, which predicate.Allocation) error {
	allocs, err := tx.Allocation.Query().Where(which, allocation.ReleasedAtIsNil(), allocation.VendedAtIsNil()).All(ctx)
	if err != nil {
		return err
	}
	var ids, itemIDs []int
	for _, a := range allocs {
		ids = append(ids, a.ID)
		itemIDs = append(itemIDs, a.ItemID)
	}
	if len(ids) > 0 {
		if err := tx.Allocation.Update().Where(allocation.IDIn(ids...)).SetReleasedAt(now).Exec(ctx); err != nil {
			return err
		}
	}
	reserving, err := tx.InventoryItem.Query().
		Where(inventoryitem.IDIn(itemIDs...), database.StillIn(inventoryitem.FieldStatus, inventory.Reserving)).IDs(ctx)
	if err != nil {
		return err
	}
	return inventory.Transition(ctx, tx, now, inventory.Move{ItemIDs: reserving, To: inventory.Rebuilding,
		Actor: "repair", Reason: "a vend was interrupted; wipe before reuse"})
}
