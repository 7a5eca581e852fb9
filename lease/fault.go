package lease

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
)

// Fault is what marking a leased item faulty did: the broken item (now MAINTENANCE), its
// replacement on the same lease when one could be dispensed, and the lease.
type Fault struct {
	Item        *ent.InventoryItem
	Replacement *ent.InventoryItem
	Lease       *ent.Lease
	// Message says what became of the lease, as the owner's notice does.
	Message string
}

// MarkFaulty takes a leased item that broke out of its lease into MAINTENANCE (admins) and
// gives the lease a replacement of the same product when one is available. The replacement is
// claimed in a short transaction, dispensed outside any, and swapped in by a second transaction
// that also moves the broken item, all or nothing: if the backend fails, the replacement goes
// back (wiped if touched) and the lease keeps its other items. The owner gets a notice either
// way.
func (s *Service) MarkFaulty(ctx context.Context, itemID int, reason string) (*Fault, error) {
	v, err := auth.RequireAdmin(ctx, "markItemFaulty")
	if err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		return nil, invalid("reason: say what is wrong with the item")
	case len(reason) > maxNoteLen || !printable(reason):
		return nil, invalid("reason: UTF-8 text without NUL bytes, at most %d characters", maxNoteLen)
	}
	sys := database.System(ctx)
	it, err := s.client.InventoryItem.Query().Where(inventoryitem.ID(itemID)).WithProduct().Only(sys)
	if err != nil {
		return nil, database.Wrap(err, "item %d", itemID)
	}
	if it.Status != inventory.Leased {
		return nil, apperr.New(apperr.Conflict, "item %s is %s, not leased: take it out of service with setItemMaintenance", it.Name, it.Status)
	}
	a, err := s.client.Allocation.Query().Where(allocation.ItemID(itemID), allocation.ReleasedAtIsNil(), allocation.VendedAtNotNil()).
		Only(sys)
	if err != nil {
		return nil, database.Wrap(err, "item %d: its lease", itemID)
	}
	l, err := s.client.Lease.Get(sys, a.LeaseID)
	if err != nil {
		return nil, database.Wrap(err, "lease %d", a.LeaseID)
	}
	if l.Status != Active {
		return nil, apperr.New(apperr.Conflict, "lease %d is %s", l.ID, l.Status)
	}
	o, err := s.loadOwner(ctx, l.OwnerID)
	if err != nil {
		return nil, err
	}
	octx, err := s.outcomeContext(ctx)
	if err != nil {
		return nil, err
	}
	vals, err := s.replacementParameters(l, it.Edges.Product)
	if err != nil {
		return nil, err
	}
	p := &plan{items: []line{{product: it.Edges.Product, qty: 1, sel: replacementSelection(l.Request, it),
		each: [][]schematype.ParameterValue{vals}}}, replacing: true}
	spec := newLease{owner: o, plan: p, duration: l.Duration, actor: v.Name}
	_, claimedItems, claimErr := s.claimTx(octx, spec, &l.ID)
	if claimErr != nil && !errors.Is(claimErr, apperr.OutOfStock) {
		return nil, claimErr
	}
	var res []result
	var failed *result
	if claimErr == nil {
		info := dispenser.Lease{ID: l.ID, User: o.dispenserUser(), Duration: l.Duration.String()}
		if l.StartsAt != nil && l.EndsAt != nil {
			info.StartsAt, info.EndsAt = *l.StartsAt, *l.EndsAt
		}
		cctx, cancel := context.WithTimeout(context.WithoutCancel(octx), s.cfg.DispenseTimeout.Std())
		creds, err := s.dispenser.Vend(cctx, info, claimedItems[0].item)
		cancel()
		res = []result{{c: claimedItems[0], creds: creds, err: err}}
		if err != nil {
			failed = &res[0]
		}
	}
	f := &Fault{}
	err = s.store.Write(sys, func(tx *database.Tx) error {
		now := s.now()
		if err := tx.Allocation.Update().Where(allocation.ID(a.ID), allocation.ReleasedAtIsNil()).SetReleasedAt(now).Exec(sys); err != nil {
			return fmt.Errorf("release the broken item: %w", err)
		}
		if err := inventory.Transition(sys, tx, now, inventory.Move{ItemIDs: []int{itemID}, To: inventory.Maintenance,
			From: ptr(inventory.Leased), Actor: v.Name, Reason: "faulty: " + reason, LastError: &reason, LeaseID: &l.ID}); err != nil {
			return err
		}
		kind := notify.KindItemFaulty
		switch {
		case claimErr != nil:
			f.Message = fmt.Sprintf("item %s is faulty (%s) and was taken out of the lease; no %s was available to replace it", it.Name, reason, it.Edges.Product.Sku)
		case failed != nil:
			msg := dispenserError(failed.err).(*apperr.Error).Message
			f.Message = fmt.Sprintf("item %s is faulty (%s) and was taken out of the lease; its replacement could not be provisioned: %s", it.Name, reason, msg)
			if err := s.releaseTx(sys, tx, now, res, v.Name, fmt.Sprintf("replacement for lease %d not vended: %s", l.ID, msg)); err != nil {
				return err
			}
		default:
			kind = notify.KindItemReplaced
			r := res[0]
			f.Message = fmt.Sprintf("item %s is faulty (%s) and was replaced by %s", it.Name, reason, r.c.item.Name)
			if err := inventory.Transition(sys, tx, now, inventory.Move{ItemIDs: []int{r.c.item.ID}, To: inventory.Leased,
				From: ptr(inventory.Reserving), Actor: v.Name, Reason: fmt.Sprintf("replaces %s under lease %d", it.Name, l.ID), LeaseID: &l.ID}); err != nil {
				return err
			}
			sealed, err := s.box.Seal(r.creds)
			if err != nil {
				return err
			}
			if err := tx.Allocation.Update().Where(allocation.ID(r.c.allocationID)).SetVendedAt(now).SetCredentials(sealed).Exec(sys); err != nil {
				return fmt.Errorf("record credentials: %w", err)
			}
		}
		if err := event(sys, tx, now, l.ID, v.Name, "item-faulty", "", "", f.Message); err != nil {
			return err
		}
		return s.notice(sys, tx, now, notify.Event{Kind: kind, LeaseID: &l.ID, ItemID: &itemID, Message: f.Message})
	})
	if err != nil {
		if res != nil { // claimed but not swapped in: back, wiped when touched
			s.release(octx, l.ID, res, v.Name)
		}
		return nil, err
	}
	if failed != nil {
		s.kickReclaim()
	}
	s.deliver()
	if f.Item, err = s.client.InventoryItem.Get(sys, itemID); err != nil {
		return nil, err
	}
	if claimErr == nil && failed == nil {
		if f.Replacement, err = s.client.InventoryItem.Get(sys, res[0].c.item.ID); err != nil {
			return nil, err
		}
	}
	if f.Lease, err = s.loadAndEmit(ctx, l.ID, "ITEM_FAULTY"); err != nil {
		return nil, err
	}
	return f, nil
}
