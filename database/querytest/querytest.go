// Package querytest is the conformance suite of queries.Queries: each dialect's package runs it
// on its database, and both must give the same answers for what the services ask.
package querytest

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"entgo.io/ent/dialect/sql"
	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/queries"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/costcenter"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/itemlabel"
	"github.com/hardcandy/hardcandy/ent/predicate"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/inventory"
)

// Run runs the suite on stores opened by open, each a fresh migrated database.
func Run(t *testing.T, open func(t *testing.T) *database.Store) {
	t.Run("StillIn guards a conditional update", func(t *testing.T) {
		t.Parallel()
		b := setup(t, open)
		ids := b.itemIDs(t, 3)
		var moved int
		err := b.st.Write(b.ctx, func(tx *database.Tx) error {
			// One item moves away first: the guarded update must pass it over.
			if err := tx.InventoryItem.UpdateOneID(ids[0]).SetStatus(inventory.Maintenance).Exec(b.ctx); err != nil {
				return err
			}
			n, err := tx.InventoryItem.Update().
				Where(inventoryitem.IDIn(ids...), tx.Queries().StillIn(inventoryitem.FieldStatus, inventory.Available)).
				SetStatus(inventory.Reserving).Save(b.ctx)
			moved = n
			return err
		})
		require.NoError(t, err)
		require.Equal(t, 2, moved)
		require.Equal(t, 2, b.count(t, inventoryitem.StatusEQ(inventory.Reserving)))
		// database.StillIn is the same guard, taking its dialect from the query.
		n, err := b.st.Client.InventoryItem.Update().
			Where(inventoryitem.IDIn(ids...), database.StillIn(inventoryitem.FieldStatus, inventory.Reserving)).
			SetStatus(inventory.Available).Save(b.ctx)
		require.NoError(t, err)
		require.Equal(t, 2, n)
	})

	t.Run("a hand-written guarded update by ids", func(t *testing.T) {
		t.Parallel()
		b := setup(t, open)
		ids := b.itemIDs(t, 4)
		var got []int
		err := b.st.Write(b.ctx, func(tx *database.Tx) error {
			q := tx.Queries()
			if err := q.WalkIndex(b.ctx, tx); err != nil {
				return err
			}
			in, args := q.InIDs(inventoryitem.FieldID, 3, ids[:3])
			stmt := fmt.Sprintf("UPDATE %s SET %s = %s WHERE %s = %s AND %s RETURNING %s", inventoryitem.Table,
				inventoryitem.FieldStatus, q.Param(1), q.Filter(inventoryitem.FieldStatus), q.Param(2), in, inventoryitem.FieldID)
			rows, err := tx.QueryContext(b.ctx, stmt, append([]any{string(inventory.Reserving), string(inventory.Available)}, args...)...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var id int
				if err := rows.Scan(&id); err != nil {
					return err
				}
				got = append(got, id)
			}
			return rows.Err()
		})
		require.NoError(t, err)
		require.ElementsMatch(t, ids[:3], got)
		require.Equal(t, 3, b.count(t, inventoryitem.StatusEQ(inventory.Reserving)))
	})

	t.Run("PerRow keeps a correlated subquery's answer", func(t *testing.T) {
		t.Parallel()
		b := setup(t, open)
		labelled := func(perRow bool) []int {
			ids, err := b.st.Client.InventoryItem.Query().Where(func(s *sql.Selector) {
				l := sql.Table(itemlabel.Table)
				sub := sql.Select(l.C(itemlabel.FieldItemID)).From(l).Where(sql.And(
					sql.ColumnsEQ(l.C(itemlabel.FieldItemID), s.C(inventoryitem.FieldID)), sql.EQ(l.C(itemlabel.FieldLabel), "gpu")))
				if perRow {
					database.PerRow(s, sub)
				}
				s.Where(sql.Exists(sub))
			}).IDs(b.ctx)
			require.NoError(t, err)
			sort.Ints(ids)
			return ids
		}
		want := labelled(false)
		require.NotEmpty(t, want, "the demo has items labelled gpu")
		require.Equal(t, want, labelled(true))
	})

	t.Run("UsageTotals", func(t *testing.T) {
		t.Parallel()
		b := setup(t, open)
		eng, field, alice, bob, p := b.cast(t)
		b.order(t, &eng, &alice, p, 2, 4000, "USD", nov.Add(-2*day), nov.Add(2*day)) // half in November: 2000
		b.order(t, &field, &bob, p, 1, 300, "EUR", nov.Add(9*day), nov.Add(12*day))  // all in November: 300
		b.order(t, &eng, &alice, p, 1, 1000, "USD", dec.Add(-day), dec.Add(2*day))   // a third: 333.33 → 333
		b.order(t, nil, &alice, p, 5, 9999, "USD", nov, nov.Add(day))                // charged to no cost center
		b.order(t, &eng, &alice, p, 1, 100, "USD", dec.Add(day), dec.Add(2*day))     // after the window

		q := b.st.Queries()
		all, err := q.UsageTotals(b.ctx, b.st.Client, queries.UsageFilter{From: nov, To: dec})
		require.NoError(t, err)
		sortTotals(all)
		require.Equal(t, []queries.UsageTotal{
			{CostCenterID: eng, UserID: alice, ProductID: p, Currency: "USD", Seconds: int64(2*2*day/time.Second + day/time.Second), Amount: 2333},
			{CostCenterID: field, UserID: bob, ProductID: p, Currency: "EUR", Seconds: int64(3 * day / time.Second), Amount: 300},
		}, all)

		mine, err := q.UsageTotals(b.ctx, b.st.Client, queries.UsageFilter{From: nov, To: dec, UserID: bob})
		require.NoError(t, err)
		require.Len(t, mine, 1)
		require.Equal(t, field, mine[0].CostCenterID)

		center, err := q.UsageTotals(b.ctx, b.st.Client, queries.UsageFilter{From: nov, To: dec, CostCenterID: eng})
		require.NoError(t, err)
		require.Len(t, center, 1)
		require.Equal(t, 2333, center[0].Amount)
	})

	t.Run("ItemsPage reads each product's page and total in one statement", func(t *testing.T) {
		t.Parallel()
		b := setup(t, open)
		prods, err := b.st.Client.Product.Query().Where(product.HasItems()).Order(ent.Asc(product.FieldID)).Limit(3).IDs(b.ctx)
		require.NoError(t, err)
		require.Len(t, prods, 3, "the demo has products with items")
		// What ent reads, product by product: the reference.
		want := func(pid, after, first int, ps ...predicate.InventoryItem) ([]int, int) {
			q := b.st.Client.InventoryItem.Query().Where(inventoryitem.ProductID(pid)).Where(ps...)
			total, err := q.Clone().Count(b.ctx)
			require.NoError(t, err)
			ids, err := q.Where(inventoryitem.IDGT(after)).Order(ent.Asc(inventoryitem.FieldID)).Limit(first + 1).IDs(b.ctx)
			require.NoError(t, err)
			return ids, total
		}
		firstOf, err := b.st.Client.InventoryItem.Query().Where(inventoryitem.ProductID(prods[0])).
			Order(ent.Asc(inventoryitem.FieldID)).FirstID(b.ctx)
		require.NoError(t, err)
		available := inventoryitem.StatusEQ(inventory.Available)
		for _, c := range []struct {
			name  string
			sh    database.PageShape
			after int
			preds []predicate.InventoryItem
		}{
			{"first page with totals", database.PageShape{First: 2, Total: true}, 0, nil},
			{"after a cursor", database.PageShape{First: 2, After: true}, firstOf, nil},
			{"totals from the counters", database.PageShape{First: 1, Total: true, Counters: true}, 0, nil},
			{"only totals", database.PageShape{Total: true}, 0, nil},
			{"filtered", database.PageShape{First: 3, Total: true}, 0, []predicate.InventoryItem{available}},
		} {
			c.sh.Products = len(prods)
			// Twice: the second read of an unfiltered shape reuses its statement.
			for range 2 {
				page, totals, err := b.st.ItemsPage(b.ctx, c.sh, prods, c.after, c.preds...)
				require.NoError(t, err, c.name)
				got := map[int][]int{}
				for _, it := range page {
					got[it.ProductID] = append(got[it.ProductID], it.ID)
				}
				for _, pid := range prods {
					ids, total := want(pid, c.after, c.sh.First, c.preds...)
					if c.sh.First == 0 {
						ids = nil
					}
					require.Equal(t, ids, got[pid], "%s: product %d's page", c.name, pid)
					if c.sh.Total {
						require.Equal(t, total, totals[pid], "%s: product %d's total", c.name, pid)
					} else {
						require.NotContains(t, totals, pid, c.name)
					}
				}
			}
		}
	})

	t.Run("OrderStacks streams the stacks of the orders in a window", func(t *testing.T) {
		t.Parallel()
		b := setup(t, open)
		eng, field, alice, bob, p := b.cast(t)
		b.order(t, &eng, &alice, p, 2, 4000, "USD", nov.Add(-2*day), nov.Add(2*day))
		b.order(t, &field, &bob, p, 1, 300, "EUR", nov.Add(9*day), nov.Add(12*day))
		b.order(t, nil, &alice, p, 5, 9999, "USD", nov, nov.Add(day))            // no cost center: not billed
		b.order(t, &eng, &alice, p, 1, 100, "USD", dec.Add(day), dec.Add(2*day)) // after the window
		read := func(f queries.UsageFilter) []database.OrderStack {
			var out []database.OrderStack
			require.NoError(t, b.st.OrderStacks(b.ctx, f, func(r database.OrderStack) error {
				r.PeriodStart, r.PeriodEnd = r.PeriodStart.UTC(), r.PeriodEnd.UTC()
				out = append(out, r)
				return nil
			}))
			sort.Slice(out, func(i, j int) bool { return out[i].CostCenterID < out[j].CostCenterID })
			return out
		}
		price := func(n int) *int { return &n }
		all := read(queries.UsageFilter{From: nov, To: dec})
		require.Equal(t, []database.OrderStack{
			{CostCenterID: eng, UserID: alice, PeriodStart: nov.Add(-2 * day), PeriodEnd: nov.Add(2 * day), ProductID: p, Quantity: 2, Price: price(4000), Currency: "USD"},
			{CostCenterID: field, UserID: bob, PeriodStart: nov.Add(9 * day), PeriodEnd: nov.Add(12 * day), ProductID: p, Quantity: 1, Price: price(300), Currency: "EUR"},
		}, all)
		require.Equal(t, all[1:], read(queries.UsageFilter{From: nov, To: dec, UserID: bob}))
		require.Equal(t, all[:1], read(queries.UsageFilter{From: nov, To: dec, CostCenterID: eng}))
	})
}

type bundle struct {
	ctx context.Context
	st  *database.Store
}

func setup(t *testing.T, open func(t *testing.T) *database.Store) *bundle {
	t.Helper()
	st := open(t)
	clock := clockwork.NewFakeClockAt(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	ctx := context.Background()
	_, err := demo.Load(ctx, demo.Services{Client: st.Client, Auth: auth.NewService(st, clock),
		Catalog: catalog.NewService(st, clock), Inventory: inventory.NewService(st, clock)})
	require.NoError(t, err)
	return &bundle{ctx: database.System(ctx), st: st}
}

// itemIDs is n AVAILABLE items.
func (b *bundle) itemIDs(t *testing.T, n int) []int {
	t.Helper()
	ids, err := b.st.Client.InventoryItem.Query().Where(inventoryitem.StatusEQ(inventory.Available)).
		Order(ent.Asc(inventoryitem.FieldID)).Limit(n).IDs(b.ctx)
	require.NoError(t, err)
	require.Len(t, ids, n)
	return ids
}

func (b *bundle) count(t *testing.T, p predicate.InventoryItem) int {
	t.Helper()
	n, err := b.st.Client.InventoryItem.Query().Where(p).Count(b.ctx)
	require.NoError(t, err)
	return n
}

func (b *bundle) costCenter(t *testing.T, code string) int {
	t.Helper()
	id, err := b.st.Client.CostCenter.Query().Where(costcenter.Code(code)).OnlyID(b.ctx)
	require.NoError(t, err)
	return id
}

func (b *bundle) user(t *testing.T, name string) int {
	t.Helper()
	id, err := b.st.Client.User.Query().Where(user.Name(name)).OnlyID(b.ctx)
	require.NoError(t, err)
	return id
}

func (b *bundle) product(t *testing.T, sku string) int {
	t.Helper()
	id, err := b.st.Client.Product.Query().Where(product.Sku(sku)).OnlyID(b.ctx)
	require.NoError(t, err)
	return id
}

// order writes an order of qty of product over [start, end) at price in currency.
func (b *bundle) order(t *testing.T, cc, userID *int, productID, qty, price int, currency string, start, end time.Time) {
	t.Helper()
	bag, err := b.st.Client.Bag.Create().Save(b.ctx)
	require.NoError(t, err)
	require.NoError(t, b.st.Client.Stack.Create().SetBagID(bag.ID).SetProductID(productID).SetQuantity(qty).
		SetPrice(price).SetCurrency(currency).Exec(b.ctx))
	require.NoError(t, b.st.Client.Order.Create().SetKind("VEND").SetNillableCostCenterID(cc).SetNillableUserID(userID).
		SetContentsBagID(bag.ID).SetPeriodStart(start).SetPeriodEnd(end).Exec(b.ctx))
}

// day, nov and dec frame the usage checks: November 2026.
const day = 24 * time.Hour

var (
	nov = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	dec = nov.AddDate(0, 1, 0)
)

// cast is who the usage checks charge: the demo's ENG and FIELD cost centers, alice and bob,
// and the product 4D.small.
func (b *bundle) cast(t *testing.T) (eng, field, alice, bob, product int) {
	t.Helper()
	return b.costCenter(t, "ENG"), b.costCenter(t, "FIELD"), b.user(t, "alice"), b.user(t, "bob"), b.product(t, "4D.small")
}

func sortTotals(ts []queries.UsageTotal) {
	sort.Slice(ts, func(i, j int) bool { return ts[i].CostCenterID < ts[j].CostCenterID })
}
