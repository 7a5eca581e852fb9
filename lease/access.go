// This file holds who may see or act on a lease: the owner, a manager of its cost center, an
// admin.

package lease

import (
	"context"
	"fmt"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/viewer"
	"github.com/hardcandy/hardcandy/visibility"
)

// load reads a lease in a flow that has decided the viewer may have it.
func (s *Service) load(ctx context.Context, id int) (*ent.Lease, error) {
	l, err := s.client.Lease.Get(ctx, id)
	if err != nil {
		return nil, database.Wrap(err, "lease %d", id)
	}
	return l, nil
}

// actOn loads a lease for an action by the viewer: the owner, a manager of the lease's cost
// center or an admin may act. Anyone else gets NOT_FOUND, as lease(id) answers them, so that
// mutations cannot tell which ids exist.
func (s *Service) actOn(ctx context.Context, id int, _ string) (viewer.Viewer, context.Context, *ent.Lease, error) {
	v, sys, l, err := s.viewerAndLease(ctx, id)
	if err != nil {
		return v, ctx, nil, err
	}
	if !visible(v, l) {
		return v, ctx, nil, notFound(id)
	}
	return v, sys, l, nil
}

// notFound is what a lease the viewer may not see answers: the same as one that does not exist.
func notFound(id int) error { return apperr.New(apperr.NotFound, "lease %d: not found", id) }

// viewerAndLease returns the signed-in viewer, the flow's context (auth.Authorized: lifted once;
// scheduler flows, which act for no one, lift at their start instead) and the lease,
// whoever's it is: the callers decide what the viewer may do with it.
func (s *Service) viewerAndLease(ctx context.Context, id int) (viewer.Viewer, context.Context, *ent.Lease, error) {
	v, sys, err := auth.Authorized(ctx)
	if err != nil {
		return v, ctx, nil, err
	}
	l, err := s.client.Lease.Get(sys, id)
	if ent.IsNotFound(err) {
		return v, ctx, nil, notFound(id)
	} else if err != nil {
		return v, ctx, nil, database.Wrap(err, "lease %d", id)
	}
	return v, sys, l, nil
}

// visible reports whether v may see, and so act on, l (visibility.MaySee): the owner, a manager of
// the lease's cost center, an admin. It is the Lease read policy (schema.LeaseScope) for one
// loaded lease.
func visible(v viewer.Viewer, l *ent.Lease) bool { return visibility.MaySee(v, holding(l)) }

// mayOverride reports whether v may decide beyond a product's policy for l (visibility.MayDecide):
// a manager of the lease's cost center or an admin, never on their own lease.
func mayOverride(v viewer.Viewer, l *ent.Lease) bool { return visibility.MayDecide(v, holding(l)) }

// holding is l as the viewer rules see it.
func holding(l *ent.Lease) visibility.Holding {
	return visibility.Holding{OwnerID: l.OwnerID, CostCenterID: l.CostCenterID}
}

// decide loads a lease awaiting approval for a decision by the viewer.
func (s *Service) decide(ctx context.Context, id int, action string) (viewer.Viewer, context.Context, *ent.Lease, error) {
	v, sys, l, err := s.viewerAndLease(ctx, id)
	if err != nil {
		return v, ctx, nil, err
	}
	switch {
	case !visible(v, l):
		return v, ctx, nil, notFound(id)
	case l.OwnerID == v.UserID:
		return v, ctx, nil, apperr.New(apperr.Forbidden, "%s: you cannot decide on your own lease; ask a manager of your cost center or an admin", action)
	case !mayOverride(v, l):
		return v, ctx, nil, apperr.New(apperr.Forbidden, "%s: only a manager of the lease's cost center or an admin may decide", action)
	case (l.Status != Pending && l.Status != Scheduled) || approvalOf(l) != Awaiting:
		return v, ctx, nil, apperr.New(apperr.Conflict, "lease %d is %s, not awaiting approval", id, l.Status)
	}
	return v, sys, l, nil
}

// Credentials returns the dispenser's credentials of an allocation, opened, when the viewer owns
// the lease or is an admin; nil otherwise, and nil for an allocation that was never vended (a
// rejected lease's).
func (s *Service) Credentials(ctx context.Context, a *ent.Allocation) (*string, error) {
	v, ok := viewer.FromContext(ctx)
	if !ok || a.Credentials == nil || len(*a.Credentials) == 0 { // never vended: nothing sealed
		return nil, nil
	}
	if !v.IsAdmin() {
		l, err := s.client.Lease.Get(database.System(ctx), a.LeaseID)
		if err != nil {
			return nil, err
		}
		if l.OwnerID != v.UserID {
			return nil, nil
		}
	}
	plain, err := s.box.Open(*a.Credentials)
	if err != nil {
		return nil, fmt.Errorf("open credentials of allocation %d: %w", a.ID, err)
	}
	out := string(plain)
	return &out, nil
}
