package lease

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/ent/order"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/reclaim"
)

func yes() *bool { return ptr(true) }

// shelve moves every AVAILABLE item of the product named s to MAINTENANCE, leaving n on the
// shelf: what a test needs to have nothing (or little) free.
func (b *bundle) shelve(t *testing.T, s string, n int) {
	t.Helper()
	sys := database.System(context.Background())
	ids, err := b.client.InventoryItem.Query().Where(inventoryitem.ProductID(b.productID(t, s)),
		inventoryitem.StatusEQ(inventory.Available)).Order(ent.Asc(inventoryitem.FieldID)).IDs(sys)
	require.NoError(t, err)
	require.NoError(t, b.store.Write(sys, func(tx *database.Tx) error {
		return inventory.Transition(sys, tx, b.clock.Now(), inventory.Move{ItemIDs: ids[n:], To: inventory.Maintenance,
			Actor: "test", Reason: "off the shelf for the test"})
	}))
}

// unshelve puts n items of s back, through a wipe as an admin's release does (MAINTENANCE →
// REBUILDING → AVAILABLE), without serving the queue.
func (b *bundle) unshelve(t *testing.T, s string, n int) {
	t.Helper()
	sys := database.System(context.Background())
	ids, err := b.client.InventoryItem.Query().Where(inventoryitem.ProductID(b.productID(t, s)),
		inventoryitem.StatusEQ(inventory.Maintenance)).Order(ent.Asc(inventoryitem.FieldID)).Limit(n).IDs(sys)
	require.NoError(t, err)
	require.Len(t, ids, n)
	require.NoError(t, b.store.Write(sys, func(tx *database.Tx) error {
		if err := inventory.Transition(sys, tx, b.clock.Now(), inventory.Move{ItemIDs: ids, To: inventory.Rebuilding, Actor: "test"}); err != nil {
			return err
		}
		return inventory.Transition(sys, tx, b.clock.Now(), inventory.Move{ItemIDs: ids, To: inventory.Available, Actor: "test"})
	}))
}

func (b *bundle) position(t *testing.T, id int) *int {
	t.Helper()
	p, err := b.svc.QueuePosition(context.Background(), b.lease(t, id))
	require.NoError(t, err)
	return p
}

// serve runs the waiting lists once, after and before any background run (a withdrawal's kick).
func (b *bundle) serve(t *testing.T) int {
	t.Helper()
	b.svc.WaitQueue()
	n, err := b.svc.ServeQueue(context.Background(), b.clock.Now())
	require.NoError(t, err)
	b.svc.WaitQueue()
	return n
}

func (b *bundle) notices(t *testing.T, id int, kind string) []*ent.Notice {
	t.Helper()
	ns, err := b.client.Notice.Query().Where(notice.LeaseID(id), notice.Kind(kind)).All(database.System(context.Background()))
	require.NoError(t, err)
	return ns
}

func TestQueueVendWaitsServesAndNotifies(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.with(Deps{Notices: notify.NewOutbox(notify.Config{})})
	b.shelve(t, "3A.small", 0)

	// Without wait: OUT_OF_STOCK, as before; maxWait alone is refused.
	_, err := b.svc.Vend(b.as["alice"], VendInput{SKU: sku("3A.small")})
	require.ErrorIs(t, err, apperr.OutOfStock)
	_, err = b.svc.Vend(b.as["alice"], VendInput{SKU: sku("3A.small"), MaxWait: ptr(days(1))})
	require.ErrorIs(t, err, apperr.InvalidArgument)
	_, err = b.svc.Vend(b.as["alice"], VendInput{SKU: sku("3A.small"), Wait: yes(), MaxWait: ptr(days(30))})
	require.ErrorIs(t, err, apperr.InvalidArgument, "beyond leasing.max_wait")

	first := b.vend(t, "alice", VendInput{SKU: sku("3A.small"), Wait: yes(), MaxWait: ptr(days(2))})
	require.Equal(t, Queued, first.Status)
	require.Equal(t, b.clock.Now().Add(2*duration.Day), first.QueuedUntil.UTC())
	require.Nil(t, first.StartsAt)
	second := b.vend(t, "bob", VendInput{SKU: sku("3A.small"), Wait: yes()})
	require.Equal(t, b.clock.Now().Add(DefaultConfig.MaxWait.Std()), second.QueuedUntil.UTC(), "the default wait")
	require.Equal(t, 1, *b.position(t, first.ID))
	require.Equal(t, 2, *b.position(t, second.ID))
	require.Empty(t, b.items(t, first.ID), "a QUEUED lease holds no item")
	b.invariants(t)

	// Nothing free: serving changes nothing.
	require.Zero(t, b.serve(t))
	require.Equal(t, Queued, b.lease(t, first.ID).Status)

	// One item back: the first in line is served, through the vend's claim and dispense.
	b.unshelve(t, "3A.small", 1)
	require.Equal(t, 1, b.serve(t))
	served := b.lease(t, first.ID)
	require.Equal(t, Active, served.Status)
	require.Equal(t, b.clock.Now(), served.StartsAt.UTC())
	require.Equal(t, b.clock.Now().Add(served.Duration.Std()), served.EndsAt.UTC())
	require.Nil(t, b.position(t, first.ID))
	require.Len(t, b.items(t, first.ID), 1)
	require.Equal(t, []string{"VEND"}, b.orderKinds(t, first.ID))
	require.Len(t, b.notices(t, first.ID, notify.KindVended), 1, "the owner is told it is ready")
	require.Equal(t, 1, *b.position(t, second.ID), "the next moves up")
	b.invariants(t)
}

func TestQueueLapseWithdrawAndStrictOrder(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.with(Deps{Notices: notify.NewOutbox(notify.Config{})})
	b.shelve(t, "3A.small", 0)

	short := b.vend(t, "alice", VendInput{SKU: sku("3A.small"), Wait: yes(), MaxWait: ptr(duration.Duration(2 * time.Hour))})
	big := b.vend(t, "bob", VendInput{Lines: []*schematype.LeaseLine{{SKU: "3A.small", Quantity: 3}}, Wait: yes()})
	small := b.vend(t, "manny", VendInput{SKU: sku("3A.small"), Wait: yes()})
	gone := b.vend(t, "alice", VendInput{SKU: sku("3A.small"), Wait: yes()})
	require.Equal(t, []int{1, 2, 3, 4}, []int{*b.position(t, short.ID), *b.position(t, big.ID), *b.position(t, small.ID), *b.position(t, gone.ID)})

	// Withdrawn by its owner (returnLease): REJECTED, nothing charged, the others move up.
	w, err := b.svc.Return(b.as["alice"], gone.ID)
	require.NoError(t, err)
	require.Equal(t, Rejected, w.Status)
	require.Contains(t, *w.StatusMessage, "withdrawn")
	require.Empty(t, b.orderKinds(t, gone.ID))
	_, err = b.svc.Return(b.as["alice"], gone.ID)
	require.ErrorIs(t, err, apperr.Conflict)
	_, err = b.svc.Return(b.as["bob"], small.ID)
	require.ErrorIs(t, err, apperr.NotFound, "not bob's")

	// The wait runs out on the fake clock: lapsed, the owner told. (The withdrawal kicked the
	// queue; that run must be over before the clock moves, or it would lapse the lease itself.)
	b.svc.WaitQueue()
	b.clock.Advance(3 * time.Hour)
	require.Equal(t, 1, b.serve(t))
	lapsed := b.lease(t, short.ID)
	require.Equal(t, Rejected, lapsed.Status)
	require.Contains(t, *lapsed.StatusMessage, "lapsed")
	require.Len(t, b.notices(t, short.ID, notify.KindRejected), 1)
	require.Equal(t, 1, *b.position(t, big.ID))
	require.Equal(t, 2, *b.position(t, small.ID))

	// Strict first come, first served: the head wants 3; with 2 free nobody is served, not
	// even the single one behind it, and a plain vend does not take them either.
	b.unshelve(t, "3A.small", 2)
	require.Zero(t, b.serve(t))
	require.Equal(t, Queued, b.lease(t, small.ID).Status)
	_, err = b.svc.Vend(b.as["admin"], VendInput{SKU: sku("3A.small")})
	require.ErrorIs(t, err, apperr.OutOfStock)
	require.ErrorContains(t, err, "2 waiting ahead")
	b.unshelve(t, "3A.small", 2)
	require.Equal(t, 2, b.serve(t))
	require.Equal(t, Active, b.lease(t, big.ID).Status)
	require.Equal(t, Active, b.lease(t, small.ID).Status)
	require.Len(t, b.items(t, big.ID), 3)
	b.invariants(t)
}

// Policy applies again when a lease's turn comes: refused, it is REJECTED with the reason and the
// next is served.
func TestQueuePolicyWhenServed(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.with(Deps{Notices: notify.NewOutbox(notify.Config{})})
	b.shelve(t, "3A.small", 0)
	b.shelve(t, "4D.small", 0)
	limited := b.vend(t, "alice", VendInput{SKU: sku("3A.small"), Wait: yes()})
	next := b.vend(t, "bob", VendInput{SKU: sku("3A.small"), Wait: yes()})
	// Alice meanwhile holds her limit.
	b.svc.cfg.MaxItemsPerUser = 2
	b.unshelve(t, "4D.small", 2)
	b.vend(t, "alice", VendInput{Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 2}}})
	b.unshelve(t, "3A.small", 1)
	require.Equal(t, 2, b.serve(t))
	l := b.lease(t, limited.ID)
	require.Equal(t, Rejected, l.Status)
	require.Contains(t, *l.StatusMessage, "per-user limit")
	require.Len(t, b.notices(t, limited.ID, notify.KindRejected), 1)
	require.Equal(t, Active, b.lease(t, next.ID).Status)

	// A product retired while its lease waits.
	third := b.vend(t, "bob", VendInput{SKU: sku("3A.small"), Wait: yes()})
	_, err := catalog.NewService(b.store, b.clock).Retire(b.as["admin"], b.productID(t, "3A.small"))
	require.NoError(t, err)
	b.unshelve(t, "3A.small", 1)
	b.serve(t)
	require.Equal(t, Rejected, b.lease(t, third.ID).Status)
	require.Contains(t, *b.lease(t, third.ID).StatusMessage, "retired")
	b.invariants(t)
}

// A lease that needs approval waits once approved.
func TestQueueAfterApproval(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.shelve(t, "4D.large", 0)
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.large"), Wait: yes(), MaxWait: ptr(days(1))})
	require.Equal(t, Pending, l.Status)
	require.True(t, l.AwaitingApproval)
	approved, err := b.svc.Approve(b.as["manny"], l.ID)
	require.NoError(t, err)
	require.Equal(t, Queued, approved.Status)
	require.False(t, approved.AwaitingApproval)
	require.Equal(t, 1, *b.position(t, l.ID))
	b.unshelve(t, "4D.large", 1)
	require.Equal(t, 1, b.serve(t))
	require.Equal(t, Active, b.lease(t, l.ID).Status)
	b.invariants(t)
}

// Served after a wipe: a returned lease's items go through reclaim, whose success kicks the
// waiting list (KickQueue), as the server wires it.
func TestQueueServedAfterReclaim(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.shelve(t, "3A.small", 1)
	holder := b.vend(t, "alice", VendInput{SKU: sku("3A.small")})
	waiting := b.vend(t, "bob", VendInput{SKU: sku("3A.small"), Wait: yes()})
	require.Equal(t, Queued, waiting.Status)
	_, err := b.svc.Return(b.as["alice"], holder.ID)
	require.NoError(t, err)
	require.Equal(t, Queued, b.lease(t, waiting.ID).Status, "the item is being wiped")
	rc := reclaim.NewService(b.store, b.clock, b.disp, reclaim.Config{}, reclaim.Deps{Restocked: b.svc.KickQueue})
	n, err := rc.Run(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 1, n)
	b.svc.WaitQueue()
	require.Equal(t, Active, b.lease(t, waiting.ID).Status)
	b.invariants(t)
}

// First come, first served under concurrency, on SQLite and, with two stores on one database as
// two replicas, on Postgres: a storm of queued vends gets dense positions, and items coming back
// one by one, then several at once served by both replicas together, go in that order.
func TestQueueOrderUnderConcurrency(t *testing.T) {
	t.Parallel()
	b, svcs := replicas(t)
	limit(svcs, 100)
	b.shelve(t, "3A.small", 0)
	const n = 24
	who := []string{"alice", "bob", "manny", "admin"}
	ids := make([]int, n)
	codes := storm(t, svcs, n, func(i int, s *Service) error {
		l, err := s.Vend(b.as[who[i%len(who)]], VendInput{SKU: sku("3A.small"), Wait: yes()})
		if err == nil {
			ids[i] = l.ID
			if l.Status != Queued {
				return fmt.Errorf("lease %d is %s", l.ID, l.Status)
			}
		}
		return err
	})
	require.Equal(t, map[string]int{"": n}, codes)
	b.invariants(t)

	// Positions are 1..n, one each; the order of arrival is the order of positions.
	byPos := make([]int, n)
	for _, id := range ids {
		p := b.position(t, id)
		require.NotNil(t, p)
		require.Zero(t, byPos[*p-1], "position %d twice", *p)
		byPos[*p-1] = id
	}

	// One by one, each on another replica.
	for i := range 3 {
		b.unshelve(t, "3A.small", 1)
		_, err := svcs[i%len(svcs)].ServeQueue(context.Background(), b.clock.Now())
		require.NoError(t, err)
		require.Equal(t, Active, b.lease(t, byPos[i]).Status, "position %d served %d-th", i+1, i+1)
		require.Equal(t, Queued, b.lease(t, byPos[i+1]).Status)
	}
	// Several at once, every replica serving at the same time: exactly the next ones.
	b.unshelve(t, "3A.small", 2)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			_, err := svcs[i%len(svcs)].ServeQueue(context.Background(), b.clock.Now())
			require.NoError(t, err)
		})
	}
	wg.Wait()
	active, err := b.client.Lease.Query().Where(entlease.StatusEQ(Active)).IDs(database.System(context.Background()))
	require.NoError(t, err)
	sort.Ints(active)
	want := slices.Clone(byPos[:5])
	sort.Ints(want)
	require.Equal(t, want, active)
	for i, id := range byPos[5:] {
		require.Equal(t, i+1, *b.position(t, id))
	}
	orders, err := b.client.Order.Query().Where(order.Kind("VEND")).Count(database.System(context.Background()))
	require.NoError(t, err)
	require.Equal(t, 5, orders)
	b.invariants(t)
}
