package cli

import (
	"fmt"
	"io"

	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
)

// lines parses SKU or SKU:N arguments.
func lines(args []string) ([]LeaseLineInput, error) {
	var out []LeaseLineInput
	for _, a := range args {
		sku, n, _ := strings.Cut(a, ":")
		q := 1
		if n != "" {
			var err error
			if q, err = strconv.Atoi(n); err != nil || q < 1 {
				return nil, UsageError{fmt.Errorf("%q: the quantity after ':' must be a positive number", a)}
			}
		}
		out = append(out, LeaseLineInput{Sku: &sku, Quantity: q})
	}
	return out, nil
}

func table(w io.Writer, header string, rows func(tw io.Writer)) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, header)
	rows(tw)
	_ = tw.Flush()
}

// moreCommands are the verbs beyond vend/show/return: the catalog, decisions, bills, usage and
// the admin verbs, one file per noun.
func (o *options) moreCommands() []*cobra.Command {
	return []*cobra.Command{o.productsCommand(), o.expandCommand(), o.approveCommand(), o.rejectCommand(),
		o.billsCommand(), o.usageCommand(), o.itemsCommand(), o.jobsCommand()}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// parseMoney reads "60", "60.5" or "60.00" into minor units.
func parseMoney(s string) (int, error) {
	whole, frac, _ := strings.Cut(strings.TrimSpace(s), ".")
	if len(frac) > 2 {
		return 0, fmt.Errorf("--price %q: at most two decimals", s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err1 := strconv.Atoi(whole)
	f, err2 := strconv.Atoi(frac)
	if err1 != nil || err2 != nil || w < 0 {
		return 0, fmt.Errorf("--price %q: a price per day such as 60.00", s)
	}
	return w*100 + f, nil
}

// parseDay reads 2026-11-01 (UTC midnight) or an RFC 3339 time.
func parseDay(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q: a day such as 2026-11-01 or an RFC 3339 time", s)
	}
	return t, nil
}
