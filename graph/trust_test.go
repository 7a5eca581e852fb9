package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/graph"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/secret"
)

// backend is a dispenser a test holds at the door: each vend says it started, then waits for
// release and answers ok, or fails when fail is set.
type backend struct {
	dispenser.Dispenser
	entered chan struct{}
	release chan struct{}
	fail    bool
}

func (d *backend) Vend(ctx context.Context, l dispenser.Lease, it dispenser.Item) (json.RawMessage, error) {
	d.entered <- struct{}{}
	<-d.release
	if d.fail {
		return nil, &dispenser.Error{Message: "BMC unreachable", Touched: false}
	}
	return d.Dispenser.Vend(ctx, l, it)
}

func setupBackend(t *testing.T, fail bool) (*bundle, *backend) {
	t.Helper()
	sim, err := dispenser.New(dispenser.Config{})
	require.NoError(t, err)
	d := &backend{Dispenser: sim, entered: make(chan struct{}, 10), release: make(chan struct{}), fail: fail}
	b := setupWith(t, func(r *graph.Resolver) {
		box, err := secret.New(make([]byte, secret.KeySize))
		require.NoError(t, err)
		r.Leasing = lease.NewService(r.Store, r.Clock, d, box, lease.Config{}, lease.Deps{Feed: r.Feed})
	})
	return b, d
}

// TestRejectedVendNamesItsLease: a vend the backend fails answers DISPENSER_FAILED with the
// lease it left behind in extensions.leaseId, and that lease reads back REJECTED, its
// never-vended allocation's credentials null rather than an error.
func TestRejectedVendNamesItsLease(t *testing.T) {
	t.Parallel()
	b, d := setupBackend(t, true)
	close(d.release)
	res := b.do(t, "alice", `mutation { vend(input: {sku: "4D.small", duration: "1d"}) { id } }`, nil)
	require.Equal(t, "DISPENSER_FAILED", res.code(), "%+v", res.Errors)
	id, ok := res.Errors[0].Extensions["leaseId"].(string)
	require.True(t, ok, "extensions: %v", res.Errors[0].Extensions)

	var shown struct {
		Lease struct {
			ID, Status    string
			StatusMessage *string
			Allocations   []struct{ Credentials *string }
		}
	}
	b.ok(t, "alice", `query($id: ID!) { lease(id: $id) { id status statusMessage allocations { credentials } } }`,
		map[string]any{"id": id}, &shown)
	require.Equal(t, id, shown.Lease.ID)
	require.Equal(t, "REJECTED", shown.Lease.Status)
	require.Len(t, shown.Lease.Allocations, 1)
	require.Nil(t, shown.Lease.Allocations[0].Credentials)
	b.ok(t, "admin", `query($id: ID!) { lease(id: $id) { allocations { credentials } } }`, map[string]any{"id": id}, nil)
}

// TestHungUpVendCompletes: a client that hangs up while the backend provisions (Ctrl-C in
// `hardcandy vend`) does not leave the item RESERVING: the vend completes, and the same
// idempotency key returns the ACTIVE lease.
func TestHungUpVendCompletes(t *testing.T) {
	t.Parallel()
	b, d := setupBackend(t, false)
	const vend = `mutation { vend(input: {sku: "4D.small", duration: "1d", idempotencyKey: "ctrl-c"}) { id status } }`
	body, err := json.Marshal(map[string]any{"query": vend})
	require.NoError(t, err)
	// The server in front tells when it has seen the client go, so the backend answers only
	// after the request's context ended.
	gone := make(chan struct{})
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		go func() {
			<-r.Context().Done()
			close(gone)
		}()
		b.srv.Config.Handler.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	ctx, hangUp := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, front.URL, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+b.tokens["alice"])
	sent := make(chan error, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
		}
		sent <- err
	}()
	<-d.entered
	hangUp()
	require.Error(t, <-sent, "the client gave up")
	<-gone
	close(d.release)

	sys := database.System(context.Background())
	var l *ent.Lease
	require.Eventually(t, func() bool {
		l, err = b.client.Lease.Query().Only(sys)
		return err == nil && l.Status != "PENDING"
	}, 20*time.Second, 10*time.Millisecond, "the vend reaches its outcome")
	require.Equal(t, "ACTIVE", string(l.Status))
	it, err := b.client.InventoryItem.Query().Where(inventoryitem.HasAllocationsWith(allocation.LeaseID(l.ID))).Only(sys)
	require.NoError(t, err)
	require.Equal(t, "LEASED", string(it.Status))

	var again struct{ Vend struct{ ID, Status string } }
	b.ok(t, "alice", vend, nil, &again)
	require.Equal(t, "ACTIVE", again.Vend.Status)
	n, err := b.client.Lease.Query().Count(sys)
	require.NoError(t, err)
	require.Equal(t, 1, n)
}

// TestStacksAreVisibleWithTheirHolder: a stack is visible exactly when what holds it is, through
// node and nodes too: an order's contents (and prices) to the order's readers, a cost center's
// entitlements to its members, a bundle's components to everyone signed in.
func TestStacksAreVisibleWithTheirHolder(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var vend struct {
		Vend struct {
			Orders []struct{ Contents []struct{ ID string } }
		}
	}
	b.ok(t, "alice", `mutation { vend(input: {sku: "4D.small", duration: "1d"}) { orders { contents { id } } } }`, nil, &vend)
	order := vend.Vend.Orders[0].Contents[0].ID
	b.ok(t, "admin", `mutation { setEntitlement(costCenter: "ENG", sku: "4D.small", quantity: 5) { code } }`, nil, nil)
	var ent struct {
		Viewer struct {
			CostCenter struct{ Entitlements []struct{ ID string } }
		}
	}
	b.ok(t, "alice", `{ viewer { costCenter { entitlements { id } } } }`, nil, &ent)
	entitlement := ent.Viewer.CostCenter.Entitlements[0].ID
	var bundle struct {
		Product struct{ Components []struct{ ID string } }
	}
	b.ok(t, "bob", `{ product(sku: "4E.lab3") { components { id } } }`, nil, &bundle)
	component := bundle.Product.Components[0].ID

	seen := func(as, id string) bool {
		t.Helper()
		var one struct {
			Node *struct {
				ID    string
				Price *int
			}
		}
		b.ok(t, as, `query($id: ID!) { node(id: $id) { id ... on Stack { price } } }`, map[string]any{"id": id}, &one)
		var many struct{ Nodes []*struct{ ID string } }
		b.ok(t, as, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": []string{id}}, &many)
		require.Len(t, many.Nodes, 1)
		require.Equal(t, one.Node != nil, many.Nodes[0] != nil, "node and nodes agree")
		return one.Node != nil
	}
	for _, c := range []struct {
		as              string
		order, ent, cmp bool
	}{
		{as: "alice", order: true, ent: true, cmp: true},
		{as: "manny", order: true, ent: true, cmp: true}, // her cost center's manager
		{as: "admin", order: true, ent: true, cmp: true},
		{as: "bob", order: false, ent: false, cmp: true}, // another cost center
	} {
		require.Equal(t, c.order, seen(c.as, order), "%s: alice's order contents", c.as)
		require.Equal(t, c.ent, seen(c.as, entitlement), "%s: ENG's entitlement", c.as)
		require.Equal(t, c.cmp, seen(c.as, component), "%s: a bundle's component", c.as)
	}
}

// TestMalformedInputIsInvalid: ids this API never returns ("abc", "", base64, too large) and
// text with NUL bytes are INVALID_ARGUMENT on every path and both databases, never INTERNAL,
// and change nothing.
func TestMalformedInputIsInvalid(t *testing.T) {
	t.Parallel()
	b := setup(t)
	before := b.snapshot(t)
	for _, id := range []string{"abc", "", "TGVhc2U6MQ==", "99999999999999999999", "-1", "1.5"} {
		for _, q := range []string{
			`query($id: ID!) { lease(id: $id) { id } }`,
			`query($id: ID!) { node(id: $id) { id } }`,
			`query($id: ID!) { nodes(ids: [$id]) { id } }`,
			`mutation($id: ID!) { returnLease(id: $id) { id } }`,
			`mutation($id: ID!) { extendLease(id: $id, by: "1d") { id } }`,
		} {
			res := b.do(t, "alice", q, map[string]any{"id": id})
			require.Equal(t, "INVALID_ARGUMENT", res.code(), "%s with %q: %+v", q, id, res.Errors)
			require.Contains(t, res.Errors[0].Message, "is not an id this API returned")
		}
	}
	res := b.do(t, "alice", `{ lease(id: "abc") { id } }`, nil) // a literal, not a variable
	require.Equal(t, "INVALID_ARGUMENT", res.code(), "%+v", res.Errors)

	for _, in := range []map[string]any{
		{"sku": "4D.small", "duration": "1d", "note": "lab\x00notes"},
		{"sku": "4D.small", "duration": "1d", "idempotencyKey": "k\x00"},
		{"sku": "4D.\x00small", "duration": "1d"},
	} {
		res := b.do(t, "alice", `mutation($in: VendInput!) { vend(input: $in) { id } }`, map[string]any{"in": in})
		require.Equal(t, "INVALID_ARGUMENT", res.code(), "%v: %+v", in, res.Errors)
		require.Contains(t, res.Errors[0].Message, "NUL")
	}
	res = b.do(t, "admin", `mutation($id: ID!) { setItemMaintenance(id: $id, reason: "fan\u0000") { status } }`,
		map[string]any{"id": b.itemID(t, "4d-small-01")})
	require.Equal(t, "INVALID_ARGUMENT", res.code(), "%+v", res.Errors)
	require.Equal(t, before, b.snapshot(t))
	n, err := b.client.Lease.Query().Count(database.System(context.Background()))
	require.NoError(t, err)
	require.Zero(t, n)
}
