package graph_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestParametersOverGraphQL: an admin declares parameters (a bad declaration is refused), a vend
// passes them, and the lease shows them, a secret only to its owner and admins.
func TestParametersOverGraphQL(t *testing.T) {
	t.Parallel()
	b := setup(t)
	r := b.do(t, "admin", `mutation { createProduct(input: {sku: "3A.big", name: "Big project", pricePerDay: 100, currency: "USD",
		parameters: [{name: "size_gb", type: INTEGER, min: 10, max: 5, default: "7"}]}) { id } }`, nil)
	require.Equal(t, "INVALID_ARGUMENT", r.code())
	require.Contains(t, r.Errors[0].Message, "parameters[0]: min (10) exceeds max (5)")

	var created struct {
		CreateProduct struct {
			Parameters []struct {
				Name, Type string
				Required   bool
				Default    *string
				Values     []string
				Min, Max   *int
			}
		}
	}
	b.ok(t, "admin", `mutation { createProduct(input: {sku: "3A.big", name: "Big project", pricePerDay: 100, currency: "USD", defaultDuration: "1d",
		parameters: [{name: "size_gb", type: INTEGER, min: 10, max: 500, default: "50"}, {name: "fast", type: BOOLEAN, required: true},
		{name: "token", type: SECRET}]}) { parameters { name type required default values min max } } }`, nil, &created)
	ps := created.CreateProduct.Parameters
	require.Len(t, ps, 3)
	require.Equal(t, "INTEGER", ps[0].Type)
	require.Equal(t, 500, *ps[0].Max)
	require.True(t, ps[1].Required)
	b.ok(t, "admin", `mutation { addInventoryItems(input: [{sku: "3A.big", name: "big-1"}, {sku: "3A.big", name: "big-2"}]) { id } }`, nil, nil)

	r = b.do(t, "alice", `mutation { vend(input: {sku: "3A.big", parameters: [{name: "size_gb", value: "5"}, {name: "fast", value: "yes"}]}) { id } }`, nil)
	require.Equal(t, "INVALID_ARGUMENT", r.code())
	require.Contains(t, r.Errors[0].Message, "parameters: size_gb: must be within 10..500, got 5")
	r = b.do(t, "alice", `mutation { vend(input: {lines: [{sku: "3A.big", quantity: 1}]}) { id } }`, nil)
	require.Equal(t, "INVALID_ARGUMENT", r.code())
	require.Contains(t, r.Errors[0].Message, "lines[0].parameters: fast: required by 3A.big")

	type param struct {
		Sku, Name, Type string
		Value           *string
		Secret          bool
	}
	var vend struct {
		Vend struct {
			ID         string
			Parameters []param
			Orders     []struct{ Parameters []param }
		}
	}
	b.ok(t, "alice", `mutation { vend(input: {lines: [{sku: "3A.big", quantity: 1, parameters: [{name: "fast", value: "yes"}, {name: "token", value: "tok-123"}]}]}) {
		id parameters { sku name type value secret } orders { parameters { sku name type value secret } } } }`, nil, &vend)
	got := map[string]param{}
	for _, p := range vend.Vend.Parameters {
		got[p.Name] = p
	}
	require.Equal(t, "50", *got["size_gb"].Value)
	require.Equal(t, "true", *got["fast"].Value)
	require.Equal(t, "tok-123", *got["token"].Value, "the owner reads the secret")
	require.True(t, got["token"].Secret)
	require.Len(t, vend.Vend.Orders[0].Parameters, 3)
	for _, p := range vend.Vend.Orders[0].Parameters {
		if p.Secret {
			require.Nil(t, p.Value, "an order keeps no secret's value")
		}
	}

	read := func(as string) *string {
		var q struct {
			Lease *struct{ Parameters []param }
		}
		b.ok(t, as, `query($id: ID!) { lease(id: $id) { parameters { name value secret } } }`, map[string]any{"id": vend.Vend.ID}, &q)
		if q.Lease == nil {
			return nil
		}
		for _, p := range q.Lease.Parameters {
			if p.Name == "token" {
				return p.Value
			}
		}
		t.Fatalf("%s: no token parameter", as)
		return nil
	}
	require.Equal(t, "tok-123", *read("admin"))
	require.Nil(t, read("manny"), "a manager sees the lease, not its secret")
	require.Nil(t, read("bob"), "another user sees nothing")
}
