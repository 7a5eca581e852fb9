// Package viewer carries who is acting through a context: a signed-in user, or the system itself
// (scheduler jobs, operator commands, services doing internal bookkeeping).
package viewer

import "context"

// Role of a user. The values match the ent enum and the GraphQL Role.
type Role string

// Roles.
const (
	RoleUser    Role = "USER"
	RoleManager Role = "MANAGER"
	RoleAdmin   Role = "ADMIN"
)

// Viewer is the user an operation runs for.
type Viewer struct {
	UserID int
	Name   string
	Role   Role
	// CostCenterID is 0 when the user has none.
	CostCenterID int
}

// IsAdmin reports whether v may act on everything.
func (v Viewer) IsAdmin() bool { return v.Role == RoleAdmin }

// IsManager reports whether v manages its cost center.
func (v Viewer) IsManager() bool { return v.Role == RoleManager }

type ctxKey struct{}

// NewContext returns ctx carrying v.
func NewContext(ctx context.Context, v Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer of ctx, if any.
func FromContext(ctx context.Context) (Viewer, bool) {
	v, ok := ctx.Value(ctxKey{}).(Viewer)
	return v, ok
}

// Actor names who acts in ctx for event rows: the user's name, or "system".
func Actor(ctx context.Context) string {
	if v, ok := FromContext(ctx); ok {
		return v.Name
	}
	return "system"
}

// Holding is what a rule about who may see or act needs of a thing: whose it is and the cost
// center it is charged to (nil when none). Leases, extension requests and custom products are
// holdings of their owner.
type Holding struct {
	OwnerID      int
	CostCenterID *int
}

// MaySee reports whether v may see, and so act on, h: its owner, a manager of its cost center,
// an admin. The ent read policies (schema.LeaseScope and its kin) are the same rule as a query
// predicate.
func (v Viewer) MaySee(h Holding) bool {
	switch {
	case v.IsAdmin(), h.OwnerID == v.UserID:
		return true
	case v.IsManager() && h.CostCenterID != nil && *h.CostCenterID == v.CostCenterID:
		return true
	}
	return false
}

// MayDecide reports whether v may decide beyond policy for h (approve it, extend it past its
// policy, decide an extension request, add products that need approval): an admin, or a manager
// of its cost center, and never on their own, on any path. An approval is a second pair of eyes;
// on one's own it would be none, whatever one's role. An admin who needs an exception asks
// another admin or their cost center's manager, or changes the product's policy openly.
func (v Viewer) MayDecide(h Holding) bool {
	if h.OwnerID == v.UserID {
		return false
	}
	return v.IsAdmin() || v.IsManager() && h.CostCenterID != nil && *h.CostCenterID == v.CostCenterID
}

// MayManage reports whether v may manage the person userID and their tokens: oneself, or an
// admin for anyone. Managers see their cost center's people but do not manage them.
func (v Viewer) MayManage(userID int) bool { return v.IsAdmin() || v.UserID == userID }
