package inventory_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/inventory"
)

func TestDispenserItem(t *testing.T) {
	t.Parallel()
	pool := "lab-2"
	it := &ent.InventoryItem{ID: 7, Name: "h-07", Pool: &pool, Labels: []string{"gpu"}}
	p := &ent.Product{Sku: "4D.small", Tier: 4, Type: "D", Size: "small",
		Attributes: []schematype.Attribute{{Key: "cpu", Value: "16"}}}
	for _, c := range []struct {
		name    string
		item    *ent.InventoryItem
		product *ent.Product
		want    dispenser.Item
	}{
		{"with its product", it, p, dispenser.Item{ID: 7, Name: "h-07", Pool: "lab-2", Labels: []string{"gpu"},
			SKU: "4D.small", Tier: 4, Type: "D", Size: "small", Attributes: map[string]string{"cpu": "16"}}},
		{"without", it, nil, dispenser.Item{ID: 7, Name: "h-07", Pool: "lab-2", Labels: []string{"gpu"}}},
		{"no pool, no attributes", &ent.InventoryItem{ID: 8, Name: "h-08"}, &ent.Product{Sku: "3A.small", Tier: 3, Type: "A", Size: "small"},
			dispenser.Item{ID: 8, Name: "h-08", SKU: "3A.small", Tier: 3, Type: "A", Size: "small"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, c.want, inventory.DispenserItem(c.item, c.product))
		})
	}
}
