package inventory_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/event"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/stockcount"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

type testBundle struct {
	client  *ent.Client
	store   *database.Store
	clock   *clockwork.FakeClock
	svc     *inventory.Service
	admin   context.Context
	product *ent.Product
}

func setup(t *testing.T) *testBundle {
	t.Helper()
	ctx := context.Background()
	st, err := database.Open(ctx, dbtest.DSN(t, "inv.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	clock := clockwork.NewFakeClockAt(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	sys := database.System(ctx)
	p, err := st.Client.Product.Create().SetSku("4D.small").SetTier(4).SetType("D").SetSize("small").
		SetName("metal").SetPricePerDay(100).SetCurrency("USD").Save(sys)
	require.NoError(t, err)
	return &testBundle{
		client: st.Client, store: st, clock: clock, svc: inventory.NewService(st, clock), product: p,
		admin: viewer.NewContext(ctx, viewer.Viewer{UserID: 1, Name: "root", Role: viewer.RoleAdmin}),
	}
}

// item adds one item through the service and forces it into a status, the counters with it.
func (b *testBundle) item(t *testing.T, name string, status inventory.Status) *ent.InventoryItem {
	t.Helper()
	items, err := b.svc.Add(b.admin, []*inventory.NewItem{{SKU: "4D.small", Name: name}})
	require.NoError(t, err)
	it := items[0]
	if status != inventory.Available {
		sys := database.System(context.Background())
		require.NoError(t, b.client.InventoryItem.UpdateOneID(it.ID).SetStatus(status).Exec(sys))
		require.NoError(t, b.client.StockCount.Create().SetProductID(b.product.ID).SetStatus(stockcount.StatusAVAILABLE).SetCount(-1).
			OnConflictColumns(stockcount.FieldProductID, stockcount.FieldStatus, stockcount.FieldSlot).AddCount(-1).Exec(sys))
		require.NoError(t, b.client.StockCount.Create().SetProductID(b.product.ID).SetStatus(stockcount.Status(status)).SetCount(1).
			OnConflictColumns(stockcount.FieldProductID, stockcount.FieldStatus, stockcount.FieldSlot).AddCount(1).Exec(sys))
	}
	return it
}

// stock returns the counters by status.
func (b *testBundle) stock(t *testing.T) map[inventory.Status]int {
	t.Helper()
	rows, err := b.client.StockCount.Query().All(database.System(context.Background()))
	require.NoError(t, err)
	out := map[inventory.Status]int{}
	for _, r := range rows { // a counter is the sum of its slots
		out[inventory.Status(r.Status)] += r.Count
	}
	for st, n := range out {
		if n == 0 {
			delete(out, st)
		}
	}
	return out
}

// TestTransitionEveryPair tries every (from, to) pair of item statuses: allowed moves change the
// status, write one event and move one unit between counters; every other move is a CONFLICT
// naming from and to that changes nothing.
func TestTransitionEveryPair(t *testing.T) {
	t.Parallel()
	states := inventory.Machine.States()
	require.Len(t, states, 7)
	allowed := 0
	for _, from := range states {
		for _, to := range states {
			t.Run(fmt.Sprintf("%s→%s", from, to), func(t *testing.T) {
				t.Parallel()
				b := setup(t)
				it := b.item(t, "host-1", from)
				sys := database.System(context.Background())
				eventsBefore, err := b.client.Event.Query().Where(event.ItemID(it.ID)).Count(sys)
				require.NoError(t, err)
				stockBefore := b.stock(t)
				b.clock.Advance(time.Minute)
				err = b.store.Write(sys, func(tx *database.Tx) error {
					return inventory.Transition(sys, tx, b.clock.Now(), inventory.Move{
						ItemIDs: []int{it.ID}, To: to, Actor: "tester", Reason: "pair test"})
				})
				got, gerr := b.client.InventoryItem.Get(sys, it.ID)
				require.NoError(t, gerr)
				events, cerr := b.client.Event.Query().Where(event.ItemID(it.ID)).Order(ent.Desc(event.FieldID)).All(sys)
				require.NoError(t, cerr)
				if inventory.Machine.Allowed(from, to) {
					require.NoError(t, err)
					require.Equal(t, to, got.Status)
					require.Equal(t, b.clock.Now(), got.StatusChangedAt.UTC())
					require.Len(t, events, eventsBefore+1)
					require.Equal(t, string(from), *events[0].From)
					require.Equal(t, string(to), *events[0].To)
					require.Equal(t, "tester", *events[0].Actor)
					want := stockBefore
					want[from]--
					want[to]++
					if want[from] == 0 {
						delete(want, from)
					}
					require.Equal(t, want, b.stock(t))
					return
				}
				require.ErrorIs(t, err, apperr.Conflict)
				require.ErrorContains(t, err, fmt.Sprintf("from %s to %s", from, to))
				require.Equal(t, from, got.Status)
				require.Len(t, events, eventsBefore)
				require.Equal(t, stockBefore, b.stock(t))
			})
			if inventory.Machine.Allowed(from, to) {
				allowed++
			}
		}
	}
	// The diagram of DESIGN §2 has 11 moves; RESERVING → REBUILDING is the twelfth: an item the
	// dispenser touched before failing must be wiped before anyone else gets it. LEASED →
	// MAINTENANCE is the thirteenth: a leased item that breaks (markItemFaulty).
	require.Equal(t, 13, allowed)
}

// TestTransitionBatchIsAllOrNothing: one illegal move in a batch refuses the whole batch.
func TestTransitionBatchIsAllOrNothing(t *testing.T) {
	t.Parallel()
	b := setup(t)
	a := b.item(t, "a", inventory.Available)
	r := b.item(t, "r", inventory.Reserving)
	sys := database.System(context.Background())
	err := b.store.Write(sys, func(tx *database.Tx) error {
		return inventory.Transition(sys, tx, b.clock.Now(), inventory.Move{ItemIDs: []int{a.ID, r.ID}, To: inventory.Maintenance})
	})
	require.ErrorIs(t, err, apperr.Conflict)
	n, err := b.client.InventoryItem.Query().Where(inventoryitem.StatusEQ(inventory.Maintenance)).Count(sys)
	require.NoError(t, err)
	require.Zero(t, n)
}

// TestAvailabilityFollowsTheItems: after a mix of operations, the counters equal a count of the
// items table.
func TestAvailabilityFollowsTheItems(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var items []*inventory.NewItem
	for i := range 20 {
		items = append(items, &inventory.NewItem{SKU: "4D.small", Name: fmt.Sprintf("h%02d", i)})
	}
	added, err := b.svc.Add(b.admin, items)
	require.NoError(t, err)
	_, err = b.svc.SetMaintenance(b.admin, added[0].ID, "disk")
	require.NoError(t, err)
	_, err = b.svc.SetMaintenance(b.admin, added[1].ID, "psu")
	require.NoError(t, err)
	_, err = b.svc.ReleaseFromMaintenance(b.admin, added[1].ID)
	require.NoError(t, err)
	_, err = b.svc.Archive(b.admin, added[2].ID)
	require.NoError(t, err)
	_, err = b.svc.Archive(b.admin, added[0].ID)
	require.NoError(t, err)

	av, err := b.svc.Availability(b.admin, inventory.AvailabilityQuery{})
	require.NoError(t, err)
	require.Len(t, av, 1)
	require.Equal(t, 17, av[0].Available)
	require.Equal(t, 1, av[0].Rebuilding, "released from maintenance: wiped first")
	require.Zero(t, av[0].Maintenance)
	sys := database.System(context.Background())
	archived, err := b.client.InventoryItem.Query().Where(inventoryitem.StatusEQ(inventory.Archived)).Count(sys)
	require.NoError(t, err)
	require.Equal(t, 2, archived)
	require.Equal(t, map[inventory.Status]int{inventory.Available: 17, inventory.Rebuilding: 1, inventory.Archived: 2}, b.stock(t))

	_, err = b.svc.Availability(b.admin, inventory.AvailabilityQuery{SKU: ptr("9Z.none")})
	require.True(t, errors.Is(err, apperr.NotFound))
}

func ptr[T any](v T) *T { return &v }

// TestReleaseFromMaintenanceGoesThroughTheWipe: an item released from MAINTENANCE (often there
// because its wipe failed) is not handed to the next user as it is: it goes to REBUILDING with a
// fresh reclaim cycle, and the reclaim job is started at once.
func TestReleaseFromMaintenanceGoesThroughTheWipe(t *testing.T) {
	t.Parallel()
	b := setup(t)
	kicked := 0
	b.svc = inventory.NewService(b.store, b.clock, inventory.Deps{Reclaim: func() { kicked++ }})
	it := b.item(t, "h-01", inventory.Maintenance)
	sys := database.System(context.Background())
	require.NoError(t, b.client.InventoryItem.UpdateOneID(it.ID).SetReclaimAttempts(5).SetLastError("wipe failed: disk busy").Exec(sys))
	got, err := b.svc.ReleaseFromMaintenance(b.admin, it.ID)
	require.NoError(t, err)
	require.Equal(t, inventory.Rebuilding, got.Status)
	require.Zero(t, got.ReclaimAttempts, "a fresh reclaim cycle")
	require.Equal(t, 1, kicked)
	require.Equal(t, map[inventory.Status]int{inventory.Rebuilding: 1}, b.stock(t))
	require.False(t, inventory.Machine.Allowed(inventory.Maintenance, inventory.Available), "no way round the wipe")
}
