package graph_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestExtensionRequestsOverGraphQL: a user's extendLease beyond policy answers the lease with its
// end unchanged and its open request; the manager lists it as decidable and approves; a second
// one is rejected with a reason; strangers and the requester cannot decide.
func TestExtensionRequestsOverGraphQL(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var vend struct{ Vend struct{ ID, EndsAt string } }
	b.ok(t, "alice", `mutation { vend(input: {sku: "4D.small", duration: "7d"}) { id endsAt } }`, nil, &vend)
	id := vend.Vend.ID

	type request struct {
		ID, Status, By string
		MayDecide      bool
		Reason         *string
		DecidedBy      *string
		Lease          struct{ ID, EndsAt string }
		Requester      struct{ Name string }
	}
	const fields = `id status by mayDecide reason decidedBy lease { id endsAt } requester { name }`
	var ext struct {
		ExtendLease struct {
			Status, EndsAt       string
			OpenExtensionRequest *request
		}
	}
	b.ok(t, "alice", `mutation($id: ID!) { extendLease(id: $id, by: "100d") { status endsAt openExtensionRequest { `+fields+` } } }`,
		map[string]any{"id": id}, &ext)
	require.Equal(t, "ACTIVE", ext.ExtendLease.Status)
	require.Equal(t, vend.Vend.EndsAt, ext.ExtendLease.EndsAt, "awaiting approval: the end stays")
	open := ext.ExtendLease.OpenExtensionRequest
	require.NotNil(t, open)
	require.Equal(t, "OPEN", open.Status)
	require.Equal(t, "100d", open.By)
	require.False(t, open.MayDecide, "not on one's own lease")

	res := b.do(t, "alice", `mutation($id: ID!) { extendLease(id: $id, by: "1d") { id } }`, map[string]any{"id": id})
	require.Equal(t, "CONFLICT", res.code(), "one open request per lease")

	const list = `{ extensionRequests { ` + fields + ` } }`
	var l struct{ ExtensionRequests []request }
	b.ok(t, "manny", list, nil, &l)
	require.Len(t, l.ExtensionRequests, 1)
	require.True(t, l.ExtensionRequests[0].MayDecide)
	require.Equal(t, "alice", l.ExtensionRequests[0].Requester.Name)
	b.ok(t, "bob", list, nil, &l)
	require.Empty(t, l.ExtensionRequests, "another cost center's")
	res = b.do(t, "bob", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": open.ID})
	require.Empty(t, res.Errors)
	require.JSONEq(t, `{"node": null}`, string(res.Data))

	const approve = `mutation($id: ID!) { approveExtension(id: $id) { ` + fields + ` } }`
	require.Equal(t, "NOT_FOUND", b.do(t, "bob", approve, map[string]any{"id": open.ID}).code())
	require.Equal(t, "FORBIDDEN", b.do(t, "alice", approve, map[string]any{"id": open.ID}).code())
	require.Equal(t, "INVALID_ARGUMENT", b.do(t, "manny", approve, map[string]any{"id": "abc"}).code())
	var ok struct{ ApproveExtension request }
	b.ok(t, "manny", approve, map[string]any{"id": open.ID}, &ok)
	require.Equal(t, "APPROVED", ok.ApproveExtension.Status)
	require.Equal(t, "manny", *ok.ApproveExtension.DecidedBy)
	require.NotEqual(t, vend.Vend.EndsAt, ok.ApproveExtension.Lease.EndsAt)
	require.False(t, ok.ApproveExtension.MayDecide)
	require.Equal(t, "CONFLICT", b.do(t, "admin", approve, map[string]any{"id": open.ID}).code())

	var shown struct {
		Lease struct {
			OpenExtensionRequest *request
			Orders               []struct{ Kind string }
		}
	}
	b.ok(t, "alice", `query($id: ID!) { lease(id: $id) { openExtensionRequest { id } orders { kind } } }`, map[string]any{"id": id}, &shown)
	require.Nil(t, shown.Lease.OpenExtensionRequest)
	require.Len(t, shown.Lease.Orders, 2)

	// Again, rejected by an admin with a reason.
	b.ok(t, "alice", `mutation($id: ID!) { extendLease(id: $id, by: "30d") { openExtensionRequest { `+fields+` } } }`,
		map[string]any{"id": id}, &ext)
	second := ext.ExtendLease.OpenExtensionRequest
	require.NotNil(t, second)
	const reject = `mutation($id: ID!, $reason: String!) { rejectExtension(id: $id, reason: $reason) { ` + fields + ` } }`
	require.Equal(t, "INVALID_ARGUMENT", b.do(t, "admin", reject, map[string]any{"id": second.ID, "reason": " "}).code())
	var rej struct{ RejectExtension request }
	b.ok(t, "admin", reject, map[string]any{"id": second.ID, "reason": "capacity"}, &rej)
	require.Equal(t, "REJECTED", rej.RejectExtension.Status)
	require.Equal(t, "capacity", *rej.RejectExtension.Reason)

	// Her own list: every status when asked.
	var all struct{ ExtensionRequests []request }
	b.ok(t, "alice", `{ extensionRequests(status: null) { id status } }`, nil, &all)
	require.Len(t, all.ExtensionRequests, 2)
	b.ok(t, "alice", list, nil, &l)
	require.Empty(t, l.ExtensionRequests, "none open")

	// A lease awaiting approval: the manager may decide it, its owner not.
	var pending struct{ Vend struct{ ID string } }
	b.ok(t, "alice", `mutation { vend(input: {sku: "4D.large", duration: "3d"}) { id } }`, nil, &pending)
	var md struct{ Lease struct{ MayDecide bool } }
	b.ok(t, "manny", `query($id: ID!) { lease(id: $id) { mayDecide } }`, map[string]any{"id": pending.Vend.ID}, &md)
	require.True(t, md.Lease.MayDecide)
	b.ok(t, "alice", `query($id: ID!) { lease(id: $id) { mayDecide } }`, map[string]any{"id": pending.Vend.ID}, &md)
	require.False(t, md.Lease.MayDecide)
}
