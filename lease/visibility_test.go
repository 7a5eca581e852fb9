package lease

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/viewer"
	"github.com/hardcandy/hardcandy/visibility"
)

// TestReadPolicyIsTheVisibilityRule: for every demo user, the leases, their items and the
// extension requests the ent read policies return are exactly the ones visibility.MaySee
// accepts one by one, and a lease the rule hides answers NOT_FOUND to a lookup and an action.
func TestReadPolicyIsTheVisibilityRule(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, who := range []string{"alice", "bob", "manny", "admin"} {
		l := b.vend(t, who, VendInput{SKU: sku("4D.small"), Duration: days(7)})
		_, err := b.svc.Extend(b.as[who], l.ID, days(90)) // beyond policy: an open request, or an extension for deciders
		require.NoError(t, err)
	}
	sys := database.System(context.Background())
	leases, err := b.client.Lease.Query().WithAllocations().All(sys)
	require.NoError(t, err)
	requests, err := b.client.ExtensionRequest.Query().All(sys)
	require.NoError(t, err)
	require.NotEmpty(t, requests)

	for who, ctx := range b.as {
		v, _ := viewer.FromContext(ctx)
		var wantLeases, wantItems, wantRequests []int
		for _, l := range leases {
			if visibility.MaySee(v, holding(l)) {
				wantLeases = append(wantLeases, l.ID)
				for _, a := range l.Edges.Allocations {
					wantItems = append(wantItems, a.ItemID)
				}
			}
		}
		for _, r := range requests {
			if visibility.MaySee(v, requestHolding(r)) {
				wantRequests = append(wantRequests, r.ID)
			}
		}
		gotLeases, err := b.client.Lease.Query().IDs(ctx)
		require.NoError(t, err)
		require.ElementsMatch(t, wantLeases, gotLeases, who)
		if !v.IsAdmin() { // admins see the whole inventory, leased or not
			gotItems, err := b.client.InventoryItem.Query().IDs(ctx)
			require.NoError(t, err)
			require.ElementsMatch(t, wantItems, gotItems, who)
		}
		gotRequests, err := b.client.ExtensionRequest.Query().IDs(ctx)
		require.NoError(t, err)
		require.ElementsMatch(t, wantRequests, gotRequests, who)

		for _, l := range leases {
			_, err := b.client.Lease.Get(ctx, l.ID)
			if slices.Contains(wantLeases, l.ID) {
				require.NoError(t, err, "%s reads lease %d", who, l.ID)
				continue
			}
			require.True(t, ent.IsNotFound(err), "%s reads lease %d: %v", who, l.ID, err)
			_, err = b.svc.Return(ctx, l.ID)
			require.ErrorIs(t, err, apperr.NotFound, "%s returns lease %d", who, l.ID)
		}
	}
}
