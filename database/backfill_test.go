package database_test

import (
	"context"
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
