// This file holds the vend flow: resolving a request, claiming items, calling the dispenser and
// confirming or failing the vend in its second transaction.

package lease

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

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
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/viewer"
)

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
	prods, err := s.client.Product.Query().Where(product.SkuIn(skus...)).All(ctx)
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
			comps, err := bag.Load(ctx, s.client, *pr.ComponentsBagID)
			if err != nil {
				return nil, err
			}
			for _, st := range comps.Stacks() {
				cp, err := s.client.Product.Get(ctx, st.ProductID)
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
	u, err := s.client.User.Query().Where(user.ID(id)).WithCostCenter().Only(ctx)
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
	v, ctx, err := auth.Authorized(ctx)
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
		_, _ = s.loadAndEmit(octx, created.ID, "")
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
	l, err := s.client.Lease.Query().Where(entlease.OwnerID(userID), entlease.IdempotencyKey(key)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lease by idempotency key: %w", err)
	}
	return s.load(ctx, l.ID)
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

func (s *Service) createAwaitingApproval(sys context.Context, spec newLease) (int, error) {
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
	cr := approvalAtCreate(tx.Lease.Create(), awaiting).SetOwnerID(spec.owner.id).SetNillableCostCenterID(spec.owner.costCenterID).
		SetStatus(Pending).SetDuration(spec.duration).
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
func (s *Service) claimTx(sys context.Context, spec newLease, existingID *int) (*ent.Lease, []claimed, error) {
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
	// First with the products' locks shared, then, when holdCapacity finds that unsafe, again
	// with them exclusive (errExclusive).
	shared := true
	claim := func(tx *database.Tx) error {
		id, created, out = 0, nil, nil
		if spec.serving {
			// Off the waiting list first, under its locks (taken before the owner's).
			if err := s.takeFromQueue(sys, tx, now, *existingID, spec.actor); err != nil {
				return err
			}
		}
		// First, before anything is written or locked: what the owner and the cost center
		// hold, counted one claim at a time.
		// A new lease vended now books [now, now + duration) (bookClaim): its owner's
		// bookings are read with the count.
		var window time.Time
		if existingID == nil && !spec.plan.replacing && spec.plan.booked == nil {
			window = now.Add(spec.duration.Std())
		}
		if err := s.holdLimits(sys, tx, lim, now, window); err != nil {
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
			// A line narrowed to a pool or labels (select.go) adds their predicates; lines of
			// one product never take the same item twice. Nothing is taken past a waiting list
			// (queue.go), which the same statement looks at.
			where := append(l.sel.Predicates(), inventoryitem.ProductID(l.product.ID), inventoryitem.StatusEQ(inventory.Available))
			if taken := takenOf(byID, l.product.ID); len(taken) > 0 {
				where = append(where, inventoryitem.IDNotIn(taken...))
			}
			if !spec.serving {
				where = append(where, noneWaiting(l.product.ID))
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
				if ahead, err := queueAhead(sys, tx, spec, l); err != nil {
					return err
				} else if ahead != "" {
					shortages = append(shortages, ahead)
					continue
				}
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
		if err := s.bookClaim(sys, tx, now, id, existingID != nil, spec, lim, shared); err != nil {
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
			item := inventory.DispenserItem(items[i], byID[items[i].ID])
			item.Parameters = dispenserParameters(params[items[i].ID])
			out = append(out, claimed{allocationID: a.ID, productID: byID[items[i].ID].ID, item: item})
		}
		return nil
	}
	err = s.store.Write(sys, claim)
	if errors.Is(err, errExclusive) {
		shared = false
		err = s.store.Write(sys, claim)
	}
	if err != nil {
		return nil, nil, err
	}
	if created != nil {
		created = created.Unwrap() // outlives its transaction
	}
	return created, out, nil
}

func ptr[T any](v T) *T { return &v }

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
		if l, err := s.client.Lease.Get(ctx, id); err == nil && l.EndsAt != nil {
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
func (s *Service) activateTx(sys context.Context, id int, o *owner, d duration.Duration, p *plan, results []result, actor string, expansion bool) (time.Time, error) {
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
				approvalSettled(u).SetStartsAt(periodStart).SetEndsAt(periodEnd)
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
		s.release(sys, id, results, actor)
		return time.Time{}, err
	}
	s.deliver()
	return now, nil
}

// unwind is the second transaction of a failed vend or expansion.
func (s *Service) unwindTx(sys context.Context, id int, results []result, failed *result, actor string, expansion bool) error {
	userErr := dispenserError(failed.err)
	msg := userErr.(*apperr.Error).Message
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
func (s *Service) release(sys context.Context, id int, results []result, actor string) {
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
			Where(inventoryitem.IDIn(group.ids...), database.StillIn(inventoryitem.FieldStatus, inventory.Reserving)).IDs(ctx)
		if err != nil {
			return err
		}
		if err := inventory.Transition(ctx, tx, now, inventory.Move{ItemIDs: ids, To: group.to, Actor: actor, Reason: reason}); err != nil {
			return err
		}
	}
	return nil
}

func describe(lines []schematype.LeaseLine) string {
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = fmt.Sprintf("%d × %s", l.Quantity, l.SKU)
	}
	return strings.Join(parts, ", ")
}
