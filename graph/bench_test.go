package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

// benchSetup adds products×perProduct items to the demo data.
func benchSetup(b *testing.B, products, perProduct int) *bundle {
	bd := setup(b)
	ctx := viewer.NewContext(b.Context(), viewer.Viewer{UserID: 1, Name: "bench", Role: viewer.RoleAdmin})
	cat := catalog.NewService(bd.store, bd.clock)
	inv := inventory.NewService(bd.store, bd.clock)
	for p := range products {
		sku := fmt.Sprintf("4D.b%04d", p)
		_, err := cat.Create(ctx, catalog.CreateInput{SKU: sku, Name: sku, PricePerDay: 100, Currency: "USD"})
		require.NoError(b, err)
		items := make([]*inventory.NewItem, perProduct)
		for i := range items {
			items[i] = &inventory.NewItem{SKU: sku, Name: fmt.Sprintf("%s-%04d", sku, i)}
		}
		_, err = inv.Add(ctx, items)
		require.NoError(b, err)
	}
	return bd
}

// serveBench runs one query through the handler in-process (no network) b.N times.
func serveBench(b *testing.B, bd *bundle, as, query string) {
	body, _ := json.Marshal(map[string]any{"query": query})
	h := bd.srv.Config.Handler
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+bd.tokens[as])
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("%d %s", rec.Code, rec.Body.String())
		}
	}
}

func BenchmarkAvailabilityCatalog(b *testing.B) {
	bd := benchSetup(b, 200, 20)
	serveBench(b, bd, "alice", `{ availability { sku available reserving leased rebuilding maintenance } }`)
}

func BenchmarkAvailabilityOneSKU(b *testing.B) {
	bd := benchSetup(b, 200, 20)
	serveBench(b, bd, "alice", `{ availability(sku: "4D.b0001") { sku available leased } }`)
}

func BenchmarkProductsPageWithItems(b *testing.B) {
	bd := benchSetup(b, 60, 100)
	serveBench(b, bd, "admin", `{ products(first: 50) { totalCount edges { node { sku name pricePerDay
		items(first: 5) { totalCount edges { node { name status } } } } } } }`)
}

func BenchmarkProductsPageDesignCatalog(b *testing.B) {
	bd := setup(b)
	serveBench(b, bd, "admin", `{ products(first: 50) { totalCount edges { node { sku name pricePerDay
		items(first: 5) { totalCount edges { node { name status } } } } } } }`)
}
