package reclaim_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/reclaim"
)

// wiper is the simulator with a Reclaim that fails while failing is set.
type wiper struct {
	dispenser.Dispenser
	failing atomic.Bool
	calls   atomic.Int32
}

func (w *wiper) Reclaim(ctx context.Context, it dispenser.Item) error {
	w.calls.Add(1)
	if w.failing.Load() {
		return &dispenser.Error{Message: "wipe timed out"}
	}
	return w.Dispenser.Reclaim(ctx, it)
}

type bundle struct {
	ctx        context.Context
	st         *database.Store
	clock      *clockwork.FakeClock
	wiper      *wiper
	svc        *reclaim.Service
	restocked  atomic.Int32
	delivered  atomic.Int32
	rebuilding int // the item sent to REBUILDING
}

func setup(t *testing.T) *bundle {
	t.Helper()
	st := dbtest.Open(t, database.Options{})
	clock := clockwork.NewFakeClockAt(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	ctx := database.System(context.Background())
	_, err := demo.Load(context.Background(), demo.Services{Client: st.Client, Auth: auth.NewService(st, clock),
		Catalog: catalog.NewService(st, clock), Inventory: inventory.NewService(st, clock)})
	require.NoError(t, err)
	sim, err := dispenser.New(dispenser.Config{Driver: "simulator"})
	require.NoError(t, err)
	b := &bundle{ctx: ctx, st: st, clock: clock, wiper: &wiper{Dispenser: sim}}
	b.svc = reclaim.NewService(st, clock, b.wiper, reclaim.Config{MaxAttempts: 3,
		Backoff: duration.Duration(time.Minute), MaxBackoff: duration.Duration(10 * time.Minute)},
		reclaim.Deps{Restocked: func() { b.restocked.Add(1) }, Deliver: func() { b.delivered.Add(1) },
			Notices: notify.NewOutbox(notify.Config{})})

	// One item comes back to be wiped: out of service, then into REBUILDING.
	id, err := st.Client.InventoryItem.Query().Where(inventoryitem.StatusEQ(inventory.Available)).
		Order(ent.Asc(inventoryitem.FieldID)).FirstID(ctx)
	require.NoError(t, err)
	for _, to := range []inventory.Status{inventory.Maintenance, inventory.Rebuilding} {
		require.NoError(t, st.Write(ctx, func(tx *database.Tx) error {
			return inventory.Transition(ctx, tx, clock.Now(), inventory.Move{ItemIDs: []int{id}, To: to, Actor: "test"})
		}))
	}
	b.rebuilding = id
	return b
}

func (b *bundle) item(t *testing.T) *ent.InventoryItem {
	t.Helper()
	it, err := b.st.Client.InventoryItem.Get(b.ctx, b.rebuilding)
	require.NoError(t, err)
	return it
}

// run runs the job at the clock's time and returns how many items it handled.
func (b *bundle) run(t *testing.T) int {
	t.Helper()
	n, err := b.svc.Run(b.ctx, b.clock.Now())
	require.NoError(t, err)
	return n
}

func TestReclaimSucceeds(t *testing.T) {
	t.Parallel()
	b := setup(t)
	require.Equal(t, 1, b.run(t))
	it := b.item(t)
	require.Equal(t, inventory.Available, it.Status)
	require.Nil(t, it.LastError)
	require.EqualValues(t, 1, b.restocked.Load(), "the waiting lists hear of it")
	require.Equal(t, 0, b.run(t), "nothing left to wipe")
}

// TestReclaimBacksOffThenGivesUp: each failure waits as Backoff says before the next attempt;
// the MaxAttempts-th failure sends the item to MAINTENANCE with the error and tells the admins.
func TestReclaimBacksOffThenGivesUp(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.wiper.failing.Store(true)
	for failures := 1; failures < 3; failures++ {
		require.Equal(t, 1, b.run(t), "attempt %d", failures)
		it := b.item(t)
		require.Equal(t, inventory.Rebuilding, it.Status)
		require.Equal(t, failures, it.ReclaimAttempts)
		require.Equal(t, "wipe timed out", *it.LastError)
		wait := b.svc.Backoff(failures)
		require.Equal(t, time.Duration(failures)*time.Minute, wait, "1m, then 2m")
		require.True(t, it.NextAttemptAt.Equal(b.clock.Now().Add(wait)))

		b.clock.Advance(wait - time.Second)
		require.Equal(t, 0, b.run(t), "not due yet")
		b.clock.Advance(time.Second)
	}
	require.EqualValues(t, 0, b.delivered.Load())
	require.Equal(t, 1, b.run(t))
	it := b.item(t)
	require.Equal(t, inventory.Maintenance, it.Status)
	require.Equal(t, "wipe timed out", *it.LastError)
	require.EqualValues(t, 3, b.wiper.calls.Load())
	n, err := b.st.Client.Notice.Query().Where(notice.Kind(notify.KindReclaimFailed)).Count(b.ctx)
	require.NoError(t, err)
	require.Positive(t, n, "the admins are told")
	require.EqualValues(t, 1, b.delivered.Load(), "and the notice goes out at once")
	require.EqualValues(t, 0, b.restocked.Load())
	require.Equal(t, 0, b.run(t), "an item in maintenance is not retried")
}

// TestReclaimRecoversAfterAFailure: a wipe that works on the retry puts the item back.
func TestReclaimRecoversAfterAFailure(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.wiper.failing.Store(true)
	require.Equal(t, 1, b.run(t))
	b.wiper.failing.Store(false)
	b.clock.Advance(b.svc.Backoff(1))
	require.Equal(t, 1, b.run(t))
	require.Equal(t, inventory.Available, b.item(t).Status)
}
