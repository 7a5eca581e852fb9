package lease

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/extensionrequest"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/viewer"
	"github.com/hardcandy/hardcandy/visibility"
)

// Extension request statuses.
const (
	RequestOpen     = extensionrequest.StatusOPEN
	RequestApproved = extensionrequest.StatusAPPROVED
	RequestRejected = extensionrequest.StatusREJECTED
	RequestLapsed   = extensionrequest.StatusLAPSED
)

// beyondPolicy names the first rule of the lease's products that extending to a total span
// breaks, or "" when the owner may extend on their own.
func beyondPolicy(billed []line, by, span duration.Duration) string {
	for _, b := range billed {
		p := b.product
		if p.ExtensionRequiresApproval {
			return fmt.Sprintf("%s: extensions need a manager's approval", p.Sku)
		}
		if p.MaxLifetime != nil && span > *p.MaxLifetime {
			return fmt.Sprintf("%s: a lease may last at most %s in total with extensions; extending by %s would make it %s", p.Sku, p.MaxLifetime, by, span)
		}
	}
	return ""
}

// requestHolding is r as the viewer rules see it: the lease owner's, charged to its cost center.
func requestHolding(r *ent.ExtensionRequest) visibility.Holding {
	return visibility.Holding{OwnerID: r.RequesterID, CostCenterID: r.CostCenterID}
}

// openRequest returns the lease's open extension request, or nil.
func (s *Service) openRequest(sys context.Context, leaseID int) (*ent.ExtensionRequest, error) {
	r, err := s.client.ExtensionRequest.Query().
		Where(extensionrequest.LeaseID(leaseID), extensionrequest.StatusEQ(RequestOpen)).Only(sys)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, database.Wrap(err, "extension request of lease %d", leaseID)
	}
	return r, nil
}

// requestExtension records the owner's ask to extend l by `by` beyond policy (rule says which),
// and asks the cost center's managers (else the admins) to decide. The lease keeps its end.
func (s *Service) requestExtension(sys context.Context, v viewer.Viewer, l *ent.Lease, by duration.Duration, rule string) (*ent.Lease, error) {
	now := s.now()
	if !l.EndsAt.After(now) {
		return nil, apperr.New(apperr.Conflict, "lease %d has ended", l.ID)
	}
	id := l.ID
	err := s.store.Write(sys, func(tx *database.Tx) error {
		r, err := tx.ExtensionRequest.Create().SetLeaseID(id).SetRequesterID(l.OwnerID).
			SetNillableCostCenterID(l.CostCenterID).SetBy(by).SetCreatedAt(now).SetUpdatedAt(now).Save(sys)
		if ent.IsConstraintError(err) {
			return apperr.New(apperr.Conflict, "lease %d already has an extension request awaiting a decision", id)
		} else if err != nil {
			return fmt.Errorf("create extension request: %w", err)
		}
		msg := fmt.Sprintf("extension by %s requested by %s (request %d), awaiting approval: %s", by, v.Name, r.ID, rule)
		if err := event(sys, tx, now, id, v.Name, "extension-requested", "", "", msg); err != nil {
			return err
		}
		// The lease's updated_at moves so that lists ordered by it show the change.
		if err := tx.Lease.UpdateOneID(id).SetUpdatedAt(now).Exec(sys); err != nil {
			return err
		}
		return s.notice(sys, tx, now, notify.Event{Kind: notify.KindExtensionApprovalNeeded, LeaseID: &id, By: by.String(), Message: rule})
	})
	if err != nil {
		return nil, database.Wrap(err, "request extension of lease %d", id)
	}
	s.deliver()
	return s.loadAndEmit(sys, id, "EXTENSION_REQUESTED")
}

// requestNotFound is what a request the viewer may not see answers: the same as none.
func requestNotFound(id int) error {
	return apperr.New(apperr.NotFound, "extension request %d: not found", id)
}

// decideRequest loads an open extension request for a decision by the viewer: the lease's cost
// center's managers and admins, never the requester (visibility.MayDecide).
func (s *Service) decideRequest(ctx context.Context, id int, action string) (viewer.Viewer, context.Context, *ent.ExtensionRequest, *ent.Lease, error) {
	v, sys, err := auth.Authorized(ctx)
	if err != nil {
		return v, ctx, nil, nil, err
	}
	r, err := s.client.ExtensionRequest.Get(sys, id)
	if ent.IsNotFound(err) {
		return v, ctx, nil, nil, requestNotFound(id)
	} else if err != nil {
		return v, ctx, nil, nil, database.Wrap(err, "extension request %d", id)
	}
	h := requestHolding(r)
	switch {
	case !visibility.MaySee(v, h):
		return v, ctx, nil, nil, requestNotFound(id)
	case h.OwnerID == v.UserID:
		return v, ctx, nil, nil, apperr.New(apperr.Forbidden, "%s: you cannot decide on your own extension; ask a manager of your cost center or an admin", action)
	case !visibility.MayDecide(v, h):
		return v, ctx, nil, nil, apperr.New(apperr.Forbidden, "%s: only a manager of the lease's cost center or an admin may decide", action)
	case r.Status != RequestOpen:
		return v, ctx, nil, nil, apperr.New(apperr.Conflict, "extension request %d is %s, not awaiting a decision", id, r.Status)
	}
	l, err := s.client.Lease.Get(sys, r.LeaseID)
	if err != nil {
		return v, ctx, nil, nil, database.Wrap(err, "lease %d", r.LeaseID)
	}
	return v, sys, r, l, nil
}

// ApproveExtension decides an open extension request for: the lease's end moves by the asked
// span and an EXTEND order is written, in one transaction; the requester is told.
func (s *Service) ApproveExtension(ctx context.Context, id int) (*ent.ExtensionRequest, error) {
	v, sys, r, l, err := s.decideRequest(ctx, id, "approveExtension")
	if err != nil {
		return nil, err
	}
	now := s.now()
	if l.Status != Active || l.EndsAt == nil || !l.EndsAt.After(now) {
		return nil, apperr.New(apperr.Conflict, "lease %d has ended; extension request %d lapses with it", l.ID, id)
	}
	billed, err := s.billedLines(sys, l)
	if err != nil {
		return nil, err
	}
	if err := checkTotals(billed, r.By.Std()); err != nil {
		return nil, err
	}
	newEnd := l.EndsAt.Add(r.By.Std())
	leaseID := l.ID
	err = s.store.Write(sys, func(tx *database.Tx) error {
		n, err := tx.ExtensionRequest.Update().Where(extensionrequest.ID(id), extensionrequest.StatusEQ(RequestOpen)).
			SetStatus(RequestApproved).SetDecidedBy(v.Name).SetDecidedAt(now).SetUpdatedAt(now).Save(sys)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "extension request %d was decided meanwhile", id)
		}
		n, err = tx.Lease.Update().Where(entlease.ID(leaseID), entlease.StatusEQ(Active), entlease.EndsAt(*l.EndsAt)).
			SetEndsAt(newEnd).SetUpdatedAt(now).Save(sys)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "lease %d changed meanwhile; try again", leaseID)
		}
		if err := s.extendBookings(sys, tx, l, newEnd); err != nil {
			return err
		}
		if err := event(sys, tx, now, leaseID, v.Name, "extended", "", "",
			fmt.Sprintf("by %s, approved by %s (request %d), now ends %s", r.By, v.Name, id, newEnd.Format(time.RFC3339))); err != nil {
			return err
		}
		if err := s.writeOrder(sys, tx, l, "EXTEND", billed, *l.EndsAt, newEnd, now); err != nil {
			return err
		}
		return s.notice(sys, tx, now, notify.Event{Kind: notify.KindExtensionApproved, LeaseID: &leaseID, By: r.By.String(),
			Message: "approved by " + v.Name})
	})
	if err != nil {
		return nil, database.Wrap(err, "approve extension request %d", id)
	}
	s.deliver()
	if _, err := s.loadAndEmit(sys, leaseID, "EXTENDED"); err != nil {
		return nil, err
	}
	return s.loadRequest(ctx, id)
}

// RejectExtension turns down an open extension request with a reason; the lease keeps its end
// and the requester is told why.
func (s *Service) RejectExtension(ctx context.Context, id int, reason string) (*ent.ExtensionRequest, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, invalid("reason: say why the extension is rejected")
	}
	v, sys, r, l, err := s.decideRequest(ctx, id, "rejectExtension")
	if err != nil {
		return nil, err
	}
	now := s.now()
	leaseID := l.ID
	err = s.store.Write(sys, func(tx *database.Tx) error {
		n, err := tx.ExtensionRequest.Update().Where(extensionrequest.ID(id), extensionrequest.StatusEQ(RequestOpen)).
			SetStatus(RequestRejected).SetReason(reason).SetDecidedBy(v.Name).SetDecidedAt(now).SetUpdatedAt(now).Save(sys)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "extension request %d was decided meanwhile", id)
		}
		if err := event(sys, tx, now, leaseID, v.Name, "extension-rejected", "", "",
			fmt.Sprintf("extension by %s rejected by %s (request %d): %s", r.By, v.Name, id, reason)); err != nil {
			return err
		}
		return s.notice(sys, tx, now, notify.Event{Kind: notify.KindExtensionRejected, LeaseID: &leaseID, By: r.By.String(),
			Message: "rejected by " + v.Name + ": " + reason})
	})
	if err != nil {
		return nil, database.Wrap(err, "reject extension request %d", id)
	}
	s.deliver()
	if _, err := s.loadAndEmit(sys, leaseID, "EXTENSION_REJECTED"); err != nil {
		return nil, err
	}
	return s.loadRequest(ctx, id)
}

// lapseRequests closes the open extension requests of leases that end in tx: nothing is left to
// extend.
func lapseRequests(ctx context.Context, tx *database.Tx, now time.Time, leaseIDs []int, why string) error {
	if len(leaseIDs) == 0 {
		return nil
	}
	err := tx.ExtensionRequest.Update().
		Where(extensionrequest.LeaseIDIn(leaseIDs...), extensionrequest.StatusEQ(RequestOpen)).
		SetStatus(RequestLapsed).SetReason(why).SetDecidedAt(now).SetUpdatedAt(now).Exec(ctx)
	if err != nil {
		return fmt.Errorf("lapse extension requests: %w", err)
	}
	return nil
}

// loadRequest reads a request for the caller (under the read policy).
func (s *Service) loadRequest(ctx context.Context, id int) (*ent.ExtensionRequest, error) {
	r, err := s.client.ExtensionRequest.Get(ctx, id)
	if err != nil {
		return nil, database.Wrap(err, "extension request %d", id)
	}
	return r, nil
}

// ExtensionRequests lists the extension requests the viewer may see (their own, a manager's cost
// center's, an admin's all), newest first, in status when given.
func (s *Service) ExtensionRequests(ctx context.Context, status *extensionrequest.Status) ([]*ent.ExtensionRequest, error) {
	if _, err := auth.Require(ctx); err != nil {
		return nil, err
	}
	q := s.client.ExtensionRequest.Query().Order(ent.Desc(extensionrequest.FieldCreatedAt), ent.Desc(extensionrequest.FieldID))
	if status != nil {
		q.Where(extensionrequest.StatusEQ(*status))
	}
	out, err := q.Limit(500).All(ctx)
	if err != nil {
		return nil, database.Wrap(err, "extension requests")
	}
	return out, nil
}

// OpenExtensionRequest is the lease's request awaiting a decision, if the viewer may see it.
func (s *Service) OpenExtensionRequest(ctx context.Context, l *ent.Lease) (*ent.ExtensionRequest, error) {
	if l.Status != Active {
		return nil, nil
	}
	r, err := s.client.ExtensionRequest.Query().
		Where(extensionrequest.LeaseID(l.ID), extensionrequest.StatusEQ(RequestOpen)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return r, err
}

// MayDecideExtension reports whether the viewer may approve or reject r now.
func (s *Service) MayDecideExtension(ctx context.Context, r *ent.ExtensionRequest) bool {
	v, ok := viewer.FromContext(ctx)
	return ok && r.Status == RequestOpen && visibility.MayDecide(v, requestHolding(r))
}

// MayDecideLease reports whether the viewer may approve or reject l now: it awaits approval and
// the viewer is a manager of its cost center or an admin, not its owner.
func (s *Service) MayDecideLease(ctx context.Context, l *ent.Lease) bool {
	v, ok := viewer.FromContext(ctx)
	return ok && l.Status == Pending && approvalOf(l) == Awaiting && mayOverride(v, l)
}
