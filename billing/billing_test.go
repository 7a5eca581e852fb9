package billing_test

import (
	"context"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/billing"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/secret"
	"github.com/hardcandy/hardcandy/viewer"
)

type bundle struct {
	client  *ent.Client
	store   *database.Store
	clock   *clockwork.FakeClock
	leases  *lease.Service
	billing *billing.Service
	as      map[string]context.Context
}

// setup starts on 30 October 2026, 12:00 UTC, with bills in Berlin time.
func setup(t *testing.T) *bundle {
	t.Helper()
	ctx := context.Background()
	st, err := database.Open(ctx, dbtest.DSN(t, "bill.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	clock := clockwork.NewFakeClockAt(time.Date(2026, 10, 30, 12, 0, 0, 0, time.UTC))
	_, err = demo.Load(ctx, demo.Services{Client: st.Client, Auth: auth.NewService(st, clock),
		Catalog: catalog.NewService(st, clock), Inventory: inventory.NewService(st, clock)})
	require.NoError(t, err)
	sim, err := dispenser.New(dispenser.Config{})
	require.NoError(t, err)
	box, err := secret.New(make([]byte, secret.KeySize))
	require.NoError(t, err)
	bs, err := billing.NewService(st, clock, billing.Config{TimeZone: "Europe/Berlin"})
	require.NoError(t, err)
	b := &bundle{client: st.Client, store: st, clock: clock, billing: bs, as: map[string]context.Context{},
		leases: lease.NewService(st, clock, sim, box, lease.Config{}, lease.Deps{})}
	users, err := st.Client.User.Query().All(database.System(ctx))
	require.NoError(t, err)
	for _, u := range users {
		v := viewer.Viewer{UserID: u.ID, Name: u.Name, Role: viewer.Role(u.Role)}
		if u.CostCenterID != nil {
			v.CostCenterID = *u.CostCenterID
		}
		b.as[u.Name] = viewer.NewContext(ctx, v)
	}
	return b
}

func (b *bundle) vend(t *testing.T, who, sku string, d time.Duration) *ent.Lease {
	t.Helper()
	l, err := b.leases.Vend(b.as[who], lease.VendInput{SKU: &sku, Duration: duration.Duration(d)})
	require.NoError(t, err)
	return l
}

func month(s string) *string { return &s }

func (b *bundle) bill(t *testing.T, who, m string) *billing.Bill {
	t.Helper()
	bills, err := b.billing.Bills(b.as[who], nil, month(m))
	require.NoError(t, err)
	require.Len(t, bills, 1)
	return bills[0]
}

// TestMonthsInTheConfiguredZone: October 2026 in Berlin has 745 hours (DST ends on the 25th) and
// ends at 23:00 UTC on the 31st; use across the boundary is split there.
func TestMonthsInTheConfiguredZone(t *testing.T) {
	t.Parallel()
	b := setup(t)
	from, to, err := b.billing.MonthRange("2026-10")
	require.NoError(t, err)
	require.Equal(t, time.Date(2026, 9, 30, 22, 0, 0, 0, time.UTC), from)
	require.Equal(t, time.Date(2026, 10, 31, 23, 0, 0, 0, time.UTC), to)
	require.Equal(t, 745*time.Hour, to.Sub(from))
	_, _, err = b.billing.MonthRange("October")
	require.ErrorIs(t, err, apperr.InvalidArgument)

	b.vend(t, "alice", "4D.small", 4*24*time.Hour) // 4 days at 6000/day: an order of 24000
	oct, nov := b.bill(t, "manny", "2026-10"), b.bill(t, "manny", "2026-11")
	require.False(t, oct.Definitive)
	require.Equal(t, 8750, oct.Total, "35 of 96 hours fall in October")
	require.Equal(t, 15250, nov.Total)
	require.InDelta(t, 35.0, oct.Lines[0].ItemHours, 1e-9)
	require.Equal(t, "USD", oct.Currency)
}

// TestReturnedEarlyIsChargedToReturn: a lease given back after one of its four days costs one day.
func TestReturnedEarlyIsChargedToReturn(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.clock.Advance(3 * 24 * time.Hour) // 2 November, inside the month
	l := b.vend(t, "alice", "4D.small", 4*24*time.Hour)
	b.clock.Advance(24 * time.Hour)
	_, err := b.leases.Return(b.as["alice"], l.ID)
	require.NoError(t, err)
	nov := b.bill(t, "admin", "2026-11")
	require.Equal(t, 6000, nov.Total)
	require.InDelta(t, 24.0, nov.Lines[0].ItemHours, 1e-9)
	require.Equal(t, l.ID, *nov.Lines[0].LeaseID)
}

// TestCloseIsDefinitiveAndOnce: closing writes each past month once; a definitive bill survives
// price changes and retirement.
func TestCloseIsDefinitiveAndOnce(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.vend(t, "alice", "4D.small", 4*24*time.Hour)
	b.vend(t, "bob", "4E.lab3", 2*24*time.Hour) // FIELD's bundle: 4 items
	n, err := b.billing.Close(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n, "October is not over yet")

	b.clock.Advance(40 * 24 * time.Hour) // into December: October and November are over
	n, err = b.billing.Close(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 4, n, "October and November, for ENG and FIELD")
	n, err = b.billing.Close(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n, "a second close writes nothing")

	before := b.bill(t, "manny", "2026-11")
	require.True(t, before.Definitive)
	require.NotZero(t, before.ID)
	sys := database.System(context.Background())
	require.NoError(t, b.client.Product.Update().Where(product.Sku("4D.small")).SetPricePerDay(99999).SetRetiredAt(b.clock.Now()).Exec(sys))
	after := b.bill(t, "manny", "2026-11")
	require.Equal(t, before, after)

	field, err := b.billing.Bills(b.as["admin"], month("FIELD"), month("2026-10"))
	require.NoError(t, err)
	require.Len(t, field, 1)
	require.InDelta(t, 4*35.0, field[0].Lines[0].ItemHours, 1e-9, "a bundle counts its four items")
}

func TestBillsAuthorization(t *testing.T) {
	t.Parallel()
	b := setup(t)
	_, err := b.billing.Bills(b.as["alice"], nil, nil)
	require.ErrorIs(t, err, apperr.Forbidden)
	_, err = b.billing.Bills(b.as["manny"], month("FIELD"), nil)
	require.ErrorIs(t, err, apperr.Forbidden)
	_, err = b.billing.Bills(b.as["manny"], nil, nil)
	require.NoError(t, err)
	_, err = b.billing.Bills(b.as["admin"], month("NOPE"), nil)
	require.ErrorIs(t, err, apperr.NotFound)
	_, err = b.billing.Bills(context.Background(), nil, nil)
	require.ErrorIs(t, err, apperr.Unauthenticated)
}

func TestUsage(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.vend(t, "alice", "4D.small", 24*time.Hour)
	b.vend(t, "bob", "2C.small", 24*time.Hour)
	from, to := b.clock.Now(), b.clock.Now().Add(48*time.Hour)

	rows, err := b.billing.Usage(b.as["admin"], from, to, billing.ByUser)
	require.NoError(t, err)
	require.Equal(t, []billing.UsageRow{{Key: "alice", ItemHours: 24, Cost: 6000, Currency: "USD"},
		{Key: "bob", ItemHours: 24, Cost: 4500, Currency: "USD"}}, rows)
	rows, err = b.billing.Usage(b.as["alice"], from, to, billing.ByUser)
	require.NoError(t, err)
	require.Len(t, rows, 1, "users see their own use")
	rows, err = b.billing.Usage(b.as["manny"], from, to, billing.ByCostCenter)
	require.NoError(t, err)
	require.Equal(t, []billing.UsageRow{{Key: "ENG", ItemHours: 24, Cost: 6000, Currency: "USD"}}, rows)
	rows, err = b.billing.Usage(b.as["admin"], from, to, billing.ByProduct)
	require.NoError(t, err)
	require.Equal(t, "2C.small", rows[0].Key)
	require.Equal(t, "key,item_hours,cost,currency\n2C.small,24.00,4500,USD\n4D.small,24.00,6000,USD\n", billing.CSV(rows))

	_, err = b.billing.Usage(b.as["admin"], to, from, billing.ByUser)
	require.ErrorIs(t, err, apperr.InvalidArgument)
	_, err = b.billing.Usage(b.as["admin"], from, to, "TEAM")
	require.ErrorIs(t, err, apperr.InvalidArgument)
}

func TestSetEntitlement(t *testing.T) {
	t.Parallel()
	b := setup(t)
	_, err := b.billing.SetEntitlement(b.as["manny"], "ENG", "4D.small", 1)
	require.ErrorIs(t, err, apperr.Forbidden)
	_, err = b.billing.SetEntitlement(b.as["admin"], "ENG", "4D.small", -1)
	require.ErrorIs(t, err, apperr.InvalidArgument)
	_, err = b.billing.SetEntitlement(b.as["admin"], "NOPE", "4D.small", 1)
	require.ErrorIs(t, err, apperr.NotFound)
	cc, err := b.billing.SetEntitlement(b.as["admin"], "ENG", "4D.small", 1)
	require.NoError(t, err)
	require.NotNil(t, cc.EntitlementsBagID)

	b.vend(t, "alice", "4D.small", 24*time.Hour)
	sku := "4D.small"
	_, err = b.leases.Vend(b.as["manny"], lease.VendInput{SKU: &sku, Duration: duration.Duration(24 * time.Hour)})
	require.ErrorIs(t, err, apperr.PolicyViolation)
	require.ErrorContains(t, err, "cost center ENG may hold 1 of 4D.small and holds 1")

	_, err = b.billing.SetEntitlement(b.as["admin"], "ENG", "4D.small", 0) // 0 lifts the limit
	require.NoError(t, err)
	b.vend(t, "manny", "4D.small", 24*time.Hour)
}

// TestUsagePathsAgree: the aggregate computed inside SQLite and the streaming one (used on other
// databases) agree to the minor unit, with early returns, bundles and a month boundary.
func TestUsagePathsAgree(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.vend(t, "alice", "4D.small", 4*24*time.Hour) // across the October/November boundary
	b.vend(t, "bob", "4E.lab3", 3*24*time.Hour)    // a bundle: 4 items
	l := b.vend(t, "manny", "2C.small", 5*24*time.Hour)
	b.clock.Advance(30 * time.Hour)
	_, err := b.leases.Return(b.as["manny"], l.ID) // returned early
	require.NoError(t, err)
	streaming := b.billing.Streaming()
	for _, win := range [][2]time.Time{
		{time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(2026, 10, 31, 23, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)},
	} {
		for _, by := range []billing.Grouping{billing.ByCostCenter, billing.ByUser, billing.ByProduct} {
			agg, err := b.billing.Usage(b.as["admin"], win[0], win[1], by)
			require.NoError(t, err)
			str, err := streaming.Usage(b.as["admin"], win[0], win[1], by)
			require.NoError(t, err)
			require.NotEmpty(t, agg)
			require.Len(t, agg, len(str))
			for i := range agg {
				require.Equal(t, str[i].Key, agg[i].Key)
				require.Equal(t, str[i].Cost, agg[i].Cost, "%s %s", by, agg[i].Key)
				require.InDelta(t, str[i].ItemHours, agg[i].ItemHours, 1e-6)
			}
		}
	}
}

// TestCSVNeutralisesFormulas: a key a spreadsheet would run as a formula (a user named
// "=HYPERLINK(...)") is written as text.
func TestCSVNeutralisesFormulas(t *testing.T) {
	t.Parallel()
	rows := []billing.UsageRow{
		{Key: "=HYPERLINK(\"http://evil\",\"x\")", Currency: "USD"},
		{Key: "+1", Currency: "USD"}, {Key: "-2", Currency: "USD"}, {Key: "@SUM(A1)", Currency: "USD"},
		{Key: "\t=1", Currency: "USD"}, {Key: "alice", Currency: "USD"},
	}
	require.Equal(t, "key,item_hours,cost,currency\n"+
		"\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",0.00,0,USD\n"+
		"'+1,0.00,0,USD\n'-2,0.00,0,USD\n'@SUM(A1),0.00,0,USD\n'\t=1,0.00,0,USD\nalice,0.00,0,USD\n", billing.CSV(rows))
}
