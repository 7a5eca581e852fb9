package lease

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

// BenchmarkVend vends one item per iteration through the service (simulator at 0 ms).
func BenchmarkVend(b *testing.B) {
	bd := setup(b)
	bd.svc.cfg.MaxItemsPerUser = 1 << 30
	inv := inventory.NewService(bd.store, bd.clock)
	admin := viewer.NewContext(context.Background(), viewer.Viewer{UserID: 1, Name: "bench", Role: viewer.RoleAdmin})
	items := make([]*inventory.NewItem, 0, 10000)
	for i := range cap(items) {
		items = append(items, &inventory.NewItem{SKU: "4D.small", Name: fmt.Sprintf("bench-%05d", i)})
	}
	_, err := inv.Add(admin, items)
	require.NoError(b, err)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := bd.svc.Vend(bd.as["alice"], VendInput{SKU: sku("4D.small"), Duration: days(1)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVendSelection compares vends narrowed by pool and labels with plain ones over 100,000
// items of one product: half in pool lab1, a third with gpu, a tenth broken, so that the
// narrowed vend (pool lab1, label gpu, not broken) matches about one item in seven. Both claim
// through indexes: the narrowed one should run at 80% or more of the plain one's rate.
func BenchmarkVendSelection(b *testing.B) {
	bd := setup(b)
	bd.svc.cfg.MaxItemsPerUser = 1 << 30
	inv := inventory.NewService(bd.store, bd.clock)
	admin := viewer.NewContext(context.Background(), viewer.Viewer{UserID: 1, Name: "bench", Role: viewer.RoleAdmin})
	const n = 100000
	items := make([]*inventory.NewItem, 0, 5000)
	for i := range n {
		it := &inventory.NewItem{SKU: "4D.small", Name: fmt.Sprintf("sel-%06d", i), Pool: sku([]string{"lab1", "lab2"}[i%2])}
		if i%3 == 0 {
			it.Labels = append(it.Labels, "gpu")
		}
		if i%10 == 0 {
			it.Labels = append(it.Labels, "broken")
		}
		items = append(items, it)
		if len(items) == cap(items) || i == n-1 {
			_, err := inv.Add(admin, items)
			require.NoError(b, err)
			items = items[:0]
		}
	}
	for _, c := range []struct {
		name string
		in   VendInput
	}{
		{"plain", VendInput{SKU: sku("4D.small"), Duration: days(1)}},
		{"pool+label+notLabel", VendInput{SKU: sku("4D.small"), Pool: sku("lab1"), Labels: []string{"gpu"}, NotLabels: []string{"broken"}, Duration: days(1)}},
		{"anyProduct+pool", VendInput{Tier: ptr(4), Type: sku("D"), Pool: sku("lab1"),
			Attributes: []*schematype.AttributeConstraint{{Key: "ram_gb", Op: ">=", Value: "256"}}, Duration: days(1)}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bd.svc.Vend(bd.as["alice"], c.in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
