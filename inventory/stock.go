package inventory

import (
	"context"
	"fmt"
	"time"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/stockcount"
)

// Stock is one product's items per status, from the stock counters.
type Stock struct {
	SKU string
	// Vendable is false for a retired product or an expired temporary one: no one can vend
	// it, so running out of it is nobody's alarm.
	Vendable bool
	// Counts has every item status, zero where the product has none.
	Counts map[Status]int
}

// Statuses are every item status, in the state machine's order.
var Statuses = []Status{Available, Reserving, Leased, Rebuilding, Maintenance, Archiving, Archived}

// StockCounts reads every product's stock from the stock counters (a handful of rows per
// product) and the catalog, never the items: monitoring reads it at every scrape. Bundles,
// which hold no items of their own, are left out.
func StockCounts(ctx context.Context, client *ent.Client, now time.Time) ([]Stock, error) {
	sys := database.System(ctx)
	prods, err := client.Product.Query().Where(product.ComponentsBagIDIsNil()).Order(ent.Asc(product.FieldSku)).
		Select(product.FieldID, product.FieldSku, product.FieldRetiredAt, product.FieldExpiresAt).All(sys)
	if err != nil {
		return nil, fmt.Errorf("stock: products: %w", err)
	}
	counts, err := client.StockCount.Query().
		Select(stockcount.FieldProductID, stockcount.FieldStatus, stockcount.FieldCount).All(sys)
	if err != nil {
		return nil, fmt.Errorf("stock: counters: %w", err)
	}
	byProduct := map[int]map[Status]int{}
	for _, c := range counts {
		if byProduct[c.ProductID] == nil {
			byProduct[c.ProductID] = map[Status]int{}
		}
		byProduct[c.ProductID][Status(c.Status)] += c.Count // the sum of its slots
	}
	out := make([]Stock, 0, len(prods))
	for _, p := range prods {
		st := Stock{SKU: p.Sku, Vendable: p.RetiredAt == nil && (p.ExpiresAt == nil || p.ExpiresAt.After(now)),
			Counts: make(map[Status]int, len(Statuses))}
		for _, s := range Statuses {
			st.Counts[s] = byProduct[p.ID][s]
		}
		out = append(out, st)
	}
	return out, nil
}

// OldestInMaintenance returns when the item longest in MAINTENANCE got there, through the
// (status, status_changed_at) index; zero when no item is in MAINTENANCE.
func OldestInMaintenance(ctx context.Context, client *ent.Client) (time.Time, error) {
	it, err := client.InventoryItem.Query().Where(inventoryitem.StatusEQ(Maintenance)).
		Order(ent.Asc(inventoryitem.FieldStatusChangedAt)).Select(inventoryitem.FieldStatusChangedAt).
		First(database.System(ctx))
	if ent.IsNotFound(err) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("oldest item in maintenance: %w", err)
	}
	return it.StatusChangedAt, nil
}
