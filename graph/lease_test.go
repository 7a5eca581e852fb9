package graph_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLeaseOverGraphQL: vend, show and return through the API; credentials only for the owner
// and admins; other people's leases are invisible, to queries and mutations alike (NOT_FOUND).
func TestLeaseOverGraphQL(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var vend struct {
		Vend struct {
			ID, Status  string
			TimeLeft    string
			Allocations []struct {
				Credentials *string
				Item        struct{ Name string }
			}
			Orders []struct {
				Kind     string
				Contents []struct {
					Quantity int
					Price    int
					Product  struct{ Sku string }
				}
			}
		}
	}
	b.ok(t, "alice", `mutation { vend(input: {sku: "4D.small", duration: "7d", note: "perf"}) {
		id status timeLeft allocations { credentials item { name } } orders { kind contents { quantity price product { sku } } } } }`, nil, &vend)
	v := vend.Vend
	require.Equal(t, "ACTIVE", v.Status)
	require.Equal(t, "7d", v.TimeLeft)
	require.NotNil(t, v.Allocations[0].Credentials)
	require.Contains(t, *v.Allocations[0].Credentials, "ipmi_address")
	require.Equal(t, "VEND", v.Orders[0].Kind)
	require.Equal(t, 42000, v.Orders[0].Contents[0].Price)

	const show = `query($id: ID!) { lease(id: $id) { status owner { name } allocations { credentials } } }`
	type shown struct {
		Lease *struct {
			Status      string
			Owner       struct{ Name string }
			Allocations []struct{ Credentials *string }
		}
	}
	var s shown
	b.ok(t, "manny", show, map[string]any{"id": v.ID}, &s) // her cost center's manager: sees it, not its secrets
	require.Equal(t, "alice", s.Lease.Owner.Name)
	require.Nil(t, s.Lease.Allocations[0].Credentials)
	b.ok(t, "admin", show, map[string]any{"id": v.ID}, &s)
	require.NotNil(t, s.Lease.Allocations[0].Credentials)
	b.ok(t, "bob", show, map[string]any{"id": v.ID}, &s) // another cost center: nothing
	require.Nil(t, s.Lease)

	// The item shows its current lease to its holder.
	var mine struct {
		Viewer struct {
			Leases struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
	}
	b.ok(t, "alice", `{ viewer { leases { edges { node { id } } } } }`, nil, &mine)
	require.Len(t, mine.Viewer.Leases.Edges, 1)

	res := b.do(t, "bob", `mutation($id: ID!) { returnLease(id: $id) { status } }`, map[string]any{"id": v.ID})
	require.Equal(t, "NOT_FOUND", res.code())
	res = b.do(t, "alice", `mutation { vend(input: {sku: "4D.small", duration: "7x"}) { id } }`, nil)
	require.Equal(t, "INVALID_ARGUMENT", res.code())
	res = b.do(t, "alice", `mutation { vend(input: {sku: "2C.small", duration: "1d", idempotencyKey: ""}) { id } }`, nil)
	require.Equal(t, "INVALID_ARGUMENT", res.code())

	var ret struct{ ReturnLease struct{ Status string } }
	b.ok(t, "alice", `mutation($id: ID!) { returnLease(id: $id) { status } }`, map[string]any{"id": v.ID}, &ret)
	require.Equal(t, "RETURNED", ret.ReturnLease.Status)
}

// TestVendWithoutDuration: duration is optional in VendInput; omitted or null, the product's
// defaultDuration applies. A one-SKU vend's error names `sku`.
func TestVendWithoutDuration(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var got struct {
		Vend struct{ Duration, Status string }
	}
	b.ok(t, "alice", `mutation { vend(input: {sku: "4D.small"}) { duration status } }`, nil, &got)
	require.Equal(t, "7d", got.Vend.Duration)
	require.Equal(t, "ACTIVE", got.Vend.Status)
	b.ok(t, "alice", `mutation { vend(input: {sku: "3A.small", duration: null}) { duration } }`, nil, &got)
	require.Equal(t, "14d", got.Vend.Duration)
	res := b.do(t, "alice", `mutation { vend(input: {sku: "4D.huge"}) { id } }`, nil)
	require.Equal(t, "NOT_FOUND", res.code())
	require.Equal(t, `sku: no product "4D.huge"`, res.Errors[0].Message)
}

// TestMarkItemFaulty: over GraphQL an admin marks a leased item faulty and reads back the broken
// item (MAINTENANCE), its replacement and the lease; a user may not.
func TestMarkItemFaulty(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var v struct {
		Vend struct {
			ID          string
			Allocations []struct{ Item struct{ ID string } }
		}
	}
	b.ok(t, "alice", `mutation { vend(input: {sku: "4D.small"}) { id allocations { item { id } } } }`, nil, &v)
	item := v.Vend.Allocations[0].Item.ID
	const m = `mutation($id: ID!) { markItemFaulty(id: $id, reason: "disk") { item { status } replacement { status product { sku } } lease { id status } message } }`
	require.Equal(t, "FORBIDDEN", b.do(t, "alice", m, map[string]any{"id": item}).code())
	var got struct {
		MarkItemFaulty struct {
			Item        struct{ Status string }
			Replacement *struct {
				Status  string
				Product struct{ Sku string }
			}
			Lease   struct{ ID, Status string }
			Message string
		}
	}
	b.ok(t, "admin", m, map[string]any{"id": item}, &got)
	f := got.MarkItemFaulty
	require.Equal(t, "MAINTENANCE", f.Item.Status)
	require.NotNil(t, f.Replacement)
	require.Equal(t, "LEASED", f.Replacement.Status)
	require.Equal(t, "4D.small", f.Replacement.Product.Sku)
	require.Equal(t, v.Vend.ID, f.Lease.ID)
	require.Equal(t, "ACTIVE", f.Lease.Status)
	require.Equal(t, "CONFLICT", b.do(t, "admin", m, map[string]any{"id": item}).code())
}
