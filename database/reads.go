package database

import (
	"context"
	stdsql "database/sql"
	"errors"
	"fmt"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/hardcandy/hardcandy/database/queries"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/order"
	"github.com/hardcandy/hardcandy/ent/predicate"
	"github.com/hardcandy/hardcandy/ent/stack"
	"github.com/hardcandy/hardcandy/ent/stockcount"
)

// This file holds the two reads ent's query builders cannot say in one statement: the items
// pages of many products at once, and the order stacks a usage report streams. Both are written
// once with ent's SQL builder in the store's dialect (placeholders, quoting); the conformance
// suite (querytest) runs them on both databases.

// PageShape is all the items page statement's text depends on; the product ids and the cursor
// are its arguments, so that a shape's statement is built once per store.
type PageShape struct {
	// Products is how many products the page covers; First how many items each (0: none, only
	// totals). First+1 are read, so the caller knows whether there is a next page.
	Products, First int
	// After says the page starts after an item id.
	After bool
	// Total asks for each product's count of matching items; Counters reads it from the stock
	// counters, which is only right when nothing filters the items.
	Total, Counters bool
}

// PageItem is one item id on a product's page.
type PageItem struct{ ID, ProductID int }

// ItemsPage reads, in one statement, each product's next sh.First+1 item ids in id order after
// afterID and, when sh.Total asks, each product's total (by product id). preds filter the items
// (the viewer's scope, the query's where); a page without them reuses the shape's statement.
func (s *Store) ItemsPage(ctx context.Context, sh PageShape, productIDs []int, afterID int, preds ...predicate.InventoryItem) ([]PageItem, map[int]int, error) {
	var query string
	args := sh.args(productIDs, afterID)
	if cached, ok := s.pages.Load(sh); ok && len(preds) == 0 {
		query = cached.(string)
	} else if union := s.pageSelect(sh, productIDs, afterID, preds); union != nil {
		query, args = union.Query()
		if len(preds) == 0 {
			s.pages.Store(sh, query)
		}
	}
	totals := map[int]int{}
	if query == "" {
		return nil, totals, nil
	}
	rows, err := s.Client.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("items page: %w", err)
	}
	var page []PageItem
	for rows.Next() {
		var id, productID, total int
		if err := rows.Scan(&id, &productID, &total); err != nil {
			_ = rows.Close()
			return nil, nil, fmt.Errorf("items page: %w", err)
		}
		if id == 0 { // a total's row (no item has id 0)
			totals[productID] = total
		} else {
			page = append(page, PageItem{ID: id, ProductID: productID})
		}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, nil, fmt.Errorf("items page: %w", err)
	}
	return page, totals, nil
}

// args lists the arguments of the shape's statement in the order pageSelect binds them.
func (sh PageShape) args(productIDs []int, afterID int) []any {
	var args []any
	if sh.First > 0 {
		for _, pid := range productIDs {
			args = append(args, pid)
			if sh.After {
				args = append(args, afterID)
			}
		}
	}
	if sh.Total {
		for _, pid := range productIDs {
			args = append(args, pid)
		}
	}
	return args
}

// pageSelect builds the page statement: per product, its next first+1 item ids (an index seek
// and a LIMIT each); then, when the shape asks, each product's total; glued with UNION ALL.
// Page rows carry total 0, total rows id 0. Aliases are positional, so the text does not depend
// on the ids. Building it with the SQL builder costs as much as SQLite running it: hence the
// cache in ItemsPage.
func (s *Store) pageSelect(sh PageShape, productIDs []int, afterID int, preds []predicate.InventoryItem) *sql.Selector {
	b := s.builder()
	var union *sql.Selector
	add := func(sub *sql.Selector) {
		if union == nil {
			union = sub
		} else {
			union.UnionAll(sub)
		}
	}
	if sh.First > 0 {
		for i, pid := range productIDs {
			q := b.Select().From(b.Table(inventoryitem.Table))
			q.AppendSelect(q.C(inventoryitem.FieldID), q.C(inventoryitem.FieldProductID)).
				AppendSelectExprAs(sql.Expr("0"), "total")
			q.Where(sql.EQ(q.C(inventoryitem.FieldProductID), pid))
			if sh.After {
				q.Where(sql.GT(q.C(inventoryitem.FieldID), afterID))
			}
			for _, p := range preds {
				p(q)
			}
			q.OrderBy(q.C(inventoryitem.FieldID)).Limit(sh.First + 1)
			add(b.Select("*").From(q.As(fmt.Sprintf("p%d", i))))
		}
	}
	if sh.Total {
		ids := make([]any, len(productIDs))
		for i, id := range productIDs {
			ids[i] = id
		}
		var t *sql.Selector
		if sh.Counters {
			t = b.Select().From(b.Table(stockcount.Table))
			t.AppendSelectExprAs(sql.Expr("0"), "id").AppendSelect(t.C(stockcount.FieldProductID)).
				AppendSelectExprAs(sql.Expr("CAST(SUM("+t.C(stockcount.FieldCount)+") AS BIGINT)"), "total")
			t.Where(sql.In(t.C(stockcount.FieldProductID), ids...)).GroupBy(t.C(stockcount.FieldProductID))
		} else {
			t = b.Select().From(b.Table(inventoryitem.Table))
			t.AppendSelectExprAs(sql.Expr("0"), "id").AppendSelect(t.C(inventoryitem.FieldProductID)).
				AppendSelectAs(sql.Count("*"), "total")
			t.Where(sql.In(t.C(inventoryitem.FieldProductID), ids...))
			for _, p := range preds {
				p(t)
			}
			t.GroupBy(t.C(inventoryitem.FieldProductID))
		}
		add(b.Select("*").From(t.As("totals")))
	}
	return union
}

// OrderStack is one stack of an order whose period meets a usage window: what a report prorates.
type OrderStack struct {
	CostCenterID int
	// UserID and LeaseID are 0 when the order has none (a user or lease since deleted).
	UserID, LeaseID int
	PeriodStart     time.Time
	PeriodEnd       time.Time
	// EndedAt is when the order's lease ended, if it has.
	EndedAt             *time.Time
	ProductID, Quantity int
	// Price and Currency are empty for a stack without a static price.
	Price    *int
	Currency string
}

// OrderStacks streams, to each, every stack of the orders with a cost center whose period meets
// [f.From, f.To), scoped to f's cost center or user when set, in one join of orders, their stacks
// and their leases: a report over millions of orders holds none of them in memory.
func (s *Store) OrderStacks(ctx context.Context, f queries.UsageFilter, each func(OrderStack) error) error {
	b := s.builder()
	o, st, l := b.Table(order.Table).As("o"), b.Table(stack.Table).As("s"), b.Table(entlease.Table).As("l")
	q := b.Select(o.C(order.FieldCostCenterID), o.C(order.FieldUserID), o.C(order.FieldLeaseID),
		o.C(order.FieldPeriodStart), o.C(order.FieldPeriodEnd), l.C(entlease.FieldEndedAt),
		st.C(stack.FieldProductID), st.C(stack.FieldQuantity), st.C(stack.FieldPrice), st.C(stack.FieldCurrency)).
		From(o).
		Join(st).On(st.C(stack.FieldBagID), o.C(order.FieldContentsBagID)).
		LeftJoin(l).On(l.C(entlease.FieldID), o.C(order.FieldLeaseID)).
		Where(sql.And(sql.GT(o.C(order.FieldPeriodEnd), f.From), sql.LT(o.C(order.FieldPeriodStart), f.To),
			sql.NotNull(o.C(order.FieldCostCenterID))))
	switch {
	case f.CostCenterID != 0:
		q.Where(sql.EQ(o.C(order.FieldCostCenterID), f.CostCenterID))
	case f.UserID != 0:
		q.Where(sql.EQ(o.C(order.FieldUserID), f.UserID))
	}
	query, args := q.Query()
	rows, err := s.Client.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("order stacks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			r               OrderStack
			userID, leaseID stdsql.NullInt64
			ended           stdsql.NullTime
			price           stdsql.NullInt64
			currency        stdsql.NullString
		)
		if err := rows.Scan(&r.CostCenterID, &userID, &leaseID, &r.PeriodStart, &r.PeriodEnd, &ended,
			&r.ProductID, &r.Quantity, &price, &currency); err != nil {
			return fmt.Errorf("order stacks: %w", err)
		}
		r.UserID, r.LeaseID = int(userID.Int64), int(leaseID.Int64)
		if ended.Valid {
			t := ended.Time
			r.EndedAt = &t
		}
		if price.Valid && currency.Valid {
			p := int(price.Int64)
			r.Price, r.Currency = &p, currency.String
		}
		if err := each(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("order stacks: %w", err)
	}
	return nil
}
