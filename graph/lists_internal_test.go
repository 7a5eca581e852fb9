package graph

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

func TestReachesResolver(t *testing.T) {
	t.Parallel()
	schema := NewExecutableSchema(Config{}).Schema()
	tests := []struct {
		name  string
		query string
		list  string // the path of the list field whose elements are marshalled
		want  bool
	}{
		{"loaded rows and their edges", `{ product(sku: "x") { items(first: 50) { edges { node { name product { sku name } } } } } }`, "product.items.edges", false},
		{"a user's leases with their items", `{ viewer { leases(first: 20) { edges { node { id startsAt allocations { item { name product { sku } } } } } } } }`, "viewer.leases.edges", false},
		{"a batched field under the list", `{ products(first: 5) { edges { node { sku items(first: 3) { totalCount } } } } }`, "products.edges", true},
		{"a resolver deep under the list", `{ viewer { leases(first: 20) { edges { node { id timeLeft } } } } }`, "viewer.leases.edges", true},
		{"a resolver inside a fragment", `{ viewer { leases(first: 20) { edges { node { ...L } } } } } fragment L on Lease { id timeLeft }`, "viewer.leases.edges", true},
		{"a resolver inside an inline fragment", `{ viewer { leases(first: 20) { edges { node { ... on Lease { timeLeft } } } } } }`, "viewer.leases.edges", true},
		{"an interface's field", `{ nodes(ids: ["1"]) { id } }`, "nodes", true},
		{"typename only", `{ viewer { leases(first: 20) { edges { node { __typename } } } } }`, "viewer.leases.edges", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, errs := gqlparser.LoadQuery(schema, tt.query)
			require.Empty(t, errs)
			require.Equal(t, tt.want, reachesResolver(selectionAt(t, doc.Operations[0].SelectionSet, tt.list)))
		})
	}
}

func TestResolverFields(t *testing.T) {
	t.Parallel()
	for _, f := range []string{"Product.items", "Lease.timeLeft", "Allocation.credentials", "APIToken.user", "InventoryItem.currentLease"} {
		typ, field, _ := strings.Cut(f, ".")
		require.True(t, resolverFields[fieldRef{typ, field}], f)
	}
	for _, f := range []string{"InventoryItem.name", "Lease.allocations", "Product.sku"} {
		typ, field, _ := strings.Cut(f, ".")
		require.False(t, resolverFields[fieldRef{typ, field}], f)
	}
}

// selectionAt returns the selection set of the field at path (dot-separated names).
func selectionAt(t *testing.T, sel ast.SelectionSet, path string) ast.SelectionSet {
	t.Helper()
	for _, name := range strings.Split(path, ".") {
		var next ast.SelectionSet
		for _, s := range sel {
			if f, ok := s.(*ast.Field); ok && f.Name == name {
				next = f.SelectionSet
			}
		}
		require.NotNil(t, next, "no field %s in %s", name, path)
		sel = next
	}
	return sel
}
