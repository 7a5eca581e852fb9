package inventory

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"entgo.io/ent/dialect/sql"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/itemlabel"
	"github.com/hardcandy/hardcandy/ent/predicate"
)

// MaxLabelLength bounds one label.
const MaxLabelLength = 100

// LabelProblem says what is wrong with one label, or "": a label is a bare word ("gpu") or
// key=value ("rack=a12"), without spaces, commas or semicolons, at most 100 characters.
func LabelProblem(l string) string {
	switch {
	case l == "":
		return "a label must not be empty"
	case len(l) > MaxLabelLength:
		return fmt.Sprintf("label %q: at most %d characters", l[:20]+"...", MaxLabelLength)
	case strings.ContainsAny(l, ",;"):
		return fmt.Sprintf("label %q: no commas or semicolons", l)
	case strings.IndexFunc(l, func(r rune) bool { return unicode.IsSpace(r) || !unicode.IsPrint(r) }) >= 0:
		return fmt.Sprintf("label %q: no spaces or control characters", l)
	case strings.Count(l, "=") > 1:
		return fmt.Sprintf("label %q: a bare word or key=value, with one =", l)
	}
	if k, v, ok := strings.Cut(l, "="); ok && (k == "" || v == "") {
		return fmt.Sprintf("label %q: key=value needs both a key and a value", l)
	}
	return ""
}

// Selection narrows which items of a product a vend takes or availability counts: only those
// in Pool (when set), carrying every one of Labels and none of NotLabels.
type Selection struct {
	Pool      *string
	Labels    []string
	NotLabels []string
}

// Empty reports whether the selection narrows nothing.
func (s Selection) Empty() bool { return s.Pool == nil && len(s.Labels) == 0 && len(s.NotLabels) == 0 }

// Normalize sorts and dedups the labels, so equal selections compare equal.
func (s Selection) Normalize() Selection {
	norm := func(in []string) []string {
		if len(in) == 0 {
			return nil
		}
		out := slices.Clone(in)
		slices.Sort(out)
		return slices.Compact(out)
	}
	return Selection{Pool: s.Pool, Labels: norm(s.Labels), NotLabels: norm(s.NotLabels)}
}

// Problem says what is wrong with the selection, naming field (e.g. "lines[0]"), or "".
func (s Selection) Problem(field string) string {
	if field != "" {
		field += "."
	}
	if s.Pool != nil && (strings.TrimSpace(*s.Pool) == "" || len(*s.Pool) > 100) {
		return field + "pool: must be 1 to 100 characters"
	}
	for name, ls := range map[string][]string{"labels": s.Labels, "notLabels": s.NotLabels} {
		if len(ls) > 20 {
			return field + name + ": at most 20 labels"
		}
		for _, l := range ls {
			if msg := LabelProblem(l); msg != "" {
				return field + name + ": " + msg
			}
		}
	}
	for _, l := range s.Labels {
		if slices.Contains(s.NotLabels, l) {
			return fmt.Sprintf("%slabels: %q is both required and excluded", field, l)
		}
	}
	return ""
}

// String describes the selection for people: "pool lab1, labels gpu+rack=a, not broken".
func (s Selection) String() string {
	var parts []string
	if s.Pool != nil {
		parts = append(parts, "pool "+*s.Pool)
	}
	if len(s.Labels) > 0 {
		parts = append(parts, "labels "+strings.Join(s.Labels, "+"))
	}
	if len(s.NotLabels) > 0 {
		parts = append(parts, "not "+strings.Join(s.NotLabels, ", not "))
	}
	return strings.Join(parts, ", ")
}

// Key is the selection as a map key.
func (s Selection) Key() string {
	n := s.Normalize()
	pool := "\x00"
	if n.Pool != nil {
		pool = *n.Pool
	}
	return pool + "\x01" + strings.Join(n.Labels, "\x02") + "\x01" + strings.Join(n.NotLabels, "\x02")
}

// Predicates are the item predicates of the selection. The pool is a column of the
// (product_id, status, pool, id) index; each label an EXISTS on item_labels' (item_id, label)
// index, so a claim walks the product's available items in id order and checks each candidate
// with one seek per label.
func (s Selection) Predicates() []predicate.InventoryItem {
	var ps []predicate.InventoryItem
	if s.Pool != nil {
		ps = append(ps, inventoryitem.Pool(*s.Pool))
	}
	for _, l := range s.Labels {
		ps = append(ps, hasLabel(l, true))
	}
	for _, l := range s.NotLabels {
		ps = append(ps, hasLabel(l, false))
	}
	return ps
}

func hasLabel(label string, want bool) predicate.InventoryItem {
	return func(s *sql.Selector) {
		t := sql.Table(itemlabel.Table)
		sub := sql.Select(t.C(itemlabel.FieldItemID)).From(t).
			Where(sql.And(sql.ColumnsEQ(t.C(itemlabel.FieldItemID), s.C(inventoryitem.FieldID)), sql.EQ(t.C(itemlabel.FieldLabel), label)))
		// Checked per candidate, the label is one index seek, and the claim's walk of the
		// (product_id, status, pool, id) index stops at the LIMIT.
		database.PerRow(s, sub)
		if want {
			s.Where(sql.Exists(sub))
		} else {
			s.Where(sql.NotExists(sub))
		}
	}
}

// writeLabels writes the item_labels rows of newly created items, in their transaction.
func writeLabels(ctx context.Context, tx *database.Tx, items []*ent.InventoryItem) error {
	var creates []*ent.ItemLabelCreate
	for _, it := range items {
		seen := map[string]bool{}
		for _, l := range it.Labels {
			if !seen[l] {
				seen[l] = true
				creates = append(creates, tx.ItemLabel.Create().SetItemID(it.ID).SetLabel(l))
			}
		}
	}
	for start := 0; start < len(creates); start += 500 {
		if err := tx.ItemLabel.CreateBulk(creates[start:min(start+500, len(creates))]...).Exec(ctx); err != nil {
			return fmt.Errorf("item labels: %w", err)
		}
	}
	return nil
}

// countSelected counts the items of products ids that sel matches, per product and status.
func (s *Service) countSelected(ctx context.Context, ids []int, sel Selection) (map[int]map[Status]int, error) {
	if msg := sel.Problem(""); msg != "" {
		return nil, apperr.New(apperr.InvalidArgument, "%s", msg)
	}
	var rows []struct {
		ProductID int    `json:"product_id"`
		Status    string `json:"status"`
		Count     int    `json:"count"`
	}
	err := s.client.InventoryItem.Query().
		Where(append(sel.Predicates(), inventoryitem.ProductIDIn(ids...))...).
		GroupBy(inventoryitem.FieldProductID, inventoryitem.FieldStatus).
		Aggregate(ent.Count()).Scan(ctx, &rows)
	if err != nil {
		return nil, database.Wrap(err, "availability")
	}
	out := map[int]map[Status]int{}
	for _, r := range rows {
		if out[r.ProductID] == nil {
			out[r.ProductID] = map[Status]int{}
		}
		out[r.ProductID][Status(r.Status)] = r.Count
	}
	return out, nil
}

// CountMatching counts the AVAILABLE items of a product that sel matches, through c (a client
// or a transaction's client).
func CountMatching(ctx context.Context, c *ent.Client, productID int, sel Selection, limit int) (int, error) {
	q := c.InventoryItem.Query().Where(append(sel.Predicates(), inventoryitem.ProductID(productID),
		inventoryitem.StatusEQ(Available))...)
	if limit > 0 {
		ids, err := q.Limit(limit).IDs(ctx)
		return len(ids), err
	}
	return q.Count(ctx)
}
