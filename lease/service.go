package lease

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/bag"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/leasefeed"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/secret"
	"github.com/hardcandy/hardcandy/viewer"
)

// Config holds the leasing rules that are not per product.
type Config struct {
	// MaxItemsPerUser bounds how many items one user may hold at once (default 10).
	MaxItemsPerUser int `yaml:"max_items_per_user"`
	// PendingTimeout is how long a vend may sit between its two transactions before the repair
	// rolls it back (default 10m).
	PendingTimeout duration.Duration `yaml:"pending_timeout"`
	// DispenseTimeout bounds one dispenser call (default 5m).
	DispenseTimeout duration.Duration `yaml:"dispense_timeout"`
	// Booking holds the rules of leasing ahead (see BookingConfig).
	Booking BookingConfig `yaml:"booking"`
	// MaxWait is how long a QUEUED lease waits at most, and when a vend names no maxWait
	// (default 7d).
	MaxWait duration.Duration `yaml:"max_wait"`
}

// DefaultConfig is used for zero fields.
var DefaultConfig = Config{
	MaxItemsPerUser: 10,
	PendingTimeout:  duration.Duration(10 * time.Minute),
	DispenseTimeout: duration.Duration(5 * time.Minute),
	MaxWait:         duration.Duration(7 * duration.Day),
}

func (c Config) withDefaults() Config {
	if c.MaxItemsPerUser <= 0 {
		c.MaxItemsPerUser = DefaultConfig.MaxItemsPerUser
	}
	if c.PendingTimeout <= 0 {
		c.PendingTimeout = DefaultConfig.PendingTimeout
	}
	if c.DispenseTimeout <= 0 {
		c.DispenseTimeout = DefaultConfig.DispenseTimeout
	}
	if c.MaxWait <= 0 {
		c.MaxWait = DefaultConfig.MaxWait
	}
	return c
}

// Service runs the lease flows.
type Service struct {
	client    *ent.Client
	store     *database.Store
	clock     clockwork.Clock
	dispenser dispenser.Dispenser
	box       *secret.Box
	cfg       Config

	// Reclaim, when set, is called after items went to REBUILDING so they are wiped at once.
	Reclaim func()
	// Feed, when set, receives an event after every committed change of a lease.
	Feed *leasefeed.Feed
	// Notices, when set, receives notices in the transactions of the changes that cause them;
	// Deliver, when set, is called after such a commit so they go out at once.
	Notices Notifier
	Deliver func()
	// Observer, when set, hears of each flow and vend phase (metrics, traces).
	Observer Observer
	// BookingsDue, when set, is called when a reservation is due within the lead time, so the
	// scheduler starts it soon.
	BookingsDue func()
	// afterClaim, when set (tests), runs between the two transactions of a vend.
	afterClaim func(leaseID int) error
	// beforeWithdraw, when set (tests), runs in Return between reading a lease that awaits
	// approval and withdrawing it.
	beforeWithdraw func(leaseID int)
	// queue runs the waiting lists in the background (KickQueue).
	queue queueKicker
}

// Notifier writes notices inside a transaction (the notify package's outbox).
type Notifier interface {
	Enqueue(ctx context.Context, tx *database.Tx, now time.Time, ev notify.Event) error
	EnqueueOwners(ctx context.Context, tx *database.Tx, now time.Time, kind string, leases []*ent.Lease, message string) error
}

// notice writes one notice inside tx when notices are configured.
func (s *Service) notice(ctx context.Context, tx *database.Tx, now time.Time, ev notify.Event) error {
	if s.Notices == nil {
		return nil
	}
	return s.Notices.Enqueue(ctx, tx, now, ev)
}

func (s *Service) deliver() {
	if s.Deliver != nil {
		s.Deliver()
	}
}

// NewService returns a lease service.
func NewService(store *database.Store, clock clockwork.Clock, d dispenser.Dispenser, box *secret.Box, cfg Config) *Service {
	return &Service{client: store.Client, store: store, clock: clock, dispenser: d, box: box, cfg: cfg.withDefaults()}
}

// VendInput asks for a lease. It is also the GraphQL VendInput.
type VendInput struct {
	SKU   *string                 `json:"sku,omitempty"`
	Lines []*schematype.LeaseLine `json:"lines,omitempty"`
	// Duration is how long; 0 (omitted) takes the products' default (defaultDuration).
	Duration       duration.Duration `json:"duration,omitempty"`
	IdempotencyKey *string           `json:"idempotencyKey,omitempty"`
	Note           *string           `json:"note,omitempty"`
	// StartsAt, when in the future, books the lease ahead: it is SCHEDULED (see book.go).
	StartsAt *time.Time `json:"startsAt,omitempty"`
	// Selection of the single-SKU form (see schematype.LeaseLine) and the dry run (preview.go).
	Pool       *string                           `json:"pool,omitempty"`
	Labels     []string                          `json:"labels,omitempty"`
	NotLabels  []string                          `json:"notLabels,omitempty"`
	Tier       *int                              `json:"tier,omitempty"`
	Type       *string                           `json:"type,omitempty"`
	Attributes []*schematype.AttributeConstraint `json:"attributes,omitempty"`
	DryRun     bool                              `json:"dryRun,omitempty"`
	// Parameters go with SKU (with Lines, each line has its own).
	Parameters []*schematype.ParameterValue `json:"parameters,omitempty"`
	// Wait queues the lease when nothing is free now (QUEUED), for at most MaxWait (see queue.go).
	Wait    *bool              `json:"wait,omitempty"`
	MaxWait *duration.Duration `json:"maxWait,omitempty"`
}

// now is the service's time, in UTC and to the microsecond: Postgres keeps microseconds, so a
// lease answered from memory reads back exactly as it was answered, on either database.
func (s *Service) now() time.Time { return s.clock.Now().UTC().Truncate(time.Microsecond) }

// emit publishes a committed change of l; kind is its new status or what happened to it.
func (s *Service) emit(l *ent.Lease, kind string) {
	if s.Feed == nil || l == nil {
		return
	}
	e := leasefeed.Event{LeaseID: l.ID, OwnerID: l.OwnerID, Kind: kind, At: s.now()}
	if l.CostCenterID != nil {
		e.CostCenterID = *l.CostCenterID
	}
	s.Feed.Publish(e)
}

// Provisioning is the kind of the progress events a lease's dispenser calls publish.
const Provisioning = "PROVISIONING"

// progress publishes how many of a lease's items being dispensed are done: for people watching
// (`hardcandy vend` on a terminal), never stored.
func (s *Service) progress(id int, o *owner, done, total int) {
	if s.Feed == nil {
		return
	}
	e := leasefeed.Event{LeaseID: id, OwnerID: o.id, Kind: Provisioning, At: s.now(), ItemsDone: &done, ItemsTotal: &total}
	if o.costCenterID != nil {
		e.CostCenterID = *o.costCenterID
	}
	s.Feed.Publish(e)
}

// loadAndEmit loads the lease for the caller and publishes its new state.
func (s *Service) loadAndEmit(ctx context.Context, id int, kind string) (*ent.Lease, error) {
	l, err := s.load(ctx, id)
	if err == nil {
		if kind == "" {
			kind = string(l.Status)
		}
		s.emit(l, kind)
	}
	return l, err
}

// plan is a request resolved against the catalog: what is billed (bundles as themselves) and
// which items are claimed (bundles as their components).
type plan struct {
	billed  []line // as requested, bundles included
	items   []line // what is claimed, bundles expanded, one line per product
	request []schematype.LeaseLine
	// booked is, for a reservation the scheduler starts, its booked interval.
	booked *interval
	// replacing marks a faulty item's replacement: the lease's bookings already count it.
	replacing bool
}

type line struct {
	product *ent.Product
	qty     int
	sel     inventory.Selection // which of the product's items a claim may take (select.go)
	picked  bool                // chosen as any product that fits
	// values are a billed line's parameters (a bundle's as "SKU.name"), validated, in the clear;
	// each holds, for an items line, the parameters of each of its qty items.
	values []schematype.ParameterValue
	each   [][]schematype.ParameterValue
}

func invalid(format string, args ...any) error {
	return apperr.New(apperr.InvalidArgument, format, args...)
}

// printable reports whether s can be stored as text on every database: valid UTF-8 without NUL
// bytes (Postgres refuses them in text; SQLite would keep them and cut strings at them later).
func printable(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

const (
	maxLines     = 20
	maxQuantity  = 100
	maxNoteLen   = 1000
	maxKeyLength = 200
)

// resolve validates lines against the catalog. Errors name the field as the caller sent it:
// "lines[i].sku", or "sku" for a vend of one SKU (single).
func (s *Service) resolve(ctx context.Context, lines []schematype.LeaseLine, single ...bool) (*plan, error) {
	skuField := func(i int) string {
		if len(single) > 0 && single[0] {
			return "sku"
		}
		return fmt.Sprintf("lines[%d].sku", i)
	}
	if len(lines) == 0 {
		return nil, invalid("lines: name at least one SKU")
	}
	if len(lines) > maxLines {
		return nil, invalid("lines: at most %d lines", maxLines)
	}
	skus := make([]string, 0, len(lines))
	v, _ := viewer.FromContext(ctx)
	lines = slices.Clone(lines)
	for i, l := range lines {
		if l.Quantity < 1 || l.Quantity > maxQuantity {
			return nil, invalid("lines[%d].quantity: must be 1 to %d, got %d", i, maxQuantity, l.Quantity)
		}
		field := strings.TrimSuffix(skuField(i), "sku")
		if err := checkSelection(strings.TrimSuffix(field, "."), l); err != nil {
			return nil, err
		}
		if l.Any() {
			pr, err := s.pickProduct(ctx, v, strings.TrimSuffix(field, "."), l)
			if err != nil {
				return nil, err
			}
			lines[i].SKU, lines[i].Picked = pr.Sku, true
			lines[i].Tier, lines[i].Type, lines[i].Attributes = nil, nil, nil
			l = lines[i]
		}
		if _, err := catalog.ParseSKU(l.SKU); err != nil {
			return nil, invalid("%s: %v", skuField(i), err)
		}
		skus = append(skus, l.SKU)
	}
	sys := database.System(ctx)
	prods, err := s.client.Product.Query().Where(product.SkuIn(skus...)).All(sys)
	if err != nil {
		return nil, fmt.Errorf("resolve products: %w", err)
	}
	bySKU := map[string]*ent.Product{}
	for _, p := range prods {
		bySKU[p.Sku] = p
	}
	p := &plan{}
	items := map[string]*line{}
	var order []string
	addItems := func(pr *ent.Product, qty int, sel inventory.Selection, picked bool, vals []schematype.ParameterValue) {
		key := fmt.Sprint(pr.ID) + "\x00" + sel.Key()
		l, ok := items[key]
		if !ok {
			l = &line{product: pr, sel: sel, picked: picked}
			items[key] = l
			order = append(order, key)
		}
		l.qty += qty
		for range qty {
			l.each = append(l.each, vals)
		}
	}
	now := s.now()
	for i, l := range lines {
		pr, ok := bySKU[l.SKU]
		switch {
		case !ok, !mayUse(v, pr):
			return nil, apperr.New(apperr.NotFound, "%s: no product %q", skuField(i), l.SKU)
		case pr.RetiredAt != nil:
			return nil, apperr.New(apperr.PolicyViolation, "%s is retired and can no longer be vended", pr.Sku)
		case pr.ExpiresAt != nil && !pr.ExpiresAt.After(now):
			return nil, apperr.New(apperr.PolicyViolation, "%s was a temporary product that expired on %s", pr.Sku, pr.ExpiresAt.UTC().Format(time.DateOnly))
		}
		sel := selectionOf(l)
		var cps []*ent.Product
		var cqty []int
		if pr.ComponentsBagID != nil {
			if !sel.Empty() {
				return nil, invalid("%s: %s is a bundle; pool and labels narrow the items of a plain product", skuField(i), pr.Sku)
			}
			comps, err := bag.Load(sys, s.client, *pr.ComponentsBagID)
			if err != nil {
				return nil, err
			}
			for _, st := range comps.Stacks() {
				cp, err := s.client.Product.Get(sys, st.ProductID)
				if err != nil {
					return nil, fmt.Errorf("bundle %s component: %w", pr.Sku, err)
				}
				if cp.RetiredAt != nil {
					return nil, apperr.New(apperr.PolicyViolation, "%s contains %s, which is retired", pr.Sku, cp.Sku)
				}
				cps, cqty = append(cps, cp), append(cqty, st.Quantity*l.Quantity)
			}
		}
		vals, per, err := lineParameters(i, len(single) > 0 && single[0], pr, cps, l.Parameters)
		if err != nil {
			return nil, err
		}
		kept, err := s.sealParameters(vals)
		if err != nil {
			return nil, err
		}
		p.billed = append(p.billed, line{product: pr, qty: l.Quantity, sel: sel, picked: l.Picked, values: vals})
		p.request = append(p.request, schematype.LeaseLine{SKU: l.SKU, Quantity: l.Quantity,
			Pool: sel.Pool, Labels: sel.Labels, NotLabels: sel.NotLabels, Picked: l.Picked, Parameters: kept})
		if pr.ComponentsBagID == nil {
			addItems(pr, l.Quantity, sel, l.Picked, vals)
			continue
		}
		for j, cp := range cps {
			addItems(cp, cqty[j], inventory.Selection{}, false, per[j].Values)
		}
	}
	for _, key := range order {
		p.items = append(p.items, *items[key])
	}
	noteProducts(ctx, p)
	return p, nil
}

func (p *plan) itemCount() int {
	n := 0
	for _, l := range p.items {
		n += l.qty
	}
	return n
}

func (p *plan) needsApproval() bool {
	for _, l := range p.billed {
		if l.product.RequiresApproval {
			return true
		}
	}
	return false
}

// defaultDuration is the duration of a vend that names none: the product's defaultDuration,
// for several lines the smallest of them, so that no line gets longer than its product offers by
// default.
func defaultDuration(p *plan) (duration.Duration, error) {
	var d duration.Duration
	for _, l := range p.billed {
		if def := l.product.DefaultDuration; def != nil && (d == 0 || *def < d) {
			d = *def
		}
	}
	if d == 0 {
		return 0, invalid("duration: required, as %s has no default duration", p.billed[0].product.Sku)
	}
	return d, nil
}

// checkDuration applies each billed product's min and max duration.
func checkDuration(p *plan, d duration.Duration) error {
	if d <= 0 {
		return invalid("duration: must be positive")
	}
	for _, l := range p.billed {
		pr := l.product
		if pr.MinDuration != nil && d < *pr.MinDuration {
			return apperr.New(apperr.PolicyViolation, "%s: a lease lasts at least %s; asked for %s", pr.Sku, pr.MinDuration, d)
		}
		if pr.MaxDuration != nil && d > *pr.MaxDuration {
			return apperr.New(apperr.PolicyViolation, "%s: a lease lasts at most %s; asked for %s", pr.Sku, pr.MaxDuration, d)
		}
	}
	return nil
}

// checkExpansion applies each added product's duration rules to the lease it joins: its min and
// max duration to the time the lease has left, and its maxLifetime to the lease's whole span,
// which, as for an extension, a manager of the cost center or an admin may allow (override). The
// order total is bounded as for a vend.
func checkExpansion(p *plan, l *ent.Lease, now time.Time, override bool) error {
	if l.StartsAt == nil || l.EndsAt == nil {
		return apperr.New(apperr.Conflict, "lease %d has not started", l.ID)
	}
	left := duration.Duration(l.EndsAt.Sub(now).Truncate(time.Second))
	span := duration.Duration(l.EndsAt.Sub(*l.StartsAt).Truncate(time.Second))
	for _, b := range p.billed {
		pr := b.product
		switch {
		case pr.MinDuration != nil && left < *pr.MinDuration:
			return apperr.New(apperr.PolicyViolation, "%s: a lease lasts at least %s; lease %d has %s left", pr.Sku, pr.MinDuration, l.ID, left)
		case pr.MaxDuration != nil && left > *pr.MaxDuration:
			return apperr.New(apperr.PolicyViolation, "%s: a lease lasts at most %s; lease %d has %s left, vend it as a lease of its own", pr.Sku, pr.MaxDuration, l.ID, left)
		case !override && pr.MaxLifetime != nil && span > *pr.MaxLifetime:
			return apperr.New(apperr.PolicyViolation, "%s: a lease may last at most %s in total; lease %d lasts %s", pr.Sku, pr.MaxLifetime, l.ID, span)
		}
	}
	return checkTotals(p.billed, l.EndsAt.Sub(now))
}

// maxTotal bounds one stack's total price in minor units: far beyond any real order, and far
// enough below the int64 range that sums of many stacks (bills, usage) stay exact.
const maxTotal = int64(1) << 53

// checkTotals refuses an order whose stacks' totals (price per day × quantity × length) would
// not fit: with an extreme price or duration the product overflows, and an order would record
// a negative total.
func checkTotals(billed []line, d time.Duration) error {
	for _, b := range billed {
		if _, ok := total(b.product, b.qty, d); !ok {
			return apperr.New(apperr.InvalidArgument, "%s: %d × %d per day for %s is beyond the largest order total this service records (%d minor units); ask for less",
				b.product.Sku, b.qty, b.product.PricePerDay, duration.Duration(d.Truncate(time.Second)), maxTotal)
		}
	}
	return nil
}

// owner is the lease owner with what the rules need.
type owner struct {
	user         *ent.User
	id           int
	name, email  string
	role         viewer.Role
	costCenterID *int
	costCenter   string
}

func (s *Service) loadOwner(ctx context.Context, id int) (*owner, error) {
	u, err := s.client.User.Query().Where(user.ID(id)).WithCostCenter().Only(database.System(ctx))
	if err != nil {
		return nil, database.Wrap(err, "user %d", id)
	}
	o := &owner{user: u, id: u.ID, name: u.Name, role: viewer.Role(u.Role), costCenterID: u.CostCenterID}
	if u.Email != nil {
		o.email = *u.Email
	}
	if cc := u.Edges.CostCenter; cc != nil {
		o.costCenter = cc.Code
	}
	return o, nil
}

func (o *owner) dispenserUser() dispenser.User {
	return dispenser.User{Name: o.name, Email: o.email, Role: string(o.role), CostCenter: o.costCenter}
}

// limits is what one claim may add for its owner: the per-user limit and, for the products the
// owner's cost center has an entitlement to, that entitlement. loadLimits reads it before the
// claim; the claim enforces it inside its transaction (holdLimits), where the count and the
// writes it allows are serialized per owner and per cost center.
type limits struct {
	owner    *owner
	want     int             // items the claim adds
	max      int             // the per-user limit
	cc       *ent.CostCenter // the owner's, when an entitlement applies to the claim
	entitled []entitled
}

// entitled is one product of a claim under its cost center's entitlement.
type entitled struct {
	product *ent.Product
	qty     int // the claim adds
	limit   int // the cost center may hold
}

// loadLimits reads what applies to adding p's items for o (the entitlements bag), without
// counting anything yet.
func (s *Service) loadLimits(ctx context.Context, o *owner, p *plan) (*limits, error) {
	lim := &limits{owner: o, want: p.itemCount(), max: s.cfg.MaxItemsPerUser}
	if o.costCenterID == nil {
		return lim, nil
	}
	sys := database.System(ctx)
	var cc *ent.CostCenter
	if o.user != nil {
		cc = o.user.Edges.CostCenter // loaded with the owner
	}
	if cc == nil {
		var err error
		if cc, err = s.client.CostCenter.Get(sys, *o.costCenterID); err != nil {
			return nil, database.Wrap(err, "cost center %d", *o.costCenterID)
		}
	}
	if cc.EntitlementsBagID == nil {
		return lim, nil
	}
	bg, err := bag.Load(sys, s.client, *cc.EntitlementsBagID)
	if err != nil {
		return nil, err
	}
	for _, l := range p.items {
		if hasStack(bg, l.product.ID) {
			lim.entitled = append(lim.entitled, entitled{product: l.product, qty: l.qty, limit: bg.Quantity(l.product.ID)})
		}
	}
	if len(lim.entitled) > 0 {
		lim.cc = cc
	}
	return lim, nil
}

// holdLimits enforces lim in tx, the claim's transaction, before it writes: it first locks the
// owner and, when an entitlement applies, the cost center (database.Lock: on Postgres, claims of
// the same owner or cost center on any replica then count one after another; on SQLite the
// single writer already runs them so), then counts what they hold, claims still at the
// dispenser included.
func (s *Service) holdLimits(ctx context.Context, tx *database.Tx, lim *limits) error {
	keys := []database.LockKey{{Space: "owner", ID: lim.owner.id}}
	if lim.cc != nil {
		keys = append(keys, database.LockKey{Space: "cost center", ID: lim.cc.ID})
	}
	if err := database.Lock(ctx, tx, keys...); err != nil {
		return err
	}
	return countLimits(ctx, tx.Client(), lim)
}

// checkLimits applies the per-user limit and the cost center's entitlements to adding p's items,
// outside any claim: for a lease that waits for approval, whose items are only claimed, and
// checked again, when it is approved.
func (s *Service) checkLimits(ctx context.Context, o *owner, p *plan) error {
	lim, err := s.loadLimits(ctx, o, p)
	if err != nil {
		return err
	}
	return countLimits(ctx, s.client, lim)
}

// countLimits counts what lim's owner and cost center hold, through c, and refuses what would
// exceed a limit.
func countLimits(ctx context.Context, c *ent.Client, lim *limits) error {
	sys := database.System(ctx)
	// What the user holds is their unreleased allocations (an allocation is released when its
	// lease ends, see Violations): one range of the (owner_id, released_at) index, costing what
	// the user holds, not what everyone holds or what the user ever held.
	held, err := c.Allocation.Query().Where(allocation.OwnerID(lim.owner.id), allocation.ReleasedAtIsNil()).
		Unique(false).Count(sys)
	if err != nil {
		return fmt.Errorf("count held items: %w", err)
	}
	if held+lim.want > lim.max {
		return apperr.New(apperr.PolicyViolation, "per-user limit: %s holds %d items and asks for %d more; the limit is %d",
			lim.owner.name, held, lim.want, lim.max)
	}
	for _, e := range lim.entitled {
		holding, err := c.Lease.Query().
			Where(entlease.CostCenterID(lim.cc.ID), entlease.StatusIn(Pending, Active)).
			QueryAllocations().Where(allocation.ReleasedAtIsNil(), allocation.HasItemWith(inventoryitem.ProductID(e.product.ID))).
			Unique(false).Count(sys)
		if err != nil {
			return fmt.Errorf("count cost center holding: %w", err)
		}
		if holding+e.qty > e.limit {
			return apperr.New(apperr.PolicyViolation, "entitlement: cost center %s may hold %d of %s and holds %d; %d more would exceed it",
				lim.cc.Code, e.limit, e.product.Sku, holding, e.qty)
		}
	}
	return nil
}

func hasStack(b *bag.Bag, productID int) bool {
	for _, st := range b.Stacks() {
		if st.ProductID == productID {
			return true
		}
	}
	return false
}

// checkDispenser asks each billed product's dispenser whether the user may lease it.
func (s *Service) checkDispenser(ctx context.Context, o *owner, p *plan, d duration.Duration) error {
	for _, l := range p.billed {
		err := s.dispenser.Check(ctx, dispenser.CheckRequest{User: o.dispenserUser(), SKU: l.product.Sku,
			Type: l.product.Type, Quantity: l.qty, Duration: d.String()})
		if err != nil {
			return dispenserError(err)
		}
	}
	return nil
}

// dispenserError turns a dispenser's error into the user's: a refusal is a POLICY_VIOLATION, a
// failure DISPENSER_FAILED, both with the backend's message.
func dispenserError(err error) error {
	if de, ok := dispenser.AsError(err); ok {
		if de.Refused {
			return apperr.Wrap(err, apperr.PolicyViolation, "refused by the provisioning backend: %s", de.Message)
		}
		return apperr.Wrap(err, apperr.DispenserFailed, "%s", de.Message)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return apperr.Wrap(err, apperr.DispenserFailed, "the provisioning backend did not answer in time")
	}
	return apperr.Wrap(err, apperr.DispenserFailed, "the provisioning backend failed")
}

// vend leases what in asks for: ACTIVE when dispensed, PENDING when a product needs approval.
// Policy is checked before anything is claimed, but for the limits on what a user and a cost
// center may hold, which the claim counts (so that concurrent vends cannot all pass one count);
// claiming and activation are two short transactions with the dispenser called between them,
// never inside one.
func (s *Service) vend(ctx context.Context, in VendInput) (*ent.Lease, error) {
	v, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	lines, err := vendLines(in)
	if err != nil {
		return nil, err
	}
	if in.Note != nil && len(*in.Note) > maxNoteLen {
		return nil, invalid("note: at most %d characters", maxNoteLen)
	}
	if in.Note != nil && !printable(*in.Note) {
		return nil, invalid("note: must be UTF-8 text without NUL bytes")
	}
	if in.DryRun {
		return s.dryRun(ctx, v, in, lines)
	}
	if in.IdempotencyKey != nil {
		if k := *in.IdempotencyKey; k == "" || len(k) > maxKeyLength {
			return nil, invalid("idempotencyKey: 1 to %d characters", maxKeyLength)
		}
		if !printable(*in.IdempotencyKey) {
			return nil, invalid("idempotencyKey: must be UTF-8 text without NUL bytes")
		}
		if l, err := s.byKey(ctx, v.UserID, *in.IdempotencyKey); err != nil || l != nil {
			return l, err
		}
	}
	o, err := s.loadOwner(ctx, v.UserID)
	if err != nil {
		return nil, err
	}
	p, err := s.resolve(ctx, lines, len(in.Lines) == 0)
	if err != nil {
		return nil, err
	}
	if in.Duration == 0 {
		if in.Duration, err = defaultDuration(p); err != nil {
			return nil, err
		}
	}
	if err := checkDuration(p, in.Duration); err != nil {
		return nil, err
	}
	if err := checkTotals(p.billed, in.Duration.Std()); err != nil {
		return nil, err
	}
	if start, ahead, err := s.bookedStart(in); err != nil {
		return nil, err
	} else if ahead {
		return s.book(ctx, v, o, p, in, start)
	}
	wait, err := s.waitFor(in)
	if err != nil {
		return nil, err
	}
	if p.needsApproval() {
		// Nothing is claimed until the approval, which checks the limits again in its claim.
		if err := s.checkLimits(ctx, o, p); err != nil {
			return nil, err
		}
	}
	if err := s.checkDispenser(ctx, o, p, in.Duration); err != nil {
		return nil, err
	}
	spec := newLease{owner: o, plan: p, duration: in.Duration, key: in.IdempotencyKey, note: in.Note, actor: v.Name, wait: wait}
	if p.needsApproval() {
		id, err := s.createAwaitingApproval(ctx, spec)
		if err != nil {
			return s.idempotent(ctx, v.UserID, in.IdempotencyKey, err)
		}
		return s.loadAndEmit(ctx, id, "")
	}
	octx, err := s.outcomeContext(ctx)
	if err != nil {
		return nil, err
	}
	created, claimed, err := s.claim(octx, spec, nil)
	if err != nil && wait != nil && errors.Is(err, apperr.OutOfStock) {
		// Nothing free now: the lease waits for it (QUEUED, see queue.go).
		l, qerr := s.enqueue(octx, spec, *wait)
		if qerr != nil {
			return s.idempotent(octx, v.UserID, in.IdempotencyKey, qerr)
		}
		return l, nil
	}
	if err != nil {
		return s.idempotent(octx, v.UserID, in.IdempotencyKey, err)
	}
	at, err := s.dispense(octx, created.ID, o, in.Duration, p, claimed, v.Name, false)
	if err != nil {
		_, _ = s.loadAndEmit(database.System(octx), created.ID, "")
		return nil, apperr.WithLease(err, created.ID)
	}
	// The answer is the lease as the two transactions wrote it; reading it back would cost
	// every vend another query for what this request just decided.
	l := activated(created, at)
	s.emit(l, string(l.Status))
	return l, nil
}

// outcomeContext is the context a vend, an expansion or an approval claims, dispenses and records
// in: detached from the request, so that a request that times out or a client that hangs up
// cannot strand a claim without its outcome (items RESERVING until the repair; a machine the
// backend did provision rolled back and wiped). The dispenser calls are bounded by their own
// timeout (dispense), the transactions by the database's. Having no deadline of its own, the
// context also spares database/sql a goroutine watching it per transaction. A request already
// over claims nothing.
func (s *Service) outcomeContext(ctx context.Context) (context.Context, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("the request ended before anything was claimed: %w", err)
	}
	return context.WithoutCancel(ctx), nil
}

// DispenseBound is the longest one vend's dispenser calls may take: the leasing configuration's
// dispense_timeout, or less when every backend gives up sooner (dispenser.Bounded). A request
// must be allowed longer than that, or its answer could be lost (the outcome itself is recorded
// whatever happens to the request).
func (s *Service) DispenseBound() time.Duration {
	d := s.cfg.DispenseTimeout.Std()
	if b, ok := s.dispenser.(dispenser.Bounded); ok {
		d = min(d, b.VendBound())
	}
	return d
}

// PendingTimeout is how long the repair leaves a vend between its two transactions.
func (s *Service) PendingTimeout() time.Duration { return s.cfg.PendingTimeout.Std() }

// activated is a lease created by claim as activate leaves it at at (see activate's update).
func activated(created *ent.Lease, at time.Time) *ent.Lease {
	l := *created
	end := at.Add(l.Duration.Std())
	l.Status, l.StartsAt, l.EndsAt, l.UpdatedAt, l.AwaitingApproval = Active, &at, &end, at, false
	return &l
}

// idempotent answers a failed create: when the failure is another request with the same key
// having created the lease first, that lease is the answer.
func (s *Service) idempotent(ctx context.Context, userID int, key *string, err error) (*ent.Lease, error) {
	if key != nil && (ent.IsConstraintError(err) || errors.Is(err, apperr.Conflict)) {
		if l, kerr := s.byKey(ctx, userID, *key); kerr == nil && l != nil {
			return l, nil
		}
	}
	return nil, err
}

func (s *Service) byKey(ctx context.Context, userID int, key string) (*ent.Lease, error) {
	l, err := s.client.Lease.Query().Where(entlease.OwnerID(userID), entlease.IdempotencyKey(key)).Only(database.System(ctx))
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lease by idempotency key: %w", err)
	}
	return s.load(ctx, l.ID)
}

// load returns the lease as the caller may see it.
func (s *Service) load(ctx context.Context, id int) (*ent.Lease, error) {
	if _, ok := viewer.FromContext(ctx); !ok {
		ctx = database.System(ctx)
	}
	l, err := s.client.Lease.Get(ctx, id)
	if err != nil {
		return nil, database.Wrap(err, "lease %d", id)
	}
	return l, nil
}

type newLease struct {
	owner    *owner
	plan     *plan
	duration duration.Duration
	key      *string
	note     *string
	actor    string
	// wait, when set, is how long the lease may wait on the waiting list; serving says the
	// claim serves a QUEUED lease (existingID) from its waiting list (queue.go).
	wait    *duration.Duration
	serving bool
}

func (s *Service) createAwaitingApproval(ctx context.Context, spec newLease) (int, error) {
	sys := database.System(ctx)
	now := s.now()
	var id int
	err := s.store.Write(sys, func(tx *database.Tx) error {
		l, err := s.createLease(sys, tx, now, spec, true)
		if err != nil {
			return err
		}
		id = l.ID
		var skus []string
		for _, b := range spec.plan.billed {
			if b.product.RequiresApproval {
				skus = append(skus, b.product.Sku)
			}
		}
		msg := "awaiting approval by a manager of the cost center: " + strings.Join(skus, ", ") + " needs it"
		if err := event(sys, tx, now, id, spec.actor, "status", "", string(Pending), msg); err != nil {
			return err
		}
		return s.notice(sys, tx, now, notify.Event{Kind: notify.KindApprovalNeeded, LeaseID: &id, Message: msg})
	})
	if err == nil {
		s.deliver()
	}
	return id, err
}

func (s *Service) createLease(ctx context.Context, tx *database.Tx, now time.Time, spec newLease, awaiting bool) (*ent.Lease, error) {
	cr := tx.Lease.Create().SetOwnerID(spec.owner.id).SetNillableCostCenterID(spec.owner.costCenterID).
		SetStatus(Pending).SetAwaitingApproval(awaiting).SetDuration(spec.duration).
		SetRequest(spec.plan.request).SetNillableNote(spec.note).SetNillableIdempotencyKey(spec.key).
		SetNillableMaxWait(spec.wait).SetCreatedAt(now).SetUpdatedAt(now)
	l, err := cr.Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("create lease: %w", err)
	}
	return l, nil
}

// claimed is one item reserved for a lease, with what the dispenser needs to know of it.
type claimed struct {
	allocationID int
	productID    int
	item         dispenser.Item
}

// claim runs the first transaction: it creates the PENDING lease and returns it (or, for an
// approved or expanded lease, uses existingID and returns nil), reserves the items (AVAILABLE →
// RESERVING) and records the allocations. Too few items is OUT_OF_STOCK naming the SKU and the
// shortfall; more than the owner or the cost center may hold is POLICY_VIOLATION (holdLimits).
func (s *Service) claimTx(ctx context.Context, spec newLease, existingID *int) (*ent.Lease, []claimed, error) {
	sys := database.System(ctx)
	lim, err := s.loadLimits(sys, spec.owner, spec.plan)
	if err != nil {
		return nil, nil, err
	}
	now := s.now()
	var (
		id      int
		created *ent.Lease
		out     []claimed
	)
	err = s.store.Write(sys, func(tx *database.Tx) error {
		if spec.serving {
			// Off the waiting list first, under its locks (taken before the owner's).
			if err := s.takeFromQueue(sys, tx, now, *existingID, spec.actor); err != nil {
				return err
			}
		}
		// First, before anything is written or locked: what the owner and the cost center
		// hold, counted one claim at a time.
		if err := s.holdLimits(sys, tx, lim); err != nil {
			return err
		}
		var leaseEvents []*ent.EventCreate
		if existingID == nil {
			l, err := s.createLease(sys, tx, now, spec, false)
			if err != nil {
				return err
			}
			id, created = l.ID, l
			leaseEvents = append(leaseEvents, newEvent(tx, now, id, spec.actor, "status", "", string(Pending), "vending"))
		} else {
			id = *existingID
		}
		// Items of a product in id order, through the (product_id, status, id) index. On SQLite
		// no one else writes during this transaction; on Postgres concurrent claims skip the
		// rows this one locked and take the next.
		var shortages []string
		var items []*ent.InventoryItem
		byID := map[int]*ent.Product{}
		params := map[int][]schematype.ParameterValue{}
		for _, l := range spec.plan.items {
			if ahead, err := queueAhead(sys, tx, spec, l); err != nil {
				return err
			} else if ahead != "" {
				shortages = append(shortages, ahead)
				continue
			}
			// A line narrowed to a pool or labels (select.go) adds their predicates; lines of
			// one product never take the same item twice.
			where := append(l.sel.Predicates(), inventoryitem.ProductID(l.product.ID), inventoryitem.StatusEQ(inventory.Available))
			if taken := takenOf(byID, l.product.ID); len(taken) > 0 {
				where = append(where, inventoryitem.IDNotIn(taken...))
			}
			got, err := tx.InventoryItem.Query().
				Where(append(where, database.SkipLocked())...).
				Order(ent.Asc(inventoryitem.FieldID)).Limit(l.qty).
				Select(inventoryitem.FieldID, inventoryitem.FieldName, inventoryitem.FieldProductID,
					inventoryitem.FieldStatus, inventoryitem.FieldPool, inventoryitem.FieldLabels).
				All(sys)
			if err != nil {
				return fmt.Errorf("claim %s: %w", l.product.Sku, err)
			}
			if len(got) < l.qty {
				shortages = append(shortages, shortage(sys, tx.Client(), l, len(got)))
				continue
			}
			items = append(items, got...)
			for k, it := range got {
				byID[it.ID] = l.product
				if k < len(l.each) {
					params[it.ID] = l.each[k]
				}
			}
		}
		if len(shortages) > 0 {
			return apperr.New(apperr.OutOfStock, "%s", strings.Join(shortages, "; "))
		}
		if err := s.bookClaim(sys, tx, now, id, existingID != nil, spec, lim); err != nil {
			return err
		}
		if err := inventory.Transition(sys, tx, now, inventory.Move{Loaded: items, To: inventory.Reserving, Events: leaseEvents,
			From: ptr(inventory.Available), Actor: spec.actor, Reason: fmt.Sprintf("claimed for lease %d", id), LeaseID: &id}); err != nil {
			return err
		}
		creates := make([]*ent.AllocationCreate, len(items))
		for i, it := range items {
			creates[i] = tx.Allocation.Create().SetLeaseID(id).SetItemID(it.ID).SetOwnerID(spec.owner.id).SetCreatedAt(now)
		}
		allocs, err := tx.Allocation.CreateBulk(creates...).Save(sys)
		if err != nil {
			return fmt.Errorf("allocations: %w", err)
		}
		for i, a := range allocs {
			item := toDispenserItem(items[i], byID[items[i].ID])
			item.Parameters = dispenserParameters(params[items[i].ID])
			out = append(out, claimed{allocationID: a.ID, productID: byID[items[i].ID].ID, item: item})
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if created != nil {
		created = created.Unwrap() // outlives its transaction
	}
	return created, out, nil
}

func ptr[T any](v T) *T { return &v }

func toDispenserItem(it *ent.InventoryItem, p *ent.Product) dispenser.Item {
	di := dispenser.Item{ID: it.ID, Name: it.Name, SKU: p.Sku, Tier: p.Tier, Type: p.Type, Size: p.Size, Labels: it.Labels}
	if it.Pool != nil {
		di.Pool = *it.Pool
	}
	if len(p.Attributes) > 0 {
		di.Attributes = map[string]string{}
		for _, a := range p.Attributes {
			di.Attributes[a.Key] = a.Value
		}
	}
	return di
}

// result is one dispenser call's outcome.
type result struct {
	c     claimed
	creds json.RawMessage
	err   error
}

// dispense calls the dispenser for every claimed item in parallel, outside any transaction,
// then runs the second transaction: all vended → the lease is ACTIVE (or, for an expansion,
// keeps its end) with an order written; anything failed → nothing is kept: the lease is
// REJECTED (an expansion is left as it was), items the dispenser touched go to REBUILDING and the
// others back to AVAILABLE. It returns the time of the second transaction.
func (s *Service) dispense(ctx context.Context, id int, o *owner, d duration.Duration, p *plan, items []claimed, actor string, expansion bool) (time.Time, error) {
	if s.afterClaim != nil {
		if err := s.afterClaim(id); err != nil {
			return time.Time{}, err
		}
	}
	start := s.now()
	info := dispenser.Lease{ID: id, User: o.dispenserUser(), Duration: d.String(), StartsAt: start, EndsAt: start.Add(d.Std())}
	if p.booked != nil {
		info.StartsAt, info.EndsAt = p.booked.startAt(start), p.booked.end
	}
	if expansion {
		if l, err := s.client.Lease.Get(database.System(ctx), id); err == nil && l.EndsAt != nil {
			info.EndsAt = *l.EndsAt
			if l.StartsAt != nil {
				info.StartsAt = *l.StartsAt
			}
		}
	}
	results := make([]result, len(items))
	dctx, endDispense := s.phase(ctx, PhaseDispense)
	var wg sync.WaitGroup
	var done atomic.Int32
	s.progress(id, o, 0, len(items))
	for i, c := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cctx, cancel := context.WithTimeout(context.WithoutCancel(dctx), s.cfg.DispenseTimeout.Std())
			defer cancel()
			creds, err := s.dispenser.Vend(cctx, info, c.item)
			results[i] = result{c: c, creds: creds, err: err}
			s.progress(id, o, int(done.Add(1)), len(items))
		}()
	}
	wg.Wait()
	endDispense(firstError(results))

	var failed *result
	for i := range results {
		if results[i].err != nil {
			failed = &results[i]
			break
		}
	}
	if failed == nil {
		return s.activate(ctx, id, o, d, p, results, actor, expansion)
	}
	return time.Time{}, s.unwind(ctx, id, results, failed, actor, expansion)
}

// activate is the second transaction of a successful vend or expansion; it returns its time.
func (s *Service) activateTx(ctx context.Context, id int, o *owner, d duration.Duration, p *plan, results []result, actor string, expansion bool) (time.Time, error) {
	sys := database.System(ctx)
	now := s.now()
	loaded := make([]*ent.InventoryItem, len(results))
	for i, r := range results {
		loaded[i] = &ent.InventoryItem{ID: r.c.item.ID, Name: r.c.item.Name, ProductID: r.c.productID, Status: inventory.Reserving}
	}
	err := s.store.Write(sys, func(tx *database.Tx) error {
		l := &ent.Lease{ID: id, OwnerID: o.id, CostCenterID: o.costCenterID}
		var leaseEvent *ent.EventCreate
		periodStart, periodEnd := now, now.Add(d.Std())
		if p.booked != nil { // a reservation: billed from its actual start to its booked end
			periodStart, periodEnd = p.booked.startAt(now), p.booked.end
		}
		kind := "VEND"
		if expansion {
			var err error
			if l, err = tx.Lease.Get(sys, id); err != nil {
				return err
			}
			if l.Status != Active || l.EndsAt == nil || !l.EndsAt.After(now) {
				return apperr.New(apperr.Conflict, "lease %d ended while it was being expanded", id)
			}
			kind, periodEnd = "EXPAND", *l.EndsAt
			req := append(slices.Clone(l.Request), p.request...)
			if err := tx.Lease.Update().Where(entlease.ID(id)).SetRequest(req).SetUpdatedAt(now).Exec(sys); err != nil {
				return err
			}
			leaseEvent = newEvent(tx, now, id, actor, "expanded", "", "", describe(p.request))
		} else {
			ev, err := moveDeferred(sys, tx, now, id, Pending, Active, actor, "vended", func(u *ent.LeaseUpdate) {
				u.SetStartsAt(periodStart).SetEndsAt(periodEnd).SetAwaitingApproval(false)
			})
			if errors.Is(err, apperr.Conflict) {
				return apperr.New(apperr.DispenserFailed, "the vend took longer than %s and was rolled back", s.cfg.PendingTimeout)
			} else if err != nil {
				return err
			}
			leaseEvent = ev
		}
		if err := inventory.Transition(sys, tx, now, inventory.Move{Loaded: loaded, To: inventory.Leased, Events: []*ent.EventCreate{leaseEvent},
			From: ptr(inventory.Reserving), Actor: actor, Reason: fmt.Sprintf("vended under lease %d", id), LeaseID: &id}); err != nil {
			return err
		}
		for _, r := range results {
			sealed, err := s.box.Seal(r.creds)
			if err != nil {
				return err
			}
			if err := tx.Allocation.Update().Where(allocation.ID(r.c.allocationID)).SetVendedAt(now).SetCredentials(sealed).Exec(sys); err != nil {
				return fmt.Errorf("record credentials: %w", err)
			}
		}
		if err := s.writeOrder(sys, tx, l, kind, p.billed, periodStart, periodEnd, now); err != nil {
			return err
		}
		if expansion {
			return nil
		}
		return s.notice(sys, tx, now, notify.Event{Kind: notify.KindVended, LeaseID: &id,
			Lease: vendedLease(id, o, d, p, results, periodStart, periodEnd)})
	})
	if err != nil && !errors.Is(err, apperr.DispenserFailed) && !errors.Is(err, apperr.Conflict) {
		return time.Time{}, err
	}
	if err != nil {
		// The lease moved on meanwhile (rolled back by the repair, or ended during an
		// expansion): the items were touched, so they are wiped.
		s.release(ctx, id, results, nil, actor)
		return time.Time{}, err
	}
	s.deliver()
	return now, nil
}

// vendedLease is the lease a vend just activated, as its notice describes it, built from what
// the vend already holds rather than read again inside the write transaction.
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

// unwind is the second transaction of a failed vend or expansion.
func (s *Service) unwindTx(ctx context.Context, id int, results []result, failed *result, actor string, expansion bool) error {
	userErr := dispenserError(failed.err)
	msg := userErr.(*apperr.Error).Message
	sys := database.System(ctx)
	err := s.store.Write(sys, func(tx *database.Tx) error {
		now := s.now()
		if err := s.releaseTx(sys, tx, now, results, actor, fmt.Sprintf("lease %d not vended: %s", id, msg)); err != nil {
			return err
		}
		if expansion {
			return event(sys, tx, now, id, actor, "expand-failed", "", "", msg)
		}
		err := move(sys, tx, now, id, Pending, Rejected, actor, msg, func(u *ent.LeaseUpdate) {
			u.SetStatusMessage(msg).SetEndedAt(now)
		})
		if errors.Is(err, apperr.Conflict) {
			return nil // the repair got there first; it released everything
		} else if err != nil {
			return err
		}
		return s.notice(sys, tx, now, notify.Event{Kind: notify.KindRejected, LeaseID: &id, Message: msg})
	})
	if err != nil {
		return err
	}
	s.kickReclaim()
	s.deliver()
	return userErr
}

// release undoes a claim in its own transaction (used when activation found the lease gone).
func (s *Service) release(ctx context.Context, id int, results []result, _ error, actor string) {
	sys := database.System(ctx)
	_ = s.store.Write(sys, func(tx *database.Tx) error {
		return s.releaseTx(sys, tx, s.now(), results, actor, fmt.Sprintf("lease %d rolled back", id))
	})
	s.kickReclaim()
}

// releaseTx releases the allocations of results and puts their items back: REBUILDING where the
// dispenser touched them, AVAILABLE where it did not.
func (s *Service) releaseTx(ctx context.Context, tx *database.Tx, now time.Time, results []result, actor, reason string) error {
	var allocIDs, touched, untouched []int
	for _, r := range results {
		allocIDs = append(allocIDs, r.c.allocationID)
		de, isDispErr := dispenser.AsError(r.err)
		if r.err == nil || !isDispErr || de.Touched {
			touched = append(touched, r.c.item.ID)
		} else {
			untouched = append(untouched, r.c.item.ID)
		}
	}
	if err := tx.Allocation.Update().Where(allocation.IDIn(allocIDs...), allocation.ReleasedAtIsNil()).
		SetReleasedAt(now).Exec(ctx); err != nil {
		return fmt.Errorf("release allocations: %w", err)
	}
	// Only items still RESERVING are ours to move; the repair may have moved them already.
	for _, group := range []struct {
		ids []int
		to  inventory.Status
	}{{touched, inventory.Rebuilding}, {untouched, inventory.Available}} {
		ids, err := tx.InventoryItem.Query().
			Where(inventoryitem.IDIn(group.ids...), database.EqNotIndexed(inventoryitem.FieldStatus, inventory.Reserving)).IDs(ctx)
		if err != nil {
			return err
		}
		if err := inventory.Transition(ctx, tx, now, inventory.Move{ItemIDs: ids, To: group.to, Actor: actor, Reason: reason}); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) kickReclaim() {
	if s.Reclaim != nil {
		s.Reclaim()
	}
}

func describe(lines []schematype.LeaseLine) string {
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = fmt.Sprintf("%d × %s", l.Quantity, l.SKU)
	}
	return strings.Join(parts, ", ")
}

// price is a stack's static total: price per day × quantity × length, rounded up to a minor unit.
// Callers checked the total fits (checkTotals); beyond it the price saturates rather than wraps.
func price(p *ent.Product, qty int, d time.Duration) int {
	t, ok := total(p, qty, d)
	if !ok {
		return int(maxTotal)
	}
	return int(t)
}

// total computes price per day × quantity × seconds / one day, rounded up, and reports whether
// it stays within maxTotal, without overflowing on the way.
func total(p *ent.Product, qty int, d time.Duration) (int64, bool) {
	if d <= 0 {
		return 0, true
	}
	if p.PricePerDay < 0 || qty < 0 {
		return 0, false
	}
	const day = 24 * 60 * 60
	hi, lo := bits.Mul64(uint64(p.PricePerDay), uint64(qty))
	if hi != 0 {
		return 0, false
	}
	hi, lo = bits.Mul64(lo, uint64(d/time.Second)) // a 128-bit numerator
	lo, carry := bits.Add64(lo, day-1, 0)
	hi += carry
	if hi >= day { // the quotient would not fit 64 bits
		return 0, false
	}
	q, _ := bits.Div64(hi, lo, day)
	if q > uint64(maxTotal) {
		return 0, false
	}
	return int64(q), true
}

// writeOrder writes the immutable billing record of a vend, extension or expansion.
func (s *Service) writeOrder(ctx context.Context, tx *database.Tx, l *ent.Lease, kind string, billed []line, from, to, now time.Time) error {
	contents := &bag.Bag{}
	for _, b := range billed {
		p := price(b.product, b.qty, to.Sub(from))
		contents.Add(bag.Stack{ProductID: b.product.ID, Quantity: b.qty, Price: &p, Currency: b.product.Currency})
	}
	if err := contents.RequireNonNegative("order"); err != nil {
		return err
	}
	bagID, err := bag.Save(ctx, tx.Client(), contents, now)
	if err != nil {
		return err
	}
	err = tx.Order.Create().SetKind(kind).SetLeaseID(l.ID).SetNillableCostCenterID(l.CostCenterID).
		SetUserID(l.OwnerID).SetContentsBagID(bagID).SetPeriodStart(from).SetPeriodEnd(to).SetCreatedAt(now).
		SetParameters(orderParameters(billed)).Exec(ctx)
	if err != nil {
		return fmt.Errorf("write order: %w", err)
	}
	return nil
}

// actOn loads a lease for an action by the viewer: the owner, a manager of the lease's cost
// center or an admin may act. Anyone else gets NOT_FOUND, as lease(id) answers them, so that
// mutations cannot tell which ids exist.
func (s *Service) actOn(ctx context.Context, id int, _ string) (viewer.Viewer, *ent.Lease, error) {
	v, l, err := s.viewerAndLease(ctx, id)
	if err != nil {
		return v, nil, err
	}
	if !visible(v, l) {
		return v, nil, notFound(id)
	}
	return v, l, nil
}

// notFound is what a lease the viewer may not see answers: the same as one that does not exist.
func notFound(id int) error { return apperr.New(apperr.NotFound, "lease %d: not found", id) }

// viewerAndLease returns the signed-in viewer and the lease, whoever's it is: the callers decide
// what the viewer may do with it.
func (s *Service) viewerAndLease(ctx context.Context, id int) (viewer.Viewer, *ent.Lease, error) {
	v, err := auth.Require(ctx)
	if err != nil {
		return v, nil, err
	}
	l, err := s.client.Lease.Get(database.System(ctx), id)
	if ent.IsNotFound(err) {
		return v, nil, notFound(id)
	} else if err != nil {
		return v, nil, database.Wrap(err, "lease %d", id)
	}
	return v, l, nil
}

// visible reports whether v may see, and so act on, l (viewer.MaySee): the owner, a manager of
// the lease's cost center, an admin. It is the Lease read policy (schema.LeaseScope) for one
// loaded lease.
func visible(v viewer.Viewer, l *ent.Lease) bool { return v.MaySee(holding(l)) }

// mayOverride reports whether v may decide beyond a product's policy for l (viewer.MayDecide):
// a manager of the lease's cost center or an admin, never on their own lease.
func mayOverride(v viewer.Viewer, l *ent.Lease) bool { return v.MayDecide(holding(l)) }

// mayUse reports whether v may vend p: any catalog product; a custom one only when it was made
// for v or v may see its requester's holdings (viewer.MaySee: their cost center's managers,
// admins), the Product read policy (schema.ProductScope) for one product. To anyone else a
// custom SKU does not exist.
func mayUse(v viewer.Viewer, p *ent.Product) bool {
	if !p.Custom {
		return true
	}
	if p.CustomForID == nil {
		return v.IsAdmin()
	}
	return v.MaySee(viewer.Holding{OwnerID: *p.CustomForID, CostCenterID: p.CustomCostCenterID})
}

// holding is l as the viewer rules see it.
func holding(l *ent.Lease) viewer.Holding {
	return viewer.Holding{OwnerID: l.OwnerID, CostCenterID: l.CostCenterID}
}

// returnLease gives a lease back early: ACTIVE → RETURNED, its items to REBUILDING and
// reclamation triggered at once. A lease still awaiting approval is withdrawn (REJECTED).
func (s *Service) returnLease(ctx context.Context, id int) (*ent.Lease, error) {
	v, l, err := s.actOn(ctx, id, "returnLease")
	if err != nil {
		return nil, err
	}
	sys := database.System(ctx)
	now := s.now()
	switch {
	case l.Status == Pending && l.AwaitingApproval:
		if s.beforeWithdraw != nil {
			s.beforeWithdraw(id)
		}
		err = s.store.Write(sys, func(tx *database.Tx) error {
			// Only while it still awaits: an approval that got in first is being vended, and
			// withdrawing it now would leave the dispenser provisioning for a rejected lease.
			err := move(sys, tx, now, id, Pending, Rejected, v.Name, "withdrawn by "+v.Name, func(u *ent.LeaseUpdate) {
				u.Where(entlease.AwaitingApproval(true)).SetStatusMessage("withdrawn by " + v.Name).SetEndedAt(now).SetAwaitingApproval(false)
			})
			if errors.Is(err, apperr.Conflict) {
				return apperr.New(apperr.Conflict, "lease %d is no longer awaiting approval: it was decided meanwhile", id)
			}
			return err
		})
	case l.Status == Scheduled:
		err = s.store.Write(sys, func(tx *database.Tx) error { return s.cancelBooking(sys, tx, now, id, v.Name) })
	case l.Status == Queued:
		err = s.withdraw(ctx, v, l)
	case l.Status == Pending:
		return nil, apperr.New(apperr.Conflict, "lease %d is being vended; return it once it is ACTIVE", id)
	case l.Status != Active:
		return nil, apperr.New(apperr.Conflict, "lease %d is %s; only an ACTIVE lease can be returned", id, l.Status)
	default:
		err = s.store.Write(sys, func(tx *database.Tx) error {
			if err := s.end(sys, tx, now, l, Returned, v.Name, "returned by "+v.Name); err != nil {
				return err
			}
			return s.notice(sys, tx, now, notify.Event{Kind: notify.KindReturned, LeaseID: &id, Message: "returned by " + v.Name})
		})
	}
	if err != nil {
		return nil, database.Wrap(err, "return lease %d", id)
	}
	s.kickReclaim()
	s.deliver()
	return s.loadAndEmit(ctx, id, "")
}

// end moves an ACTIVE lease to RETURNED or EXPIRED inside tx: allocations released, items to
// REBUILDING for reclamation.
func (s *Service) end(ctx context.Context, tx *database.Tx, now time.Time, l *ent.Lease, to Status, actor, message string) error {
	if err := move(ctx, tx, now, l.ID, Active, to, actor, message, func(u *ent.LeaseUpdate) { u.SetEndedAt(now) }); err != nil {
		return err
	}
	if err := lapseRequests(ctx, tx, now, []int{l.ID}, "the lease was "+strings.ToLower(string(to))+" first"); err != nil {
		return err
	}
	allocs, err := tx.Allocation.Query().Where(allocation.LeaseID(l.ID), allocation.ReleasedAtIsNil()).All(ctx)
	if err != nil {
		return err
	}
	var ids, itemIDs []int
	for _, a := range allocs {
		ids = append(ids, a.ID)
		itemIDs = append(itemIDs, a.ItemID)
	}
	if len(ids) == 0 {
		return nil
	}
	if err := tx.Allocation.Update().Where(allocation.IDIn(ids...)).SetReleasedAt(now).Exec(ctx); err != nil {
		return err
	}
	return inventory.Transition(ctx, tx, now, inventory.Move{ItemIDs: itemIDs, To: inventory.Rebuilding,
		Actor: actor, Reason: fmt.Sprintf("lease %d %s", l.ID, strings.ToLower(string(to))), LeaseID: &l.ID})
}

// billedLines resolves a lease's requested lines (bundles as themselves) for policy and orders.
func (s *Service) billedLines(ctx context.Context, l *ent.Lease) ([]line, error) {
	var skus []string
	qty := map[string]int{}
	vals := map[string][]schematype.ParameterValue{}
	for _, r := range l.Request {
		if _, seen := qty[r.SKU]; !seen {
			skus = append(skus, r.SKU)
		}
		qty[r.SKU] += r.Quantity
		vals[r.SKU] = append(vals[r.SKU], requestValues(r)...)
	}
	prods, err := s.client.Product.Query().Where(product.SkuIn(skus...)).All(database.System(ctx))
	if err != nil {
		return nil, err
	}
	sort.Slice(prods, func(i, j int) bool { return slices.Index(skus, prods[i].Sku) < slices.Index(skus, prods[j].Sku) })
	out := make([]line, len(prods))
	for i, p := range prods {
		out[i] = line{product: p, qty: qty[p.Sku], values: vals[p.Sku]}
	}
	return out, nil
}

// Extend moves an ACTIVE lease's end by `by`. Within each product's policy the owner may;
// beyond maxLifetime, or where extensions need approval, a manager of the cost center or an
// admin may (their action is the approval). The owner asking beyond policy gets an extension
// request instead: the lease keeps its end, returned with the request open, until a manager or
// an admin decides (ApproveExtension, RejectExtension); one request per lease at a time.
func (s *Service) Extend(ctx context.Context, id int, by duration.Duration) (*ent.Lease, error) {
	if by <= 0 {
		return nil, invalid("by: must be positive")
	}
	v, l, err := s.actOn(ctx, id, "extendLease")
	if err != nil {
		return nil, err
	}
	if l.Status != Active || l.EndsAt == nil || l.StartsAt == nil {
		return nil, apperr.New(apperr.Conflict, "lease %d is %s; only an ACTIVE lease can be extended", id, l.Status)
	}
	billed, err := s.billedLines(ctx, l)
	if err != nil {
		return nil, err
	}
	if err := checkTotals(billed, by.Std()); err != nil {
		return nil, err
	}
	newEnd := l.EndsAt.Add(by.Std())
	span := duration.Duration(newEnd.Sub(*l.StartsAt))
	if !mayOverride(v, l) {
		// One ask at a time: while a request awaits its decision the owner waits for it.
		open, err := s.openRequest(ctx, id)
		if err != nil {
			return nil, err
		}
		if open != nil {
			return nil, apperr.New(apperr.Conflict, "lease %d has an extension request awaiting a decision (request %d, by %s); wait for it", id, open.ID, open.By)
		}
		if rule := beyondPolicy(billed, by, span); rule != "" {
			return s.requestExtension(ctx, v, l, by, rule)
		}
	}
	sys := database.System(ctx)
	now := s.now()
	err = s.store.Write(sys, func(tx *database.Tx) error {
		n, err := tx.Lease.Update().Where(entlease.ID(id), entlease.StatusEQ(Active), entlease.EndsAt(*l.EndsAt)).
			SetEndsAt(newEnd).SetUpdatedAt(now).Save(sys)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "lease %d changed meanwhile; try again", id)
		}
		if err := s.extendBookings(sys, tx, l, newEnd); err != nil {
			return err
		}
		if err := event(sys, tx, now, id, v.Name, "extended", "", "",
			fmt.Sprintf("by %s, now ends %s", by, newEnd.Format(time.RFC3339))); err != nil {
			return err
		}
		return s.writeOrder(sys, tx, l, "EXTEND", billed, *l.EndsAt, newEnd, now)
	})
	if err != nil {
		return nil, database.Wrap(err, "extend lease %d", id)
	}
	return s.loadAndEmit(ctx, id, "EXTENDED")
}

// Expand adds items to an ACTIVE lease with the same end, all or nothing.
func (s *Service) Expand(ctx context.Context, id int, lines []*schematype.LeaseLine) (*ent.Lease, error) {
	v, l, err := s.actOn(ctx, id, "expandLease")
	if err != nil {
		return nil, err
	}
	if l.Status != Active || l.EndsAt == nil {
		return nil, apperr.New(apperr.Conflict, "lease %d is %s; only an ACTIVE lease can be expanded", id, l.Status)
	}
	if !l.EndsAt.After(s.now()) {
		return nil, apperr.New(apperr.Conflict, "lease %d has ended", id)
	}
	var req []schematype.LeaseLine
	for _, ln := range lines {
		req = append(req, *ln)
	}
	p, err := s.resolve(ctx, req)
	if err != nil {
		return nil, err
	}
	if err := checkExpansion(p, l, s.now(), mayOverride(v, l)); err != nil {
		return nil, err
	}
	if p.needsApproval() && !mayOverride(v, l) {
		return nil, apperr.New(apperr.PolicyViolation, "adding products that need approval takes a manager or an admin; vend them as a new lease instead")
	}
	o, err := s.loadOwner(ctx, l.OwnerID)
	if err != nil {
		return nil, err
	}
	// The limits are enforced in the claim.
	if err := s.checkDispenser(ctx, o, p, l.Duration); err != nil {
		return nil, err
	}
	spec := newLease{owner: o, plan: p, duration: l.Duration, actor: v.Name}
	octx, err := s.outcomeContext(ctx)
	if err != nil {
		return nil, err
	}
	_, items, err := s.claim(octx, spec, &id)
	if err != nil {
		return nil, err
	}
	if _, err := s.dispense(octx, id, o, l.Duration, p, items, v.Name, true); err != nil {
		return nil, apperr.WithLease(err, id)
	}
	return s.loadAndEmit(octx, id, "EXPANDED")
}

// Approve decides for a lease awaiting approval and vends it. Managers of the owner's cost
// center and admins may; a manager cannot approve their own lease. Out of stock leaves the lease
// PENDING for a later try.
func (s *Service) Approve(ctx context.Context, id int) (*ent.Lease, error) {
	v, l, err := s.decide(ctx, id, "approveLease")
	if err != nil {
		return nil, err
	}
	if l.Status == Scheduled {
		return s.approveBooking(ctx, v, l)
	}
	o, err := s.loadOwner(ctx, l.OwnerID)
	if err != nil {
		return nil, err
	}
	req, err := s.unsealRequest(l.Request)
	if err != nil {
		return nil, err
	}
	p, err := s.resolve(ctx, req)
	if err != nil {
		return nil, err
	}
	// A lease over the limits stays awaiting approval, its decision unrecorded. The claim checks
	// again, serialized with every other claim of the owner.
	if err := s.checkLimits(ctx, o, p); err != nil {
		return nil, err
	}
	// From the decision on, the approval runs to its outcome whatever happens to the request.
	octx, err := s.outcomeContext(ctx)
	if err != nil {
		return nil, err
	}
	sys := database.System(octx)
	now := s.now()
	// Mark the decision first, so the repair sees a lease on the dispenser, not one awaiting.
	err = s.store.Write(sys, func(tx *database.Tx) error {
		n, err := tx.Lease.Update().Where(entlease.ID(id), entlease.StatusEQ(Pending), entlease.AwaitingApproval(true)).
			SetAwaitingApproval(false).SetDecidedBy(v.Name).SetUpdatedAt(now).Save(sys)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "lease %d is no longer awaiting approval", id)
		}
		return event(sys, tx, now, id, v.Name, "approved", "", "", "approved by "+v.Name)
	})
	if err != nil {
		return nil, database.Wrap(err, "approve lease %d", id)
	}
	spec := newLease{owner: o, plan: p, duration: l.Duration, actor: v.Name}
	_, items, err := s.claim(octx, spec, &id)
	if err != nil && l.MaxWait != nil && errors.Is(err, apperr.OutOfStock) {
		// Vended with wait: approved, it waits for items (QUEUED).
		return s.enqueueApproved(octx, id, *l.MaxWait, p, v.Name)
	}
	if err != nil {
		// Put it back to awaiting approval: nothing was claimed.
		_ = s.store.Write(sys, func(tx *database.Tx) error {
			return tx.Lease.UpdateOneID(id).SetAwaitingApproval(true).ClearDecidedBy().SetUpdatedAt(s.now()).Exec(sys)
		})
		return nil, err
	}
	if _, err := s.dispense(octx, id, o, l.Duration, p, items, v.Name, false); err != nil {
		_, _ = s.loadAndEmit(sys, id, "")
		return nil, apperr.WithLease(err, id)
	}
	return s.loadAndEmit(octx, id, "")
}

// Reject turns down a lease awaiting approval, with a reason.
func (s *Service) Reject(ctx context.Context, id int, reason string) (*ent.Lease, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, invalid("reason: say why the lease is rejected")
	}
	v, l, err := s.decide(ctx, id, "rejectLease")
	if err != nil {
		return nil, err
	}
	sys := database.System(ctx)
	now := s.now()
	err = s.store.Write(sys, func(tx *database.Tx) error {
		err := move(sys, tx, now, id, l.Status, Rejected, v.Name, reason, func(u *ent.LeaseUpdate) {
			u.Where(entlease.AwaitingApproval(true)).SetStatusMessage(reason).SetDecidedBy(v.Name).SetEndedAt(now).SetAwaitingApproval(false)
		})
		if err != nil {
			return err
		}
		return s.notice(sys, tx, now, notify.Event{Kind: notify.KindRejected, LeaseID: &id, Message: "rejected by " + v.Name + ": " + reason})
	})
	if err != nil {
		return nil, database.Wrap(err, "reject lease %d", id)
	}
	s.deliver()
	return s.loadAndEmit(ctx, id, "")
}

// decide loads a lease awaiting approval for a decision by the viewer.
func (s *Service) decide(ctx context.Context, id int, action string) (viewer.Viewer, *ent.Lease, error) {
	v, l, err := s.viewerAndLease(ctx, id)
	if err != nil {
		return v, nil, err
	}
	switch {
	case !visible(v, l):
		return v, nil, notFound(id)
	case l.OwnerID == v.UserID:
		return v, nil, apperr.New(apperr.Forbidden, "%s: you cannot decide on your own lease; ask a manager of your cost center or an admin", action)
	case !mayOverride(v, l):
		return v, nil, apperr.New(apperr.Forbidden, "%s: only a manager of the lease's cost center or an admin may decide", action)
	case (l.Status != Pending && l.Status != Scheduled) || !l.AwaitingApproval:
		return v, nil, apperr.New(apperr.Conflict, "lease %d is %s, not awaiting approval", id, l.Status)
	}
	return v, l, nil
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
