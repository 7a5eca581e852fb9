package graph_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestBillingOverGraphQL(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.ok(t, "alice", `mutation { vend(input: {sku: "4D.small", duration: "1d"}) { id } }`, nil, nil)
	var bills struct {
		Bills []struct {
			ID         string
			Month      string
			Definitive bool
			Total      int
			CostCenter struct{ Code string }
			Lines      []struct {
				ItemHours float64
				Amount    int
				Product   struct{ Sku string }
				Lease     *struct{ ID string }
			}
		}
	}
	b.ok(t, "manny", `{ bills(month: "2026-11") { id month definitive total costCenter { code } lines { itemHours amount product { sku } lease { id } } } }`, nil, &bills)
	require.Len(t, bills.Bills, 1)
	got := bills.Bills[0]
	require.Equal(t, "ENG", got.CostCenter.Code)
	require.False(t, got.Definitive)
	require.Equal(t, 6000, got.Total)
	require.Equal(t, "4D.small", got.Lines[0].Product.Sku)
	require.NotNil(t, got.Lines[0].Lease)

	require.Equal(t, "FORBIDDEN", b.do(t, "alice", `{ bills { total } }`, nil).code())
	require.Equal(t, "FORBIDDEN", b.do(t, "manny", `{ bills(costCenter: "FIELD") { total } }`, nil).code())

	var usage struct {
		Usage []struct {
			Key       string
			ItemHours float64
			Cost      int
		}
	}
	b.ok(t, "alice", `{ usage(from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z", groupBy: USER) { key itemHours cost currency } }`, nil, &usage)
	require.Equal(t, "alice", usage.Usage[0].Key)
	require.Equal(t, 6000, usage.Usage[0].Cost)

	require.Equal(t, "FORBIDDEN", b.do(t, "manny", `mutation { setEntitlement(costCenter: "ENG", sku: "4D.small", quantity: 1) { code } }`, nil).code())
	require.Equal(t, "INVALID_ARGUMENT", b.do(t, "admin", `mutation { setEntitlement(costCenter: "ENG", sku: "4D.small", quantity: -2) { code } }`, nil).code())
	var set struct {
		SetEntitlement struct {
			Entitlements []struct {
				Quantity int
				Product  struct{ Sku string }
			}
		}
	}
	b.ok(t, "admin", `mutation { setEntitlement(costCenter: "ENG", sku: "4D.small", quantity: 1) { entitlements { quantity product { sku } } } }`, nil, &set)
	require.Equal(t, 1, set.SetEntitlement.Entitlements[0].Quantity)
	res := b.do(t, "alice", `mutation { vend(input: {sku: "4D.small", duration: "1d"}) { id } }`, nil)
	require.Equal(t, "POLICY_VIOLATION", res.code())
	require.Contains(t, res.Errors[0].Message, "may hold 1 of 4D.small and holds 1")
}

// TestDraftBillIDs: every draft bill has an id of its own (cost center, month, currency), the
// same on every read while the month runs, and node(id) resolves it to the live draft for those
// who may read the bill, to null for others.
func TestDraftBillIDs(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.ok(t, "alice", `mutation { vend(input: {sku: "4D.small", duration: "1d"}) { id } }`, nil, nil)
	b.ok(t, "bob", `mutation { vend(input: {sku: "4D.small", duration: "2d"}) { id } }`, nil, nil)
	type bills struct {
		Bills []struct {
			ID    string
			Total int
		}
	}
	read := func(cc string) (string, int) {
		var got bills
		b.ok(t, "admin", `query($cc: String) { bills(costCenter: $cc, month: "2026-11") { id total } }`, map[string]any{"cc": cc}, &got)
		require.Len(t, got.Bills, 1, cc)
		return got.Bills[0].ID, got.Bills[0].Total
	}
	eng, engTotal := read("ENG")
	field, fieldTotal := read("FIELD")
	require.NotEqual(t, "0", eng)
	require.NotEqual(t, eng, field, "two cost centers' drafts are two objects")
	again, _ := read("ENG")
	require.Equal(t, eng, again, "stable")
	var other bills
	b.ok(t, "admin", `{ bills(costCenter: "ENG", month: "2026-10") { id } }`, nil, &other)
	require.Empty(t, other.Bills, "no charges in October")

	var node struct {
		Node *struct {
			ID         string
			Total      int
			Month      string
			CostCenter struct{ Code string }
		}
	}
	const q = `query($id: ID!) { node(id: $id) { id ... on Bill { total month costCenter { code } } } }`
	b.ok(t, "manny", q, map[string]any{"id": eng}, &node)
	require.NotNil(t, node.Node)
	require.Equal(t, eng, node.Node.ID)
	require.Equal(t, engTotal, node.Node.Total)
	require.Equal(t, "ENG", node.Node.CostCenter.Code)
	require.Equal(t, "2026-11", node.Node.Month)
	b.ok(t, "admin", q, map[string]any{"id": field}, &node)
	require.Equal(t, fieldTotal, node.Node.Total)
	var many struct {
		Nodes []*struct{ ID string }
	}
	b.ok(t, "admin", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": []string{field, eng}}, &many)
	require.Len(t, many.Nodes, 2)
	require.Equal(t, field, many.Nodes[0].ID)
	require.Equal(t, eng, many.Nodes[1].ID)
	for _, who := range []string{"manny", "alice"} { // FIELD's bill is not manny's, no bill is alice's
		node.Node = nil
		id := field
		if who == "alice" {
			id = eng
		}
		b.ok(t, who, q, map[string]any{"id": id}, &node)
		require.Nil(t, node.Node, who)
	}
}
