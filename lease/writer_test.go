package lease

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	entevent "github.com/hardcandy/hardcandy/ent/event"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

// TestCancelledRequestsUndoOnlyTheirOwnWrites: during a storm of vends, clients extending their
// leases give up after random short delays, many while their writes run inside a group commit
// (SQLite), and so do writers while a slow statement of theirs runs. Each extension given up
// on is all there or not at all; every other request commits; the invariants hold.
func TestCancelledRequestsUndoOnlyTheirOwnWrites(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.svc.cfg.MaxItemsPerUser = 1 << 20
	admin := viewer.NewContext(context.Background(), viewer.Viewer{UserID: 1, Name: "setup", Role: viewer.RoleAdmin})
	var items []*inventory.NewItem
	for i := range 300 {
		items = append(items, &inventory.NewItem{SKU: "4D.small", Name: fmt.Sprintf("storm-%03d", i)})
	}
	_, err := inventory.NewService(b.store, b.clock).Add(admin, items)
	require.NoError(t, err)
	const extenders = 80
	ids := make([]int, extenders)
	ends := make([]time.Time, extenders)
	for i := range ids {
		l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(1)})
		ids[i], ends[i] = l.ID, *l.EndsAt
	}

	const vends = 150
	vendErrs := make([]error, vends)
	extendErrs := make([]error, extenders)
	var wg sync.WaitGroup
	for i := range vends {
		who := []string{"bob", "manny", "admin"}[i%3]
		wg.Go(func() {
			_, vendErrs[i] = b.svc.Vend(b.as[who], VendInput{SKU: sku("4D.small"), Duration: days(1)})
		})
	}
	for i := range extenders {
		wg.Go(func() {
			ctx, cancel := context.WithCancel(b.as["alice"])
			defer cancel()
			time.AfterFunc(time.Duration(rand.IntN(200_000))*time.Microsecond, cancel)
			_, extendErrs[i] = b.svc.Extend(ctx, ids[i], days(1))
		})
	}
	// And writers whose statements take a few milliseconds, given up on while one runs: in
	// SQLite an interrupted write rolls back the whole transaction, every vend sharing it
	// included, unless the writer keeps callers from interrupting statements.
	const slow = 60
	slowErrs := make([]error, slow)
	for i := range slow {
		wg.Go(func() {
			ctx, cancel := context.WithCancel(database.System(context.Background()))
			defer cancel()
			slowErrs[i] = b.store.Write(ctx, func(tx *database.Tx) error {
				time.AfterFunc(time.Duration(rand.IntN(1500))*time.Microsecond, cancel)
				_, err := tx.ExecContext(ctx, `DELETE FROM events WHERE id = -
					(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 30000) SELECT count(*) FROM c)`)
				return err
			})
		})
	}
	answered := make(chan struct{})
	go func() { wg.Wait(); close(answered) }()
	select {
	case <-answered:
	case <-time.After(2 * time.Minute):
		t.Fatal("some requests were never answered")
	}

	for i, err := range vendErrs {
		require.NoError(t, err, "vend %d was not given up on", i)
	}
	for _, err := range slowErrs {
		if err != nil {
			require.ErrorIs(t, err, context.Canceled)
		}
	}
	sys := database.System(context.Background())
	gaveUp := 0
	for i, id := range ids {
		l, err := b.client.Lease.Get(sys, id)
		require.NoError(t, err)
		extended, err := b.client.Event.Query().Where(entevent.LeaseID(id), entevent.Kind("extended")).Count(sys)
		require.NoError(t, err)
		if extendErrs[i] == nil {
			require.Equal(t, ends[i].Add(24*time.Hour), l.EndsAt.UTC(), "lease %d was extended", id)
			require.Equal(t, 1, extended, "lease %d has its extension's event", id)
			continue
		}
		// Given up on: the extension is all there (it committed before the answer was read
		// back) or not at all.
		require.ErrorIs(t, extendErrs[i], context.Canceled, "lease %d: only giving up fails an extension", id)
		if extended == 0 {
			require.Equal(t, ends[i], l.EndsAt.UTC(), "lease %d: an extension undone leaves no trace", id)
		} else {
			require.Equal(t, ends[i].Add(24*time.Hour), l.EndsAt.UTC(), "lease %d: an extension with its event", id)
		}
		gaveUp++
	}
	t.Logf("%d of %d extensions given up on", gaveUp, extenders)
	b.invariants(t)
}
