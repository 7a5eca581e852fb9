package lease

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/inventory"
)

// endable is a request's context that the test ends when it wants: Err then reports err (a
// deadline that passed, or a client that hung up), without any real timer deciding anything.
type endable struct {
	context.Context
	done chan struct{}
	once sync.Once
	err  error
}

func newEndable(parent context.Context) *endable {
	return &endable{Context: parent, done: make(chan struct{})}
}

func (c *endable) end(err error) {
	c.once.Do(func() {
		c.err = err
		close(c.done)
	})
}

func (c *endable) Done() <-chan struct{} { return c.done }

func (c *endable) Err() error {
	select {
	case <-c.done:
		return c.err
	default:
		return nil
	}
}

// gate holds every dispenser vend until released, and tells when one has started.
type gate struct {
	entered chan struct{}
	release chan struct{}
	fail    bool
}

func (b *bundle) gate(fail bool) *gate {
	g := &gate{entered: make(chan struct{}, 100), release: make(chan struct{}), fail: fail}
	b.disp.mu.Lock()
	b.disp.vend = func(dispenser.Item) (json.RawMessage, error) {
		g.entered <- struct{}{}
		<-g.release
		if g.fail {
			return nil, &dispenser.Error{Message: "the backend gave up after the request", Touched: true}
		}
		return json.RawMessage(`{"host":"10.0.0.7"}`), nil
	}
	b.disp.mu.Unlock()
	return g
}

func (b *bundle) leaseStatus(t *testing.T, id int) Status {
	t.Helper()
	l, err := b.client.Lease.Get(database.System(context.Background()), id)
	require.NoError(t, err)
	return l.Status
}

// TestVendOutlivesItsRequest: once the dispenser is called, the outcome is recorded whatever
// happens to the request. A backend answering after the request's deadline, or after the client
// hung up, leaves the lease ACTIVE with its items LEASED (or REJECTED with its items unwound),
// never PENDING with items RESERVING; the same idempotency key then returns that lease, and a
// failure names the lease it left behind.
func TestVendOutlivesItsRequest(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		end  error
		fail bool
	}{
		{"deadline passes, backend ok", context.DeadlineExceeded, false},
		{"client hangs up, backend ok", context.Canceled, false},
		{"deadline passes, backend fails", context.DeadlineExceeded, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t)
			g := b.gate(tt.fail)
			req := newEndable(b.as["alice"])
			key := "k-slow"
			type answer struct {
				l   *ent.Lease
				err error
			}
			done := make(chan answer, 1)
			go func() {
				l, err := b.svc.Vend(req, VendInput{SKU: sku("4D.small"), Duration: days(1), IdempotencyKey: &key})
				done <- answer{l, err}
			}()
			<-g.entered
			req.end(tt.end) // the request is over while the backend still works
			close(g.release)
			got := <-done

			l, err := b.client.Lease.Query().Only(database.System(context.Background()))
			require.NoError(t, err)
			items := b.items(t, l.ID)
			require.Len(t, items, 1)
			if tt.fail {
				require.ErrorIs(t, got.err, apperr.DispenserFailed)
				require.Equal(t, l.ID, apperr.LeaseOf(got.err), "the error names the lease to read")
				require.Equal(t, Rejected, l.Status)
				require.Equal(t, inventory.Rebuilding, items[0].Status, "touched: wiped before reuse")
			} else {
				require.NoError(t, got.err)
				require.Equal(t, Active, l.Status)
				require.Equal(t, inventory.Leased, items[0].Status)
			}
			again, err := b.svc.Vend(b.as["alice"], VendInput{SKU: sku("4D.small"), Duration: days(1), IdempotencyKey: &key})
			require.NoError(t, err)
			require.Equal(t, l.ID, again.ID, "the same key returns the outcome")
			require.Equal(t, l.Status, again.Status)
			require.Equal(t, 1, b.leaseCount(t))
			b.invariants(t)
		})
	}
}

// TestExpandAndApproveOutliveTheirRequests: the same for the other two paths that call the
// dispenser.
func TestExpandAndApproveOutliveTheirRequests(t *testing.T) {
	t.Parallel()
	t.Run("expand", func(t *testing.T) {
		t.Parallel()
		b := setup(t)
		l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(3)})
		g := b.gate(false)
		req := newEndable(b.as["alice"])
		done := make(chan error, 1)
		go func() {
			_, err := b.svc.Expand(req, l.ID, []*schematype.LeaseLine{{SKU: "4E.small", Quantity: 1}})
			done <- err
		}()
		<-g.entered
		req.end(context.Canceled)
		close(g.release)
		require.NoError(t, <-done)
		its := b.items(t, l.ID)
		require.Len(t, its, 2)
		for _, it := range its {
			require.Equal(t, inventory.Leased, it.Status, it.Name)
		}
		require.Equal(t, []string{"VEND", "EXPAND"}, b.orderKinds(t, l.ID))
		b.invariants(t)
	})
	t.Run("approve", func(t *testing.T) {
		t.Parallel()
		b := setup(t)
		l := b.vend(t, "alice", VendInput{SKU: sku("4D.large"), Duration: days(3)})
		g := b.gate(false)
		req := newEndable(b.as["manny"])
		done := make(chan error, 1)
		go func() {
			_, err := b.svc.Approve(req, l.ID)
			done <- err
		}()
		<-g.entered
		req.end(context.DeadlineExceeded)
		close(g.release)
		require.NoError(t, <-done)
		require.Equal(t, Active, b.leaseStatus(t, l.ID))
		require.Equal(t, inventory.Leased, b.items(t, l.ID)[0].Status)
		b.invariants(t)
	})
	t.Run("a request already over claims nothing", func(t *testing.T) {
		t.Parallel()
		b := setup(t)
		req := newEndable(b.as["alice"])
		req.end(context.Canceled)
		before := b.statusCounts(t)
		_, err := b.svc.Vend(req, VendInput{SKU: sku("4D.small"), Duration: days(1)})
		require.ErrorIs(t, err, context.Canceled)
		require.Equal(t, before, b.statusCounts(t))
		require.Zero(t, b.disp.calls)
	})
}

// TestNoOverrideOnOwnLease: a manager's (or an admin's) action is an approval only on someone
// else's lease. On their own, every path applies the product's policy as for any user: expand
// with products that need approval, extend beyond maxLifetime or where extensions need
// approval, approve.
func TestNoOverrideOnOwnLease(t *testing.T) {
	t.Parallel()
	for _, who := range []string{"manny", "admin"} {
		t.Run(who, func(t *testing.T) {
			t.Parallel()
			b := setup(t)
			own := b.vend(t, who, VendInput{SKU: sku("4D.small"), Duration: days(7)})
			_, err := b.svc.Expand(b.as[who], own.ID, []*schematype.LeaseLine{{SKU: "4D.large", Quantity: 1}})
			require.ErrorIs(t, err, apperr.PolicyViolation)
			require.ErrorContains(t, err, "need approval")
			// Beyond maxLifetime their extend is a request like anyone's, which they cannot decide.
			asked, err := b.svc.Extend(b.as[who], own.ID, days(85))
			require.NoError(t, err)
			require.Equal(t, own.EndsAt.UTC(), asked.EndsAt.UTC())
			open, err := b.svc.OpenExtensionRequest(b.as[who], asked)
			require.NoError(t, err)
			require.NotNil(t, open)
			_, err = b.svc.ApproveExtension(b.as[who], open.ID)
			require.ErrorIs(t, err, apperr.Forbidden)
			require.ErrorContains(t, err, "your own extension")
			_, err = b.svc.RejectExtension(b.as[who], open.ID, "no")
			require.ErrorIs(t, err, apperr.Forbidden)
			require.Equal(t, own.EndsAt.UTC(), b.lease(t, own.ID).EndsAt.UTC())
			_, err = b.svc.RejectExtension(b.as[other(who)], open.ID, "too long")
			require.NoError(t, err)

			sys := database.System(context.Background())
			require.NoError(t, b.client.Product.Update().Where(product.Sku("4D.small")).SetExtensionRequiresApproval(true).Exec(sys))
			asked, err = b.svc.Extend(b.as[who], own.ID, days(1))
			require.NoError(t, err)
			require.Equal(t, own.EndsAt.UTC(), asked.EndsAt.UTC(), "extensions need a manager's approval: asked, not extended")

			pending := b.vend(t, who, VendInput{SKU: sku("4D.large"), Duration: days(3)})
			_, err = b.svc.Approve(b.as[who], pending.ID)
			require.ErrorIs(t, err, apperr.Forbidden)
			require.ErrorContains(t, err, "your own lease")
			require.Equal(t, Pending, b.leaseStatus(t, pending.ID))
			require.Len(t, b.items(t, own.ID), 1, "nothing was added")

			// On alice's lease (their cost center's) the same actions are the approval.
			hers := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(7)})
			_, err = b.svc.Extend(b.as[who], hers.ID, days(85))
			require.NoError(t, err)
			_, err = b.svc.Expand(b.as[who], hers.ID, []*schematype.LeaseLine{{SKU: "4D.large", Quantity: 1}})
			require.ErrorIs(t, err, apperr.PolicyViolation, "4D.large lasts at most 14d, hers has 92d left")
			b.invariants(t)
		})
	}
}

// other is who decides for who's own lease in TestNoOverrideOnOwnLease: the admin for the
// manager, the cost center's manager for the admin.
func other(who string) string {
	if who == "admin" {
		return "manny"
	}
	return "admin"
}

func (b *bundle) lease(t *testing.T, id int) *ent.Lease {
	t.Helper()
	l, err := b.client.Lease.Get(database.System(context.Background()), id)
	require.NoError(t, err)
	return l
}

// TestOthersLeasesAreNotFound: acting on a lease one may not see answers exactly what an id that
// does not exist answers, on every mutation, so ids cannot be probed.
func TestOthersLeasesAreNotFound(t *testing.T) {
	t.Parallel()
	b := setup(t)
	active := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(7)})
	awaiting := b.vend(t, "alice", VendInput{SKU: sku("4D.large"), Duration: days(3)})
	missing := awaiting.ID + 1000
	actions := map[string]func(id int) error{
		"return": func(id int) error { _, err := b.svc.Return(b.as["bob"], id); return err },
		"extend": func(id int) error { _, err := b.svc.Extend(b.as["bob"], id, days(1)); return err },
		"expand": func(id int) error {
			_, err := b.svc.Expand(b.as["bob"], id, []*schematype.LeaseLine{{SKU: "4E.small", Quantity: 1}})
			return err
		},
		"approve": func(id int) error { _, err := b.svc.Approve(b.as["bob"], id); return err },
		"reject":  func(id int) error { _, err := b.svc.Reject(b.as["bob"], id, "no"); return err },
	}
	for name, act := range actions {
		for _, id := range []int{active.ID, awaiting.ID} {
			err := act(id)
			require.ErrorIs(t, err, apperr.NotFound, "%s %d", name, id)
			gone := act(missing)
			require.ErrorIs(t, gone, apperr.NotFound)
			require.Equal(t, apperr.CodeOf(gone), apperr.CodeOf(err))
			e, _ := apperr.As(err)
			require.Regexp(t, `^lease \d+: not found$`, e.Message, name)
		}
	}
	require.Equal(t, Active, b.leaseStatus(t, active.ID))
	require.Equal(t, Pending, b.leaseStatus(t, awaiting.ID))
	// A user who may see her own lease but not decide it is told so.
	_, err := b.svc.Approve(b.as["alice"], awaiting.ID)
	require.ErrorIs(t, err, apperr.Forbidden)
}

// TestExpandAppliesDurationRules: a product added to a lease keeps its own rules: its min and max
// duration apply to the time the lease has left, its maxLifetime to the lease's whole span.
func TestExpandAppliesDurationRules(t *testing.T) {
	t.Parallel()
	b := setup(t)
	sys := database.System(context.Background())
	day := func(n int) *duration.Duration { d := days(n); return &d }
	require.NoError(t, b.client.Product.Update().Where(product.Sku("4E.small")).
		SetMaxDuration(*day(1)).SetMaxLifetime(*day(4)).Exec(sys))
	require.NoError(t, b.client.Product.Update().Where(product.Sku("3A.small")).SetMinDuration(*day(5)).Exec(sys))

	long := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(10)})
	_, err := b.svc.Expand(b.as["alice"], long.ID, []*schematype.LeaseLine{{SKU: "4E.small", Quantity: 1}})
	require.ErrorIs(t, err, apperr.PolicyViolation)
	require.ErrorContains(t, err, "4E.small: a lease lasts at most 1d; lease")
	require.ErrorContains(t, err, "has 10d left")

	short := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(2)})
	_, err = b.svc.Expand(b.as["alice"], short.ID, []*schematype.LeaseLine{{SKU: "3A.small", Quantity: 1}})
	require.ErrorIs(t, err, apperr.PolicyViolation)
	require.ErrorContains(t, err, "3A.small: a lease lasts at least 5d")

	// Extended by a day and ten days in: 1d left of an 11d span, beyond 4E.small's 4d lifetime.
	b.clock.Advance(5 * duration.Day)
	_, err = b.svc.Extend(b.as["alice"], long.ID, days(1))
	require.NoError(t, err)
	b.clock.Advance(5 * duration.Day)
	_, err = b.svc.Expand(b.as["alice"], long.ID, []*schematype.LeaseLine{{SKU: "4E.small", Quantity: 1}})
	require.ErrorIs(t, err, apperr.PolicyViolation)
	require.ErrorContains(t, err, "4E.small: a lease may last at most 4d in total; lease")
	// Her cost center's manager may allow the lifetime, as for an extension.
	_, err = b.svc.Expand(b.as["manny"], long.ID, []*schematype.LeaseLine{{SKU: "4E.small", Quantity: 1}})
	require.NoError(t, err)
	require.Len(t, b.items(t, long.ID), 2)
	require.Len(t, b.items(t, short.ID), 1)
	b.invariants(t)
}

// TestOrderTotalsNeverOverflow: an extreme price × quantity × duration is refused with a clear
// error before anything is claimed, instead of writing an order with a wrapped, negative total.
func TestOrderTotalsNeverOverflow(t *testing.T) {
	t.Parallel()
	b := setup(t)
	sys := database.System(context.Background())
	require.NoError(t, b.client.Product.Update().Where(product.Sku("4D.small")).SetPricePerDay(1<<62).Exec(sys))
	before := b.statusCounts(t)
	_, err := b.svc.Vend(b.as["alice"], VendInput{Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 2}}, Duration: days(30)})
	require.ErrorIs(t, err, apperr.InvalidArgument)
	require.ErrorContains(t, err, "beyond the largest order total")
	require.Equal(t, before, b.statusCounts(t))
	require.Zero(t, b.leaseCount(t))

	require.NoError(t, b.client.Product.Update().Where(product.Sku("4D.small")).SetPricePerDay(6000).Exec(sys))
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(1)})
	require.NoError(t, b.client.Product.Update().Where(product.Sku("4D.small")).SetPricePerDay(1<<62).Exec(sys))
	_, err = b.svc.Extend(b.as["alice"], l.ID, days(7))
	require.ErrorIs(t, err, apperr.InvalidArgument)
	require.Equal(t, []string{"VEND"}, b.orderKinds(t, l.ID))

	// Exact at the edges: rounding up to a minor unit, never wrapping.
	p := &ent.Product{PricePerDay: 6000}
	got, ok := total(p, 3, 36*time.Hour)
	require.True(t, ok)
	require.Equal(t, int64(27000), got)
	got, ok = total(p, 1, time.Second)
	require.True(t, ok)
	require.Equal(t, int64(1), got, "rounded up")
	_, ok = total(&ent.Product{PricePerDay: 1 << 62}, 100, 290*365*duration.Day)
	require.False(t, ok)
}

// TestApproveRacingWithdrawal: the owner withdraws a lease while a manager approves it. Whoever
// commits first wins; the other is told CONFLICT. Here the approval got in first: the
// withdrawal is refused and the lease is vended; nothing is provisioned for a rejected lease.
func TestApproveRacingWithdrawal(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.large"), Duration: days(3)})
	g := b.gate(false)
	approved := make(chan error, 1)
	b.svc.beforeWithdraw = func(int) {
		// Alice read her lease as awaiting approval; now manny approves it and the dispenser
		// is at work before her withdrawal is written.
		go func() {
			_, err := b.svc.Approve(b.as["manny"], l.ID)
			approved <- err
		}()
		<-g.entered
	}
	_, err := b.svc.Return(b.as["alice"], l.ID)
	require.ErrorIs(t, err, apperr.Conflict)
	require.ErrorContains(t, err, "no longer awaiting approval")
	close(g.release)
	require.NoError(t, <-approved)
	require.Equal(t, Active, b.leaseStatus(t, l.ID))
	require.Equal(t, inventory.Leased, b.items(t, l.ID)[0].Status)
	b.invariants(t)
}

// TestCredentialsOfAnUnvendedAllocation: an allocation of a rejected lease has no credentials;
// they read as null, not as an error.
func TestCredentialsOfAnUnvendedAllocation(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.disp.vend = func(dispenser.Item) (json.RawMessage, error) {
		return nil, &dispenser.Error{Message: "no power", Touched: false}
	}
	_, vendErr := b.svc.Vend(b.as["alice"], VendInput{SKU: sku("4D.small"), Duration: days(1)})
	require.ErrorIs(t, vendErr, apperr.DispenserFailed)
	l, err := b.client.Lease.Query().Only(database.System(context.Background()))
	require.NoError(t, err)
	a, err := b.client.Allocation.Query().Where(allocation.LeaseID(l.ID)).Only(b.as["alice"])
	require.NoError(t, err)
	for _, who := range []string{"alice", "admin"} {
		c, err := b.svc.Credentials(b.as[who], a)
		require.NoError(t, err, who)
		require.Nil(t, c, who)
	}
	require.Equal(t, l.ID, apperr.LeaseOf(vendErr), "the error names the rejected lease")
}

// TestNulBytesAreRefused: text a database cannot keep as given is refused as bad input.
func TestNulBytesAreRefused(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, in := range []VendInput{
		{SKU: sku("4D.small"), Duration: days(1), Note: sku("lab\x00notes")},
		{SKU: sku("4D.small"), Duration: days(1), IdempotencyKey: sku("k\x00")},
		{SKU: sku("4D.small"), Duration: days(1), Note: sku("\xff\xfe")},
	} {
		_, err := b.svc.Vend(b.as["alice"], in)
		require.ErrorIs(t, err, apperr.InvalidArgument)
	}
	require.Zero(t, b.leaseCount(t))
}
