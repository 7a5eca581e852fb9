package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/Khan/genqlient/graphql"
	"github.com/spf13/cobra"
)

// billsCommand is a cost center's bills for a month.
func (o *options) billsCommand() *cobra.Command {
	var cc, month string
	bills := o.verb(&cobra.Command{
		Use:     "bills [--cost-center CC] [--month 2026-11]",
		Short:   "A cost center's bills for a month (managers, admins)",
		Example: "  hardcandy bills\n  hardcandy bills --cost-center FIELD --month 2026-10 --json",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return run(cmd.Context(), o, call[[]BillsBillsBill]{
				do: func(ctx context.Context, c graphql.Client) ([]BillsBillsBill, error) {
					res, err := Bills(ctx, c, optional(cc), optional(month))
					if err != nil {
						return nil, err
					}
					return res.Bills, nil
				},
				text: func(w io.Writer, bills []BillsBillsBill) {
					if len(bills) == 0 {
						fmt.Fprintln(w, "nothing to bill")
					}
					for _, b := range bills {
						state := "draft"
						if b.Definitive {
							state = "definitive"
						}
						fmt.Fprintf(w, "%s %s (%s): %d.%02d %s\n", b.CostCenter.Code, b.Month, state, b.Total/100, b.Total%100, b.Currency)
						table(w, "  PRODUCT\tLEASE\tITEM-HOURS\tAMOUNT", func(tw io.Writer) {
							for _, l := range b.Lines {
								lease := "-"
								if l.Lease != nil {
									lease = l.Lease.Id
								}
								fmt.Fprintf(tw, "  %s\t%s\t%.1f\t%d.%02d\n", l.Product.Sku, lease, l.ItemHours, l.Amount/100, l.Amount%100)
							}
						})
					}
				},
			})
		},
	})
	bills.Flags().StringVar(&cc, "cost-center", "", "the cost center's code (default: yours)")
	bills.Flags().StringVar(&month, "month", "", "e.g. 2026-11 (default: this month)")
	return bills
}

// usageCommand is item-hours and cost in a period, grouped.
func (o *options) usageCommand() *cobra.Command {
	var from, to, by string
	usage := o.verb(&cobra.Command{
		Use:     "usage --from 2026-11-01 --to 2026-12-01 --by cost-center|user|product",
		Short:   "Item-hours and cost in a period (users see their own)",
		Example: "  hardcandy usage --from 2026-11-01 --to 2026-12-01 --by product",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			var f, t time.Time
			return run(cmd.Context(), o, call[[]UsageUsageUsageRow]{
				check: func() error {
					var err1, err2 error
					f, err1 = parseDay(from)
					t, err2 = parseDay(to)
					return errors.Join(err1, err2)
				},
				do: func(ctx context.Context, c graphql.Client) ([]UsageUsageUsageRow, error) {
					g := UsageGrouping(strings.ToUpper(strings.ReplaceAll(by, "-", "_")))
					res, err := Usage(ctx, c, f, t, g)
					if err != nil {
						return nil, err
					}
					return res.Usage, nil
				},
				text: func(w io.Writer, rows []UsageUsageUsageRow) {
					table(w, strings.ToUpper(by)+"\tITEM-HOURS\tCOST", func(tw io.Writer) {
						for _, r := range rows {
							fmt.Fprintf(tw, "%s\t%.1f\t%d.%02d %s\n", r.Key, r.ItemHours, r.Cost/100, r.Cost%100, r.Currency)
						}
					})
				},
			})
		},
	})
	usage.Flags().StringVar(&from, "from", "", "start: 2026-11-01 or an RFC 3339 time")
	usage.Flags().StringVar(&to, "to", "", "end (exclusive)")
	usage.Flags().StringVar(&by, "by", "cost-center", "cost-center, user or product")
	return usage
}
