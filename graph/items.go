package graph

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/graph-gophers/dataloader/v7"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/predicate"
	"github.com/hardcandy/hardcandy/ent/schema"
	"github.com/hardcandy/hardcandy/viewer"
)

// Product.items under a list of products is the API's heaviest read. entgql would load it with
// a window function over every item of every product on the page; this loader instead batches
// the products of one request and reads each product's page with an index seek
// (product_id, id) inside one UNION ALL statement, then the nodes (with their collected edges)
// in a second, and totalCount from the stock counters or one grouped count.

// itemsKey identifies one product's items field: products that share the AST field share the
// arguments, so they form one batch.
type itemsKey struct {
	productID int
	field     *ast.Field
}

type itemsArgs struct {
	ctx   context.Context // the first caller's, for field collection and the viewer
	after *ent.Cursor
	first int
	where *ent.InventoryItemWhereInput
}

type itemsLoader struct {
	client *ent.Client
	// store reads the pages of ids (database.Store.ItemsPage).
	store *database.Store

	mu      sync.Mutex
	loaders map[*ast.Field]*dataloader.Loader[itemsKey, *ent.InventoryItemConnection]
	args    map[*ast.Field]itemsArgs
}

type itemsLoaderKey struct{}

// A batch is dispatched when every sibling product has asked, or after a wait: short when the
// number of siblings is unknown (a list that is not a plain slice), long when it is known, where
// the wait only guards against a sibling that never asks (its parent failed) and must not split
// batches when a loaded server schedules the siblings' goroutines slowly.
const (
	batchWait      = 2 * time.Millisecond
	batchWaitKnown = 50 * time.Millisecond
)

// withItemsLoader gives each request its own loaders over st.
func withItemsLoader(st *database.Store, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := &itemsLoader{client: st.Client, store: st, args: map[*ast.Field]itemsArgs{},
			loaders: map[*ast.Field]*dataloader.Loader[itemsKey, *ent.InventoryItemConnection]{}}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), itemsLoaderKey{}, l)))
	})
}

// loaderFor returns the loader of one AST field, created by its first caller with the field's
// arguments and a batch as large as the list of products the field sits in.
func (l *itemsLoader) loaderFor(fc *graphql.FieldContext, a itemsArgs) *dataloader.Loader[itemsKey, *ent.InventoryItemConnection] {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := fc.Field.Field
	if ld, ok := l.loaders[f]; ok {
		return ld
	}
	l.args[f] = a
	size, wait := siblings(fc), batchWaitKnown
	if size <= 0 || size > MaxPageSize {
		size, wait = MaxPageSize, batchWait
	}
	ld := dataloader.NewBatchedLoader(l.batch,
		dataloader.WithWait[itemsKey, *ent.InventoryItemConnection](wait),
		dataloader.WithBatchCapacity[itemsKey, *ent.InventoryItemConnection](size))
	l.loaders[f] = ld
	return ld
}

// siblings counts the elements of the nearest list above the field (the products of a page),
// or returns 0 when there is none.
func siblings(fc *graphql.FieldContext) int {
	for p := fc.Parent; p != nil; p = p.Parent {
		if p.Index != nil || p.Result == nil {
			continue
		}
		rv := reflect.ValueOf(p.Result)
		if rv.Kind() == reflect.Pointer {
			rv = rv.Elem()
		}
		if rv.Kind() == reflect.Slice {
			return rv.Len()
		}
	}
	return 0
}

// inList reports whether the field sits under an element of a list.
func inList(fc *graphql.FieldContext) bool {
	for p := fc.Parent; p != nil; p = p.Parent {
		if p.Index != nil {
			return true
		}
	}
	return false
}

// productItems resolves Product.items: batched for the common shape (first/after in id order),
// a plain paginated query otherwise.
func (r *Resolver) productItems(ctx context.Context, obj *ent.Product, after *ent.Cursor, first *int, before *ent.Cursor, last *int, orderBy *ent.InventoryItemOrder, where *ent.InventoryItemWhereInput) (*ent.InventoryItemConnection, error) {
	l, _ := ctx.Value(itemsLoaderKey{}).(*itemsLoader)
	fc := graphql.GetFieldContext(ctx)
	if l == nil || fc == nil || before != nil || last != nil || first == nil || (orderBy != nil && orderBy.Field != nil && orderBy.Field.String() != "ID") {
		return obj.QueryItems().Paginate(ctx, after, first, before, last,
			ent.WithInventoryItemOrder(orderBy), ent.WithInventoryItemFilter(where.Filter))
	}
	a := itemsArgs{ctx: ctx, after: after, first: *first, where: where}
	if !inList(fc) {
		// One product (product(sku), node(id)): no sibling will ask, so a batch would only add
		// its wait and two goroutines to the request.
		conns, err := l.load(a, []int{obj.ID})
		if err != nil {
			return nil, err
		}
		return conns[0], nil
	}
	key := itemsKey{productID: obj.ID, field: fc.Field.Field}
	ld := l.loaderFor(fc, a)
	return ld.Load(ctx, key)()
}

func (l *itemsLoader) lookupArgs(f *ast.Field) itemsArgs {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.args[f]
}

func (l *itemsLoader) batch(_ context.Context, keys []itemsKey) []*dataloader.Result[*ent.InventoryItemConnection] {
	out := make([]*dataloader.Result[*ent.InventoryItemConnection], len(keys))
	groups := map[*ast.Field][]int{}
	for i, k := range keys {
		groups[k.field] = append(groups[k.field], i)
	}
	for f, idx := range groups {
		ids := make([]int, len(idx))
		for j, i := range idx {
			ids[j] = keys[i].productID
		}
		conns, err := l.load(l.lookupArgs(f), ids)
		for j, i := range idx {
			if err != nil {
				out[i] = &dataloader.Result[*ent.InventoryItemConnection]{Error: err}
				continue
			}
			out[i] = &dataloader.Result[*ent.InventoryItemConnection]{Data: conns[j]}
		}
	}
	return out
}

// load builds one connection per product id, in order.
func (l *itemsLoader) load(a itemsArgs, productIDs []int) ([]*ent.InventoryItemConnection, error) {
	ctx := a.ctx
	var preds []predicate.InventoryItem
	if a.where != nil {
		p, err := a.where.P()
		if err != nil {
			return nil, err
		}
		preds = append(preds, p)
	}
	v, hasViewer := viewer.FromContext(ctx)
	if hasViewer && !v.IsAdmin() {
		preds = append(preds, schema.ItemScope(v)) // the same rows the read policy allows
	}

	// 1. One statement: each product's page of ids and, when asked for, each product's total.
	shape := database.PageShape{Products: len(productIDs), First: a.first, After: a.after != nil,
		Total: selects(ctx, "totalCount"), Counters: hasViewer && v.IsAdmin() && a.where == nil}
	afterID := 0
	if a.after != nil {
		afterID = a.after.ID
	}
	page, totals, err := l.store.ItemsPage(ctx, shape, productIDs, afterID, preds...)
	if err != nil {
		return nil, err
	}

	// 2. The nodes, with whatever edges the query selects under edges.node.
	byProduct := map[int][]*ent.InventoryItem{}
	if len(page) > 0 {
		ids := make([]int, len(page))
		productOf := make(map[int]int, len(page))
		for i, p := range page {
			ids[i] = p.ID
			productOf[p.ID] = p.ProductID
		}
		q := l.client.InventoryItem.Query().Where(inventoryitem.IDIn(ids...)).Order(ent.Asc(inventoryitem.FieldID))
		if nodeCtx, ok := nodeFieldContext(ctx); ok {
			var err error
			if q, err = q.CollectFields(nodeCtx); err != nil {
				return nil, err
			}
		}
		items, err := q.All(ctx)
		if err != nil {
			return nil, fmt.Errorf("items: %w", err)
		}
		for _, it := range items {
			pid := productOf[it.ID] // field collection may not select product_id
			byProduct[pid] = append(byProduct[pid], it)
		}
	}

	conns := make([]*ent.InventoryItemConnection, len(productIDs))
	for i, pid := range productIDs {
		nodes := byProduct[pid]
		c := &ent.InventoryItemConnection{Edges: []*ent.InventoryItemEdge{}}
		c.PageInfo.HasPreviousPage = a.after != nil
		if len(nodes) > a.first {
			c.PageInfo.HasNextPage = true
			nodes = nodes[:a.first]
		}
		for _, n := range nodes {
			c.Edges = append(c.Edges, &ent.InventoryItemEdge{Node: n, Cursor: ent.Cursor{ID: n.ID}})
		}
		if k := len(c.Edges); k > 0 {
			c.PageInfo.StartCursor = &c.Edges[0].Cursor
			c.PageInfo.EndCursor = &c.Edges[k-1].Cursor
		}
		c.TotalCount = totals[pid]
		conns[i] = c
	}
	return conns, nil
}

// nodeFieldContext returns a context whose field is the connection's edges.node selection, so
// entgql's field collection can eager-load what the query asks of each node.
func nodeFieldContext(ctx context.Context) (context.Context, bool) {
	fc := graphql.GetFieldContext(ctx)
	oc := graphql.GetOperationContext(ctx)
	for _, edges := range graphql.CollectFields(oc, fc.Field.Selections, nil) {
		if edges.Name != "edges" {
			continue
		}
		for _, node := range graphql.CollectFields(oc, edges.Selections, nil) {
			if node.Name == "node" {
				return graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "InventoryItemEdge", Field: node}), true
			}
		}
	}
	return ctx, false
}

// selects reports whether the current field selects a direct child with the given name.
func selects(ctx context.Context, name string) bool {
	fc := graphql.GetFieldContext(ctx)
	for _, f := range graphql.CollectFields(graphql.GetOperationContext(ctx), fc.Field.Selections, nil) {
		if f.Name == name {
			return true
		}
	}
	return false
}
