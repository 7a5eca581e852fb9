package lease

import (
	"cmp"
	"context"
	stdsql "database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/order"
	"github.com/hardcandy/hardcandy/inventory"
)

// Violations checks the promises the lease flows keep and describes each one broken:
//   - an item is LEASED iff exactly one active allocation (vended, not released, its lease
//     ACTIVE) holds it;
//   - an item is RESERVING iff one unreleased allocation not yet vended holds it;
//   - no item is held by two unreleased allocations;
//   - an unreleased allocation belongs to a PENDING or ACTIVE lease, and to its owner (a vend
//     counts what a user holds by these);
//   - every ACTIVE lease has a VEND order and at least one active allocation;
//   - the stock counters equal a count of the items;
//   - a SCHEDULED lease holds no item, and the booking ledger keeps its promises (bookingViolations).
//   - the waiting list's promises (queueViolations): a QUEUED lease holds no item.
//
// It reads whole tables in one transaction, so it sees one consistent state while other work
// goes on: it is for tests, benchmarks and operators, not for request paths.
func Violations(ctx context.Context, client *ent.Client) ([]string, error) {
	sys := database.System(ctx)
	// One snapshot for every query: under Postgres' default read committed, work committing
	// between the queries would look like counters out of step with the items.
	tx, err := client.BeginTx(sys, &stdsql.TxOptions{Isolation: stdsql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read only
	return violations(sys, tx.Client())
}

func violations(sys context.Context, c *ent.Client) ([]string, error) {
	var out []string
	items, err := c.InventoryItem.Query().Select(inventoryitem.FieldID, inventoryitem.FieldName,
		inventoryitem.FieldStatus, inventoryitem.FieldProductID).All(sys)
	if err != nil {
		return nil, err
	}
	allocs, err := c.Allocation.Query().Where(allocation.ReleasedAtIsNil()).WithLease().All(sys)
	if err != nil {
		return nil, err
	}
	active := map[int]int{}    // item → active allocations
	reserving := map[int]int{} // item → unvended unreleased allocations
	unreleased := map[int]int{}
	leaseActive := map[int]int{} // lease → active allocations
	for _, a := range allocs {
		unreleased[a.ItemID]++
		l := a.Edges.Lease
		if l.Status == Scheduled {
			out = append(out, fmt.Sprintf("allocation %d holds item %d for SCHEDULED lease %d", a.ID, a.ItemID, l.ID))
		} else if l.Status != Pending && l.Status != Active {
			out = append(out, fmt.Sprintf("allocation %d is unreleased under %s lease %d", a.ID, l.Status, l.ID))
		} else if a.OwnerID != l.OwnerID {
			out = append(out, fmt.Sprintf("allocation %d names owner %d; its lease %d is %d's", a.ID, a.OwnerID, l.ID, l.OwnerID))
		}
		switch {
		case a.VendedAt != nil && l.Status == Active:
			active[a.ItemID]++
			leaseActive[a.LeaseID]++
		case a.VendedAt == nil:
			reserving[a.ItemID]++
		}
	}
	counted := map[[2]string]int{}
	for _, it := range items {
		counted[[2]string{fmt.Sprint(it.ProductID), string(it.Status)}]++
		if unreleased[it.ID] > 1 {
			out = append(out, fmt.Sprintf("item %s is held by %d unreleased allocations", it.Name, unreleased[it.ID]))
		}
		if (it.Status == inventory.Leased) != (active[it.ID] == 1) {
			out = append(out, fmt.Sprintf("item %s is %s with %d active allocations", it.Name, it.Status, active[it.ID]))
		}
		if (it.Status == inventory.Reserving) != (reserving[it.ID] == 1) {
			out = append(out, fmt.Sprintf("item %s is %s with %d unvended allocations", it.Name, it.Status, reserving[it.ID]))
		}
	}
	leases, err := c.Lease.Query().Where(entlease.StatusEQ(Active)).
		WithOrders(func(q *ent.OrderQuery) { q.Where(order.Kind("VEND")) }).All(sys)
	if err != nil {
		return nil, err
	}
	for _, l := range leases {
		if len(l.Edges.Orders) == 0 {
			out = append(out, fmt.Sprintf("ACTIVE lease %d has no VEND order", l.ID))
		}
		if leaseActive[l.ID] == 0 {
			out = append(out, fmt.Sprintf("ACTIVE lease %d holds no item", l.ID))
		}
	}
	stock, err := c.StockCount.Query().All(sys)
	if err != nil {
		return nil, err
	}
	// A counter is the sum of its slots.
	summed := map[[2]string]int{}
	for _, st := range stock {
		summed[[2]string{fmt.Sprint(st.ProductID), string(st.Status)}] += st.Count
	}
	for _, k := range slices.SortedFunc(maps.Keys(summed), func(a, b [2]string) int {
		return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1]))
	}) {
		if summed[k] != counted[k] {
			out = append(out, fmt.Sprintf("stock of product %s %s says %d, items say %d", k[0], k[1], summed[k], counted[k]))
		}
		delete(counted, k)
	}
	for k, n := range counted {
		out = append(out, fmt.Sprintf("no stock counter for product %s %s (%d items)", k[0], k[1], n))
	}
	booked, err := bookingViolations(sys, c, items)
	if err != nil {
		return nil, err
	}
	out = append(out, booked...)
	queued, err := queueViolations(sys, c)
	if err != nil {
		return nil, err
	}
	return append(out, queued...), nil
}
