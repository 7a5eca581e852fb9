package inventory

import (
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/ent"
)

// DispenserItem is an item as a provisioning backend sees it, for a vend and for a wipe alike:
// its identity, pool and labels, and, when p (its product) is given, the product's SKU, tier,
// type, size and attributes.
func DispenserItem(it *ent.InventoryItem, p *ent.Product) dispenser.Item {
	di := dispenser.Item{ID: it.ID, Name: it.Name, Labels: it.Labels}
	if it.Pool != nil {
		di.Pool = *it.Pool
	}
	if p == nil {
		return di
	}
	di.SKU, di.Tier, di.Type, di.Size = p.Sku, p.Tier, p.Type, p.Size
	if len(p.Attributes) > 0 {
		di.Attributes = make(map[string]string, len(p.Attributes))
		for _, a := range p.Attributes {
			di.Attributes[a.Key] = a.Value
		}
	}
	return di
}
