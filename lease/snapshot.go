// This file holds the leases built in memory from what a flow already holds, so it need not
// read them back: each must match what the store holds, field by field (snapshot_test.go).

package lease

import (
	"time"

	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
)

// activated is a lease created by claim as activate leaves it at at (see activate's update).
func activated(created *ent.Lease, at time.Time) *ent.Lease {
	l := *created
	end := at.Add(l.Duration.Std())
	l.Status, l.StartsAt, l.EndsAt, l.UpdatedAt, l.AwaitingApproval = Active, &at, &end, at, false
	return &l
}

// vendedLease is the lease a vend just activated, as its notice describes it, built from what
// the vend already holds rather than read again inside the write transaction. It carries what a
// notice says of a lease and no more: not CreatedAt, UpdatedAt, EndedAt, Note, StatusMessage,
// AwaitingApproval, IdempotencyKey, DecidedBy, MaxWait or QueuedUntil; of its edges the Owner,
// and the Allocations with their Item (id, name, product) and its Product (id, SKU).
func vendedLease(id int, o *owner, d duration.Duration, p *plan, results []result, start, end time.Time) *ent.Lease {
	if o.user == nil {
		return nil // not loaded: the outbox reads the lease itself
	}
	l := &ent.Lease{ID: id, OwnerID: o.id, CostCenterID: o.costCenterID, Request: p.request, Duration: d,
		StartsAt: &start, EndsAt: &end, Status: Active}
	l.Edges.Owner = o.user
	for _, r := range results {
		it := &ent.InventoryItem{ID: r.c.item.ID, Name: r.c.item.Name, ProductID: r.c.productID}
		it.Edges.Product = &ent.Product{ID: r.c.productID, Sku: r.c.item.SKU}
		a := &ent.Allocation{ID: r.c.allocationID, LeaseID: id, ItemID: r.c.item.ID}
		a.Edges.Item = it
		l.Edges.Allocations = append(l.Edges.Allocations, a)
	}
	return l
}
