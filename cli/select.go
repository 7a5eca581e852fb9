package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/Khan/genqlient/graphql"
	"github.com/spf13/cobra"
)

// selection is what vend and avail take to narrow the items: --pool, --label, --not-label; vend
// also --any TIER+TYPE with --min/--max/--attr, and --dry-run.
type selection struct {
	pool              string
	labels, notLabels []string
	any               string
	min, max, attr    []string
	dryRun            bool
}

func (s *selection) flags(cmd *cobra.Command, vend bool) {
	cmd.Flags().StringVar(&s.pool, "pool", "", "only items in this pool")
	cmd.Flags().StringArrayVar(&s.labels, "label", nil, "only items with this label (bare or key=value; repeat: all must match)")
	cmd.Flags().StringArrayVar(&s.notLabels, "not-label", nil, "only items without this label (repeatable)")
	if !vend {
		return
	}
	cmd.Flags().StringVar(&s.any, "any", "", "instead of a SKU: the cheapest product of this tier and type (e.g. 4D) that fits --min/--max/--attr")
	cmd.Flags().StringArrayVar(&s.min, "min", nil, "with --any: attribute at least, e.g. ram_gb=256 (repeatable)")
	cmd.Flags().StringArrayVar(&s.max, "max", nil, "with --any: attribute at most, e.g. ram_gb=512 (repeatable)")
	cmd.Flags().StringArrayVar(&s.attr, "attr", nil, "with --any: attribute equal (key=value) or different (key!=value) (repeatable)")
	cmd.Flags().BoolVar(&s.dryRun, "dry-run", false, "write nothing: show what would be vended, how many items match and the price")
}

// apply puts the selection on a vend of args (SKUs), which --any replaces.
func (s *selection) apply(in *VendInput, args []string) error {
	narrowed := s.pool != "" || len(s.labels) > 0 || len(s.notLabels) > 0
	if s.any == "" {
		if len(s.min)+len(s.max)+len(s.attr) > 0 {
			return UsageError{errors.New("--min, --max and --attr go with --any TIER+TYPE, e.g. --any 4D --min ram_gb=256")}
		}
		if len(args) == 0 {
			return UsageError{errors.New("name a SKU (or --any TIER+TYPE)")}
		}
		if narrowed && in.Sku == nil {
			return UsageError{errors.New("--pool, --label and --not-label narrow a vend of one SKU")}
		}
	} else {
		if len(args) > 0 {
			return UsageError{errors.New("give SKUs or --any, not both")}
		}
		if len(s.any) < 2 || s.any[0] < '0' || s.any[0] > '9' {
			return UsageError{fmt.Errorf("--any %q: a tier digit and a type, e.g. 4D", s.any)}
		}
		tier, _ := strconv.Atoi(s.any[:1])
		typ := s.any[1:]
		in.Tier, in.Type, in.Sku, in.Lines = &tier, &typ, nil, nil
		for _, group := range []struct {
			op   string
			args []string
		}{{">=", s.min}, {"<=", s.max}, {"", s.attr}} {
			for _, a := range group.args {
				c, err := parseConstraint(a, group.op)
				if err != nil {
					return UsageError{err}
				}
				in.Attributes = append(in.Attributes, c)
			}
		}
	}
	if s.pool != "" {
		in.Pool = &s.pool
	}
	in.Labels, in.NotLabels = s.labels, s.notLabels
	return nil
}

// parseConstraint reads key=value as key op value (op ">=" for --min, "<=" for --max), or for
// --attr key=value or key!=value.
func parseConstraint(a, op string) (AttributeConstraintInput, error) {
	key, value, ok := strings.Cut(a, "=")
	if op == "" {
		op = "="
		if strings.HasSuffix(key, "!") {
			key, op = strings.TrimSuffix(key, "!"), "!="
		}
	}
	key, value = strings.TrimSpace(key), strings.TrimSpace(value)
	if !ok || key == "" || value == "" {
		return AttributeConstraintInput{}, fmt.Errorf("%q: write KEY=VALUE, e.g. ram_gb=256", a)
	}
	return AttributeConstraintInput{Key: key, Op: &op, Value: value}, nil
}

// previewJSON is what `vend --dry-run --json` prints: the preview, as the GraphQL answers it.
type previewJSON = VendPreviewVendPreview

func (o *options) preview(ctx context.Context, c graphql.Client, in VendInput) error {
	res, err := VendPreview(ctx, c, in)
	if err != nil {
		return err
	}
	pv := res.VendPreview
	if pv.Lines == nil {
		pv.Lines = []VendPreviewVendPreviewLinesVendPreviewLine{}
	}
	return o.print(previewJSON(pv), func(w io.Writer) { printPreview(w, pv) })
}

func printPreview(w io.Writer, pv VendPreviewVendPreview) {
	fmt.Fprintf(w, "dry run: nothing was vended. For %s:\n", pv.Duration)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SKU\tQTY\tMATCHING\tFREE\tPRICE\tCONSTRAINTS\tNAME")
	for _, l := range pv.Lines {
		sku := l.Sku
		if l.Picked {
			sku += " (picked)"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\n", sku, l.Quantity, l.Matching, l.Available, money(l.Price, l.Currency),
			constraints(l.Pool, l.Labels, l.NotLabels), l.Product.Name)
	}
	_ = tw.Flush()
	var totals []string
	for _, t := range pv.Totals {
		totals = append(totals, money(t.Amount, t.Currency))
	}
	fmt.Fprintf(w, "total: %s\n", strings.Join(totals, " + "))
	if pv.RequiresApproval {
		fmt.Fprintln(w, "a product needs approval: the lease would wait for a manager")
	}
	if !pv.Vendable && pv.Message != nil {
		fmt.Fprintln(w, "not vendable now: "+*pv.Message)
	} else {
		fmt.Fprintln(w, "vendable now")
	}
}

func money(cents int, currency string) string {
	return fmt.Sprintf("%d.%02d %s", cents/100, cents%100, currency)
}

func constraints(pool *string, labels, notLabels []string) string {
	var parts []string
	if pool != nil {
		parts = append(parts, "pool="+*pool)
	}
	for _, l := range labels {
		parts = append(parts, "+"+l)
	}
	for _, l := range notLabels {
		parts = append(parts, "-"+l)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " ")
}

// availability asks for the counts, narrowed by sel when it names constraints.
func availability(ctx context.Context, c graphql.Client, sku *string, sel selection) (*AvailabilityResponse, error) {
	if sel.pool == "" && len(sel.labels) == 0 && len(sel.notLabels) == 0 {
		return Availability(ctx, c, sku)
	}
	var pool *string
	if sel.pool != "" {
		pool = &sel.pool
	}
	res, err := AvailabilityWhere(ctx, c, sku, pool, sel.labels, sel.notLabels)
	if err != nil {
		return nil, err
	}
	out := &AvailabilityResponse{Availability: []AvailabilityAvailability{}}
	for _, a := range res.Availability {
		b := AvailabilityAvailability{Sku: a.Sku, Available: a.Available, Reserving: a.Reserving, Leased: a.Leased,
			Rebuilding: a.Rebuilding, Maintenance: a.Maintenance}
		b.Product.Name = a.Product.Name
		out.Availability = append(out.Availability, b)
	}
	return out, nil
}
