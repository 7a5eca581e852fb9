package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/Khan/genqlient/graphql"
	"github.com/spf13/cobra"
)

// itemFilter is the flags items list and items export share.
type itemFilter struct{ sku, status, pool string }

func (f *itemFilter) flags(c *cobra.Command) {
	c.Flags().StringVar(&f.sku, "sku", "", "only items of this product")
	c.Flags().StringVar(&f.status, "status", "", "only items in this status: AVAILABLE, RESERVING, LEASED, REBUILDING, MAINTENANCE, ARCHIVING, ARCHIVED (default: all but ARCHIVED)")
	c.Flags().StringVar(&f.pool, "pool", "", "only items of this pool")
	_ = c.RegisterFlagCompletionFunc("status", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, s := range AllItemStatus {
			out = append(out, string(s))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// where is the filter as the API's InventoryItemWhereInput; a status that is none is a usage
// error.
func (f *itemFilter) where() (*InventoryItemWhereInput, error) {
	w := &InventoryItemWhereInput{Pool: optional(f.pool)}
	if f.sku != "" {
		w.HasProductWith = []ProductWhereInput{{Sku: &f.sku}}
	}
	if f.status != "" {
		st := ItemStatus(strings.ToUpper(f.status))
		if !slices.Contains(AllItemStatus, st) {
			return nil, UsageError{fmt.Errorf("--status %q: one of %v", f.status, AllItemStatus)}
		}
		w.Status = &st
	} else {
		w.StatusNEQ = ptrTo(ItemStatusArchived)
	}
	return w, nil
}

func ptrTo[T any](v T) *T { return &v }

// allItems reads every item the filter selects, 500 a page.
func allItems(ctx context.Context, c graphql.Client, w *InventoryItemWhereInput) ([]ItemSummary, error) {
	out := []ItemSummary{}
	var after *string
	for {
		res, err := Items(ctx, c, 500, after, w)
		if err != nil {
			return nil, err
		}
		for _, e := range res.InventoryItems.Edges {
			out = append(out, e.Node.ItemSummary)
		}
		if !res.InventoryItems.PageInfo.HasNextPage {
			return out, nil
		}
		after = res.InventoryItems.PageInfo.EndCursor
	}
}

// itemsList is `items list`.
func (o *options) itemsList(printItems func(io.Writer, []ItemSummary)) *cobra.Command {
	var f itemFilter
	c := o.verb(&cobra.Command{
		Use:   "list [--sku S] [--status S] [--pool P]",
		Short: "List inventory items, by name (admins)",
		Example: `  hardcandy items list --sku 4D.small --status AVAILABLE
  hardcandy items list --pool rack-z --json`,
		Args: exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			w, err := f.where()
			if err != nil {
				return err
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			its, err := allItems(cmd.Context(), c, w)
			if err != nil {
				return err
			}
			return o.print(its, func(out io.Writer) { printItems(out, its) })
		},
	})
	f.flags(c)
	_ = c.RegisterFlagCompletionFunc("sku", o.completeSKUs)
	return c
}

// itemsExport is `items export`: CSV in the import's format (sku,name,pool,labels), so that
// what it writes imports again.
func (o *options) itemsExport() *cobra.Command {
	var f itemFilter
	var file string
	c := o.verb(&cobra.Command{
		Use:   "export [--sku S] [--status S] [--pool P] [-o FILE.csv]",
		Short: "Write inventory items as CSV in the import's format (admins)",
		Example: `  hardcandy items export -o items.csv
  hardcandy items export --pool rack-z > rack-z.csv   # edit, then: hardcandy items import rack-z.csv`,
		Args: exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			w, err := f.where()
			if err != nil {
				return err
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			its, err := allItems(cmd.Context(), c, w)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if file != "" {
				fh, err := os.Create(file)
				if err != nil {
					return UsageError{err}
				}
				defer fh.Close()
				out = fh
			}
			if err := writeItemsCSV(out, its); err != nil {
				return err
			}
			if file != "" {
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d items to %s\n", len(its), file)
			}
			return nil
		},
	})
	f.flags(c)
	c.Flags().StringVarP(&file, "output", "o", "", "write to this file instead of stdout")
	return c
}

// writeItemsCSV writes items with the header sku,name,pool,labels, labels joined by ';'.
func writeItemsCSV(w io.Writer, its []ItemSummary) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"sku", "name", "pool", "labels"})
	for _, it := range its {
		pool := ""
		if it.Pool != nil {
			pool = *it.Pool
		}
		_ = cw.Write([]string{it.Product.Sku, it.Name, pool, strings.Join(it.Labels, ";")})
	}
	cw.Flush()
	return cw.Error()
}

// itemsImport is `items import`: the file is checked row by row first (inventoryImportPreview),
// so every bad row is listed on its own line, then imported all or nothing; --dry-run stops
// after the check.
func (o *options) itemsImport(printItems func(io.Writer, []ItemSummary)) *cobra.Command {
	var dry bool
	c := o.verb(&cobra.Command{
		Use:   "import FILE.csv [--dry-run]",
		Short: "Import items from CSV (sku,name,pool,labels), all or nothing (admins)",
		Example: `  hardcandy items import items.csv --dry-run   # every bad row, nothing written
  hardcandy items import items.csv`,
		Args: exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return UsageError{err}
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			p := o.progress(cmd)
			defer p.done()
			p.set(fmt.Sprintf("checking %d rows", strings.Count(strings.TrimRight(string(data), "\r\n"), "\n")))
			pre, err := ImportPreview(cmd.Context(), c, string(data))
			if err != nil {
				return err
			}
			var bad []string
			for _, r := range pre.InventoryImportPreview.Rows {
				for _, e := range r.Errors {
					sep := ": "
					if strings.HasPrefix(e, "column ") {
						sep = ", "
					}
					bad = append(bad, fmt.Sprintf("row %d%s%s", r.Row, sep, e))
				}
			}
			rows := len(pre.InventoryImportPreview.Rows)
			if len(bad) > 0 {
				p.done()
				for _, b := range bad[:min(len(bad), 100)] {
					fmt.Fprintln(cmd.ErrOrStderr(), b)
				}
				return fmt.Errorf("INVALID_ARGUMENT: %d of %d rows have problems (listed above); nothing was imported", badRows(*pre), rows)
			}
			if dry {
				p.done()
				return o.print(pre.InventoryImportPreview, func(w io.Writer) {
					fmt.Fprintf(w, "%d rows checked, all fine; nothing written (dry run)\n", rows)
				})
			}
			p.set(fmt.Sprintf("%d rows checked; writing %d rows", rows, rows))
			res, err := ImportItems(cmd.Context(), c, string(data))
			if err != nil {
				return err
			}
			p.done()
			its := []ItemSummary{}
			for _, it := range res.ImportInventoryItems {
				its = append(its, it.ItemSummary)
			}
			return o.print(its, func(w io.Writer) {
				fmt.Fprintf(w, "imported %d items\n", len(its))
				printItems(w, its)
			})
		},
	})
	c.Flags().BoolVar(&dry, "dry-run", false, "check every row and report, write nothing")
	return c
}

func badRows(p ImportPreviewResponse) int {
	n := 0
	for _, r := range p.InventoryImportPreview.Rows {
		if len(r.Errors) > 0 {
			n++
		}
	}
	return n
}

// itemsFault is `items fault`: a leased item broke.
func (o *options) itemsFault(printItems func(io.Writer, []ItemSummary)) *cobra.Command {
	var reason string
	c := o.verb(&cobra.Command{
		Use:   "fault ID --reason TEXT",
		Short: "A leased item broke: to MAINTENANCE, and its lease gets a replacement when one is available (admins)",
		Example: `  hardcandy items fault 30064771073 --reason "disk failed"
  hardcandy items fault 30064771073 --reason "no link" --json`,
		Args: exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return UsageError{fmt.Errorf("--reason is required")}
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			p := o.progress(cmd)
			p.set("replacing the item")
			res, err := MarkFaulty(cmd.Context(), c, args[0], reason)
			p.done()
			if err != nil {
				return err
			}
			f := res.MarkItemFaulty
			out := struct {
				Item        ItemSummary  `json:"item"`
				Replacement *ItemSummary `json:"replacement"`
				Lease       LeaseJSON    `json:"lease"`
				Message     string       `json:"message"`
			}{Item: f.Item.ItemSummary, Lease: leaseJSON(f.Lease.LeaseSummary, nil), Message: f.Message}
			if f.Replacement != nil {
				out.Replacement = &f.Replacement.ItemSummary
			}
			return o.print(out, func(w io.Writer) {
				fmt.Fprintf(w, "lease %s: %s\n", out.Lease.ID, f.Message)
				its := []ItemSummary{out.Item}
				if out.Replacement != nil {
					its = append(its, *out.Replacement)
				}
				printItems(w, its)
			})
		},
	})
	c.Flags().StringVar(&reason, "reason", "", "what is wrong with it")
	return c
}

// itemsCommand is the admins' inventory verbs.
func (o *options) itemsCommand() *cobra.Command {
	items := &cobra.Command{Use: "items", Short: "Manage inventory items (admins)",
		Example: "  hardcandy items list --status MAINTENANCE\n  hardcandy items import items.csv --dry-run"}
	var pool string
	var labels []string
	itemsAdd := o.verb(&cobra.Command{
		Use:               "add SKU NAME [--pool POOL] [--label L]...",
		Short:             "Add one item",
		Example:           "  hardcandy items add 4D.small rack-z-07 --pool rack-z --label gpu --label 10g",
		ValidArgsFunction: o.completeSKUs,
		Args:              exact(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.itemCall(cmd.Context(), nil, func(ctx context.Context, c graphql.Client) (ItemSummary, error) {
				res, err := AddItems(ctx, c, []AddInventoryItemInput{{Sku: args[0], Name: args[1], Pool: optional(pool), Labels: labels}})
				if err != nil {
					return ItemSummary{}, err
				}
				return res.AddInventoryItems[0].ItemSummary, nil
			})
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
			check := func() error {
				if strings.TrimSpace(why) == "" {
					return errors.New("--reason is required")
				}
				return nil
			}
			return o.itemCall(cmd.Context(), check, func(ctx context.Context, c graphql.Client) (ItemSummary, error) {
				res, err := SetMaintenance(ctx, c, args[0], why)
				if err != nil {
					return ItemSummary{}, err
				}
				return res.SetItemMaintenance.ItemSummary, nil
			})
		},
	})
	itemsMaint.Flags().StringVar(&why, "reason", "", "why")
	itemsRelease := o.verb(&cobra.Command{
		Use: "release ID", Short: "Put an item back in service (through a wipe)", Args: exact(1),
		Example: "  hardcandy items release 30064771073",
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.itemCall(cmd.Context(), nil, func(ctx context.Context, c graphql.Client) (ItemSummary, error) {
				res, err := ReleaseItem(ctx, c, args[0])
				if err != nil {
					return ItemSummary{}, err
				}
				return res.ReleaseItemFromMaintenance.ItemSummary, nil
			})
		},
	})
	itemsArchive := o.verb(&cobra.Command{
		Use: "archive ID", Short: "Decommission an item (kept for history)", Args: exact(1),
		Example: "  hardcandy items archive 30064771073",
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.itemCall(cmd.Context(), nil, func(ctx context.Context, c graphql.Client) (ItemSummary, error) {
				res, err := ArchiveItem(ctx, c, args[0])
				if err != nil {
					return ItemSummary{}, err
				}
				return res.ArchiveItem.ItemSummary, nil
			})
		},
	})
	items.AddCommand(o.itemsImport(printItems), itemsAdd, itemsMaint, itemsRelease, itemsArchive,
		o.itemsList(printItems), o.itemsExport(), o.itemsFault(printItems))
	return items
}

// itemCall is run for a verb that changes one item and prints it as items list does.
func (o *options) itemCall(ctx context.Context, check func() error, do func(context.Context, graphql.Client) (ItemSummary, error)) error {
	return run(ctx, o, call[[]ItemSummary]{
		check: check,
		do: func(ctx context.Context, c graphql.Client) ([]ItemSummary, error) {
			it, err := do(ctx, c)
			if err != nil {
				return nil, err
			}
			return []ItemSummary{it}, nil
		},
		text: printItems,
	})
}

func printItems(w io.Writer, its []ItemSummary) {
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
