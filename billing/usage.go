// The usage aggregate (showback): item-hours and cost grouped by cost center, user or product, and its CSV.

package billing

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/database/queries"
	"github.com/hardcandy/hardcandy/ent/product"
)

// Grouping is how usage is broken down.
type Grouping string

// Groupings.
const (
	ByCostCenter Grouping = "COST_CENTER"
	ByUser       Grouping = "USER"
	ByProduct    Grouping = "PRODUCT"
)

// UsageRow is one group's consumption in one currency.
type UsageRow struct {
	Key       string  `json:"key"`
	ItemHours float64 `json:"itemHours"`
	Cost      int     `json:"cost"`
	Currency  string  `json:"currency"`
}

// maxWindow bounds a usage query.
const maxWindow = 366 * 24 * time.Hour

// Usage reports item-hours and cost in [from, to) by cost center, user or product: admins see
// everyone's, managers their cost center's, users their own.
func (s *Service) Usage(ctx context.Context, from, to time.Time, by Grouping) ([]UsageRow, error) {
	v, sys, err := auth.Authorized(ctx)
	if err != nil {
		return nil, err
	}
	switch {
	case by != ByCostCenter && by != ByUser && by != ByProduct:
		return nil, apperr.New(apperr.InvalidArgument, "groupBy: %q is not COST_CENTER, USER or PRODUCT", by)
	case !to.After(from):
		return nil, apperr.New(apperr.InvalidArgument, "to must be after from")
	case to.Sub(from) > maxWindow:
		return nil, apperr.New(apperr.InvalidArgument, "a usage report covers at most 366 days")
	}
	// Admins see everyone's, managers their cost center's, users their own: one scope for both
	// ways of summing.
	f := queries.UsageFilter{From: from.UTC(), To: to.UTC()}
	switch {
	case v.IsAdmin():
	case v.IsManager() && v.CostCenterID != 0:
		f.CostCenterID = v.CostCenterID
	default:
		f.UserID = v.UserID
	}
	var charges []charge
	if s.stream {
		charges, err = s.charges(sys, f)
	} else {
		charges, err = s.totals(sys, f)
	}
	if err != nil {
		return nil, err
	}
	names, err := s.names(sys, by)
	if err != nil {
		return nil, err
	}
	rows := map[[2]string]*UsageRow{}
	for _, c := range charges {
		var key string
		switch by {
		case ByCostCenter:
			key = names[c.costCenterID]
		case ByUser:
			key = names[c.userID]
		case ByProduct:
			key = names[c.productID]
		}
		k := [2]string{key, c.currency}
		r, ok := rows[k]
		if !ok {
			r = &UsageRow{Key: key, Currency: c.currency}
			rows[k] = r
		}
		r.ItemHours += c.itemHours
		r.Cost += c.amount
	}
	out := make([]UsageRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Key != out[j].Key {
			return out[i].Key < out[j].Key
		}
		return out[i].Currency < out[j].Currency
	})
	return out, nil
}

// totals is charges summed per cost center, user, product and currency inside the database:
// the overlap arithmetic runs there, so a month over a million orders returns a few hundred rows
// instead of streaming every order through Go. Rounding is per order stack, as in charges, so
// both paths agree to the minor unit.
func (s *Service) totals(sys context.Context, f queries.UsageFilter) ([]charge, error) {
	units, err := s.unitsPerProduct(sys)
	if err != nil {
		return nil, err
	}
	rows, err := s.store.Queries().UsageTotals(sys, s.client, f)
	if err != nil {
		return nil, fmt.Errorf("usage: %w", err)
	}
	out := make([]charge, len(rows))
	for i, r := range rows {
		out[i] = charge{costCenterID: r.CostCenterID, userID: r.UserID, productID: r.ProductID, currency: r.Currency,
			amount: r.Amount, itemHours: float64(r.Seconds*int64(units[r.ProductID])) / 3600}
	}
	return out, nil
}

// names maps ids to the names a grouping shows.
func (s *Service) names(sys context.Context, by Grouping) (map[int]string, error) {
	out := map[int]string{}
	switch by {
	case ByCostCenter:
		ccs, err := s.client.CostCenter.Query().All(sys)
		if err != nil {
			return nil, err
		}
		for _, c := range ccs {
			out[c.ID] = c.Code
		}
	case ByUser:
		us, err := s.client.User.Query().All(sys)
		if err != nil {
			return nil, err
		}
		for _, u := range us {
			out[u.ID] = u.Name
		}
	case ByProduct:
		ps, err := s.client.Product.Query().Select(product.FieldID, product.FieldSku).All(sys)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			out[p.ID] = p.Sku
		}
	}
	return out, nil
}

// CSV writes usage rows as CSV with a header.
func CSV(rows []UsageRow) string {
	var b strings.Builder
	b.WriteString("key,item_hours,cost,currency\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s,%.2f,%d,%s\n", csvField(r.Key), r.ItemHours, r.Cost, r.Currency)
	}
	return b.String()
}

// csvField quotes s for CSV and neutralises formulas: a spreadsheet runs a cell that starts with
// = + - @ (or a tab or carriage return before one) as a formula, and names such as user names
// come from users. A leading apostrophe makes it text, shown as typed.
func csvField(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	if strings.ContainsAny(s, ",\"\n\r") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}
