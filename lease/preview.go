package lease

import (
	"context"
	"strings"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/bag"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/ent/stockcount"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

// Preview is what a vend would take and cost, written nowhere: the answer of a dry run.
type Preview struct {
	Lines            []*PreviewLine    `json:"lines"`
	Duration         duration.Duration `json:"duration"`
	Totals           []*Money          `json:"totals"`
	RequiresApproval bool              `json:"requiresApproval"`
	// Vendable is false when a line is short of matching items; Message then says which.
	Vendable bool    `json:"vendable"`
	Message  *string `json:"message,omitempty"`
}

// PreviewLine is one billed line of a preview.
type PreviewLine struct {
	SKU       string       `json:"sku"`
	Product   *ent.Product `json:"-"`
	Quantity  int          `json:"quantity"`
	Picked    bool         `json:"picked"`
	Pool      *string      `json:"pool,omitempty"`
	Labels    []string     `json:"labels"`
	NotLabels []string     `json:"notLabels"`
	// Matching is how many AVAILABLE items fit the line's constraints (whole bundles for a
	// bundle); Available how many are AVAILABLE without them.
	Matching  int    `json:"matching"`
	Available int    `json:"available"`
	Price     int    `json:"price"`
	Currency  string `json:"currency"`
}

// Money is an amount in minor units of a currency.
type Money struct {
	Amount   int    `json:"amount"`
	Currency string `json:"currency"`
}

// Preview answers what Vend(in) would do, writing nothing: the products (those picked for any
// product that fits), how many items match each line and the price for the duration. The
// errors are Vend's, but a line short of items is no error: the preview says so (Vendable).
func (s *Service) Preview(ctx context.Context, in VendInput) (*Preview, error) {
	_, ctx, err := auth.Authorized(ctx)
	if err != nil {
		return nil, err
	}
	lines, err := vendLines(in)
	if err != nil {
		return nil, err
	}
	pv, _, err := s.preview(ctx, lines, in.Duration, len(in.Lines) == 0)
	return pv, err
}

// PreviewOf is the preview of the unsaved lease a dry run answers (id 0), nil for a real lease.
func (s *Service) PreviewOf(ctx context.Context, l *ent.Lease) (*Preview, error) {
	if l == nil || l.ID != 0 {
		return nil, nil
	}
	_, ctx, err := auth.Authorized(ctx)
	if err != nil {
		return nil, err
	}
	pv, _, err := s.preview(ctx, l.Request, l.Duration, len(l.Request) == 1)
	return pv, err
}

// dryRun is Vend with dryRun: the lease that would be created, unsaved (id 0, PENDING, no
// items), whose request names the products (picked ones included) and the constraints; its
// preview field (PreviewOf) says how many items match and the price.
func (s *Service) dryRun(ctx context.Context, v viewer.Viewer, in VendInput, lines []schematype.LeaseLine) (*ent.Lease, error) {
	pv, p, err := s.preview(ctx, lines, in.Duration, len(in.Lines) == 0)
	if err != nil {
		return nil, err
	}
	o, err := s.loadOwner(ctx, v.UserID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	return &ent.Lease{OwnerID: o.id, CostCenterID: o.costCenterID, Status: Pending, AwaitingApproval: pv.RequiresApproval,
		Duration: pv.Duration, Request: p.request, Note: in.Note, CreatedAt: now, UpdatedAt: now}, nil
}

// preview resolves lines as a vend would, checks the duration, and counts what matches.
func (s *Service) preview(sys context.Context, lines []schematype.LeaseLine, d duration.Duration, single bool) (*Preview, *plan, error) {
	p, err := s.resolve(sys, lines, single)
	if err != nil {
		return nil, nil, err
	}
	if d == 0 {
		if d, err = defaultDuration(p); err != nil {
			return nil, nil, err
		}
	}
	if err := checkDuration(p, d); err != nil {
		return nil, nil, err
	}
	if err := checkTotals(p.billed, d.Std()); err != nil {
		return nil, nil, err
	}
	stock := map[int]int{}
	free := func(productID int) (int, error) {
		if n, ok := stock[productID]; ok {
			return n, nil
		}
		sc, err := s.client.StockCount.Query().
			Where(stockcount.ProductID(productID), stockcount.StatusEQ(stockcount.Status(inventory.Available))).Only(sys)
		if ent.IsNotFound(err) {
			err = nil
		} else if err == nil {
			stock[productID] = sc.Count
		}
		return stock[productID], err
	}
	matching := func(l line) (int, error) {
		if l.sel.Empty() {
			return free(l.product.ID)
		}
		return inventory.CountMatching(sys, s.client, l.product.ID, l.sel, 0)
	}
	pv := &Preview{Duration: d, RequiresApproval: p.needsApproval(), Vendable: true, Lines: []*PreviewLine{}, Totals: []*Money{}}
	totals := map[string]*Money{}
	for _, b := range p.billed {
		pl := &PreviewLine{SKU: b.product.Sku, Product: b.product, Quantity: b.qty, Picked: b.picked, Pool: b.sel.Pool,
			Labels: orEmpty(b.sel.Labels), NotLabels: orEmpty(b.sel.NotLabels),
			Price: price(b.product, b.qty, d.Std()), Currency: b.product.Currency}
		if b.product.ComponentsBagID == nil {
			if pl.Available, err = free(b.product.ID); err != nil {
				return nil, nil, err
			}
			if pl.Matching, err = matching(b); err != nil {
				return nil, nil, err
			}
		} else {
			comps, err := bag.Load(sys, s.client, *b.product.ComponentsBagID)
			if err != nil {
				return nil, nil, err
			}
			pl.Available = -1
			for _, st := range comps.Stacks() {
				n, err := free(st.ProductID)
				if err != nil {
					return nil, nil, err
				}
				if st.Quantity > 0 && (pl.Available < 0 || n/st.Quantity < pl.Available) {
					pl.Available = n / st.Quantity
				}
			}
			pl.Available = max(pl.Available, 0)
			pl.Matching = pl.Available
		}
		pv.Lines = append(pv.Lines, pl)
		t := totals[pl.Currency]
		if t == nil {
			t = &Money{Currency: pl.Currency}
			totals[pl.Currency] = t
			pv.Totals = append(pv.Totals, t)
		}
		t.Amount += pl.Price
	}
	var short []string
	for _, l := range p.items {
		n, err := matching(l)
		if err != nil {
			return nil, nil, err
		}
		if n < l.qty {
			short = append(short, shortage(sys, s.client, l, n))
		}
	}
	if len(short) > 0 {
		pv.Vendable = false
		msg := "out of stock: " + strings.Join(short, "; ")
		pv.Message = &msg
	}
	return pv, p, nil
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
