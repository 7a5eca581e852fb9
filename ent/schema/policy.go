package schema

import (
	"context"

	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/bag"
	"github.com/hardcandy/hardcandy/ent/bill"
	"github.com/hardcandy/hardcandy/ent/costcenter"
	"github.com/hardcandy/hardcandy/ent/customrequest"
	"github.com/hardcandy/hardcandy/ent/event"
	"github.com/hardcandy/hardcandy/ent/extensionrequest"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/ent/order"
	"github.com/hardcandy/hardcandy/ent/predicate"
	"github.com/hardcandy/hardcandy/ent/privacy"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/stack"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/viewer"
	"github.com/hardcandy/hardcandy/visibility"
)

// Read policies decide who sees which rows, on every path: lists, node(id), nested edges.
// Services that must see everything for their bookkeeping run with
// privacy.DecisionContext(ctx, privacy.Allow) after their own authorization checks; writes are
// decided by the services, the only writers.

// allowAdmin lets admins read everything and denies callers without a viewer.
var allowAdmin = privacy.QueryRuleFunc(func(ctx context.Context, _ ent.Query) error {
	v, ok := viewer.FromContext(ctx)
	switch {
	case !ok:
		return privacy.Denyf("no viewer in context")
	case v.IsAdmin():
		return privacy.Allow
	}
	return privacy.Skip
})

// allowViewer lets any signed-in user read.
var allowViewer = privacy.QueryRuleFunc(func(ctx context.Context, _ ent.Query) error {
	if _, ok := viewer.FromContext(ctx); ok {
		return privacy.Allow
	}
	return privacy.Denyf("no viewer in context")
})

// readPolicy allows admins, then applies rules.
func readPolicy(rules ...privacy.QueryRule) ent.Policy {
	return privacy.Policy{Query: append(privacy.QueryPolicy{allowAdmin}, rules...)}
}

// scoped turns a viewer-dependent predicate into a filtering rule: the query runs, restricted.
func scoped[Q interface{ Where(...P) Q }, P any](where func(viewer.Viewer) P) func(context.Context, Q) error {
	return func(ctx context.Context, q Q) error {
		v, ok := viewer.FromContext(ctx)
		if !ok {
			return privacy.Denyf("no viewer in context")
		}
		q.Where(where(v))
		return privacy.Allow
	}
}

// LeaseScope is the set of leases a non-admin viewer may see: own leases, and a manager's cost
// center's leases.
func LeaseScope(v viewer.Viewer) predicate.Lease {
	return visibility.Where(visibility.Of(v), lease.OwnerID, lease.CostCenterID, lease.Or)
}

// ExtensionRequestScope is the set of extension requests a non-admin viewer may see: those of
// the leases it may see (LeaseScope), read from the request's own copy of owner and cost center.
func ExtensionRequestScope(v viewer.Viewer) predicate.ExtensionRequest {
	return visibility.Where(visibility.Of(v), extensionrequest.RequesterID, extensionrequest.CostCenterID, extensionrequest.Or)
}

// Policy of ExtensionRequest: the requester, the cost center's managers, admins.
func (ExtensionRequest) Policy() ent.Policy {
	return readPolicy(privacy.ExtensionRequestQueryRuleFunc(scoped[*ent.ExtensionRequestQuery](ExtensionRequestScope)))
}

// AllocationScope is the set of allocations a non-admin viewer may see: those of the leases it
// may see (LeaseScope). An allocation carries its lease's owner (both immutable: set by the
// vend, backfilled by migration, checked by the invariants), so the owner's part reads the
// allocation's own column instead of a subquery over leases; a manager's cost center is the
// lease's.
func AllocationScope(v viewer.Viewer) predicate.Allocation {
	return visibility.Where(visibility.Of(v), allocation.OwnerID,
		func(id int) predicate.Allocation { return allocation.HasLeaseWith(lease.CostCenterID(id)) }, allocation.Or)
}

// ItemScope is the set of items a non-admin viewer may see: those under allocations it may see.
func ItemScope(v viewer.Viewer) predicate.InventoryItem {
	return inventoryitem.HasAllocationsWith(AllocationScope(v))
}

// ProductScope is the set of products a non-admin viewer may see: every product but the custom
// ones made for someone else. A custom product is its requester's holding (visibility.MaySee): theirs,
// and their cost center's managers'; one made for nobody is for admins.
func ProductScope(v viewer.Viewer) predicate.Product {
	return product.Or(product.Custom(false), visibility.Where(visibility.Of(v), product.CustomForID, product.CustomCostCenterID, product.Or))
}

// Policy of Product: the catalog is readable by every signed-in user; custom products by the
// people they were made for (on every path: lists, product(sku), node, availability, edges).
func (Product) Policy() ent.Policy {
	return readPolicy(privacy.ProductQueryRuleFunc(scoped[*ent.ProductQuery](ProductScope)))
}

// CustomRequestScope is the set of custom requests a non-admin viewer may see: own, and a
// manager's cost center's.
func CustomRequestScope(v viewer.Viewer) predicate.CustomRequest {
	return visibility.Where(visibility.Of(v), customrequest.RequesterID, customrequest.CostCenterID, customrequest.Or)
}

// Policy of CustomRequest.
func (CustomRequest) Policy() ent.Policy {
	return readPolicy(privacy.CustomRequestQueryRuleFunc(scoped[*ent.CustomRequestQuery](CustomRequestScope)))
}

// Policy of Bag.
func (Bag) Policy() ent.Policy { return privacy.Policy{Query: privacy.QueryPolicy{allowViewer}} }

// StackScope is the set of stacks a non-admin viewer may see: a stack is visible exactly when
// what holds its bag is. A bundle's components are the catalog's, an order's contents are the
// order's readers', a cost center's entitlements its members'.
func StackScope(v viewer.Viewer) predicate.Stack {
	return stack.HasBagWith(bag.Or(
		bag.HasBundles(),
		bag.HasOrdersWith(OrderScope(v)),
		bag.HasCostCentersWith(costcenter.ID(v.CostCenterID)),
	))
}

// Policy of Stack: through node(id) and nodes(ids) too, other users' order contents and prices
// and other cost centers' entitlements stay theirs.
func (Stack) Policy() ent.Policy {
	return readPolicy(privacy.StackQueryRuleFunc(scoped[*ent.StackQuery](StackScope)))
}

// Policy of StockCount.
func (StockCount) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{allowViewer}}
}

// Policy of InventoryItem: admins, and the holders of leases on the item.
func (InventoryItem) Policy() ent.Policy {
	return readPolicy(privacy.InventoryItemQueryRuleFunc(scoped[*ent.InventoryItemQuery](ItemScope)))
}

// Policy of Lease.
func (Lease) Policy() ent.Policy {
	return readPolicy(privacy.LeaseQueryRuleFunc(scoped[*ent.LeaseQuery](LeaseScope)))
}

// Policy of Allocation.
func (Allocation) Policy() ent.Policy {
	return readPolicy(privacy.AllocationQueryRuleFunc(scoped[*ent.AllocationQuery](AllocationScope)))
}

// Policy of Event: events of visible leases; item events outside a lease are for admins.
func (Event) Policy() ent.Policy {
	return readPolicy(privacy.EventQueryRuleFunc(scoped[*ent.EventQuery](
		func(v viewer.Viewer) predicate.Event { return event.HasLeaseWith(LeaseScope(v)) })))
}

// OrderScope is the set of orders a non-admin viewer may see: own, and a manager's cost center's.
func OrderScope(v viewer.Viewer) predicate.Order {
	return visibility.Where(visibility.Of(v), order.UserID, order.CostCenterID, order.Or)
}

// Policy of Order.
func (Order) Policy() ent.Policy {
	return readPolicy(privacy.OrderQueryRuleFunc(scoped[*ent.OrderQuery](OrderScope)))
}

// Policy of Bill: managers see their cost center's bills.
func (Bill) Policy() ent.Policy {
	return readPolicy(privacy.BillQueryRuleFunc(scoped[*ent.BillQuery](
		func(v viewer.Viewer) predicate.Bill {
			if s := visibility.Of(v); s.CostCenterID != 0 {
				return bill.CostCenterID(s.CostCenterID) // what MayOversee allows
			}
			return bill.ID(-1)
		})))
}

// Policy of BillLine.
func (BillLine) Policy() ent.Policy {
	return readPolicy(privacy.BillLineQueryRuleFunc(func(ctx context.Context, _ *ent.BillLineQuery) error {
		if v, ok := viewer.FromContext(ctx); ok && v.IsManager() {
			return privacy.Allow // lines are only reached through a visible bill
		}
		return privacy.Denyf("bill lines are for managers and admins")
	}))
}

// Policy of Notice: a user's own notices.
func (Notice) Policy() ent.Policy {
	return readPolicy(privacy.NoticeQueryRuleFunc(scoped[*ent.NoticeQuery](
		func(v viewer.Viewer) predicate.Notice { return notice.UserID(v.UserID) })))
}

// Policy of User: oneself; a manager sees the cost center's people.
func (User) Policy() ent.Policy {
	return readPolicy(privacy.UserQueryRuleFunc(scoped[*ent.UserQuery](
		func(v viewer.Viewer) predicate.User {
			if v.IsManager() && v.CostCenterID != 0 {
				return user.Or(user.ID(v.UserID), user.CostCenterID(v.CostCenterID))
			}
			return user.ID(v.UserID)
		})))
}

// Policy of CostCenter: one's own.
func (CostCenter) Policy() ent.Policy {
	return readPolicy(privacy.CostCenterQueryRuleFunc(scoped[*ent.CostCenterQuery](
		func(v viewer.Viewer) predicate.CostCenter { return costcenter.ID(v.CostCenterID) })))
}

// Policy of APIToken: only the auth service, as system, reads tokens.
func (APIToken) Policy() ent.Policy { return readPolicy(privacy.AlwaysDenyRule()) }

// Policy of JobRun.
func (JobRun) Policy() ent.Policy { return readPolicy(privacy.AlwaysDenyRule()) }
