package lease

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/bag"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/costcenter"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/schema"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/secret"
	"github.com/hardcandy/hardcandy/viewer"
)

// scripted is a dispenser whose answers a test decides.
type scripted struct {
	dispenser.Dispenser // the simulator, for whatever the test does not script
	mu                  sync.Mutex
	vend                func(item dispenser.Item) (json.RawMessage, error)
	check               func(req dispenser.CheckRequest) error
	calls               int
}

func (s *scripted) Vend(ctx context.Context, l dispenser.Lease, it dispenser.Item) (json.RawMessage, error) {
	s.mu.Lock()
	s.calls++
	f := s.vend
	s.mu.Unlock()
	if f != nil {
		return f(it)
	}
	return s.Dispenser.Vend(ctx, l, it)
}

func (s *scripted) Check(ctx context.Context, req dispenser.CheckRequest) error {
	if s.check != nil {
		return s.check(req)
	}
	return s.Dispenser.Check(ctx, req)
}

type bundle struct {
	st     *database.Store
	client *ent.Client
	store  *database.Store
	clock  *clockwork.FakeClock
	svc    *Service
	disp   *scripted
	box    *secret.Box
	as     map[string]context.Context // demo users: admin, manny, alice, bob
}

// with rebuilds the service with deps, as the server hands them in at construction.
func (b *bundle) with(deps Deps) { b.svc = NewService(b.st, b.clock, b.disp, b.box, Config{}, deps) }

func setup(t testing.TB) *bundle {
	t.Helper()
	return setupAt(t, dbtest.DSN(t, "lease.db"))
}

// setupAt is setup on the database at dsn.
func setupAt(t testing.TB, dsn string) *bundle {
	t.Helper()
	ctx := context.Background()
	st, err := database.Open(ctx, dsn, database.Options{Migrate: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	clock := clockwork.NewFakeClockAt(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	svcs := demo.Services{Client: st.Client, Auth: auth.NewService(st, clock),
		Catalog: catalog.NewService(st, clock), Inventory: inventory.NewService(st, clock)}
	_, err = demo.Load(ctx, svcs)
	require.NoError(t, err)
	sim, err := dispenser.New(dispenser.Config{Driver: "simulator"})
	require.NoError(t, err)
	box, err := secret.New(make([]byte, secret.KeySize))
	require.NoError(t, err)
	d := &scripted{Dispenser: sim}
	b := &bundle{st: st, client: st.Client, store: st, clock: clock, disp: d, box: box, as: map[string]context.Context{},
		svc: NewService(st, clock, d, box, Config{}, Deps{})}
	users, err := st.Client.User.Query().All(database.System(ctx))
	require.NoError(t, err)
	for _, u := range users {
		v := viewer.Viewer{UserID: u.ID, Name: u.Name, Role: viewer.Role(u.Role)}
		if u.CostCenterID != nil {
			v.CostCenterID = *u.CostCenterID
		}
		b.as[u.Name] = viewer.NewContext(ctx, v)
	}
	return b
}

func sku(s string) *string { return &s }

func days(n int) duration.Duration { return duration.Duration(time.Duration(n) * duration.Day) }

func (b *bundle) vend(t *testing.T, who string, in VendInput) *ent.Lease {
	t.Helper()
	l, err := b.svc.Vend(b.as[who], in)
	require.NoError(t, err)
	return l
}

func (b *bundle) invariants(t *testing.T) {
	t.Helper()
	v, err := Violations(context.Background(), b.client)
	require.NoError(t, err)
	require.Empty(t, v)
}

func (b *bundle) items(t *testing.T, leaseID int) []*ent.InventoryItem {
	t.Helper()
	its, err := b.client.InventoryItem.Query().
		Where(inventoryitem.HasAllocationsWith(allocation.LeaseID(leaseID))).All(database.System(context.Background()))
	require.NoError(t, err)
	return its
}

func (b *bundle) statusCounts(t *testing.T) map[inventory.Status]int {
	t.Helper()
	its, err := b.client.InventoryItem.Query().All(database.System(context.Background()))
	require.NoError(t, err)
	out := map[inventory.Status]int{}
	for _, it := range its {
		out[it.Status]++
	}
	return out
}

func (b *bundle) leaseCount(t *testing.T) int {
	t.Helper()
	n, err := b.client.Lease.Query().Count(database.System(context.Background()))
	require.NoError(t, err)
	return n
}

func TestVendOneSKU(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(7), Note: sku("perf lab")})
	require.Equal(t, Active, l.Status)
	require.Equal(t, b.clock.Now(), l.StartsAt.UTC())
	require.Equal(t, b.clock.Now().Add(7*duration.Day), l.EndsAt.UTC())
	its := b.items(t, l.ID)
	require.Len(t, its, 1)
	require.Equal(t, inventory.Leased, its[0].Status)

	// Credentials are sealed at rest and opened only for the owner and admins.
	a, err := b.client.Allocation.Query().Where(allocation.LeaseID(l.ID)).Only(database.System(context.Background()))
	require.NoError(t, err)
	require.NotContains(t, string(*a.Credentials), "ipmi")
	for who, visible := range map[string]bool{"alice": true, "admin": true, "manny": false, "bob": false} {
		c, err := b.svc.Credentials(b.as[who], a)
		require.NoError(t, err)
		require.Equal(t, visible, c != nil, who)
		if visible {
			require.Contains(t, *c, "ipmi_password")
		}
	}

	// One VEND order: price per day × days × quantity.
	orders, err := b.client.Order.Query().All(database.System(context.Background()))
	require.NoError(t, err)
	require.Len(t, orders, 1)
	require.Equal(t, "VEND", orders[0].Kind)
	contents, err := bag.Load(database.System(context.Background()), b.client, orders[0].ContentsBagID)
	require.NoError(t, err)
	st := contents.Stacks()
	require.Len(t, st, 1)
	require.Equal(t, 1, st[0].Quantity)
	require.Equal(t, 7*6000, *st[0].Price)
	require.Equal(t, "USD", st[0].Currency)
	b.invariants(t)
}

func TestVendBundleAndLines(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.vend(t, "alice", VendInput{SKU: sku("4E.lab3"), Duration: days(2)})
	require.Equal(t, Active, l.Status)
	its := b.items(t, l.ID)
	require.Len(t, its, 4, "3 × 4D.small + 1 × 4E.small")
	perSKU := map[int]int{}
	for _, it := range its {
		perSKU[it.ProductID]++
	}
	require.ElementsMatch(t, []int{3, 1}, []int{perSKU[b.productID(t, "4D.small")], perSKU[b.productID(t, "4E.small")]})

	lines := b.vend(t, "bob", VendInput{Lines: []*schematype.LeaseLine{{SKU: "3A.small", Quantity: 2}, {SKU: "1A.org", Quantity: 1}}, Duration: days(1)})
	require.Len(t, b.items(t, lines.ID), 3)
	b.invariants(t)
}

func (b *bundle) productID(t *testing.T, s string) int {
	t.Helper()
	id, err := b.client.Product.Query().Where(product.Sku(s)).OnlyID(database.System(context.Background()))
	require.NoError(t, err)
	return id
}

// TestRefusalsChangeNothing: every policy refusal has its code and message, and leaves no lease
// and no item moved.
func TestRefusalsChangeNothing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		who     string
		in      VendInput
		prepare func(t *testing.T, b *bundle)
		code    apperr.Code
		msg     string
	}{
		{name: "out of stock", who: "alice", in: VendInput{Lines: []*schematype.LeaseLine{{SKU: "2C.small", Quantity: 6}}, Duration: days(1)},
			code: apperr.OutOfStock, msg: "2C.small: 6 requested, 5 available"},
		{name: "bundle out of stock", who: "alice", in: VendInput{Lines: []*schematype.LeaseLine{{SKU: "4E.lab3", Quantity: 5}}, Duration: days(1)},
			prepare: func(t *testing.T, b *bundle) { b.svc.cfg.MaxItemsPerUser = 100 },
			code:    apperr.OutOfStock, msg: "4D.small: 15 requested, 14 available"},
		{name: "too long", who: "alice", in: VendInput{SKU: sku("4D.small"), Duration: days(31)},
			code: apperr.PolicyViolation, msg: "4D.small: a lease lasts at most 30d; asked for 31d"},
		{name: "per-user limit", who: "alice", in: VendInput{Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 11}}, Duration: days(1)},
			code: apperr.PolicyViolation, msg: "per-user limit: alice holds 0 items and asks for 11 more; the limit is 10"},
		{name: "entitlement", who: "alice", in: VendInput{Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 3}}, Duration: days(1)},
			prepare: func(t *testing.T, b *bundle) { b.entitle(t, "ENG", "4D.small", 2) },
			code:    apperr.PolicyViolation, msg: "entitlement: cost center ENG may hold 2 of 4D.small and holds 0; 3 more would exceed it"},
		{name: "dispenser refuses", who: "bob", in: VendInput{SKU: sku("4D.small"), Duration: days(1)},
			prepare: func(t *testing.T, b *bundle) {
				b.disp.check = func(r dispenser.CheckRequest) error {
					return &dispenser.Error{Message: "bob has no lab training", Refused: true}
				}
			},
			code: apperr.PolicyViolation, msg: "refused by the provisioning backend: bob has no lab training"},
		{name: "unknown sku", who: "alice", in: VendInput{SKU: sku("4D.huge"), Duration: days(1)},
			code: apperr.NotFound, msg: `no product "4D.huge"`},
		{name: "bad sku", who: "alice", in: VendInput{SKU: sku("9Z.x"), Duration: days(1)},
			code: apperr.InvalidArgument, msg: "tier must be one of 1-4"},
		{name: "sku and lines", who: "alice", in: VendInput{SKU: sku("4D.small"), Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 1}}, Duration: days(1)},
			code: apperr.InvalidArgument, msg: "either sku or lines"},
		{name: "zero quantity", who: "alice", in: VendInput{Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 0}}, Duration: days(1)},
			code: apperr.InvalidArgument, msg: "quantity: must be 1 to 100"},
		{name: "retired", who: "alice", in: VendInput{SKU: sku("3C.small"), Duration: days(1)},
			prepare: func(t *testing.T, b *bundle) {
				require.NoError(t, b.client.Product.Update().Where(product.Sku("3C.small")).SetRetiredAt(b.clock.Now()).
					Exec(database.System(context.Background())))
			},
			code: apperr.PolicyViolation, msg: "3C.small is retired"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t)
			if tt.prepare != nil {
				tt.prepare(t, b)
			}
			before, leases := b.statusCounts(t), b.leaseCount(t)
			_, err := b.svc.Vend(b.as[tt.who], tt.in)
			require.ErrorIs(t, err, tt.code)
			require.ErrorContains(t, err, tt.msg)
			require.Equal(t, before, b.statusCounts(t))
			require.Equal(t, leases, b.leaseCount(t))
			require.Zero(t, b.disp.calls, "the dispenser was never asked to vend")
			b.invariants(t)
		})
	}
}

// entitle gives a cost center an entitlement for a product.
func (b *bundle) entitle(t *testing.T, cc, s string, n int) {
	t.Helper()
	sys := database.System(context.Background())
	bagID, err := bag.Save(sys, b.client, bag.Of(bag.Stack{ProductID: b.productID(t, s), Quantity: n}), b.clock.Now())
	require.NoError(t, err)
	require.NoError(t, b.client.CostCenter.Update().Where(costcenter.Code(cc)).
		SetEntitlementsBagID(bagID).Exec(sys))
}

// TestDispenserFailure: when one item of a multi-item vend fails, nothing is kept: the lease is
// REJECTED with the dispenser's message, items the dispenser touched go to REBUILDING, the
// others back to AVAILABLE.
func TestDispenserFailure(t *testing.T) {
	t.Parallel()
	for _, touched := range []bool{true, false} {
		t.Run(fmt.Sprintf("touched=%v", touched), func(t *testing.T) {
			t.Parallel()
			b := setup(t)
			b.disp.vend = func(it dispenser.Item) (json.RawMessage, error) {
				if it.Name == "4d-small-02" {
					return nil, &dispenser.Error{Message: "ipmi: BMC unreachable", Touched: touched}
				}
				return json.RawMessage(`{"ok":true}`), nil
			}
			_, err := b.svc.Vend(b.as["alice"], VendInput{Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 3}}, Duration: days(1)})
			require.ErrorIs(t, err, apperr.DispenserFailed)
			require.ErrorContains(t, err, "ipmi: BMC unreachable")
			l, err := b.client.Lease.Query().Only(database.System(context.Background()))
			require.NoError(t, err)
			require.Equal(t, Rejected, l.Status)
			require.Equal(t, "ipmi: BMC unreachable", *l.StatusMessage)
			want := map[string]inventory.Status{"4d-small-01": inventory.Rebuilding, "4d-small-03": inventory.Rebuilding,
				"4d-small-02": inventory.Available}
			if touched {
				want["4d-small-02"] = inventory.Rebuilding
			}
			for name, st := range want {
				it, err := b.client.InventoryItem.Query().Where(inventoryitem.Name(name)).Only(database.System(context.Background()))
				require.NoError(t, err)
				require.Equal(t, st, it.Status, name)
			}
			n, err := b.client.Order.Query().Count(database.System(context.Background()))
			require.NoError(t, err)
			require.Zero(t, n, "no order for a lease that never started")
			b.invariants(t)
		})
	}
}

// TestIdempotency: twenty identical requests at once make one lease; all get it.
func TestIdempotency(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var wg sync.WaitGroup
	ids := make([]int, 20)
	errs := make([]error, 20)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, err := b.svc.Vend(b.as["alice"], VendInput{SKU: sku("4D.small"), Duration: days(1), IdempotencyKey: sku("k-1")})
			errs[i] = err
			if l != nil {
				ids[i] = l.ID
			}
		}()
	}
	wg.Wait()
	for i := range 20 {
		require.NoError(t, errs[i])
		require.Equal(t, ids[0], ids[i])
	}
	require.Equal(t, 1, b.leaseCount(t))
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(1), IdempotencyKey: sku("k-1")})
	require.Equal(t, ids[0], l.ID, "later too")
	other := b.vend(t, "bob", VendInput{SKU: sku("4D.small"), Duration: days(1), IdempotencyKey: sku("k-1")})
	require.NotEqual(t, ids[0], other.ID, "keys are per user")
	b.invariants(t)
}

func TestReturnExtendExpand(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(7)})

	// Someone else's lease: bob is not alice, nor her cost center's manager; for him it does
	// not exist.
	_, err := b.svc.Return(b.as["bob"], l.ID)
	require.ErrorIs(t, err, apperr.NotFound)
	_, err = b.svc.Extend(b.as["bob"], l.ID, days(1))
	require.ErrorIs(t, err, apperr.NotFound)

	// Extend within the lifetime (90d), then beyond it.
	b.clock.Advance(time.Hour)
	ext, err := b.svc.Extend(b.as["alice"], l.ID, days(3))
	require.NoError(t, err)
	require.Equal(t, l.EndsAt.Add(3*duration.Day).UTC(), ext.EndsAt.UTC())
	// Beyond it her ask becomes an extension request: the lease keeps its end.
	asked, err := b.svc.Extend(b.as["alice"], l.ID, days(85))
	require.NoError(t, err)
	require.Equal(t, ext.EndsAt.UTC(), asked.EndsAt.UTC())
	open, err := b.svc.OpenExtensionRequest(b.as["alice"], asked)
	require.NoError(t, err)
	require.Equal(t, days(85), open.By)
	_, err = b.svc.RejectExtension(b.as["manny"], open.ID, "take a new lease")
	require.NoError(t, err)

	// Expand: two more items, same end.
	exp, err := b.svc.Expand(b.as["alice"], l.ID, []*schematype.LeaseLine{{SKU: "4E.small", Quantity: 2}})
	require.NoError(t, err)
	require.Equal(t, ext.EndsAt, exp.EndsAt)
	require.Len(t, b.items(t, l.ID), 3)

	// Her cost center's manager may go beyond: his action is the approval.
	ext, err = b.svc.Extend(b.as["manny"], l.ID, days(85))
	require.NoError(t, err)
	require.Equal(t, l.StartsAt.Add(95*duration.Day).UTC(), ext.EndsAt.UTC())
	kinds := b.orderKinds(t, l.ID)
	require.Equal(t, []string{"VEND", "EXTEND", "EXPAND", "EXTEND"}, kinds)
	b.invariants(t)

	// Return: RETURNED, items to REBUILDING, then reclaimed.
	ret, err := b.svc.Return(b.as["alice"], l.ID)
	require.NoError(t, err)
	require.Equal(t, Returned, ret.Status)
	require.Equal(t, b.clock.Now(), ret.EndedAt.UTC())
	for _, it := range b.items(t, l.ID) {
		require.Equal(t, inventory.Rebuilding, it.Status)
	}
	_, err = b.svc.Return(b.as["alice"], l.ID)
	require.ErrorIs(t, err, apperr.Conflict)
	_, err = b.svc.Extend(b.as["alice"], l.ID, days(1))
	require.ErrorIs(t, err, apperr.Conflict)
	b.invariants(t)
}

func (b *bundle) orderKinds(t *testing.T, leaseID int) []string {
	t.Helper()
	os, err := b.client.Lease.Query().Where(entlease.ID(leaseID)).QueryOrders().Order(ent.Asc("id")).All(database.System(context.Background()))
	require.NoError(t, err)
	var out []string
	for _, o := range os {
		out = append(out, o.Kind)
	}
	return out
}

func TestExtensionNeedsApproval(t *testing.T) {
	t.Parallel()
	b := setup(t)
	require.NoError(t, b.client.Product.Update().Where(product.Sku("4D.small")).SetExtensionRequiresApproval(true).
		Exec(database.System(context.Background())))
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(7)})
	asked, err := b.svc.Extend(b.as["alice"], l.ID, days(1))
	require.NoError(t, err)
	require.Equal(t, l.EndsAt.UTC(), asked.EndsAt.UTC(), "awaiting approval: the end stays")
	open, err := b.svc.OpenExtensionRequest(b.as["alice"], asked)
	require.NoError(t, err)
	require.NotNil(t, open)
	_, err = b.svc.Extend(b.as["manny"], l.ID, days(1))
	require.NoError(t, err)
}

func TestApproval(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.large"), Duration: days(3)})
	require.Equal(t, Pending, l.Status)
	require.True(t, l.AwaitingApproval)
	require.Zero(t, b.disp.calls)

	_, err := b.svc.Approve(b.as["bob"], l.ID)
	require.ErrorIs(t, err, apperr.NotFound)
	_, err = b.svc.Approve(b.as["alice"], l.ID)
	require.ErrorIs(t, err, apperr.Forbidden)
	ok, err := b.svc.Approve(b.as["manny"], l.ID)
	require.NoError(t, err)
	require.Equal(t, Active, ok.Status)
	require.Equal(t, "manny", *ok.DecidedBy)
	_, err = b.svc.Approve(b.as["manny"], l.ID)
	require.ErrorIs(t, err, apperr.Conflict)

	// A manager cannot approve his own; an admin can reject it with a reason.
	own := b.vend(t, "manny", VendInput{SKU: sku("4D.large"), Duration: days(3)})
	_, err = b.svc.Approve(b.as["manny"], own.ID)
	require.ErrorIs(t, err, apperr.Forbidden)
	_, err = b.svc.Reject(b.as["admin"], own.ID, " ")
	require.ErrorIs(t, err, apperr.InvalidArgument)
	rej, err := b.svc.Reject(b.as["admin"], own.ID, "budget freeze")
	require.NoError(t, err)
	require.Equal(t, Rejected, rej.Status)
	require.Equal(t, "budget freeze", *rej.StatusMessage)

	// The owner may withdraw a lease awaiting approval.
	w := b.vend(t, "alice", VendInput{SKU: sku("4D.large"), Duration: days(3)})
	wd, err := b.svc.Return(b.as["alice"], w.ID)
	require.NoError(t, err)
	require.Equal(t, Rejected, wd.Status)
	b.invariants(t)
}

// TestCrashBetweenTransactions: a process that dies after claiming leaves a PENDING lease and
// RESERVING items; the repair rolls them back once the timeout has passed, and every invariant
// holds again.
func TestCrashBetweenTransactions(t *testing.T) {
	t.Parallel()
	b := setup(t)
	errCrash := errors.New("process killed")
	b.svc.afterClaim = func(int) error { return errCrash }
	_, err := b.svc.Vend(b.as["alice"], VendInput{Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 2}}, Duration: days(1)})
	require.ErrorIs(t, err, errCrash)
	b.svc.afterClaim = nil
	require.Equal(t, 2, b.statusCounts(t)[inventory.Reserving])
	v, err := Violations(context.Background(), b.client)
	require.NoError(t, err)
	require.Empty(t, v, "RESERVING with an unvended allocation is a consistent in-between state")

	n, err := b.svc.Repair(context.Background(), b.clock.Now().Add(time.Minute))
	require.NoError(t, err)
	require.Zero(t, n, "nothing is repaired before the timeout")

	b.clock.Advance(11 * time.Minute)
	n, err = b.svc.Repair(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 1, n)
	l, err := b.client.Lease.Query().Only(database.System(context.Background()))
	require.NoError(t, err)
	require.Equal(t, Rejected, l.Status)
	require.Contains(t, *l.StatusMessage, "interrupted")
	counts := b.statusCounts(t)
	require.Zero(t, counts[inventory.Reserving])
	require.Equal(t, 2, counts[inventory.Rebuilding], "the dispenser may have touched them")
	b.invariants(t)

	n, err = b.svc.Repair(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n, "idempotent")
}

// TestOrdersAreImmutable: no path may update or delete an order.
func TestOrdersAreImmutable(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(1)})
	sys := database.System(context.Background())
	o, err := b.client.Order.Query().Only(sys)
	require.NoError(t, err)
	require.ErrorIs(t, b.client.Order.UpdateOne(o).Exec(sys), schema.ErrOrderImmutable)
	require.ErrorIs(t, b.client.Order.DeleteOne(o).Exec(sys), schema.ErrOrderImmutable)
	_, err = b.client.Order.Delete().Exec(sys)
	require.ErrorIs(t, err, schema.ErrOrderImmutable)
	// Retiring the product leaves the order as it was.
	require.NoError(t, b.client.Product.Update().Where(product.Sku("4D.small")).SetRetiredAt(b.clock.Now()).Exec(sys))
	again, err := b.client.Order.Get(sys, o.ID)
	require.NoError(t, err)
	require.Equal(t, o.ContentsBagID, again.ContentsBagID)
}

// TestLeaseStateMachine: every pair of lease statuses against the table.
func TestLeaseStateMachine(t *testing.T) {
	t.Parallel()
	allowed := 0
	for _, from := range Machine.States() {
		for _, to := range Machine.States() {
			err := Machine.Check(from, to)
			if Machine.Allowed(from, to) {
				allowed++
				require.NoError(t, err)
				continue
			}
			require.ErrorIs(t, err, apperr.Conflict)
			require.ErrorContains(t, err, fmt.Sprintf("from %s to %s", from, to))
		}
	}
	require.Equal(t, 9, allowed) // SCHEDULED → PENDING, REJECTED; PENDING → ACTIVE, REJECTED, QUEUED; ACTIVE → EXPIRED, RETURNED; QUEUED → PENDING, REJECTED
}

// TestApprovalMachine: a decision, a withdrawal or the lease's start or end settles an awaiting
// lease; a failed approval reopens it; nothing else moves the sub-state.
func TestApprovalMachine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		from, to Approval
		allowed  bool
	}{
		{Awaiting, Settled, true},
		{Settled, Awaiting, true},
		{Awaiting, Awaiting, false},
		{Settled, Settled, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s to %s", tt.from, tt.to), func(t *testing.T) {
			t.Parallel()
			err := Approvals.Check(tt.from, tt.to)
			require.Equal(t, tt.allowed, Approvals.Allowed(tt.from, tt.to))
			if tt.allowed {
				require.NoError(t, err)
				require.NotPanics(t, func() { mustApprovalMove(tt.from, tt.to) })
				return
			}
			require.ErrorIs(t, err, apperr.Conflict)
			require.Panics(t, func() { mustApprovalMove(tt.from, tt.to) })
		})
	}
	require.Equal(t, Awaiting, approvalOf(&ent.Lease{AwaitingApproval: true}))
	require.Equal(t, Settled, approvalOf(&ent.Lease{}))
}

// The vended notice is written from what the vend holds in memory; it must say exactly what the
// outbox would write after reading the lease back.
func TestVendedNoticeMatchesStoredLease(t *testing.T) {
	t.Parallel()
	b := setup(t)
	outbox := notify.NewOutbox(notify.Config{})
	b.with(Deps{Notices: outbox})
	l := b.vend(t, "bob", VendInput{Lines: []*schematype.LeaseLine{{SKU: "3A.small", Quantity: 2}, {SKU: "4E.lab3", Quantity: 1}}, Duration: days(1)})
	sys := database.System(context.Background())
	written, err := b.client.Notice.Query().Where(notice.LeaseID(l.ID), notice.Kind(notify.KindVended)).Only(sys)
	require.NoError(t, err)

	// Written again in a transaction that is rolled back: only read back.
	errReadBack := errors.New("read back")
	var reread *ent.Notice
	err = b.st.Write(sys, func(tx *database.Tx) error {
		if err := outbox.Enqueue(sys, tx, b.clock.Now(), notify.Event{Kind: notify.KindVended, LeaseID: &l.ID}); err != nil {
			return err
		}
		reread, err = tx.Notice.Query().Where(notice.LeaseID(l.ID), notice.Kind(notify.KindVended), notice.IDNEQ(written.ID)).Only(sys)
		if err != nil {
			return err
		}
		return errReadBack
	})
	require.ErrorIs(t, err, errReadBack)
	require.JSONEq(t, string(reread.Payload), string(written.Payload))
	require.Contains(t, string(written.Payload), `"sku":"4E.small"`, "a bundle's components are described")
}

// A vend answers with the lease from memory: it must be the lease as stored, field for field,
// on either database (Postgres keeps microseconds, hence a clock between them).
func TestVendAnswersTheStoredLease(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.clock.Advance(1234567891 * time.Nanosecond)
	note, key := "for the demo", "k-1"
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(2), Note: &note, IdempotencyKey: &key})
	require.Equal(t, Active, l.Status)
	stored, err := b.client.Lease.Get(database.System(context.Background()), l.ID)
	require.NoError(t, err)
	answered, err := json.Marshal(l)
	require.NoError(t, err)
	reread, err := json.Marshal(stored)
	require.NoError(t, err)
	require.JSONEq(t, string(reread), string(answered))
	n, err := l.QueryAllocations().Count(b.as["alice"])
	require.NoError(t, err, "the answer's edges load through the client, not its finished transaction")
	require.Equal(t, 1, n)
}

// TestVendDefaultDuration: a vend that names no duration gets the product's defaultDuration; of
// several lines, the smallest; a product with none needs one named. A product whose maximum is
// below a week vends with its own default, not a week.
func TestVendDefaultDuration(t *testing.T) {
	t.Parallel()
	b := setup(t)
	sys := database.System(context.Background())
	now := b.clock.Now()

	l := b.vend(t, "alice", VendInput{SKU: sku("3A.small")})
	require.Equal(t, days(14), l.Duration, "3A.small's default")
	require.WithinDuration(t, now.Add(14*duration.Day), *l.EndsAt, time.Second)

	l = b.vend(t, "alice", VendInput{Lines: []*schematype.LeaseLine{{SKU: "3A.small", Quantity: 1}, {SKU: "4D.small", Quantity: 1}}})
	require.Equal(t, days(7), l.Duration, "the smallest default of the lines")

	require.NoError(t, b.client.Product.Update().Where(product.Sku("3C.small")).
		SetDefaultDuration(days(1)).SetMaxDuration(days(1)).Exec(sys))
	l = b.vend(t, "alice", VendInput{SKU: sku("3C.small")})
	require.Equal(t, days(1), l.Duration)

	require.NoError(t, b.client.Product.Update().Where(product.Sku("3C.small")).ClearDefaultDuration().Exec(sys))
	_, err := b.svc.Vend(b.as["alice"], VendInput{SKU: sku("3C.small")})
	require.ErrorIs(t, err, apperr.InvalidArgument)
	require.Contains(t, err.Error(), "duration: required, as 3C.small has no default duration")
	_, err = b.svc.Vend(b.as["alice"], VendInput{SKU: sku("3C.small"), Duration: days(2)})
	require.ErrorIs(t, err, apperr.PolicyViolation, "a named duration is checked as before")
}

// TestVendErrorsNameTheFieldSent: a vend of one SKU names `sku` in its errors, one of lines
// names the line.
func TestVendErrorsNameTheFieldSent(t *testing.T) {
	t.Parallel()
	b := setup(t)
	_, err := b.svc.Vend(b.as["alice"], VendInput{SKU: sku("4D.huge"), Duration: days(1)})
	require.ErrorIs(t, err, apperr.NotFound)
	require.Contains(t, err.Error(), `sku: no product "4D.huge"`)
	require.NotContains(t, err.Error(), "lines[0]")
	_, err = b.svc.Vend(b.as["alice"], VendInput{SKU: sku("not a sku"), Duration: days(1)})
	require.ErrorIs(t, err, apperr.InvalidArgument)
	e, _ := apperr.As(err)
	require.Regexp(t, `^sku: `, e.Message)
	_, err = b.svc.Vend(b.as["alice"], VendInput{Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 1}, {SKU: "4D.huge", Quantity: 1}}, Duration: days(1)})
	require.Contains(t, err.Error(), `lines[1].sku: no product "4D.huge"`)
}

// TestFailedExpandAndApproveNameTheirLease: like a vend, an expansion or an approval the backend
// fails carries the lease it leaves behind (extensions.leaseId over GraphQL): the expanded lease
// unchanged and ACTIVE, the approved one REJECTED with the backend's message.
func TestFailedExpandAndApproveNameTheirLease(t *testing.T) {
	t.Parallel()
	b := setup(t)
	sys := database.System(context.Background())
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(2)})
	pending := b.vend(t, "alice", VendInput{SKU: sku("4D.large"), Duration: days(2)})
	require.Equal(t, Pending, pending.Status)
	b.disp.vend = func(dispenser.Item) (json.RawMessage, error) {
		return nil, &dispenser.Error{Message: "rack on fire", Touched: false}
	}
	_, err := b.svc.Expand(b.as["alice"], l.ID, []*schematype.LeaseLine{{SKU: "4E.small", Quantity: 1}})
	require.ErrorIs(t, err, apperr.DispenserFailed)
	require.Equal(t, l.ID, apperr.LeaseOf(err))
	got, err := b.client.Lease.Get(sys, l.ID)
	require.NoError(t, err)
	require.Equal(t, Active, got.Status)

	_, err = b.svc.Approve(b.as["manny"], pending.ID)
	require.ErrorIs(t, err, apperr.DispenserFailed)
	require.Equal(t, pending.ID, apperr.LeaseOf(err))
	got, err = b.client.Lease.Get(sys, pending.ID)
	require.NoError(t, err)
	require.Equal(t, Rejected, got.Status)
	require.Contains(t, *got.StatusMessage, "rack on fire")
}
