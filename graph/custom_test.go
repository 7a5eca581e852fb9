package graph_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestCustomRequestsOverGraphQL: alice asks for something not in the catalog; an admin fulfils
// it with a custom product and items; only alice, her cost center's manager and admins see it
// (product, node, availability, listing) and may vend or expand with it; bob's cost center does
// not. Another request is declined with a reason.
func TestCustomRequestsOverGraphQL(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var asked struct {
		RequestCustom struct{ ID, Status, Duration string }
	}
	b.ok(t, "alice", `mutation { requestCustom(input: {description: "a GPU box with 2 A100", quantity: 1, duration: "5d",
		attributes: [{key: "gpu", value: "a100"}]}) { id status duration } }`, nil, &asked)
	require.Equal(t, "OPEN", asked.RequestCustom.Status)
	id := asked.RequestCustom.ID
	require.Equal(t, "INVALID_ARGUMENT", b.do(t, "alice", `mutation { requestCustom(input: {description: " ", duration: "1d"}) { id } }`, nil).code())

	var list struct{ CustomRequests []struct{ ID string } }
	for who, n := range map[string]int{"alice": 1, "manny": 1, "admin": 1, "bob": 0} {
		b.ok(t, who, `{ customRequests { id } }`, nil, &list)
		require.Len(t, list.CustomRequests, n, who)
	}

	const fulfil = `mutation($id: ID!, $in: FulfilCustomRequestInput!) { fulfilCustomRequest(id: $id, input: $in) {
		status decidedBy product { id sku custom expiresAt defaultDuration attributes { key value } } } }`
	in := map[string]any{"sku": "4D.gpu", "name": "GPU box for alice", "pricePerDay": 9000, "currency": "USD",
		"expiresAt": b.clock.Now().Add(30 * 24 * time.Hour).Format(time.RFC3339), "items": []string{"gpu-01"}}
	require.Equal(t, "FORBIDDEN", b.do(t, "manny", fulfil, map[string]any{"id": id, "in": in}).code())
	var done struct {
		FulfilCustomRequest struct {
			Status, DecidedBy string
			Product           struct {
				ID, Sku, ExpiresAt, DefaultDuration string
				Custom                              bool
				Attributes                          []struct{ Key, Value string }
			}
		}
	}
	b.ok(t, "admin", fulfil, map[string]any{"id": id, "in": in}, &done)
	f := done.FulfilCustomRequest
	require.Equal(t, "FULFILLED", f.Status)
	require.True(t, f.Product.Custom)
	require.Equal(t, "5d", f.Product.DefaultDuration)
	require.Equal(t, "gpu", f.Product.Attributes[0].Key)
	require.Equal(t, "CONFLICT", b.do(t, "admin", fulfil, map[string]any{"id": id, "in": in}).code(), "decided once")

	// Who sees it, on every path.
	const product = `{ product(sku: "4D.gpu") { sku } }`
	const avail = `{ availability(sku: "4D.gpu") { available } }`
	const node = `query($id: ID!) { node(id: $id) { id } }`
	for _, who := range []string{"alice", "manny", "admin"} {
		var p struct{ Product *struct{ Sku string } }
		b.ok(t, who, product, nil, &p)
		require.NotNil(t, p.Product, who)
		var a struct{ Availability []struct{ Available int } }
		b.ok(t, who, avail, nil, &a)
		require.Equal(t, 1, a.Availability[0].Available, who)
		var n struct{ Node *struct{ ID string } }
		b.ok(t, who, node, map[string]any{"id": f.Product.ID}, &n)
		require.NotNil(t, n.Node, who)
	}
	var p struct{ Product *struct{ Sku string } }
	b.ok(t, "bob", product, nil, &p)
	require.Nil(t, p.Product)
	require.Equal(t, "NOT_FOUND", b.do(t, "bob", avail, nil).code())
	var n struct{ Node *struct{ ID string } }
	b.ok(t, "bob", node, map[string]any{"id": f.Product.ID}, &n)
	require.Nil(t, n.Node)
	var all struct{ Availability []struct{ Sku string } }
	b.ok(t, "bob", `{ availability { sku } }`, nil, &all)
	for _, a := range all.Availability {
		require.NotEqual(t, "4D.gpu", a.Sku)
	}
	var listed struct {
		Products struct {
			Edges []struct{ Node struct{ Sku string } }
		}
	}
	b.ok(t, "admin", `{ products(first: 500, includeCustom: true) { edges { node { sku } } } }`, nil, &listed)
	require.Contains(t, skus(listed.Products.Edges), "4D.gpu")
	b.ok(t, "alice", `{ products(first: 500) { edges { node { sku } } } }`, nil, &listed)
	require.NotContains(t, skus(listed.Products.Edges), "4D.gpu", "hidden from the catalog")

	// Vend: bob cannot (for him it does not exist), nor expand with it; alice can, with its default duration.
	const vend = `mutation { vend(input: {sku: "4D.gpu", duration: "5d"}) { id status } }`
	require.Equal(t, "NOT_FOUND", b.do(t, "bob", vend, nil).code())
	var bobs struct{ Vend struct{ ID string } }
	b.ok(t, "bob", `mutation { vend(input: {sku: "3A.small", duration: "1d"}) { id } }`, nil, &bobs)
	require.Equal(t, "NOT_FOUND", b.do(t, "bob", `mutation($id: ID!) { expandLease(id: $id, lines: [{sku: "4D.gpu"}]) { id } }`,
		map[string]any{"id": bobs.Vend.ID}).code())
	var v struct{ Vend struct{ ID, Status string } }
	b.ok(t, "alice", vend, nil, &v)
	require.Equal(t, "ACTIVE", v.Vend.Status)

	// Declined with a reason.
	b.ok(t, "alice", `mutation { requestCustom(input: {description: "a mainframe", duration: "1d"}) { id } }`, nil, &asked)
	const decline = `mutation($id: ID!, $r: String!) { declineCustomRequest(id: $id, reason: $r) { status reason } }`
	require.Equal(t, "INVALID_ARGUMENT", b.do(t, "admin", decline, map[string]any{"id": asked.RequestCustom.ID, "r": ""}).code())
	var dec struct {
		DeclineCustomRequest struct{ Status, Reason string }
	}
	b.ok(t, "admin", decline, map[string]any{"id": asked.RequestCustom.ID, "r": "we have none"}, &dec)
	require.Equal(t, "DECLINED", dec.DeclineCustomRequest.Status)
	require.Equal(t, "we have none", dec.DeclineCustomRequest.Reason)
	b.ok(t, "alice", `{ customRequests(status: null) { id } }`, nil, &list)
	require.Len(t, list.CustomRequests, 2)
}

func skus(edges []struct{ Node struct{ Sku string } }) []string {
	var out []string
	for _, e := range edges {
		out = append(out, e.Node.Sku)
	}
	return out
}
