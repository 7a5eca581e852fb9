package lease

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent/allocation"
	entevent "github.com/hardcandy/hardcandy/ent/event"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
)

// TestExpireSweepInBatches expires more leases than one batch holds: every due lease ends
// EXPIRED with its event and notice, its allocation released and its item REBUILDING with an
// event, the counters in step; a lease not yet due is left alone.
func TestExpireSweepInBatches(t *testing.T) {
	b := setup(t)
	b.with(Deps{Notices: notify.NewOutbox(notify.Config{})})
	sys := database.System(context.Background())
	due := 2*expireBatch + 17
	seedDue(t, b, due, 0)
	later := b.vend(t, "bob", VendInput{SKU: sku("4D.small"), Duration: days(3)})

	n, err := b.svc.Expire(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, due, n)

	expired, err := b.client.Lease.Query().Where(entlease.StatusEQ(Expired)).All(sys)
	require.NoError(t, err)
	require.Len(t, expired, due)
	for _, l := range expired {
		require.NotNil(t, l.EndedAt)
		require.True(t, l.EndedAt.Equal(b.clock.Now()))
	}
	still, err := b.client.Lease.Get(sys, later.ID)
	require.NoError(t, err)
	require.Equal(t, Active, still.Status)

	held, err := b.client.Allocation.Query().Where(allocation.ReleasedAtIsNil()).Count(sys)
	require.NoError(t, err)
	require.Equal(t, 1, held, "only the lease not yet due holds its item")
	rebuilding, err := b.client.InventoryItem.Query().Where(inventoryitem.StatusEQ(inventory.Rebuilding)).Count(sys)
	require.NoError(t, err)
	require.Equal(t, due, rebuilding)
	leaseEvents, err := b.client.Event.Query().Where(entevent.LeaseIDNotNil(), entevent.To(string(Expired))).Count(sys)
	require.NoError(t, err)
	require.Equal(t, due, leaseEvents)
	itemEvents, err := b.client.Event.Query().Where(entevent.ItemIDNotNil(), entevent.From(string(inventory.Leased)),
		entevent.To(string(inventory.Rebuilding))).Count(sys)
	require.NoError(t, err)
	require.Equal(t, due, itemEvents)
	notices, err := b.client.Notice.Query().Where(notice.Kind(notify.KindExpired)).All(sys)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(notices), due, "an expired notice per lease (per channel of its owner)")
	require.Contains(t, string(notices[0].Payload), `"4D.small"`, "the notice names the item's SKU")
	b.invariants(t)

	n, err = b.svc.Expire(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n, "a second sweep finds nothing due")
}

// TestExpireRacesReturnAndExtend returns and extends leases while the sweep expires them: each
// lease ends exactly one way (expired by the sweep, or returned, or extended and left ACTIVE),
// the losers get a CONFLICT, and the invariants hold.
func TestExpireRacesReturnAndExtend(t *testing.T) {
	b := setup(t)
	b.svc.cfg.MaxItemsPerUser = 1 << 30
	const n = 24
	items := make([]*inventory.NewItem, n)
	for i := range items {
		items[i] = &inventory.NewItem{SKU: "4D.small", Name: fmt.Sprintf("race-%02d", i)}
	}
	_, err := inventory.NewService(b.store, b.clock).Add(b.as["admin"], items)
	require.NoError(t, err)
	var ids []int
	for range n {
		ids = append(ids, b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(1)}).ID)
	}
	b.clock.Advance(25 * time.Hour)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		returned = map[int]bool{}
		extended = map[int]bool{}
	)
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if i%2 == 0 {
				_, err = b.svc.Return(b.as["alice"], id)
			} else {
				_, err = b.svc.Extend(b.as["alice"], id, days(2))
			}
			if err != nil {
				assert.Containsf(t, []apperr.Code{apperr.Conflict, apperr.PolicyViolation, apperr.InvalidArgument},
					apperr.CodeOf(err), "lease %d: %v", id, err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			if i%2 == 0 {
				returned[id] = true
			} else {
				extended[id] = true
			}
		}()
	}
	expired, err := b.svc.Expire(context.Background(), b.clock.Now())
	require.NoError(t, err)
	wg.Wait()
	sys := database.System(context.Background())
	got := 0
	for _, id := range ids {
		l, err := b.client.Lease.Get(sys, id)
		require.NoError(t, err)
		switch {
		case returned[id]:
			require.Equal(t, Returned, l.Status)
		case extended[id]:
			require.Equal(t, Active, l.Status, "lease %d was extended past now", id)
		default:
			require.Equal(t, Expired, l.Status, "lease %d", id)
		}
		if l.Status == Expired {
			got++
		}
	}
	// A lease the extension reached first may still be due (an extension from a past end), so
	// a second sweep may expire some more; the first expired exactly those it reports.
	more, err := b.svc.Expire(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, got, expired+more)
	b.invariants(t)
}
