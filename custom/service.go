// Package custom handles requests for what the catalog does not have: a user describes it, an
// admin fulfils it with a temporary custom product (hidden from the catalog, expiring) and its
// items, made for the requester alone, or declines it with a reason.
package custom

import (
	"context"
	"strings"
	"time"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/customrequest"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
	"github.com/hardcandy/hardcandy/visibility"
)

// Statuses of a custom request.
const (
	Open      = customrequest.StatusOPEN
	Fulfilled = customrequest.StatusFULFILLED
	Declined  = customrequest.StatusDECLINED
)

// Service runs custom requests.
type Service struct {
	client    *ent.Client
	store     *database.Store
	clock     clockwork.Clock
	catalog   *catalog.Service
	inventory *inventory.Service
}

// NewService returns a custom-request service creating products and items through the catalog
// and inventory services.
func NewService(store *database.Store, clock clockwork.Clock, cat *catalog.Service, inv *inventory.Service) *Service {
	return &Service{client: store.Client, store: store, clock: clock, catalog: cat, inventory: inv}
}

func invalid(format string, args ...any) error {
	return apperr.New(apperr.InvalidArgument, format, args...)
}

// NewRequest is what a user asks for. It is also the GraphQL CustomRequestInput.
type NewRequest struct {
	Description string                  `json:"description"`
	Quantity    int                     `json:"quantity"`
	Duration    duration.Duration       `json:"duration"`
	Attributes  []*schematype.Attribute `json:"attributes,omitempty"`
}

// Request records the viewer's ask; admins see it among the open requests.
func (s *Service) Request(ctx context.Context, in NewRequest) (*ent.CustomRequest, error) {
	v, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	desc := strings.TrimSpace(in.Description)
	switch {
	case desc == "":
		return nil, invalid("description: say what you need")
	case len(desc) > 2000:
		return nil, invalid("description: at most 2000 characters")
	case in.Quantity < 1 || in.Quantity > 100:
		return nil, invalid("quantity: must be 1 to 100, got %d", in.Quantity)
	case in.Duration <= 0:
		return nil, invalid("duration: must be positive")
	}
	attrs := make([]schematype.Attribute, 0, len(in.Attributes))
	for i, a := range in.Attributes {
		if a == nil || strings.TrimSpace(a.Key) == "" {
			return nil, invalid("attributes[%d].key: must not be empty", i)
		}
		attrs = append(attrs, *a)
	}
	now := s.clock.Now().UTC()
	cr := s.client.CustomRequest.Create().SetRequesterID(v.UserID).SetDescription(desc).SetQuantity(in.Quantity).
		SetDuration(in.Duration).SetAttributes(attrs).SetCreatedAt(now).SetUpdatedAt(now)
	if v.CostCenterID != 0 {
		cr.SetCostCenterID(v.CostCenterID)
	}
	r, err := cr.Save(database.System(ctx))
	if err != nil {
		return nil, database.Wrap(err, "custom request")
	}
	return s.client.CustomRequest.Get(ctx, r.ID)
}

// List returns the custom requests the viewer may see (own, a manager's cost center's, all for
// admins), newest first, in status when given; at most 500.
func (s *Service) List(ctx context.Context, status *customrequest.Status) ([]*ent.CustomRequest, error) {
	if _, err := auth.Require(ctx); err != nil {
		return nil, err
	}
	q := s.client.CustomRequest.Query().Order(ent.Desc(customrequest.FieldCreatedAt), ent.Desc(customrequest.FieldID))
	if status != nil {
		q.Where(customrequest.StatusEQ(*status))
	}
	out, err := q.Limit(500).All(ctx)
	return out, database.Wrap(err, "custom requests")
}

// Fulfilment is how an admin fulfils a request: the custom product to create (hidden from the
// catalog, vendable until ExpiresAt) and its items. It is also the GraphQL FulfilCustomRequestInput.
type Fulfilment struct {
	SKU         string    `json:"sku"`
	Name        string    `json:"name"`
	PricePerDay int       `json:"pricePerDay"`
	Currency    string    `json:"currency"`
	ExpiresAt   time.Time `json:"expiresAt"`
	// Items are the names of the items to add; Pool, when set, is their pool.
	Items []string `json:"items"`
	Pool  *string  `json:"pool,omitempty"`
}

// open loads an open request for an admin's decision, with the flow's lifted context
// (auth.AuthorizedAdmin).
func (s *Service) open(ctx context.Context, id int, action string) (viewer.Viewer, context.Context, *ent.CustomRequest, error) {
	v, sys, err := auth.AuthorizedAdmin(ctx, action)
	if err != nil {
		return v, ctx, nil, err
	}
	r, err := s.client.CustomRequest.Get(sys, id)
	if err != nil {
		return v, ctx, nil, database.Wrap(err, "custom request %d", id)
	}
	if r.Status != Open {
		return v, ctx, nil, apperr.New(apperr.Conflict, "custom request %d is %s, not open", id, r.Status)
	}
	return v, sys, r, nil
}

// Fulfil creates the custom product made for the requester (their cost center's managers may
// vend it too), with the request's attributes and duration as its default, and its items; then
// marks the request FULFILLED. Should the items be refused, the product is removed again.
func (s *Service) Fulfil(ctx context.Context, id int, in Fulfilment) (*ent.CustomRequest, error) {
	v, sys, r, err := s.open(ctx, id, "fulfilCustomRequest")
	if err != nil {
		return nil, err
	}
	if len(in.Items) == 0 {
		return nil, invalid("items: name at least one item")
	}
	attrs := make([]*schematype.Attribute, len(r.Attributes))
	for i := range r.Attributes {
		attrs[i] = &r.Attributes[i]
	}
	yes, def := true, r.Duration
	desc := "custom: " + r.Description
	p, err := s.catalog.Create(ctx, catalog.CreateInput{SKU: in.SKU, Name: in.Name, Description: &desc, Attributes: attrs,
		PricePerDay: in.PricePerDay, Currency: in.Currency, DefaultDuration: &def, Custom: &yes, ExpiresAt: &in.ExpiresAt,
		For: &visibility.Holding{OwnerID: r.RequesterID, CostCenterID: r.CostCenterID}})
	if err != nil {
		return nil, err
	}
	items := make([]*inventory.NewItem, len(in.Items))
	for i, name := range in.Items {
		items[i] = &inventory.NewItem{SKU: in.SKU, Name: name, Pool: in.Pool}
	}
	if _, err := s.inventory.Add(ctx, items); err != nil {
		_, _, _ = s.catalog.Remove(ctx, p.ID) // nothing references it yet: deleted
		return nil, err
	}
	now := s.clock.Now().UTC()
	n, err := s.client.CustomRequest.Update().Where(customrequest.ID(id), customrequest.StatusEQ(Open)).
		SetStatus(Fulfilled).SetProductID(p.ID).SetDecidedBy(v.Name).SetDecidedAt(now).SetUpdatedAt(now).Save(sys)
	if err != nil {
		return nil, database.Wrap(err, "fulfil custom request %d", id)
	}
	if n == 0 {
		return nil, apperr.New(apperr.Conflict, "custom request %d was decided meanwhile; product %s stays for admins", id, p.Sku)
	}
	return s.client.CustomRequest.Get(ctx, id)
}

// Decline turns a request down with a reason (admins).
func (s *Service) Decline(ctx context.Context, id int, reason string) (*ent.CustomRequest, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, invalid("reason: say why the request is declined")
	}
	v, sys, _, err := s.open(ctx, id, "declineCustomRequest")
	if err != nil {
		return nil, err
	}
	now := s.clock.Now().UTC()
	n, err := s.client.CustomRequest.Update().Where(customrequest.ID(id), customrequest.StatusEQ(Open)).
		SetStatus(Declined).SetReason(reason).SetDecidedBy(v.Name).SetDecidedAt(now).SetUpdatedAt(now).Save(sys)
	if err != nil {
		return nil, database.Wrap(err, "decline custom request %d", id)
	}
	if n == 0 {
		return nil, apperr.New(apperr.Conflict, "custom request %d was decided meanwhile", id)
	}
	return s.client.CustomRequest.Get(ctx, id)
}
