package graph_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/graph"
)

// ids looks up the ids the operations below need.
func (b *bundle) productID(t *testing.T, sku string) int {
	t.Helper()
	id, err := b.client.Product.Query().Where(product.Sku(sku)).OnlyID(database.System(context.Background()))
	require.NoError(t, err)
	return id
}

func (b *bundle) itemID(t *testing.T, name string) int {
	t.Helper()
	id, err := b.client.InventoryItem.Query().Where(inventoryitem.Name(name)).OnlyID(database.System(context.Background()))
	require.NoError(t, err)
	return id
}

// TestAuthorizationMatrix runs every catalog and inventory operation as every role: readers may
// read, only admins change anything, no token is UNAUTHENTICATED, and a refused operation
// changes nothing.
func TestAuthorizationMatrix(t *testing.T) {
	t.Parallel()
	type op struct {
		name   string
		query  string
		vars   func(b *bundle, t *testing.T) map[string]any
		admin  bool // only admins may
		writes bool
	}
	ops := []op{
		{name: "products", query: `{ products { totalCount edges { node { sku } } } }`},
		{name: "product", query: `{ product(sku: "4D.small") { sku } }`},
		{name: "availability", query: `{ availability { sku available } }`},
		{name: "viewer", query: `{ viewer { name role } }`},
		{name: "inventoryItems", query: `{ inventoryItems { totalCount } }`, admin: true},
		{name: "notices", query: `{ notices { totalCount } }`, admin: true},
		{name: "inventoryImportPreview", query: `{ inventoryImportPreview(csv: "sku,name\n4D.small,new-03\n") { valid } }`, admin: true},
		{name: "productsIncludeRetired", query: `{ products(includeRetired: true) { totalCount } }`, admin: true},
		{name: "createProduct", admin: true, writes: true,
			query: `mutation { createProduct(input: {sku: "4D.medium", name: "Medium metal", pricePerDay: 9000, currency: "USD"}) { sku } }`},
		{name: "updateProduct", admin: true, writes: true,
			query: `mutation($id: ID!) { updateProduct(id: $id, input: {name: "Renamed"}) { name } }`,
			vars:  func(b *bundle, t *testing.T) map[string]any { return map[string]any{"id": b.productID(t, "3A.small")} }},
		{name: "retireProduct", admin: true, writes: true,
			query: `mutation($id: ID!) { retireProduct(id: $id) { retired } }`,
			vars:  func(b *bundle, t *testing.T) map[string]any { return map[string]any{"id": b.productID(t, "3C.small")} }},
		{name: "addInventoryItems", admin: true, writes: true,
			query: `mutation { addInventoryItems(input: [{sku: "4D.small", name: "new-01"}]) { name } }`},
		{name: "importInventoryItems", admin: true, writes: true,
			query: `mutation { importInventoryItems(csv: "sku,name\n4D.small,new-02\n") { name } }`},
		{name: "setItemMaintenance", admin: true, writes: true,
			query: `mutation($id: ID!) { setItemMaintenance(id: $id, reason: "fan") { status } }`,
			vars:  func(b *bundle, t *testing.T) map[string]any { return map[string]any{"id": b.itemID(t, "4d-small-01")} }},
		{name: "archiveItem", admin: true, writes: true,
			query: `mutation($id: ID!) { archiveItem(id: $id) { status } }`,
			vars:  func(b *bundle, t *testing.T) map[string]any { return map[string]any{"id": b.itemID(t, "4d-small-02")} }},
	}
	roles := []struct{ as, role string }{{"", "none"}, {"alice", "user"}, {"manny", "manager"}, {"admin", "admin"}}
	for _, o := range ops {
		for _, r := range roles {
			t.Run(o.name+"/"+r.role, func(t *testing.T) {
				t.Parallel()
				b := setup(t)
				var vars map[string]any
				if o.vars != nil {
					vars = o.vars(b, t)
				}
				before := b.snapshot(t)
				res := b.do(t, r.as, o.query, vars)
				want := ""
				switch {
				case r.as == "":
					want = "UNAUTHENTICATED"
				case o.admin && r.role != "admin":
					want = "FORBIDDEN"
				}
				require.Equal(t, want, res.code(), "errors: %+v", res.Errors)
				if want != "" {
					require.Equal(t, before, b.snapshot(t), "a refused operation changed something")
				} else if o.writes {
					require.NotEqual(t, before, b.snapshot(t), "an allowed write changed nothing")
				}
			})
		}
	}
}

// TestBadInputChangesNothing sends malformed and forbidden inputs as an admin: each gets its
// documented code and a message naming the problem, and the database is left as it was.
func TestBadInputChangesNothing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, query string
		vars        func(b *bundle, t *testing.T) map[string]any
		code, msg   string
	}{
		{name: "bad sku type", code: "INVALID_ARGUMENT", msg: `"2Z.small": type must be one of A-E`,
			query: `mutation { createProduct(input: {sku: "2Z.small", name: "x", pricePerDay: 1, currency: "USD"}) { id } }`},
		{name: "duplicate sku", code: "CONFLICT", msg: "4D.small already exists",
			query: `mutation { createProduct(input: {sku: "4D.small", name: "x", pricePerDay: 1, currency: "USD"}) { id } }`},
		{name: "negative price", code: "INVALID_ARGUMENT", msg: "pricePerDay",
			query: `mutation { createProduct(input: {sku: "4D.tiny", name: "x", pricePerDay: -1, currency: "USD"}) { id } }`},
		{name: "bad currency", code: "INVALID_ARGUMENT", msg: "ISO 4217",
			query: `mutation { createProduct(input: {sku: "4D.tiny", name: "x", pricePerDay: 1, currency: "dollars"}) { id } }`},
		{name: "bad duration", code: "INVALID_ARGUMENT", msg: "unit",
			query: `mutation { createProduct(input: {sku: "4D.tiny", name: "x", pricePerDay: 1, currency: "USD", maxDuration: "7x"}) { id } }`},
		{name: "durations out of order", code: "INVALID_ARGUMENT", msg: "minDuration (30d) must not exceed maxDuration (7d)",
			query: `mutation { createProduct(input: {sku: "4D.tiny", name: "x", pricePerDay: 1, currency: "USD", minDuration: "30d", maxDuration: "7d"}) { id } }`},
		{name: "unknown component", code: "INVALID_ARGUMENT", msg: `components[1].sku: no product "4D.nope"`,
			query: `mutation { createProduct(input: {sku: "4D.lab2", name: "x", pricePerDay: 1, currency: "USD", components: [{sku: "4D.small", quantity: 2}, {sku: "4D.nope"}]}) { id } }`},
		{name: "nested bundle", code: "INVALID_ARGUMENT", msg: "bundles do not nest",
			query: `mutation { createProduct(input: {sku: "4D.lab9", name: "x", pricePerDay: 1, currency: "USD", components: [{sku: "4E.lab3"}]}) { id } }`},
		{name: "custom without expiry", code: "INVALID_ARGUMENT", msg: "expiresAt",
			query: `mutation { createProduct(input: {sku: "4D.oneoff", name: "x", pricePerDay: 1, currency: "USD", custom: true}) { id } }`},
		{name: "update unknown product", code: "NOT_FOUND", msg: "not found",
			query: `mutation { updateProduct(id: 999999, input: {name: "x"}) { id } }`},
		{name: "update empty name", code: "INVALID_ARGUMENT", msg: "name",
			query: `mutation($id: ID!) { updateProduct(id: $id, input: {name: "  "}) { id } }`,
			vars:  func(b *bundle, t *testing.T) map[string]any { return map[string]any{"id": b.productID(t, "4D.small")} }},
		{name: "add items: unknown sku", code: "INVALID_ARGUMENT", msg: `input[1].sku: no product "9Z.x"`,
			query: `mutation { addInventoryItems(input: [{sku: "4D.small", name: "ok-1"}, {sku: "9Z.x", name: "ok-2"}]) { id } }`},
		{name: "add items: duplicate in batch", code: "INVALID_ARGUMENT", msg: `input[1].name: "dup" also at input[0].name`,
			query: `mutation { addInventoryItems(input: [{sku: "4D.small", name: "dup"}, {sku: "4D.small", name: "dup"}]) { id } }`},
		{name: "add items: name taken", code: "CONFLICT", msg: `input[1].name: an item named "4d-small-01" already exists`,
			query: `mutation { addInventoryItems(input: [{sku: "4D.small", name: "fresh"}, {sku: "4D.small", name: "4d-small-01"}]) { id } }`},
		{name: "add items: bundle", code: "INVALID_ARGUMENT", msg: "is a bundle",
			query: `mutation { addInventoryItems(input: [{sku: "4E.lab3", name: "lab"}]) { id } }`},
		{name: "import: bad row", code: "INVALID_ARGUMENT", msg: `row 3, column sku: no product "4Q.small"`,
			query: `mutation { importInventoryItems(csv: "sku,name,pool,labels\n4D.small,imp-1,rack-a,x;y\n4Q.small,imp-2,,\n") { id } }`},
		{name: "import: short row", code: "INVALID_ARGUMENT", msg: "row 2: 1 columns, the header has 2",
			query: `mutation { importInventoryItems(csv: "sku,name\n4D.small\n") { id } }`},
		{name: "import: unknown column", code: "INVALID_ARGUMENT", msg: `row 1, column 3: unknown column "color"`,
			query: `mutation { importInventoryItems(csv: "sku,name,color\n4D.small,a,red\n") { id } }`},
		{name: "maintenance without reason", code: "INVALID_ARGUMENT", msg: "reason",
			query: `mutation($id: ID!) { setItemMaintenance(id: $id, reason: " ") { id } }`,
			vars:  func(b *bundle, t *testing.T) map[string]any { return map[string]any{"id": b.itemID(t, "4d-small-01")} }},
		{name: "release an available item", code: "CONFLICT", msg: "is AVAILABLE, not MAINTENANCE",
			query: `mutation($id: ID!) { releaseItemFromMaintenance(id: $id) { id } }`,
			vars:  func(b *bundle, t *testing.T) map[string]any { return map[string]any{"id": b.itemID(t, "4d-small-01")} }},
		{name: "unknown item", code: "NOT_FOUND", msg: "not found",
			query: `mutation { archiveItem(id: 12345) { id } }`},
		{name: "syntax error", code: "INVALID_ARGUMENT", msg: "",
			query: `{ products { `},
		{name: "unknown field", code: "INVALID_ARGUMENT", msg: "Cannot query field",
			query: `{ products { nope } }`},
		{name: "too deep", code: "INVALID_ARGUMENT", msg: "nested",
			query: `{ viewer { leases { edges { node { owner { leases { edges { node { owner { leases { edges { node { id } } } } } } } } } } } } }`},
		{name: "too complex", code: "INVALID_ARGUMENT", msg: "the request costs 1501600; the limit is 250000",
			query: `{ products(first: 500) { edges { node { items(first: 500) { edges { node { events { id kind at } } } } } } } }`},
		{name: "bad cursor", code: "INVALID_ARGUMENT", msg: "cursor",
			query: `{ products(after: "garbage") { totalCount } }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t)
			var vars map[string]any
			if tt.vars != nil {
				vars = tt.vars(b, t)
			}
			before := b.snapshot(t)
			res := b.do(t, "admin", tt.query, vars)
			require.Equal(t, tt.code, res.code(), "errors: %+v", res.Errors)
			require.Contains(t, res.Errors[0].Message, tt.msg)
			require.Equal(t, before, b.snapshot(t))
		})
	}
}

// TestPanicIsInternal: a resolver panic answers INTERNAL with a bland message and no stack.
func TestPanicIsInternal(t *testing.T) {
	t.Parallel()
	b := setupWith(t, func(r *graph.Resolver) { r.Catalog = nil }) // createProduct will dereference nil
	res := b.do(t, "admin", `mutation { createProduct(input: {sku: "4D.x", name: "x", pricePerDay: 1, currency: "USD"}) { id } }`, nil)
	require.Equal(t, "INTERNAL", res.code())
	require.Equal(t, "internal error", res.Errors[0].Message)
	require.NotContains(t, fmt.Sprint(res.Errors), "goroutine")
	require.NotContains(t, fmt.Sprint(res.Errors), "nil pointer")
}

// TestNestedListConstantStatements: products → items → events runs the same number of SQL
// statements whatever the page size (field collection loads each level once).
func TestNestedListConstantStatements(t *testing.T) {
	t.Parallel()
	b := setup(t)
	const q = `query($n: Int!) { products(first: $n) { totalCount edges { node { sku
		items(first: 3) { totalCount edges { node { name status events { kind from to } } } } } } } }`
	count := func(n int) (int64, int) {
		b.ok(t, "admin", `{ viewer { name } }`, nil, nil) // authentication bookkeeping settles first
		b.counter.Reset()
		var out struct {
			Products struct {
				Edges []struct {
					Node struct {
						Items struct {
							Edges []struct{ Node struct{ Events []any } }
						}
					}
				}
			}
		}
		b.ok(t, "admin", q, map[string]any{"n": n}, &out)
		items := 0
		for _, e := range out.Products.Edges {
			items += len(e.Node.Items.Edges)
			for _, it := range e.Node.Items.Edges {
				require.NotEmpty(t, it.Node.Events)
			}
		}
		return b.counter.Count(), items
	}
	small, smallItems := count(2)
	large, largeItems := count(8)
	require.Greater(t, largeItems, smallItems)
	require.Equal(t, small, large, "statements grew with the page size: N+1")
	require.LessOrEqual(t, large, int64(8))
}

// TestPageSizes: no first/last means 50; more than 500 is capped, as a literal or a variable.
func TestPageSizes(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var lines []string
	lines = append(lines, "sku,name")
	for i := range 600 {
		lines = append(lines, fmt.Sprintf("4D.small,bulk-%03d", i))
	}
	b.ok(t, "admin", `mutation($csv: String!) { importInventoryItems(csv: $csv) { id } }`,
		map[string]any{"csv": strings.Join(lines, "\n")}, nil)
	type page struct {
		InventoryItems struct {
			TotalCount int
			Edges      []any
			PageInfo   struct{ HasNextPage bool }
		}
	}
	var p page
	b.ok(t, "admin", `{ inventoryItems { totalCount edges { node { id } } pageInfo { hasNextPage } } }`, nil, &p)
	require.Len(t, p.InventoryItems.Edges, graph.DefaultPageSize)
	require.True(t, p.InventoryItems.PageInfo.HasNextPage)
	require.Greater(t, p.InventoryItems.TotalCount, 600)
	b.ok(t, "admin", `{ inventoryItems(first: 1000) { totalCount edges { node { id } } pageInfo { hasNextPage } } }`, nil, &p)
	require.Len(t, p.InventoryItems.Edges, graph.MaxPageSize)
	b.ok(t, "admin", `query($n: Int) { inventoryItems(first: $n) { totalCount edges { node { id } } pageInfo { hasNextPage } } }`,
		map[string]any{"n": 100000}, &p)
	require.Len(t, p.InventoryItems.Edges, graph.MaxPageSize)
	var nested struct {
		Products struct {
			Edges []struct {
				Node struct{ Items struct{ Edges []any } }
			}
		}
	}
	b.ok(t, "admin", `{ products(where: {sku: "4D.small"}) { edges { node { items { edges { node { id } } } } } } }`, nil, &nested)
	require.Len(t, nested.Products.Edges[0].Node.Items.Edges, graph.DefaultPageSize)
}

// TestVisibility: users see the catalog but not the inventory or other people.
func TestVisibility(t *testing.T) {
	t.Parallel()
	b := setup(t)
	itemID := b.itemID(t, "4d-small-01")
	var out struct{ Node *struct{ ID string } }
	b.ok(t, "alice", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": itemID}, &out)
	require.Nil(t, out.Node, "a user must not see an item she does not hold")
	b.ok(t, "admin", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": itemID}, &out)
	require.NotNil(t, out.Node)

	var prod struct{ Node *struct{ Sku string } }
	b.ok(t, "alice", `query($id: ID!) { node(id: $id) { ... on Product { sku } } }`,
		map[string]any{"id": b.productID(t, "4D.small")}, &prod)
	require.Equal(t, "4D.small", prod.Node.Sku)

	// bob is in another cost center: manny (ENG manager) must not see him; alice sees herself only.
	bobID := userID(t, b, "bob")
	var u struct{ Node *struct{ ID string } }
	b.ok(t, "manny", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": bobID}, &u)
	require.Nil(t, u.Node)
	b.ok(t, "alice", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": bobID}, &u)
	require.Nil(t, u.Node)
	b.ok(t, "admin", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": bobID}, &u)
	require.NotNil(t, u.Node)
}

func userID(t *testing.T, b *bundle, name string) string {
	var v struct{ Viewer struct{ ID string } }
	b.ok(t, name, `{ viewer { id } }`, nil, &v)
	return v.Viewer.ID
}

// TestIntrospectionWithoutToken lets GraphiQL load the schema before a token is pasted.
func TestIntrospectionWithoutToken(t *testing.T) {
	t.Parallel()
	b := setup(t)
	res := b.do(t, "", `{ __schema { queryType { name } } }`, nil)
	require.Empty(t, res.Errors)
	res = b.do(t, "", `{ __schema { queryType { name } } products { totalCount } }`, nil)
	require.Equal(t, "UNAUTHENTICATED", res.code())

	// GraphiQL's own introspection query nests TypeRef eight levels deep; the depth limit must
	// not refuse it.
	res = b.do(t, "", graphiqlIntrospection, nil)
	require.Empty(t, res.Errors)
	require.Contains(t, string(res.Data), `"name":"Query"`)
}

// graphiqlIntrospection is the introspection query GraphiQL sends (abridged to its deep part).
const graphiqlIntrospection = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name
    ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}`

// TestProductItems: the batched Product.items returns each product's own items, pages with
// cursors, filters with where, counts what it filters, and shows users only their items.
func TestProductItems(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.ok(t, "admin", `mutation($id: ID!) { setItemMaintenance(id: $id, reason: "fan") { id } }`,
		map[string]any{"id": b.itemID(t, "4d-small-03")}, nil)
	type conn struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage bool
			EndCursor   string
		}
		Edges []struct{ Node struct{ Name, Status string } }
	}
	var out struct {
		Products struct {
			Edges []struct {
				Node struct {
					Sku   string
					Items conn
				}
			}
		}
	}
	const q = `query($after: Cursor) { products(first: 50) { edges { node { sku
		items(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name status } } } } } } }`
	b.ok(t, "admin", q, nil, &out)
	require.Len(t, out.Products.Edges, 8)
	var small conn
	for _, e := range out.Products.Edges {
		prefix := strings.ToLower(strings.ReplaceAll(e.Node.Sku, ".", "-")) + "-"
		for _, it := range e.Node.Items.Edges {
			require.True(t, strings.HasPrefix(it.Node.Name, prefix), "%s under %s", it.Node.Name, e.Node.Sku)
		}
		if e.Node.Sku == "4D.small" {
			small = e.Node.Items
		}
		if e.Node.Sku == "4E.lab3" { // a bundle has no items of its own
			require.Zero(t, e.Node.Items.TotalCount)
			require.Empty(t, e.Node.Items.Edges)
		}
	}
	require.Equal(t, 14, small.TotalCount)
	require.True(t, small.PageInfo.HasNextPage)
	require.Equal(t, "4d-small-01", small.Edges[0].Node.Name)

	// The next page, after the cursor.
	b.ok(t, "admin", q, map[string]any{"after": small.PageInfo.EndCursor}, &out)
	for _, e := range out.Products.Edges {
		if e.Node.Sku == "4D.small" {
			require.Equal(t, "4d-small-03", e.Node.Items.Edges[0].Node.Name)
			require.Equal(t, "MAINTENANCE", e.Node.Items.Edges[0].Node.Status)
		}
	}

	// where filters the page and the count.
	var filtered struct {
		Product struct{ Items conn }
	}
	b.ok(t, "admin", `{ product(sku: "4D.small") { items(first: 5, where: {status: MAINTENANCE}) { totalCount edges { node { name status } } } } }`, nil, &filtered)
	require.Equal(t, 1, filtered.Product.Items.TotalCount)
	require.Equal(t, "4d-small-03", filtered.Product.Items.Edges[0].Node.Name)

	// A user holds no items yet: she sees none, and no count of what she cannot see.
	b.ok(t, "alice", q, nil, &out)
	for _, e := range out.Products.Edges {
		require.Zero(t, e.Node.Items.TotalCount)
		require.Empty(t, e.Node.Items.Edges)
	}
}
