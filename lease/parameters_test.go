package lease

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/ent"
	entorder "github.com/hardcandy/hardcandy/ent/order"
	"github.com/hardcandy/hardcandy/ent/schematype"
)

const aliceKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHJexwVBWx5XOHxkU3BNEZk8kKxuMgLzyYBpcwq7i2F6 alice@lab"

func pv(name, value string) *schematype.ParameterValue {
	return &schematype.ParameterValue{Name: name, Value: value}
}

// recordVends makes b's dispenser remember the parameters of every item it vends, by item SKU.
func (b *bundle) recordVends() func() map[string][]map[string]any {
	var mu sync.Mutex
	got := map[string][]map[string]any{}
	b.disp.vend = func(it dispenser.Item) (json.RawMessage, error) {
		mu.Lock()
		got[it.SKU] = append(got[it.SKU], it.Parameters)
		mu.Unlock()
		return json.RawMessage(`{"ok":true}`), nil
	}
	return func() map[string][]map[string]any {
		mu.Lock()
		defer mu.Unlock()
		return got
	}
}

func TestVendParametersRefused(t *testing.T) {
	t.Parallel()
	b := setup(t)
	tests := []struct {
		name string
		in   VendInput
		err  string
	}{
		{name: "unknown", in: VendInput{SKU: sku("4D.small"), Parameters: []*schematype.ParameterValue{pv("colour", "red")}},
			err: "parameters: colour: unknown parameter; 4D.small takes image, ssh_key"},
		{name: "none declared", in: VendInput{SKU: sku("1A.org"), Parameters: []*schematype.ParameterValue{pv("image", "x")}},
			err: "1A.org takes no parameters"},
		{name: "enum", in: VendInput{SKU: sku("4D.small"), Parameters: []*schematype.ParameterValue{pv("image", "windows")}},
			err: `parameters: image: must be one of ubuntu-24.04, ubuntu-22.04, debian-12, rocky-9, got "windows"`},
		{name: "ssh key", in: VendInput{SKU: sku("4D.small"), Parameters: []*schematype.ParameterValue{pv("ssh_key", "hello")}},
			err: "parameters: ssh_key: must be one SSH public key"},
		{name: "range", in: VendInput{SKU: sku("3A.small"), Parameters: []*schematype.ParameterValue{pv("size_gb", "5000")}},
			err: "parameters: size_gb: must be within 100..1000, got 5000"},
		{name: "pattern", in: VendInput{SKU: sku("2C.small"), Parameters: []*schematype.ParameterValue{pv("domain", "Not A Domain")}},
			err: "parameters: domain: must match the pattern"},
		{name: "line", in: VendInput{Lines: []*schematype.LeaseLine{{SKU: "1A.org", Quantity: 1},
			{SKU: "4D.small", Quantity: 1, Parameters: []*schematype.ParameterValue{pv("image", "x")}}}},
			err: "lines[1].parameters: image: must be one of"},
		{name: "with lines", in: VendInput{Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 1}}, Parameters: []*schematype.ParameterValue{pv("image", "debian-12")}},
			err: "parameters: go with sku"},
		{name: "bundle unknown", in: VendInput{SKU: sku("4E.lab3"), Parameters: []*schematype.ParameterValue{pv("4E.small.image", "x")}},
			err: "4E.small.image: unknown parameter; 4E.small takes no parameters"},
	}
	for _, tt := range tests {
		_, err := b.svc.Vend(b.as["alice"], tt.in)
		require.ErrorIs(t, err, apperr.InvalidArgument, tt.name)
		require.ErrorContains(t, err, tt.err, tt.name)
	}
	require.Zero(t, b.leaseCount(t), "a refused vend writes nothing")
	require.Zero(t, b.disp.calls)
}

func TestParametersReachTheDispenser(t *testing.T) {
	t.Parallel()
	b := setup(t)
	got := b.recordVends()
	b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Parameters: []*schematype.ParameterValue{pv("ssh_key", "  "+aliceKey+"\n")}})
	b.vend(t, "alice", VendInput{Lines: []*schematype.LeaseLine{
		{SKU: "3A.small", Quantity: 1, Parameters: []*schematype.ParameterValue{pv("admin_password", "hunter2")}},
		{SKU: "2C.small", Quantity: 1, Parameters: []*schematype.ParameterValue{pv("domain", "apps.example.com")}},
	}})
	require.Equal(t, []map[string]any{{"image": "ubuntu-24.04", "ssh_key": aliceKey}}, got()["4D.small"], "the default applied, the key normalized")
	require.Equal(t, []map[string]any{{"size_gb": int64(250), "admin_password": "hunter2"}}, got()["3A.small"], "typed, the secret in the clear for the backend")
	require.Equal(t, []map[string]any{{"domain": "apps.example.com"}}, got()["2C.small"])

	// Lines of one product with different parameters, and a bundle holding it: each item gets its own line's.
	multi := b.vend(t, "bob", VendInput{Lines: []*schematype.LeaseLine{
		{SKU: "4D.small", Quantity: 2, Parameters: []*schematype.ParameterValue{pv("image", "rocky-9")}},
		{SKU: "4E.lab3", Quantity: 1},
		{SKU: "4D.small", Quantity: 1, Parameters: []*schematype.ParameterValue{pv("image", "debian-12")}},
	}})
	images := map[any]int{}
	for _, p := range got()["4D.small"][1:] {
		images[p["image"]]++
	}
	require.Equal(t, map[any]int{"rocky-9": 2, "ubuntu-22.04": 3, "debian-12": 1}, images)
	o, err := b.client.Order.Query().Where(entorder.LeaseID(multi.ID)).Only(database.System(context.Background()))
	require.NoError(t, err)
	var lines []string
	for _, p := range OrderParameters(o) {
		lines = append(lines, fmt.Sprintf("%d %s %s=%s", p.Line, p.SKU, p.Name, *p.Value))
	}
	require.Equal(t, []string{"0 4D.small image=rocky-9", "1 4E.lab3 image=ubuntu-22.04", "2 4D.small image=debian-12"}, lines)
	b.invariants(t)
}

func TestBundleParameters(t *testing.T) {
	t.Parallel()
	b := setup(t)
	got := b.recordVends()
	l := b.vend(t, "alice", VendInput{SKU: sku("4E.lab3"), Parameters: []*schematype.ParameterValue{pv("ssh_key", aliceKey)}})
	require.Len(t, got()["4D.small"], 3)
	for _, p := range got()["4D.small"] {
		require.Equal(t, map[string]any{"image": "ubuntu-22.04", "ssh_key": aliceKey}, p, "the bundle's default, the plain name to each component declaring it")
	}
	require.Equal(t, []map[string]any{nil}, got()["4E.small"])

	ps, err := b.svc.Parameters(b.as["alice"], l)
	require.NoError(t, err)
	require.Len(t, ps, 2)
	require.Equal(t, "4E.lab3", ps[0].SKU)
	require.Equal(t, "4D.small", *ps[0].Component)
	require.Equal(t, "image", ps[0].Name)

	// SKU.name overrides the bundle's default for that component.
	b.vend(t, "bob", VendInput{SKU: sku("4E.lab3"), Parameters: []*schematype.ParameterValue{pv("4D.small.image", "rocky-9")}})
	require.Len(t, got()["4D.small"], 6)
	require.Equal(t, "rocky-9", got()["4D.small"][5]["image"])
}

func TestSecretParametersSealedAndVisible(t *testing.T) {
	t.Parallel()
	dsn := dbtest.DSN(t, "params.db")
	b := setupAt(t, dsn)
	l := b.vend(t, "alice", VendInput{SKU: sku("3A.small"),
		Parameters: []*schematype.ParameterValue{pv("admin_password", "hunter2-plaintext"), pv("size_gb", "500")}})

	// What the database holds: the lease's request and the order never have the plaintext.
	st, err := database.Open(context.Background(), dsn, database.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	var request string
	require.NoError(t, st.DB.QueryRow(fmt.Sprintf("SELECT request FROM leases WHERE id = %d", l.ID)).Scan(&request))
	require.Contains(t, request, "admin_password")
	require.Contains(t, request, `"sealed"`)
	require.NotContains(t, request, "hunter2")
	var orders string
	require.NoError(t, st.DB.QueryRow(fmt.Sprintf("SELECT parameters FROM orders WHERE lease_id = %d", l.ID)).Scan(&orders))
	require.Contains(t, orders, "size_gb")
	require.NotContains(t, orders, "hunter2")

	// The owner and admins read the secret; a manager of the cost center and others do not.
	fresh, err := b.client.Lease.Get(database.System(context.Background()), l.ID)
	require.NoError(t, err)
	for who, want := range map[string]bool{"alice": true, "admin": true, "manny": false, "bob": false} {
		ps, err := b.svc.Parameters(b.as[who], fresh)
		require.NoError(t, err)
		require.Len(t, ps, 2, who)
		byName := map[string]*Parameter{}
		for _, p := range ps {
			byName[p.Name] = p
		}
		require.Equal(t, "500", *byName["size_gb"].Value, who)
		require.True(t, byName["admin_password"].Secret)
		if want {
			require.Equal(t, "hunter2-plaintext", *byName["admin_password"].Value, who)
		} else {
			require.Nil(t, byName["admin_password"].Value, who)
		}
	}

	// The order keeps the parameters, the secret without its value.
	o, err := b.client.Order.Query().Where(entorder.LeaseID(l.ID)).Only(database.System(context.Background()))
	require.NoError(t, err)
	ops := OrderParameters(o)
	require.Len(t, ops, 2)
	for _, p := range ops {
		if p.Secret {
			require.Nil(t, p.Value)
		} else {
			require.Equal(t, "500", *p.Value)
		}
	}

	// Extending keeps them: the EXTEND order has the same, the secret again without its value.
	_, err = b.svc.Extend(b.as["alice"], l.ID, days(1))
	require.NoError(t, err)
	ext, err := b.client.Order.Query().Where(entorder.LeaseID(l.ID), entorder.Kind("EXTEND")).Only(database.System(context.Background()))
	require.NoError(t, err)
	require.Equal(t, ops, OrderParameters(ext))
	var leaked int
	require.NoError(t, st.DB.QueryRow(fmt.Sprintf("SELECT COUNT(*) FROM orders WHERE lease_id = %d AND CAST(parameters AS TEXT) LIKE '%%hunter2%%'", l.ID)).Scan(&leaked))
	require.Zero(t, leaked)

	// The lease's events and notices never carry it either.
	for _, q := range []string{"SELECT COUNT(*) FROM events WHERE message LIKE '%hunter2%'",
		"SELECT COUNT(*) FROM notices WHERE CAST(payload AS TEXT) LIKE '%hunter2%'"} {
		var n int
		require.NoError(t, st.DB.QueryRow(q).Scan(&n), q)
		require.Zero(t, n, q)
	}
}

func TestParametersThroughApprovalExpandAndFault(t *testing.T) {
	t.Parallel()
	b := setup(t)
	got := b.recordVends()
	// Approval: the parameters wait with the lease (sealed) and reach the dispenser when approved.
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.large"), Duration: days(3),
		Parameters: []*schematype.ParameterValue{pv("image", "rocky-9")}})
	require.Equal(t, Pending, l.Status)
	ps, err := b.svc.Parameters(b.as["manny"], l)
	require.NoError(t, err)
	require.Equal(t, "rocky-9", *ps[0].Value, "the approver sees what is asked")
	_, err = b.svc.Approve(b.as["manny"], l.ID)
	require.NoError(t, err)
	require.Equal(t, []map[string]any{{"image": "rocky-9"}}, got()["4D.large"])

	// Expand: the new lines carry their own parameters; the lease shows both.
	_, err = b.svc.Expand(b.as["alice"], l.ID, []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 1,
		Parameters: []*schematype.ParameterValue{pv("image", "debian-12")}}})
	require.NoError(t, err)
	require.Equal(t, []map[string]any{{"image": "debian-12"}}, got()["4D.small"])
	_, err = b.svc.Expand(b.as["alice"], l.ID, []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 1,
		Parameters: []*schematype.ParameterValue{pv("image", "beos")}}})
	require.ErrorIs(t, err, apperr.InvalidArgument)
	require.ErrorContains(t, err, "lines[0].parameters: image: must be one of")
	fresh, err := b.client.Lease.Get(database.System(context.Background()), l.ID)
	require.NoError(t, err)
	ps, err = b.svc.Parameters(b.as["alice"], fresh)
	require.NoError(t, err)
	require.Len(t, ps, 2)
	require.Equal(t, []int{0, 1}, []int{ps[0].Line, ps[1].Line})

	// A faulty item's replacement is vended with the parameters of its line.
	items := b.items(t, l.ID)
	var small *ent.InventoryItem
	for _, it := range items {
		if it.ProductID == b.productID(t, "4D.small") {
			small = it
		}
	}
	require.NotNil(t, small)
	f, err := b.svc.MarkFaulty(b.as["admin"], small.ID, "disk died")
	require.NoError(t, err)
	require.NotNil(t, f.Replacement)
	require.Equal(t, []map[string]any{{"image": "debian-12"}, {"image": "debian-12"}}, got()["4D.small"])
	b.invariants(t)
}

// A reservation keeps its parameters sealed until it starts; the start job opens them for the
// dispenser, secrets included, as a vend now would.
func TestReservationParametersReachTheDispenserAtStart(t *testing.T) {
	t.Parallel()
	b := setup(t)
	got := b.recordVends()
	start := b.clock.Now().Add(48 * time.Hour)
	l := b.vend(t, "alice", VendInput{SKU: sku("3A.small"), StartsAt: &start, Duration: days(1),
		Parameters: []*schematype.ParameterValue{pv("admin_password", "hunter2"), pv("size_gb", "300")}})
	require.Equal(t, Scheduled, l.Status)
	require.Empty(t, got()["3A.small"], "nothing dispensed before the start")

	b.clock.Advance(48*time.Hour - time.Minute)
	_, err := b.svc.StartBookings(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, Active, b.lease(t, l.ID).Status)
	require.Equal(t, []map[string]any{{"size_gb": int64(300), "admin_password": "hunter2"}}, got()["3A.small"])
	b.invariants(t)
}
