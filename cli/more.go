package cli

import (
	"context"
	"errors"
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
// the admin verbs.
func (o *options) moreCommands() []*cobra.Command {
	var includeRetired bool
	products := o.verb(&cobra.Command{
		Use:     "products",
		Short:   "List the catalog (admins: products add, products retire)",
		Example: "  hardcandy products\n  hardcandy products --include-retired --json",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			var ir *bool
			if includeRetired {
				ir = &includeRetired
			}
			res, err := Products(cmd.Context(), c, ir)
			if err != nil {
				return err
			}
			nodes := []*ProductsProductsProductConnectionEdgesProductEdgeNodeProduct{}
			for _, e := range res.Products.Edges {
				nodes = append(nodes, e.Node)
			}
			return o.print(nodes, func(w io.Writer) {
				table(w, "SKU\tNAME\tPER DAY\tBUNDLE OF\tRETIRED", func(tw io.Writer) {
					for _, e := range res.Products.Edges {
						p := e.Node
						var comps []string
						for _, s := range p.Components {
							comps = append(comps, fmt.Sprintf("%d×%s", s.Quantity, s.Product.Sku))
						}
						fmt.Fprintf(tw, "%s\t%s\t%d.%02d %s\t%s\t%v\n", p.Sku, p.Name, p.PricePerDay/100, p.PricePerDay%100, p.Currency, strings.Join(comps, " "), p.Retired)
					}
				})
			})
		},
	})
	products.Flags().BoolVar(&includeRetired, "include-retired", false, "also list retired products (admins)")

	var add CreateProductInput
	var price string
	productsAdd := o.verb(&cobra.Command{
		Use:     "add SKU --name NAME --price 60.00 --currency USD [--max-duration 30d]",
		Short:   "Add a product to the catalog (admins)",
		Example: `  hardcandy products add 4D.medium --name "Medium metal" --price 90.50 --max-duration 30d`,
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cents, err := parseMoney(price)
			if err != nil {
				return UsageError{err}
			}
			add.Sku, add.PricePerDay = args[0], cents
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := CreateProduct(cmd.Context(), c, add)
			if err != nil {
				return err
			}
			return o.print(res.CreateProduct, func(w io.Writer) { fmt.Fprintf(w, "added %s (%s)\n", res.CreateProduct.Sku, res.CreateProduct.Name) })
		},
	})
	productsAdd.Flags().StringVar(&add.Name, "name", "", "the product's name")
	productsAdd.Flags().StringVar(&price, "price", "", "price per day, e.g. 60.00")
	productsAdd.Flags().StringVar(&add.Currency, "currency", "USD", "ISO 4217 currency")
	var maxDur string
	productsAdd.Flags().StringVar(&maxDur, "max-duration", "", "longest lease, e.g. 30d")
	productsAdd.PreRun = func(*cobra.Command, []string) {
		if maxDur != "" {
			add.MaxDuration = &maxDur
		}
	}

	productsRetire := o.verb(&cobra.Command{
		Use:               "retire SKU",
		Short:             "Retire a product: it stays for history but can no longer be vended (admins)",
		Example:           "  hardcandy products retire 4D.medium",
		ValidArgsFunction: o.completeSKUs,
		Args:              exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			p, err := ProductID(cmd.Context(), c, args[0])
			if err != nil {
				return err
			}
			if p.Product == nil {
				return fmt.Errorf("NOT_FOUND: no product %q", args[0])
			}
			res, err := RetireProduct(cmd.Context(), c, p.Product.Id)
			if err != nil {
				return err
			}
			return o.print(res.RetireProduct, func(w io.Writer) { fmt.Fprintf(w, "retired %s\n", res.RetireProduct.Sku) })
		},
	})
	products.AddCommand(productsAdd, productsRetire, o.productsShow())

	var expandParams []string
	expand := o.verb(&cobra.Command{
		Use:               "expand ID SKU[:N]...",
		Short:             "Add items to an active lease, with the same end, all or nothing",
		Example:           "  hardcandy expand 12 4E.small\n  hardcandy expand 12 4D.small:2 3A.small --json",
		Args:              minArgs(2),
		ValidArgsFunction: o.completeLeaseThenSKUs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ls, err := lines(args[1:])
			if err != nil {
				return err
			}
			ps, err := parseParams(expandParams)
			if err != nil {
				return err
			}
			if err := paramsToLines(ps, ls); err != nil {
				return err
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			p := o.progress(cmd)
			wctx, stopWatch := context.WithCancel(cmd.Context())
			d := o.watchDispense(wctx, p, args[0])
			res, err := Expand(cmd.Context(), c, args[0], ls)
			stopWatch()
			p.done()
			if err != nil {
				return o.leaseFailure(cmd.Context(), c, d.interrupted(cmd.ErrOrStderr(), err, "expansion"))
			}
			l := leaseJSON(res.ExpandLease.LeaseSummary, nil)
			return o.print(l, func(w io.Writer) {
				fmt.Fprintf(w, "lease %s now holds %d items\n", l.ID, len(l.Items))
			})
		},
	})
	expand.Flags().StringArrayVar(&expandParams, "param", nil, "a parameter of the new items NAME=VALUE (several lines: SKU.NAME=VALUE; VALUE @FILE reads a file)")

	approve := o.verb(&cobra.Command{
		Use:     "approve ID",
		Short:   "Approve a lease awaiting approval (it is vended at once) or an extension request (managers, admins)",
		Example: "  hardcandy approve 12\n  hardcandy approve 12 --json",
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			if ext, err := isExtensionRequest(cmd.Context(), c, args[0]); err != nil {
				return err
			} else if ext {
				return o.approveExtension(cmd.Context(), c, args[0])
			}
			p := o.progress(cmd)
			wctx, stopWatch := context.WithCancel(cmd.Context())
			d := o.watchDispense(wctx, p, args[0])
			res, err := Approve(cmd.Context(), c, args[0])
			stopWatch()
			p.done()
			if err != nil {
				return o.leaseFailure(cmd.Context(), c, d.interrupted(cmd.ErrOrStderr(), err, "approved vend"))
			}
			l := leaseJSON(res.ApproveLease.LeaseSummary, nil)
			return o.print(l, func(w io.Writer) { fmt.Fprintf(w, "lease %s is %s\n", l.ID, l.Status) })
		},
	})

	var reason string
	reject := o.verb(&cobra.Command{
		Use:     "reject ID --reason TEXT",
		Short:   "Reject a lease awaiting approval or an extension request, with a reason (managers, admins)",
		Example: `  hardcandy reject 12 --reason "use the 3A pool"`,
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return UsageError{errors.New("--reason is required")}
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			if ext, err := isExtensionRequest(cmd.Context(), c, args[0]); err != nil {
				return err
			} else if ext {
				return o.rejectExtension(cmd.Context(), c, args[0], reason)
			}
			res, err := Reject(cmd.Context(), c, args[0], reason)
			if err != nil {
				return err
			}
			l := leaseJSON(res.RejectLease.LeaseSummary, nil)
			return o.print(l, func(w io.Writer) { fmt.Fprintf(w, "lease %s is %s\n", l.ID, l.Status) })
		},
	})
	reject.Flags().StringVar(&reason, "reason", "", "why")

	var cc, month string
	bills := o.verb(&cobra.Command{
		Use:     "bills [--cost-center CC] [--month 2026-11]",
		Short:   "A cost center's bills for a month (managers, admins)",
		Example: "  hardcandy bills\n  hardcandy bills --cost-center FIELD --month 2026-10 --json",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := Bills(cmd.Context(), c, optional(cc), optional(month))
			if err != nil {
				return err
			}
			return o.print(res.Bills, func(w io.Writer) {
				if len(res.Bills) == 0 {
					fmt.Fprintln(w, "nothing to bill")
				}
				for _, b := range res.Bills {
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
			})
		},
	})
	bills.Flags().StringVar(&cc, "cost-center", "", "the cost center's code (default: yours)")
	bills.Flags().StringVar(&month, "month", "", "e.g. 2026-11 (default: this month)")

	var from, to, by string
	usage := o.verb(&cobra.Command{
		Use:     "usage --from 2026-11-01 --to 2026-12-01 --by cost-center|user|product",
		Short:   "Item-hours and cost in a period (users see their own)",
		Example: "  hardcandy usage --from 2026-11-01 --to 2026-12-01 --by product",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err1 := parseDay(from)
			t, err2 := parseDay(to)
			if err := errors.Join(err1, err2); err != nil {
				return UsageError{err}
			}
			g := UsageGrouping(strings.ToUpper(strings.ReplaceAll(by, "-", "_")))
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := Usage(cmd.Context(), c, f, t, g)
			if err != nil {
				return err
			}
			return o.print(res.Usage, func(w io.Writer) {
				table(w, strings.ToUpper(by)+"\tITEM-HOURS\tCOST", func(tw io.Writer) {
					for _, r := range res.Usage {
						fmt.Fprintf(tw, "%s\t%.1f\t%d.%02d %s\n", r.Key, r.ItemHours, r.Cost/100, r.Cost%100, r.Currency)
					}
				})
			})
		},
	})
	usage.Flags().StringVar(&from, "from", "", "start: 2026-11-01 or an RFC 3339 time")
	usage.Flags().StringVar(&to, "to", "", "end (exclusive)")
	usage.Flags().StringVar(&by, "by", "cost-center", "cost-center, user or product")

	items := &cobra.Command{Use: "items", Short: "Manage inventory items (admins)",
		Example: "  hardcandy items list --status MAINTENANCE\n  hardcandy items import items.csv --dry-run"}
	printItems := func(w io.Writer, its []ItemSummary) {
		table(w, "ID\tNAME\tSKU\tSTATUS\tPOOL", func(tw io.Writer) {
			for _, it := range its {
				pool := ""
				if it.Pool != nil {
					pool = *it.Pool
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", it.Id, it.Name, it.Product.Sku, it.Status, pool)
			}
		})
	}
	itemsImport := o.itemsImport(printItems)
	var pool string
	var labels []string
	itemsAdd := o.verb(&cobra.Command{
		Use:               "add SKU NAME [--pool POOL] [--label L]...",
		Short:             "Add one item",
		Example:           "  hardcandy items add 4D.small rack-z-07 --pool rack-z --label gpu --label 10g",
		ValidArgsFunction: o.completeSKUs,
		Args:              exact(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := AddItems(cmd.Context(), c, []AddInventoryItemInput{{Sku: args[0], Name: args[1], Pool: optional(pool), Labels: labels}})
			if err != nil {
				return err
			}
			its := []ItemSummary{res.AddInventoryItems[0].ItemSummary}
			return o.print(its, func(w io.Writer) { printItems(w, its) })
		},
	})
	itemsAdd.Flags().StringVar(&pool, "pool", "", "pool or location")
	itemsAdd.Flags().StringArrayVar(&labels, "label", nil, "a label; repeatable")
	var why string
	itemsMaint := o.verb(&cobra.Command{
		Use:     "maintenance ID --reason TEXT",
		Short:   "Take an item out of service",
		Example: `  hardcandy items maintenance 30064771073 --reason "fan noise"`,
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(why) == "" {
				return UsageError{errors.New("--reason is required")}
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := SetMaintenance(cmd.Context(), c, args[0], why)
			if err != nil {
				return err
			}
			its := []ItemSummary{res.SetItemMaintenance.ItemSummary}
			return o.print(its, func(w io.Writer) { printItems(w, its) })
		},
	})
	itemsMaint.Flags().StringVar(&why, "reason", "", "why")
	itemsRelease := o.verb(&cobra.Command{
		Use: "release ID", Short: "Put an item back in service (through a wipe)", Args: exact(1),
		Example: "  hardcandy items release 30064771073",
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := ReleaseItem(cmd.Context(), c, args[0])
			if err != nil {
				return err
			}
			its := []ItemSummary{res.ReleaseItemFromMaintenance.ItemSummary}
			return o.print(its, func(w io.Writer) { printItems(w, its) })
		},
	})
	itemsArchive := o.verb(&cobra.Command{
		Use: "archive ID", Short: "Decommission an item (kept for history)", Args: exact(1),
		Example: "  hardcandy items archive 30064771073",
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := ArchiveItem(cmd.Context(), c, args[0])
			if err != nil {
				return err
			}
			its := []ItemSummary{res.ArchiveItem.ItemSummary}
			return o.print(its, func(w io.Writer) { printItems(w, its) })
		},
	})
	items.AddCommand(itemsImport, itemsAdd, itemsMaint, itemsRelease, itemsArchive, o.itemsList(printItems), o.itemsExport(), o.itemsFault(printItems))

	printJobs := func(w io.Writer, js []JobInfo) {
		table(w, "JOB\tSCHEDULE\tLAST RUN\tBY\tNEXT RUN\tRUNNING\tLAST ERROR", func(tw io.Writer) {
			for _, j := range js {
				errText, by := "", ""
				if j.LastError != nil {
					errText = *j.LastError
				}
				if j.LastRunReplica != nil {
					by = *j.LastRunReplica
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%v\t%s\n", j.Name, j.Schedule, when(j.LastRunStartedAt), by, when(j.NextRun), j.Running, errText)
			}
		})
	}
	jobs := o.verb(&cobra.Command{
		Use: "jobs", Short: "The scheduler's jobs (admins; jobs run NAME starts one)", Args: exact(0),
		Example: "  hardcandy jobs\n  hardcandy jobs --json",
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := Jobs(cmd.Context(), c)
			if err != nil {
				return err
			}
			var js []JobInfo
			for _, j := range res.SchedulerJobs {
				js = append(js, j.JobInfo)
			}
			return o.print(js, func(w io.Writer) { printJobs(w, js) })
		},
	})
	jobsRun := o.verb(&cobra.Command{
		Use: "run NAME", Short: "Run a job now", Args: exact(1),
		Example: "  hardcandy jobs run reclaim-items",
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := RunJob(cmd.Context(), c, args[0])
			if err != nil {
				return err
			}
			js := []JobInfo{res.RunJob.JobInfo}
			return o.print(js, func(w io.Writer) { fmt.Fprintf(w, "started %s\n", args[0]); printJobs(w, js) })
		},
	})
	jobs.AddCommand(jobsRun)
	return []*cobra.Command{products, expand, approve, reject, bills, usage, items, jobs}
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
