package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"sync"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/graph-gophers/dataloader/v7"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/predicate"
	"github.com/hardcandy/hardcandy/ent/schema"
	"github.com/hardcandy/hardcandy/ent/stockcount"
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
	// sql builds the raw page query in the store's dialect (quoting, placeholders).
	sql *entsql.DialectBuilder
	// pages caches the statement text per shape, for pages without row filters (one cache per
	// handler, so per store).
	pages *sync.Map

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
	pages := &sync.Map{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := &itemsLoader{client: st.Client, sql: st.Builder(), pages: pages, args: map[*ast.Field]itemsArgs{},
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

// productItems resolves Product.items: batched for the common shape (first/after in id order),
// a plain paginated query otherwise.
func (r *Resolver) productItems(ctx context.Context, obj *ent.Product, after *ent.Cursor, first *int, before *ent.Cursor, last *int, orderBy *ent.InventoryItemOrder, where *ent.InventoryItemWhereInput) (*ent.InventoryItemConnection, error) {
	l, _ := ctx.Value(itemsLoaderKey{}).(*itemsLoader)
	fc := graphql.GetFieldContext(ctx)
	if l == nil || fc == nil || before != nil || last != nil || first == nil || (orderBy != nil && orderBy.Field != nil && orderBy.Field.String() != "ID") {
		return obj.QueryItems().Paginate(ctx, after, first, before, last,
			ent.WithInventoryItemOrder(orderBy), ent.WithInventoryItemFilter(where.Filter))
	}
	key := itemsKey{productID: obj.ID, field: fc.Field.Field}
	ld := l.loaderFor(fc, itemsArgs{ctx: ctx, after: after, first: *first, where: where})
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

	// 1. One statement: each product's page of ids (an index seek and a LIMIT per product) and,
	// when asked for, each product's total, glued with UNION ALL. Page rows carry total 0; total
	// rows carry id 0 (no item has id 0).
	shape := pageShape{products: len(productIDs), first: a.first, after: a.after != nil,
		total: selects(ctx, "totalCount"), counters: hasViewer && v.IsAdmin() && a.where == nil}
	var (
		query string
		args  []any
	)
	switch cached, ok := l.pages.Load(shape); {
	case ok && len(preds) == 0:
		query, args = cached.(string), shape.args(productIDs, a.after)
	case len(preds) == 0:
		// The text depends only on the shape: build it once, then only the arguments change.
		if union := l.pageSelect(shape, productIDs, a.after, nil); union != nil {
			query, args = union.Query()
			l.pages.Store(shape, query)
		}
	default:
		if union := l.pageSelect(shape, productIDs, a.after, preds); union != nil {
			query, args = union.Query()
		}
	}
	type row struct{ ID, ProductID, Total int }
	var page []row
	totals := map[int]int{}
	if query != "" {
		rows, err := l.client.QueryContext(ctx, query, args...)
		if err != nil {
			return nil, fmt.Errorf("items page: %w", err)
		}
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.ID, &r.ProductID, &r.Total); err != nil {
				_ = rows.Close()
				return nil, fmt.Errorf("items page: %w", err)
			}
			if r.ID == 0 {
				totals[r.ProductID] = r.Total
			} else {
				page = append(page, r)
			}
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, fmt.Errorf("items page: %w", err)
		}
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

// pageShape is all the page statement's text depends on: the product ids and the cursor are
// arguments. Building the statement with the SQL builder cost as much as SQLite running it.
type pageShape struct {
	products, first int
	after, total    bool
	// counters: totals from the stock counters (an admin with no filter).
	counters bool
}

// args lists the arguments of the shape's statement in the order pageSelect binds them.
func (sh pageShape) args(productIDs []int, after *ent.Cursor) []any {
	var args []any
	if sh.first > 0 {
		for _, pid := range productIDs {
			args = append(args, pid)
			if after != nil {
				args = append(args, after.ID)
			}
		}
	}
	if sh.total {
		for _, pid := range productIDs {
			args = append(args, pid)
		}
	}
	return args
}

// pageSelect builds the page statement: per product, its next first+1 item ids; then, when the
// shape asks, each product's total. Aliases are positional, so the text does not depend on ids.
func (l *itemsLoader) pageSelect(sh pageShape, productIDs []int, after *ent.Cursor, preds []predicate.InventoryItem) *entsql.Selector {
	var union *entsql.Selector
	add := func(sub *entsql.Selector) {
		if union == nil {
			union = sub
		} else {
			union.UnionAll(sub)
		}
	}
	if sh.first > 0 {
		for i, pid := range productIDs {
			s := l.sql.Select().From(l.sql.Table(inventoryitem.Table))
			s.AppendSelect(s.C(inventoryitem.FieldID), s.C(inventoryitem.FieldProductID)).
				AppendSelectExprAs(entsql.Expr("0"), "total")
			s.Where(entsql.EQ(s.C(inventoryitem.FieldProductID), pid))
			if after != nil {
				s.Where(entsql.GT(s.C(inventoryitem.FieldID), after.ID))
			}
			for _, p := range preds {
				p(s)
			}
			s.OrderBy(s.C(inventoryitem.FieldID)).Limit(sh.first + 1)
			add(l.sql.Select("*").From(s.As(fmt.Sprintf("p%d", i))))
		}
	}
	if sh.total {
		ids := make([]any, len(productIDs))
		for i, id := range productIDs {
			ids[i] = id
		}
		var t *entsql.Selector
		if sh.counters {
			// Nothing filters the rows: the stock counters know the totals.
			t = l.sql.Select().From(l.sql.Table(stockcount.Table))
			t.AppendSelectExprAs(entsql.Expr("0"), "id").AppendSelect(t.C(stockcount.FieldProductID)).
				AppendSelectExprAs(entsql.Expr("CAST(SUM("+t.C(stockcount.FieldCount)+") AS BIGINT)"), "total")
			t.Where(entsql.In(t.C(stockcount.FieldProductID), ids...)).GroupBy(t.C(stockcount.FieldProductID))
		} else {
			t = l.sql.Select().From(l.sql.Table(inventoryitem.Table))
			t.AppendSelectExprAs(entsql.Expr("0"), "id").AppendSelect(t.C(inventoryitem.FieldProductID)).
				AppendSelectAs(entsql.Count("*"), "total")
			t.Where(entsql.In(t.C(inventoryitem.FieldProductID), ids...))
			for _, p := range preds {
				p(t)
			}
			t.GroupBy(t.C(inventoryitem.FieldProductID))
		}
		add(l.sql.Select("*").From(t.As("totals")))
	}
	return union
}
