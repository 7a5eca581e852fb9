package lease

import (
	"context"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/ent/stockcount"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
)

// BenchmarkExpire times the expiry sweep of 10,000 and 100,000 due leases (each holding one
// item, with an "expired" notice per lease) on SQLite and, when HARDCANDY_TEST_POSTGRES is set,
// on Postgres, and prints the seconds and the ratio between the two sizes: the sweep's cost
// must follow what is due (≤ 11× for 10× the leases).
func BenchmarkExpire(b *testing.B) {
	stores := []string{"sqlite"}
	if _, ok := dbtest.PostgresServer(); ok {
		stores = append(stores, "postgres")
	}
	for _, store := range stores {
		secs, cpus := map[int]float64{}, map[int]float64{}
		for _, due := range []int{10_000, 100_000} {
			b.Run(fmt.Sprintf("%s/due=%d", store, due), func(b *testing.B) {
				dsn := filepath.Join(b.TempDir(), "expire.db")
				if store == "postgres" {
					dsn = dbtest.Postgres(b)
				}
				bd := setupAt(b, dsn)
				bd.with(Deps{Notices: notify.NewOutbox(notify.Config{})})
				var total, cpu time.Duration
				runs := 0
				for b.Loop() {
					b.StopTimer()
					seedDue(b, bd, due, runs)
					b.StartTimer()
					t0, c0 := time.Now(), processCPU()
					n, err := bd.svc.Expire(context.Background(), bd.clock.Now())
					total, cpu = total+time.Since(t0), cpu+processCPU()-c0
					require.NoError(b, err)
					require.Equal(b, due, n)
					runs++
				}
				s := total.Seconds() / float64(runs)
				secs[due], cpus[due] = s, cpu.Seconds()/float64(runs)
				b.ReportMetric(s, "s/sweep")
				b.ReportMetric(s*1e6/float64(due), "µs/lease")
				// This process's CPU: all of it on SQLite, the client's share on Postgres. On a
				// loaded machine the wall time waits for a core; the CPU time does not.
				b.ReportMetric(cpu.Seconds()/float64(runs), "CPU-s/sweep")
			})
		}
		if secs[10_000] > 0 && secs[100_000] > 0 {
			fmt.Printf("expiry sweep on %s: 10,000 due leases %.2f s (%.2f s CPU here), 100,000 %.2f s (%.2f s CPU here), ratio %.1f× (CPU %.1f×); target ≤ 5 s and ≤ 11×\n",
				store, secs[10_000], cpus[10_000], secs[100_000], cpus[100_000], secs[100_000]/secs[10_000], cpus[100_000]/cpus[10_000])
		}
	}
}

// seedDue writes n ACTIVE leases of alice that ended a minute ago, each holding one LEASED
// 4D.small item, in bulk, with the stock counters in step.
func seedDue(t testing.TB, bd *bundle, n, round int) {
	t.Helper()
	ctx := database.System(context.Background())
	c := bd.client
	owner, err := c.User.Query().Where(user.Name("alice")).Only(ctx)
	require.NoError(t, err)
	small, err := c.Product.Query().Where(product.Sku("4D.small")).Only(ctx)
	require.NoError(t, err)
	now := bd.clock.Now().UTC()
	started, ends := now.Add(-24*time.Hour), now.Add(-time.Minute)
	const chunk = 1000
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		require.NoError(t, bd.st.Write(ctx, func(tx *database.Tx) error {
			items := make([]*ent.InventoryItemCreate, 0, hi-lo)
			leases := make([]*ent.LeaseCreate, 0, hi-lo)
			for i := lo; i < hi; i++ {
				items = append(items, tx.InventoryItem.Create().SetName(fmt.Sprintf("due-%d-%06d", round, i)).
					SetProductID(small.ID).SetStatus(inventory.Leased).SetStatusChangedAt(started).
					SetCreatedAt(started).SetUpdatedAt(started))
				leases = append(leases, tx.Lease.Create().SetOwnerID(owner.ID).SetStatus(Active).
					SetStartsAt(started).SetEndsAt(ends).SetDuration(duration.Duration(24*time.Hour)).
					SetRequest([]schematype.LeaseLine{{SKU: "4D.small", Quantity: 1}}).
					SetCreatedAt(started).SetUpdatedAt(started))
			}
			its, err := tx.InventoryItem.CreateBulk(items...).Save(ctx)
			if err != nil {
				return err
			}
			ls, err := tx.Lease.CreateBulk(leases...).Save(ctx)
			if err != nil {
				return err
			}
			allocs := make([]*ent.AllocationCreate, len(ls))
			for i, l := range ls {
				allocs[i] = tx.Allocation.Create().SetLeaseID(l.ID).SetItemID(its[i].ID).SetOwnerID(owner.ID).
					SetCreatedAt(started).SetVendedAt(started)
			}
			if err := tx.Allocation.CreateBulk(allocs...).Exec(ctx); err != nil {
				return err
			}
			return tx.StockCount.Create().SetProductID(small.ID).SetStatus(stockcount.StatusLEASED).SetCount(len(ls)).
				OnConflictColumns(stockcount.FieldProductID, stockcount.FieldStatus, stockcount.FieldSlot).
				AddCount(len(ls)).Exec(ctx)
		}))
	}
}

// processCPU is the CPU this process has used, user and system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
