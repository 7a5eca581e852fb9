package lease

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/visibility"
)

// TestCustomProductsOnlyForTheirPeople: a custom product made for alice is vended (and added by
// expansion) only by her, her cost center's manager and admins; to bob it does not exist. One
// made for nobody is for admins.
func TestCustomProductsOnlyForTheirPeople(t *testing.T) {
	t.Parallel()
	b := setup(t)
	sys := database.System(context.Background())
	alice, err := b.client.User.Query().Where(user.Name("alice")).Only(sys)
	require.NoError(t, err)
	cat := catalog.NewService(b.store, b.clock)
	inv := inventory.NewService(b.store, b.clock)
	yes, until := true, b.clock.Now().Add(30*24*time.Hour)
	for sku, holder := range map[string]*visibility.Holding{"4D.gpu": {OwnerID: alice.ID, CostCenterID: alice.CostCenterID}, "4D.odd": nil} {
		_, err := cat.Create(b.as["admin"], catalog.CreateInput{SKU: sku, Name: sku, PricePerDay: 100, Currency: "USD",
			Custom: &yes, ExpiresAt: &until, For: holder})
		require.NoError(t, err)
		_, err = inv.Add(b.as["admin"], []*inventory.NewItem{{SKU: sku, Name: sku + "-1"}, {SKU: sku, Name: sku + "-2"}, {SKU: sku, Name: sku + "-3"}})
		require.NoError(t, err)
	}

	_, err = b.svc.Vend(b.as["bob"], VendInput{SKU: sku("4D.gpu"), Duration: days(1)})
	require.ErrorIs(t, err, apperr.NotFound)
	bobs := b.vend(t, "bob", VendInput{SKU: sku("3A.small"), Duration: days(1)})
	_, err = b.svc.Expand(b.as["bob"], bobs.ID, []*schematype.LeaseLine{{SKU: "4D.gpu", Quantity: 1}})
	require.ErrorIs(t, err, apperr.NotFound)
	for _, who := range []string{"alice", "manny", "admin"} {
		l := b.vend(t, who, VendInput{SKU: sku("4D.gpu"), Duration: days(1)})
		require.Equal(t, Active, l.Status, who)
	}
	_, err = b.svc.Vend(b.as["alice"], VendInput{SKU: sku("4D.odd"), Duration: days(1)})
	require.ErrorIs(t, err, apperr.NotFound, "made for nobody: admins only")
	b.vend(t, "admin", VendInput{SKU: sku("4D.odd"), Duration: days(1)})
	b.invariants(t)
}
