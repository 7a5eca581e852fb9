package lease

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/ent/stockcount"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

// selectionOf is the item selection a request line narrows to.
func selectionOf(l schematype.LeaseLine) inventory.Selection {
	return inventory.Selection{Pool: l.Pool, Labels: l.Labels, NotLabels: l.NotLabels}.Normalize()
}

// vendLines is what a vend asks for as lines: the single-SKU form (a SKU, or a tier and type for
// any product that fits, with its constraints) as one line, or the lines as given.
func vendLines(in VendInput) ([]schematype.LeaseLine, error) {
	single := in.SKU != nil || in.Tier != nil || in.Type != nil || len(in.Attributes) > 0
	narrowed := in.Pool != nil || len(in.Labels) > 0 || len(in.NotLabels) > 0
	switch {
	case single && len(in.Lines) > 0:
		return nil, invalid("give either sku or lines, not both (or tier and type instead of sku)")
	case narrowed && len(in.Lines) > 0:
		return nil, invalid("pool, labels and notLabels of the vend apply to its single SKU; with lines, give them on each line")
	case in.Parameters != nil && len(in.Lines) > 0:
		return nil, invalid("parameters: go with sku; with lines, give each line its parameters")
	case single:
		l := schematype.LeaseLine{Quantity: 1, Pool: in.Pool, Labels: in.Labels, NotLabels: in.NotLabels,
			Tier: in.Tier, Type: in.Type, Attributes: in.Attributes, Parameters: in.Parameters}
		if in.SKU != nil {
			l.SKU = *in.SKU
		}
		return []schematype.LeaseLine{l}, nil
	case len(in.Lines) > 0:
		lines := make([]schematype.LeaseLine, 0, len(in.Lines))
		for _, l := range in.Lines {
			lines = append(lines, *l)
		}
		return lines, nil
	}
	return nil, invalid("give sku or lines")
}

// checkSelection validates a line's constraints; field is "lines[i]" or "" for the single form.
func checkSelection(field string, l schematype.LeaseLine) error {
	if msg := selectionOf(l).Problem(field); msg != "" {
		return invalid("%s", msg)
	}
	return nil
}

// pickProduct chooses the product of a line that asks for any product that fits: of its tier
// and type, with attributes meeting every constraint, vendable by the viewer, not a bundle; the
// cheapest per day (then by SKU) with enough matching items AVAILABLE, or when none has them the
// cheapest that fits (the claim then says OUT_OF_STOCK).
func (s *Service) pickProduct(sys context.Context, v viewer.Viewer, field string, l schematype.LeaseLine) (*ent.Product, error) {
	if field == "" {
		field = "sku"
	} else {
		field += "."
	}
	prefix := strings.TrimSuffix(field, "sku")
	if l.SKU != "" {
		return nil, invalid("%ssku: give a SKU or a tier and type, not both", prefix)
	}
	if l.Tier == nil || l.Type == nil {
		return nil, invalid("%stier, %stype: any product that fits needs both a tier and a type (e.g. 4 and D)", prefix, prefix)
	}
	now := s.now()
	all, err := s.client.Product.Query().
		Where(product.Tier(*l.Tier), product.Type(*l.Type), product.RetiredAtIsNil(), product.ComponentsBagIDIsNil()).
		Order(ent.Asc(product.FieldPricePerDay), ent.Asc(product.FieldSku)).All(sys)
	if err != nil {
		return nil, fmt.Errorf("products of tier %d type %s: %w", *l.Tier, *l.Type, err)
	}
	var candidates []*ent.Product
	for _, p := range all {
		if mayUse(v, p) && (p.ExpiresAt == nil || p.ExpiresAt.After(now)) {
			candidates = append(candidates, p)
		}
	}
	if len(candidates) == 0 {
		return nil, apperr.New(apperr.NotFound, "%stier, %stype: no product of tier %d type %s", prefix, prefix, *l.Tier, *l.Type)
	}
	if err := catalog.CheckConstraints(prefix+"attributes", candidates, l.Attributes); err != nil {
		return nil, err
	}
	var fits []*ent.Product
	for _, p := range candidates {
		if catalog.Satisfies(p, l.Attributes) {
			fits = append(fits, p)
		}
	}
	if len(fits) == 0 {
		return nil, apperr.New(apperr.NotFound, "no product of tier %d type %s has %s", *l.Tier, *l.Type, describeConstraints(l.Attributes))
	}
	sel := selectionOf(l)
	for _, p := range fits {
		n, err := inventory.CountMatching(sys, s.client, p.ID, sel, l.Quantity)
		if err != nil {
			return nil, fmt.Errorf("stock of %s: %w", p.Sku, err)
		}
		if n >= l.Quantity {
			return p, nil
		}
	}
	return fits[0], nil
}

func describeConstraints(cs []*schematype.AttributeConstraint) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		if c != nil {
			parts = append(parts, c.String())
		}
	}
	if len(parts) == 0 {
		return "no constraint"
	}
	return strings.Join(parts, ", ")
}

// shortage describes a claim line short of items. With a selection it names the constraints and
// how many items of the product are free without them.
func shortage(ctx context.Context, c *ent.Client, l line, got int) string {
	if l.sel.Empty() {
		return fmt.Sprintf("%s: %d requested, %d available", l.product.Sku, l.qty, got)
	}
	free := 0
	if sc, err := c.StockCount.Query().Where(stockcount.ProductID(l.product.ID), stockcount.StatusEQ(stockcount.Status(inventory.Available))).
		Only(ctx); err == nil {
		free = sc.Count
	}
	return fmt.Sprintf("%s with %s: %d requested, %d match; %d free without these constraints", l.product.Sku, l.sel, l.qty, got, free)
}

// takenOf lists the items a claim already took of a product.
func takenOf(byID map[int]*ent.Product, productID int) []int {
	var ids []int
	for id, p := range byID {
		if p.ID == productID {
			ids = append(ids, id)
		}
	}
	return ids
}

// replacementSelection is what a replacement for the broken item must match: the constraints of
// the lease's first line of its product whose constraints the broken item met, so that a lease
// narrowed to pool lab1 with gpu gets a lab1 gpu item in its place.
func replacementSelection(request []schematype.LeaseLine, broken *ent.InventoryItem) inventory.Selection {
	for _, l := range request {
		if broken.Edges.Product == nil || l.SKU != broken.Edges.Product.Sku || !l.Constrained() {
			continue
		}
		sel := selectionOf(l)
		if sel.Pool != nil && (broken.Pool == nil || *broken.Pool != *sel.Pool) {
			continue
		}
		met := true
		for _, want := range sel.Labels {
			met = met && slices.Contains(broken.Labels, want)
		}
		for _, not := range sel.NotLabels {
			met = met && !slices.Contains(broken.Labels, not)
		}
		if met {
			return sel
		}
	}
	return inventory.Selection{}
}
