// Package visibility is the one rule of who may see and act on a holding (a lease, an extension
// request, a custom product or request): its owner, a manager of the cost center it is charged
// to, an admin. The ent read policies turn the rule into query predicates (Where), the lease
// service and the live feed check it on one loaded thing (MaySee), so a list, a lookup by id, a
// mutation and a subscription can never disagree about what a viewer may see.
package visibility

import (
	"entgo.io/ent/dialect/sql"

	"github.com/hardcandy/hardcandy/viewer"
)

// Holding is what the rule needs of a thing: whose it is and the cost center it is charged to
// (nil when none).
type Holding struct {
	OwnerID      int
	CostCenterID *int
}

// Scope is the set of holdings a viewer may see, in the terms both a query and a check need.
type Scope struct {
	// All is an admin's scope: everything.
	All bool
	// OwnerID is the viewer: their own holdings are always in scope.
	OwnerID int
	// CostCenterID is a manager's cost center, whose holdings are in scope too; 0 for everyone else.
	CostCenterID int
}

// Of returns the scope of v.
func Of(v viewer.Viewer) Scope {
	s := Scope{All: v.IsAdmin(), OwnerID: v.UserID}
	if v.IsManager() {
		s.CostCenterID = v.CostCenterID
	}
	return s
}

// Includes reports whether h is in s.
func (s Scope) Includes(h Holding) bool { return h.OwnerID == s.OwnerID || s.oversees(h.CostCenterID) }

// oversees reports whether s covers what is charged to costCenterID (nil: none) whoever owns it:
// everything for an admin, a manager's own cost center. It is the cost-center half of the rule,
// shared by Includes, MayDecide and MayOversee.
func (s Scope) oversees(costCenterID *int) bool {
	return s.All || s.CostCenterID != 0 && costCenterID != nil && *costCenterID == s.CostCenterID
}

// MaySee reports whether v may see, and so act on, h.
func MaySee(v viewer.Viewer, h Holding) bool { return Of(v).Includes(h) }

// MayDecide reports whether v may decide beyond policy for h (approve it, extend it past its
// policy, decide an extension request, add products that need approval): an admin, or a manager
// of its cost center, and never on their own, on any path. An approval is a second pair of eyes;
// on one's own it would be none, whatever one's role. An admin who needs an exception asks
// another admin or their cost center's manager, or changes the product's policy openly.
func MayDecide(v viewer.Viewer, h Holding) bool {
	return h.OwnerID != v.UserID && Of(v).oversees(h.CostCenterID)
}

// MayManage reports whether v may manage the person userID and their tokens: oneself, or an
// admin for anyone. Managers see their cost center's people but do not manage them.
func MayManage(v viewer.Viewer, userID int) bool { return v.IsAdmin() || v.UserID == userID }

// Where is s as a query predicate over one entity, given its owner and cost-center column
// predicates and its Or: the rows Includes would accept. An admin's scope filters nothing.
func Where[P ~func(*sql.Selector)](s Scope, owner, costCenter func(int) P, or func(...P) P) P {
	switch {
	case s.All:
		return func(*sql.Selector) {}
	case s.CostCenterID != 0:
		return or(owner(s.OwnerID), costCenter(s.CostCenterID))
	}
	return owner(s.OwnerID)
}

// MayOversee reports whether v may see a cost center's own records (its bills, its usage as a
// whole): an admin, or a manager of that cost center.
func MayOversee(v viewer.Viewer, costCenterID int) bool {
	return Of(v).oversees(&costCenterID)
}
