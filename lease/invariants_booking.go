package lease

import (
	"context"
	"fmt"
	"time"

	"github.com/hardcandy/hardcandy/ent"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/inventory"
)

// bookingViolations checks the booking ledger:
//   - capacity over time is never exceeded: at no instant do a product's bookings commit more
//     items than it has (archived ones left out; an item that broke after the bookings were
//     made is a shortage the start-bookings job handles, not a broken promise);
//   - a SCHEDULED lease has bookings, over exactly its interval;
//   - an ended lease's bookings end by its end.
func bookingViolations(ctx context.Context, c *ent.Client, items []*ent.InventoryItem) ([]string, error) {
	var out []string
	fleet := map[int]int{}
	for _, it := range items {
		if it.Status != inventory.Archived {
			fleet[it.ProductID]++
		}
	}
	rows, err := c.Booking.Query().All(ctx)
	if err != nil {
		return nil, err
	}
	byProduct := map[int][]span{}
	byLease := map[int][]*ent.Booking{}
	var first, last time.Time
	for _, r := range rows {
		byProduct[r.ProductID] = append(byProduct[r.ProductID], span{from: r.StartsAt.UTC(), to: r.FreeAt.UTC(), qty: r.Quantity})
		byLease[r.LeaseID] = append(byLease[r.LeaseID], r)
		if first.IsZero() || r.StartsAt.Before(first) {
			first = r.StartsAt.UTC()
		}
		if r.FreeAt.After(last) {
			last = r.FreeAt.UTC()
		}
	}
	for pid, spans := range byProduct {
		for _, s := range profile(spans, first, last) {
			if s.level > fleet[pid] {
				out = append(out, fmt.Sprintf("product %d has %d items booked at %s and %d items", pid, s.level, s.at.Format(time.RFC3339), fleet[pid]))
				break
			}
		}
	}
	leases, err := c.Lease.Query().Where(entlease.StatusEQ(Scheduled)).All(ctx)
	if err != nil {
		return nil, err
	}
	var booked []int
	for id := range byLease {
		booked = append(booked, id)
	}
	for start := 0; start < len(booked); start += eventChunk {
		more, err := c.Lease.Query().Where(entlease.IDIn(booked[start:min(start+eventChunk, len(booked))]...),
			entlease.StatusNEQ(Scheduled)).All(ctx)
		if err != nil {
			return nil, err
		}
		leases = append(leases, more...)
	}
	for _, l := range leases {
		var first, last time.Time
		for _, r := range byLease[l.ID] {
			if first.IsZero() || r.StartsAt.Before(first) {
				first = r.StartsAt
			}
			if r.EndsAt.After(last) {
				last = r.EndsAt
			}
			if terminal(l.Status) && l.EndedAt != nil && r.EndsAt.After(*l.EndedAt) {
				out = append(out, fmt.Sprintf("%s lease %d is still booked until %s", l.Status, l.ID, r.EndsAt))
			}
		}
		if l.Status == Scheduled && len(byLease[l.ID]) > 0 && (!first.Equal(*l.StartsAt) || !last.Equal(*l.EndsAt)) {
			out = append(out, fmt.Sprintf("SCHEDULED lease %d is booked from %s to %s, not over its interval", l.ID, first, last))
		}
		if l.Status == Scheduled && len(byLease[l.ID]) == 0 {
			out = append(out, fmt.Sprintf("SCHEDULED lease %d has no bookings", l.ID))
		}
	}
	return out, nil
}
