package lease

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

// BenchmarkVend vends one item per iteration through the service (simulator at 0 ms).
func BenchmarkVend(b *testing.B) {
	bd := setup(b)
	bd.svc.cfg.MaxItemsPerUser = 1 << 30
	inv := inventory.NewService(bd.client, bd.clock)
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
