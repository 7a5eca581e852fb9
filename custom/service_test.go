package custom_test

import (
	"context"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/custom"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

// TestRequestFulfilDecline: users ask; only admins fulfil (a custom product made for the
// requester, with items) or decline (with a reason); a request is decided once; a fulfilment
// whose items are refused leaves no product behind.
func TestRequestFulfilDecline(t *testing.T) {
	t.Parallel()
	st := dbtest.Open(t, database.Options{})
	clock := clockwork.NewFakeClockAt(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	a := auth.NewService(st, clock)
	cat := catalog.NewService(st, clock)
	svc := custom.NewService(st, clock, cat, inventory.NewService(st, clock))
	as := map[string]context.Context{}
	for name, role := range map[string]viewer.Role{"admin": viewer.RoleAdmin, "alice": viewer.RoleUser} {
		_, tok, err := a.AddUser(context.Background(), auth.NewUser{Name: name, Role: role, CostCenter: "ENG"})
		require.NoError(t, err)
		v, err := a.Authenticate(context.Background(), tok)
		require.NoError(t, err)
		as[name] = viewer.NewContext(context.Background(), v)
	}
	_, err := svc.Request(as["alice"], custom.NewRequest{Description: "x", Quantity: 0, Duration: duration.Duration(duration.Day)})
	require.ErrorIs(t, err, apperr.InvalidArgument)
	r, err := svc.Request(as["alice"], custom.NewRequest{Description: "an FPGA", Quantity: 2, Duration: duration.Duration(duration.Day)})
	require.NoError(t, err)
	require.Equal(t, custom.Open, r.Status)

	in := custom.Fulfilment{SKU: "4E.fpga", Name: "FPGA", PricePerDay: 100, Currency: "USD", ExpiresAt: clock.Now().Add(48 * time.Hour),
		Items: []string{"fpga-1", "fpga-1"}}
	_, err = svc.Fulfil(as["alice"], r.ID, in)
	require.ErrorIs(t, err, apperr.Forbidden)
	_, err = svc.Fulfil(as["admin"], r.ID, in)
	require.Error(t, err, "the same item name twice")
	n, err := st.Client.Product.Query().Where(product.Sku("4E.fpga")).Count(database.System(context.Background()))
	require.NoError(t, err)
	require.Zero(t, n, "no product left behind")

	in.Items = []string{"fpga-1", "fpga-2"}
	done, err := svc.Fulfil(as["admin"], r.ID, in)
	require.NoError(t, err)
	require.Equal(t, custom.Fulfilled, done.Status)
	p, err := st.Client.Product.Get(database.System(context.Background()), *done.ProductID)
	require.NoError(t, err)
	require.True(t, p.Custom)
	require.Equal(t, r.RequesterID, *p.CustomForID)
	_, err = svc.Decline(as["admin"], r.ID, "late")
	require.ErrorIs(t, err, apperr.Conflict)

	r2, err := svc.Request(as["alice"], custom.NewRequest{Description: "a mainframe", Quantity: 1, Duration: duration.Duration(duration.Day)})
	require.NoError(t, err)
	_, err = svc.Decline(as["alice"], r2.ID, "no")
	require.ErrorIs(t, err, apperr.Forbidden)
	dec, err := svc.Decline(as["admin"], r2.ID, "we have none")
	require.NoError(t, err)
	require.Equal(t, custom.Declined, dec.Status)
	mine, err := svc.List(as["alice"], nil)
	require.NoError(t, err)
	require.Len(t, mine, 2)
}
