package lease

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/inventory"
)

// holdShared holds the product's lock shared, as a vend in flight does, until release is called.
func (b *bundle) holdShared(t *testing.T, productID int) (release func()) {
	t.Helper()
	held, done, free := make(chan struct{}), make(chan error, 1), make(chan struct{})
	sys := database.System(context.Background())
	go func() {
		done <- b.store.Write(sys, func(tx *database.Tx) error {
			if err := database.LockShared(sys, tx, productKeys([]int{productID})...); err != nil {
				return err
			}
			close(held)
			<-free
			return nil
		})
	}()
	select {
	case <-held:
	case err := <-done:
		t.Fatalf("hold the lock: %v", err)
	}
	return func() {
		close(free)
		require.NoError(t, <-done)
	}
}

// waitsForLock returns once some transaction of the database waits for an advisory lock; it
// fails the test when done answers first (the operation did not wait).
func (b *bundle) waitsForLock(t *testing.T, done <-chan error) {
	t.Helper()
	sys := database.System(context.Background())
	for start := time.Now(); time.Since(start) < time.Minute; time.Sleep(5 * time.Millisecond) {
		select {
		case err := <-done:
			t.Fatalf("finished without waiting for the product's lock (err %v)", err)
		default:
		}
		var waiting int
		require.NoError(t, b.st.DB.QueryRowContext(sys, `SELECT count(*) FROM pg_locks
			WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`).Scan(&waiting))
		if waiting > 0 {
			return
		}
	}
	t.Fatal("never waited for the product's lock")
}

func async(fn func() error) <-chan error {
	done := make(chan error, 1)
	go func() { done <- fn() }()
	return done
}

func answered(t *testing.T, done <-chan error) {
	t.Helper()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(time.Minute):
		t.Fatal("no answer")
	}
}

// On Postgres vends of one product hold its lock shared and run alongside each other, as long as
// every booking covering now has a busy item behind it; an item freed while its booking still
// covers now (wiped before its cleaning buffer ends) waits for those vends, and once it is back
// a vend holds the lock alone.
func TestVendsOfAProductShareItsLock(t *testing.T) {
	t.Parallel()
	b := setupAt(t, dbtest.Postgres(t))
	p := b.bookable(t, "4E.shared", 4, 2*time.Hour)
	sys := database.System(context.Background())

	release := b.holdShared(t, p.ID)
	var first VendInput
	first.SKU = sku("4E.shared")
	done := async(func() error { _, err := b.svc.Vend(b.as["bob"], first); return err })
	answered(t, done) // beside a vend in flight
	l, err := b.client.Lease.Query().Only(sys)
	require.NoError(t, err)
	b.clock.Advance(time.Hour)
	_, err = b.svc.Return(b.as["bob"], l.ID)
	require.NoError(t, err)
	item := b.items(t, l.ID)[0]

	// Wiped early: its booking's buffer still covers now. The move waits for the vend in flight.
	done = async(func() error {
		return b.store.Write(sys, func(tx *database.Tx) error {
			return inventory.Transition(sys, tx, b.clock.Now(), inventory.Move{ItemIDs: []int{item.ID}, To: inventory.Available,
				From: ptr(inventory.Rebuilding), Actor: "reclaim", Reason: "wiped early"})
		})
	})
	b.waitsForLock(t, done)
	release()
	answered(t, done)

	// Now one booking has no busy item behind it: a vend takes the lock to itself.
	release = b.holdShared(t, p.ID)
	done = async(func() error { _, err := b.svc.Vend(b.as["alice"], first); return err })
	b.waitsForLock(t, done)
	release()
	answered(t, done)
	b.invariants(t)
}
