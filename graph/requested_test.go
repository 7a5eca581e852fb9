package graph_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLeaseRequested shows an approver what a lease awaiting approval asks for, before it has
// any items; a plain list query (which selects only the columns it needs) carries it too.
func TestLeaseRequested(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var v struct {
		Vend struct {
			ID, Status       string
			AwaitingApproval bool
			Requested        []struct {
				Sku      string
				Quantity int
			}
		}
	}
	b.ok(t, "alice", `mutation { vend(input: {lines: [{sku: "4D.large", quantity: 2}], duration: "2d"}) { id status awaitingApproval requested { sku quantity } } }`, nil, &v)
	require.Equal(t, "PENDING", v.Vend.Status)
	require.True(t, v.Vend.AwaitingApproval)
	require.Len(t, v.Vend.Requested, 1)
	require.Equal(t, "4D.large", v.Vend.Requested[0].Sku)
	require.Equal(t, 2, v.Vend.Requested[0].Quantity)

	var q struct {
		Leases struct {
			Edges []struct {
				Node struct {
					Requested []struct {
						Sku      string
						Quantity int
					}
				}
			}
		}
	}
	b.ok(t, "manny", `{ leases(where: {awaitingApproval: true}) { edges { node { requested { sku quantity } } } } }`, nil, &q)
	require.Len(t, q.Leases.Edges, 1)
	require.Equal(t, v.Vend.Requested, q.Leases.Edges[0].Node.Requested)
}
