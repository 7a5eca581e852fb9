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
