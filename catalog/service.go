package catalog

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/bag"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/predicate"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/ent/stack"
	"github.com/hardcandy/hardcandy/visibility"
)

// Service manages the catalog.
type Service struct {
	client *ent.Client
	store  *database.Store
	clock  clockwork.Clock
}

// NewService returns a catalog service.
func NewService(store *database.Store, clock clockwork.Clock) *Service {
	return &Service{client: store.Client, store: store, clock: clock}
}

// CreateInput describes a new product. It is also the GraphQL CreateProductInput.
type CreateInput struct {
	SKU                       string                  `json:"sku"`
	Name                      string                  `json:"name"`
	Description               *string                 `json:"description,omitempty"`
	Attributes                []*schematype.Attribute `json:"attributes,omitempty"`
	PricePerDay               int                     `json:"pricePerDay"`
	Currency                  string                  `json:"currency"`
	DefaultDuration           *duration.Duration      `json:"defaultDuration,omitempty"`
	MinDuration               *duration.Duration      `json:"minDuration,omitempty"`
	MaxDuration               *duration.Duration      `json:"maxDuration,omitempty"`
	MaxLifetime               *duration.Duration      `json:"maxLifetime,omitempty"`
	RequiresApproval          *bool                   `json:"requiresApproval,omitempty"`
	ExtensionRequiresApproval *bool                   `json:"extensionRequiresApproval,omitempty"`
	Components                []*schematype.LeaseLine `json:"components,omitempty"`
	Custom                    *bool                   `json:"custom,omitempty"`
	ExpiresAt                 *time.Time              `json:"expiresAt,omitempty"`
	// CleaningBuffer and BookingHorizon are the product's booking rules (see the lease package).
	CleaningBuffer *duration.Duration `json:"cleaningBuffer,omitempty"`
	BookingHorizon *duration.Duration `json:"bookingHorizon,omitempty"`
	// Parameters declares what a vend may or must pass (see ParameterSpec).
	Parameters []*schematype.ParameterSpec `json:"parameters,omitempty"`
	// For, when set, is whose a custom product is (a fulfilled custom request): only they, their
	// cost center's managers and admins see and vend it. Not part of the GraphQL input.
	For *visibility.Holding `json:"-"`
}

// UpdateInput changes the given fields of a product. It is also the GraphQL UpdateProductInput.
type UpdateInput struct {
	Name                      *string                 `json:"name,omitempty"`
	Description               *string                 `json:"description,omitempty"`
	Attributes                []*schematype.Attribute `json:"attributes,omitempty"`
	PricePerDay               *int                    `json:"pricePerDay,omitempty"`
	DefaultDuration           *duration.Duration      `json:"defaultDuration,omitempty"`
	MinDuration               *duration.Duration      `json:"minDuration,omitempty"`
	MaxDuration               *duration.Duration      `json:"maxDuration,omitempty"`
	MaxLifetime               *duration.Duration      `json:"maxLifetime,omitempty"`
	RequiresApproval          *bool                   `json:"requiresApproval,omitempty"`
	ExtensionRequiresApproval *bool                   `json:"extensionRequiresApproval,omitempty"`
	CleaningBuffer            *duration.Duration      `json:"cleaningBuffer,omitempty"`
	BookingHorizon            *duration.Duration      `json:"bookingHorizon,omitempty"`
	// Parameters, when given, replaces the whole parameter declaration.
	Parameters []*schematype.ParameterSpec `json:"parameters,omitempty"`
}

var (
	currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)
	attrKeyRE  = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)
)

func invalid(format string, args ...any) error {
	return apperr.New(apperr.InvalidArgument, format, args...)
}

// policy is the part of a product both inputs share, checked as a whole after merging.
type policy struct {
	name                           string
	price                          int
	def, minD, maxD, life          *duration.Duration
	attrs                          []*schematype.Attribute
	description                    *string
	approval, extensionNeedApprove bool
}

func (p policy) validate() error {
	if strings.TrimSpace(p.name) == "" {
		return invalid("name: must not be empty")
	}
	if len(p.name) > 200 {
		return invalid("name: at most 200 characters")
	}
	if p.price < 0 {
		return invalid("pricePerDay: must not be negative, got %d", p.price)
	}
	seen := map[string]bool{}
	for i, a := range p.attrs {
		if a == nil || !attrKeyRE.MatchString(a.Key) {
			return invalid("attributes[%d].key: must be a lower-case identifier such as ram_gb", i)
		}
		if seen[a.Key] {
			return invalid("attributes[%d].key: %q given twice", i, a.Key)
		}
		seen[a.Key] = true
	}
	if err := TypeAttributes(p.attrs); err != nil {
		return err
	}
	// The durations must nest: min ≤ default ≤ max ≤ lifetime.
	order := []struct {
		name string
		d    *duration.Duration
	}{{"minDuration", p.minD}, {"defaultDuration", p.def}, {"maxDuration", p.maxD}, {"maxLifetime", p.life}}
	for i := range order {
		for j := i + 1; j < len(order); j++ {
			a, b := order[i], order[j]
			if a.d != nil && b.d != nil && *a.d > *b.d {
				return invalid("%s (%s) must not exceed %s (%s)", a.name, a.d, b.name, b.d)
			}
		}
	}
	return nil
}

// Create adds a product. Only admins may.
func (s *Service) Create(ctx context.Context, in CreateInput) (*ent.Product, error) {
	if _, err := auth.RequireAdmin(ctx, "createProduct"); err != nil {
		return nil, err
	}
	sku, err := ParseSKU(in.SKU)
	if err != nil {
		return nil, invalid("sku: %v", err)
	}
	if err := checkBooking(in.CleaningBuffer, in.BookingHorizon); err != nil {
		return nil, err
	}
	if !currencyRE.MatchString(in.Currency) {
		return nil, invalid("currency: %q is not an ISO 4217 code such as EUR", in.Currency)
	}
	p := policy{name: in.Name, price: in.PricePerDay, def: in.DefaultDuration, minD: in.MinDuration,
		maxD: in.MaxDuration, life: in.MaxLifetime, attrs: in.Attributes, description: in.Description}
	if err := p.validate(); err != nil {
		return nil, err
	}
	now := s.clock.Now().UTC()
	custom := in.Custom != nil && *in.Custom
	switch {
	case custom && in.ExpiresAt == nil:
		return nil, invalid("expiresAt: a custom product needs an expiry")
	case custom && !in.ExpiresAt.After(now):
		return nil, invalid("expiresAt: %s is not in the future", in.ExpiresAt.UTC().Format(time.RFC3339))
	case !custom && in.ExpiresAt != nil:
		return nil, invalid("expiresAt: only custom products expire; set custom: true")
	}
	sys := database.System(ctx)
	var created *ent.Product
	err = s.store.Write(sys, func(tx *database.Tx) error {
		components, err := s.componentBag(sys, tx, in.SKU, in.Currency, in.Components)
		if err != nil {
			return err
		}
		cr := tx.Product.Create().
			SetSku(in.SKU).SetTier(sku.Tier).SetType(sku.Type).SetSize(sku.Size).
			SetName(strings.TrimSpace(in.Name)).SetNillableDescription(in.Description).
			SetAttributes(attrs(in.Attributes)).SetPricePerDay(in.PricePerDay).SetCurrency(in.Currency).
			SetNillableDefaultDuration(in.DefaultDuration).SetNillableMinDuration(in.MinDuration).
			SetNillableMaxDuration(in.MaxDuration).SetNillableMaxLifetime(in.MaxLifetime).
			SetNillableRequiresApproval(in.RequiresApproval).
			SetNillableExtensionRequiresApproval(in.ExtensionRequiresApproval).
			SetCustom(custom).SetNillableExpiresAt(utc(in.ExpiresAt)).
			SetNillableCleaningBuffer(in.CleaningBuffer).SetNillableBookingHorizon(in.BookingHorizon).
			SetCreatedAt(now).SetUpdatedAt(now)
		if in.For != nil {
			if !custom {
				return invalid("custom: a product made for someone is custom")
			}
			cr.SetCustomForID(in.For.OwnerID).SetNillableCustomCostCenterID(in.For.CostCenterID)
		}
		if components != nil {
			id, err := bag.Save(sys, tx.Client(), components, now)
			if err != nil {
				return err
			}
			cr.SetComponentsBagID(id)
			if in.Parameters != nil {
				decl, err := declaration(sys, tx, in.Parameters, &id)
				if err != nil {
					return err
				}
				cr.SetParameters(decl)
			}
		} else if in.Parameters != nil {
			decl, err := declaration(sys, tx, in.Parameters, nil)
			if err != nil {
				return err
			}
			cr.SetParameters(decl)
		}
		created, err = cr.Save(sys)
		if ent.IsConstraintError(err) {
			return apperr.New(apperr.Conflict, "sku: %s already exists", in.SKU)
		}
		return err
	})
	if err != nil {
		return nil, database.Wrap(err, "create product %s", in.SKU)
	}
	return created.Unwrap(), nil
}

// componentBag validates a bundle's components and stacks them; nil when there are none.
func (s *Service) componentBag(ctx context.Context, tx *database.Tx, sku, currency string, lines []*schematype.LeaseLine) (*bag.Bag, error) {
	if len(lines) == 0 {
		return nil, nil
	}
	b := &bag.Bag{}
	for i, l := range lines {
		if l.Quantity < 1 {
			return nil, invalid("components[%d].quantity: must be at least 1, got %d", i, l.Quantity)
		}
		if l.SKU == sku {
			return nil, invalid("components[%d].sku: a bundle cannot contain itself", i)
		}
		if len(l.Parameters) > 0 {
			return nil, invalid("components[%d].parameters: a bundle sets its components' parameters in its own parameters, as %s.NAME with a default (fixed: true to set it)", i, l.SKU)
		}
		c, err := tx.Product.Query().Where(product.Sku(l.SKU)).Only(ctx)
		if ent.IsNotFound(err) {
			return nil, invalid("components[%d].sku: no product %q", i, l.SKU)
		} else if err != nil {
			return nil, err
		}
		switch {
		case c.RetiredAt != nil:
			return nil, invalid("components[%d].sku: %s is retired", i, l.SKU)
		case c.ComponentsBagID != nil:
			return nil, invalid("components[%d].sku: %s is itself a bundle; bundles do not nest", i, l.SKU)
		case c.Currency != currency:
			return nil, invalid("components[%d].sku: %s is priced in %s, the bundle in %s", i, l.SKU, c.Currency, currency)
		}
		b.Add(bag.Stack{ProductID: c.ID, Quantity: l.Quantity})
	}
	return b, nil
}

// Update changes a product's mutable fields. Only admins may.
func (s *Service) Update(ctx context.Context, id int, in UpdateInput) (*ent.Product, error) {
	if _, err := auth.RequireAdmin(ctx, "updateProduct"); err != nil {
		return nil, err
	}
	if err := checkBooking(in.CleaningBuffer, in.BookingHorizon); err != nil {
		return nil, err
	}
	sys := database.System(ctx)
	var updated *ent.Product
	err := s.store.Write(sys, func(tx *database.Tx) error {
		cur, err := tx.Product.Get(sys, id)
		if err != nil {
			return err
		}
		p := policy{name: cur.Name, price: cur.PricePerDay, def: cur.DefaultDuration, minD: cur.MinDuration,
			maxD: cur.MaxDuration, life: cur.MaxLifetime, description: cur.Description}
		set(&p.name, in.Name)
		set(&p.price, in.PricePerDay)
		p.def = pick(in.DefaultDuration, p.def)
		p.minD = pick(in.MinDuration, p.minD)
		p.maxD = pick(in.MaxDuration, p.maxD)
		p.life = pick(in.MaxLifetime, p.life)
		if in.Attributes != nil {
			p.attrs = in.Attributes
		}
		if err := p.validate(); err != nil {
			return err
		}
		up := tx.Product.UpdateOneID(id).SetName(strings.TrimSpace(p.name)).SetPricePerDay(p.price).
			SetNillableDescription(in.Description).
			SetNillableDefaultDuration(p.def).SetNillableMinDuration(p.minD).
			SetNillableMaxDuration(p.maxD).SetNillableMaxLifetime(p.life).
			SetNillableRequiresApproval(in.RequiresApproval).
			SetNillableExtensionRequiresApproval(in.ExtensionRequiresApproval).
			SetNillableCleaningBuffer(in.CleaningBuffer).SetNillableBookingHorizon(in.BookingHorizon).
			SetUpdatedAt(s.clock.Now().UTC())
		if in.Attributes != nil {
			up.SetAttributes(attrs(in.Attributes))
		}
		if in.Parameters != nil {
			decl, err := declaration(sys, tx, in.Parameters, cur.ComponentsBagID)
			if err != nil {
				return err
			}
			up.SetParameters(decl)
		}
		updated, err = up.Save(sys)
		return err
	})
	if err != nil {
		return nil, database.Wrap(err, "update product %d", id)
	}
	return updated.Unwrap(), nil
}

// Retire takes a product out of the catalog for good. It stays for history and orders. Only
// admins may; retiring twice is a CONFLICT.
func (s *Service) Retire(ctx context.Context, id int) (*ent.Product, error) {
	if _, err := auth.RequireAdmin(ctx, "retireProduct"); err != nil {
		return nil, err
	}
	sys := database.System(ctx)
	n, err := s.client.Product.Update().Where(product.ID(id), product.RetiredAtIsNil()).
		SetRetiredAt(s.clock.Now().UTC()).SetUpdatedAt(s.clock.Now().UTC()).Save(sys)
	if err != nil {
		return nil, database.Wrap(err, "retire product %d", id)
	}
	p, err := s.client.Product.Get(sys, id)
	if err != nil {
		return nil, database.Wrap(err, "retire product %d", id)
	}
	if n == 0 {
		return nil, apperr.New(apperr.Conflict, "product %s is already retired", p.Sku)
	}
	return p, nil
}

// Remove deletes a product nothing references, and retires one that something does (items,
// bundles, orders): products are never hard-deleted once referenced. It reports whether the
// product was deleted.
func (s *Service) Remove(ctx context.Context, id int) (deleted bool, p *ent.Product, err error) {
	if _, err := auth.RequireAdmin(ctx, "deleting a product"); err != nil {
		return false, nil, err
	}
	sys := database.System(ctx)
	err = s.store.Write(sys, func(tx *database.Tx) error {
		p, err = tx.Product.Get(sys, id)
		if err != nil {
			return err
		}
		referenced, err := isReferenced(sys, tx, id)
		if err != nil {
			return err
		}
		if referenced {
			if p.RetiredAt == nil {
				p, err = tx.Product.UpdateOneID(id).SetRetiredAt(s.clock.Now().UTC()).Save(sys)
			}
			return err
		}
		if p.ComponentsBagID != nil {
			if _, err := tx.Stack.Delete().Where(stack.BagID(*p.ComponentsBagID)).Exec(sys); err != nil {
				return err
			}
		}
		if err := tx.Product.DeleteOneID(id).Exec(sys); err != nil {
			return err
		}
		if p.ComponentsBagID != nil {
			if err := tx.Bag.DeleteOneID(*p.ComponentsBagID).Exec(sys); err != nil {
				return err
			}
		}
		deleted = true
		return nil
	})
	if err != nil {
		return false, nil, database.Wrap(err, "remove product %d", id)
	}
	return deleted, p.Unwrap(), nil
}

// isReferenced reports whether items or stacks (bundles, orders, entitlements) point at a product.
func isReferenced(ctx context.Context, tx *database.Tx, id int) (bool, error) {
	if ok, err := tx.InventoryItem.Query().Where(inventoryitem.ProductID(id)).Exist(ctx); err != nil || ok {
		return ok, err
	}
	return tx.Stack.Query().Where(stack.ProductID(id)).Exist(ctx)
}

// ListFlags widen the product list beyond the catalog a viewer browses.
type ListFlags struct {
	// IncludeRetired lists retired products too (admins only).
	IncludeRetired bool
	// IncludeCustom lists custom products too (admins only).
	IncludeCustom bool
}

// Listing is the product list the viewer asked for: the browsable catalog, widened by f for
// admins. Anyone else asking for more is FORBIDDEN, rather than silently shown less.
func (s *Service) Listing(ctx context.Context, f ListFlags) (*ent.ProductQuery, error) {
	v, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	if (f.IncludeRetired || f.IncludeCustom) && !v.IsAdmin() {
		return nil, apperr.New(apperr.Forbidden, "includeRetired and includeCustom are for admins")
	}
	q := s.client.Product.Query()
	if !f.IncludeRetired {
		q.Where(product.RetiredAtIsNil())
	}
	if !f.IncludeCustom {
		q.Where(product.Custom(false))
	}
	return q, nil
}

// Visible is the catalog a viewer browses: neither retired nor custom.
func Visible() predicate.Product {
	return product.And(product.RetiredAtIsNil(), product.Custom(false))
}

// Components returns a bundle's components as stacks (none for a plain product).
func Components(ctx context.Context, c *ent.Client, p *ent.Product) (*bag.Bag, error) {
	if p.ComponentsBagID == nil {
		return &bag.Bag{}, nil
	}
	return bag.Load(ctx, c, *p.ComponentsBagID)
}

func attrs(in []*schematype.Attribute) []schematype.Attribute {
	out := make([]schematype.Attribute, 0, len(in))
	for _, a := range in {
		out = append(out, *a)
	}
	return out
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

func pick[T any](v, cur *T) *T {
	if v != nil {
		return v
	}
	return cur
}
