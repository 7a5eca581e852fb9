package lease

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/ent/stockcount"
	"github.com/hardcandy/hardcandy/inventory"
)

// TestVendStormKeepsCountersExact vends and returns one SKU from many clients through two
// stores (two replicas) on one Postgres database: the stock counters, spread over slots that
// concurrent transactions write without waiting on each other, still sum to exactly what the
// items say, and availability reads the sums.
func TestVendStormKeepsCountersExact(t *testing.T) {
	dsn := dbtest.Postgres(t)
	one := setupAt(t, dsn)
	st2, err := database.Open(context.Background(), dsn, database.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st2.Close() })
	two := NewService(st2, one.clock, one.disp, one.svc.box, Config{}, Deps{})
	one.svc.cfg.MaxItemsPerUser, two.cfg.MaxItemsPerUser = 1<<30, 1<<30

	const clients, rounds = 16, 6
	items := make([]*inventory.NewItem, clients*rounds)
	for i := range items {
		items[i] = &inventory.NewItem{SKU: "4D.small", Name: fmt.Sprintf("storm-%03d", i)}
	}
	inv := inventory.NewService(one.st, one.clock)
	_, err = inv.Add(one.as["admin"], items)
	require.NoError(t, err)
	before, err := inv.Availability(one.as["alice"], inventory.AvailabilityQuery{SKU: sku("4D.small")})
	require.NoError(t, err)

	var wg sync.WaitGroup
	errs := make(chan error, clients*rounds*2)
	for c := range clients {
		svc := one.svc
		if c%2 == 1 {
			svc = two
		}
		who := []string{"alice", "bob"}[c%2]
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				l, err := svc.Vend(one.as[who], VendInput{SKU: sku("4D.small"), Duration: days(1)})
				if err != nil {
					errs <- err
					continue
				}
				if r%2 == 0 { // keep half, return the other half
					if _, err := svc.Return(one.as[who], l.ID); err != nil {
						errs <- err
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	one.invariants(t) // the counters' sums against the items

	sys := database.System(context.Background())
	slots, err := one.client.StockCount.Query().Where(stockcount.StatusEQ(stockcount.StatusLEASED)).
		GroupBy(stockcount.FieldSlot).Ints(sys)
	require.NoError(t, err)
	t.Logf("LEASED counters written to %d slot(s)", len(slots))
	after, err := inv.Availability(one.as["alice"], inventory.AvailabilityQuery{SKU: sku("4D.small")})
	require.NoError(t, err)
	kept := clients * rounds / 2
	require.Equal(t, before[0].Leased+kept, after[0].Leased)
	require.Equal(t, before[0].Available+before[0].Rebuilding-kept, after[0].Available+after[0].Rebuilding,
		"returned items are back or being wiped")
}
