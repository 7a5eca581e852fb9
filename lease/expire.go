package lease

import (
	"context"
	"fmt"
	"time"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
)

// expireBatch is how many leases one transaction expires.
const expireBatch = 1000

// Expire ends every ACTIVE lease whose end has passed at now: EXPIRED, allocations released,
// items to REBUILDING, one transaction per batch, then reclamation is triggered. It is an
// idempotent sweep ("expire every lease with end <= now"), so a run missed during downtime is
// caught up by the next; it costs what is due, not the size of the leases table (the
// (status, ends_at) index). It returns how many leases it expired.
func (s *Service) Expire(ctx context.Context, now time.Time) (int, error) {
	sys := database.System(ctx)
	total := 0
	for {
		var batch []*ent.Lease
		err := database.WithTx(sys, s.client, func(tx *ent.Tx) error {
			var err error
			batch, err = tx.Lease.Query().Where(entlease.StatusEQ(Active), entlease.EndsAtLTE(now)).
				Order(ent.Asc(entlease.FieldEndsAt)).Limit(expireBatch).
				Select(entlease.FieldID, entlease.FieldOwnerID, entlease.FieldCostCenterID).All(sys)
			if err != nil || len(batch) == 0 {
				return err
			}
			ids := make([]int, len(batch))
			for i, l := range batch {
				ids[i] = l.ID
			}
			return s.expireBatch(sys, tx, now, ids)
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

func (s *Service) expireBatch(ctx context.Context, tx *ent.Tx, now time.Time, ids []int) error {
	if err := moveMany(ctx, tx, now, ids, Active, Expired, "scheduler", "the lease's end has passed",
		func(u *ent.LeaseUpdate) { u.SetEndedAt(now) }); err != nil {
		return err
	}
	if s.Notices != nil {
		if err := s.Notices.EnqueueOwners(ctx, tx, now, notify.KindExpired, ids, "the lease's end has passed"); err != nil {
			return err
		}
	}
	allocs, err := tx.Allocation.Query().Where(allocation.LeaseIDIn(ids...), allocation.ReleasedAtIsNil()).
		Select(allocation.FieldID, allocation.FieldItemID, allocation.FieldLeaseID).All(ctx)
	if err != nil {
		return err
	}
	if len(allocs) == 0 {
		return nil
	}
	allocIDs := make([]int, len(allocs))
	itemIDs := make([]int, len(allocs))
	for i, a := range allocs {
		allocIDs[i], itemIDs[i] = a.ID, a.ItemID
	}
	for start := 0; start < len(allocIDs); start += eventChunk {
		chunk := allocIDs[start:min(start+eventChunk, len(allocIDs))]
		if err := tx.Allocation.Update().Where(allocation.IDIn(chunk...)).SetReleasedAt(now).Exec(ctx); err != nil {
			return fmt.Errorf("release allocations: %w", err)
		}
	}
	for start := 0; start < len(itemIDs); start += eventChunk {
		chunk := itemIDs[start:min(start+eventChunk, len(itemIDs))]
		if err := inventory.Transition(ctx, tx, now, inventory.Move{ItemIDs: chunk, To: inventory.Rebuilding,
			Actor: "scheduler", Reason: "lease expired"}); err != nil {
			return err
		}
	}
	return nil
}
