package database_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/ent/schematype"
)

// Allocations written before they carried their lease's owner get it at the next migration, so
// what their owners hold is counted right.
func TestMigrationBackfillsAllocationOwners(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := database.Open(ctx, dbtest.DSN(t, "backfill.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	defer st.Close()
	sys := database.System(ctx)
	now := time.Now().UTC()
	u, err := st.Client.User.Create().SetName("old").SetRole("USER").Save(sys)
	require.NoError(t, err)
	p, err := st.Client.Product.Create().SetSku("4D.small").SetTier(4).SetType("D").SetSize("small").
		SetName("old").SetPricePerDay(100).SetCurrency("USD").Save(sys)
	require.NoError(t, err)
	it, err := st.Client.InventoryItem.Create().SetName("old-1").SetProductID(p.ID).Save(sys)
	require.NoError(t, err)
	l, err := st.Client.Lease.Create().SetOwnerID(u.ID).SetDuration(0).SetRequest([]schematype.LeaseLine{}).Save(sys)
	require.NoError(t, err)
	a, err := st.Client.Allocation.Create().SetLeaseID(l.ID).SetItemID(it.ID).SetCreatedAt(now).Save(sys)
	require.NoError(t, err)
	require.Zero(t, a.OwnerID, "written as an older build would")

	require.NoError(t, st.Migrate(ctx))
	a, err = st.Client.Allocation.Get(sys, a.ID)
	require.NoError(t, err)
	require.Equal(t, u.ID, a.OwnerID)
}

// Leases active before the booking ledger existed get one ledger row per product at the next
// migration, and a second migration adds nothing.
func TestMigrationBackfillsBookingsOfActiveLeases(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := database.Open(ctx, dbtest.DSN(t, "backfill-bookings.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	defer st.Close()
	sys := database.System(ctx)
	now := time.Now().UTC().Truncate(time.Microsecond)
	end := now.Add(48 * time.Hour)
	u, err := st.Client.User.Create().SetName("old").SetRole("USER").Save(sys)
	require.NoError(t, err)
	p, err := st.Client.Product.Create().SetSku("4D.small").SetTier(4).SetType("D").SetSize("small").
		SetName("old").SetPricePerDay(100).SetCurrency("USD").Save(sys)
	require.NoError(t, err)
	active, err := st.Client.Lease.Create().SetOwnerID(u.ID).SetDuration(0).SetRequest([]schematype.LeaseLine{}).
		SetStatus("ACTIVE").SetStartsAt(now).SetEndsAt(end).Save(sys)
	require.NoError(t, err)
	returned, err := st.Client.Lease.Create().SetOwnerID(u.ID).SetDuration(0).SetRequest([]schematype.LeaseLine{}).
		SetStatus("RETURNED").SetStartsAt(now).SetEndsAt(end).Save(sys)
	require.NoError(t, err)
	for i, l := range []int{active.ID, active.ID, returned.ID} {
		it, err := st.Client.InventoryItem.Create().SetName(fmt.Sprintf("old-%d", i)).SetProductID(p.ID).Save(sys)
		require.NoError(t, err)
		a := st.Client.Allocation.Create().SetLeaseID(l).SetItemID(it.ID).SetOwnerID(u.ID).SetCreatedAt(now)
		if l == returned.ID {
			a.SetReleasedAt(now)
		}
		require.NoError(t, a.Exec(sys))
	}

	require.NoError(t, st.Migrate(ctx))
	require.NoError(t, st.Migrate(ctx))
	rows, err := st.Client.Booking.Query().All(sys)
	require.NoError(t, err)
	require.Len(t, rows, 1, "one row for the active lease's product, none for the returned lease")
	require.Equal(t, active.ID, rows[0].LeaseID)
	require.Equal(t, p.ID, rows[0].ProductID)
	require.Equal(t, 2, rows[0].Quantity)
	require.True(t, rows[0].StartsAt.Equal(now), "starts %v", rows[0].StartsAt)
	require.True(t, rows[0].EndsAt.Equal(end))
	require.True(t, rows[0].FreeAt.Equal(end))
}

// Items labelled before labels were indexed get their item_labels rows at the next migration,
// once: a second migration adds nothing.
func TestMigrationBackfillsItemLabels(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := database.Open(ctx, dbtest.DSN(t, "labels.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	defer st.Close()
	sys := database.System(ctx)
	p, err := st.Client.Product.Create().SetSku("4D.small").SetTier(4).SetType("D").SetSize("small").
		SetName("old").SetPricePerDay(100).SetCurrency("USD").Save(sys)
	require.NoError(t, err)
	_, err = st.Client.InventoryItem.Create().SetName("old-1").SetProductID(p.ID).SetLabels([]string{"gpu", "rack=a", "gpu"}).Save(sys)
	require.NoError(t, err)
	_, err = st.Client.InventoryItem.Create().SetName("old-2").SetProductID(p.ID).Save(sys)
	require.NoError(t, err)
	for range 2 {
		require.NoError(t, st.Migrate(ctx))
		got, err := st.Client.ItemLabel.Query().All(sys)
		require.NoError(t, err)
		var labels []string
		for _, l := range got {
			labels = append(labels, l.Label)
		}
		require.ElementsMatch(t, []string{"gpu", "rack=a"}, labels)
	}
}
