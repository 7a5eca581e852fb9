package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/Khan/genqlient/graphql"
	"github.com/spf13/cobra"
)

// productsCommand is the catalog: products, and for admins products add and products retire.
func (o *options) productsCommand() *cobra.Command {
	var includeRetired bool
	products := o.verb(&cobra.Command{
		Use:     "products",
		Short:   "List the catalog (admins: products add, products retire)",
		Example: "  hardcandy products\n  hardcandy products --include-retired --json",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return run(cmd.Context(), o, call[[]*ProductsProductsProductConnectionEdgesProductEdgeNodeProduct]{
				do: func(ctx context.Context, c graphql.Client) ([]*ProductsProductsProductConnectionEdgesProductEdgeNodeProduct, error) {
					var ir *bool
					if includeRetired {
						ir = &includeRetired
					}
					res, err := Products(ctx, c, ir)
					if err != nil {
						return nil, err
					}
					nodes := []*ProductsProductsProductConnectionEdgesProductEdgeNodeProduct{}
					for _, e := range res.Products.Edges {
						nodes = append(nodes, e.Node)
					}
					return nodes, nil
				},
				text: func(w io.Writer, nodes []*ProductsProductsProductConnectionEdgesProductEdgeNodeProduct) {
					table(w, "SKU\tNAME\tPER DAY\tBUNDLE OF\tRETIRED", func(tw io.Writer) {
						for _, p := range nodes {
							var comps []string
							for _, s := range p.Components {
								comps = append(comps, fmt.Sprintf("%d×%s", s.Quantity, s.Product.Sku))
							}
							fmt.Fprintf(tw, "%s\t%s\t%d.%02d %s\t%s\t%v\n", p.Sku, p.Name, p.PricePerDay/100, p.PricePerDay%100, p.Currency, strings.Join(comps, " "), p.Retired)
						}
					})
				},
			})
		},
	})
	products.Flags().BoolVar(&includeRetired, "include-retired", false, "also list retired products (admins)")
	products.AddCommand(o.productsAdd(), o.productsRetire(), o.productsShow())
	return products
}

func (o *options) productsAdd() *cobra.Command {
	var add CreateProductInput
	var price, maxDur string
	cmd := o.verb(&cobra.Command{
		Use:     "add SKU --name NAME --price 60.00 --currency USD [--max-duration 30d]",
		Short:   "Add a product to the catalog (admins)",
		Example: `  hardcandy products add 4D.medium --name "Medium metal" --price 90.50 --max-duration 30d`,
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(cmd.Context(), o, call[CreateProductCreateProduct]{
				check: func() error {
					cents, err := parseMoney(price)
					add.Sku, add.PricePerDay = args[0], cents
					return err
				},
				do: func(ctx context.Context, c graphql.Client) (CreateProductCreateProduct, error) {
					res, err := CreateProduct(ctx, c, add)
					if err != nil {
						return CreateProductCreateProduct{}, err
					}
					return res.CreateProduct, nil
				},
				text: func(w io.Writer, p CreateProductCreateProduct) { fmt.Fprintf(w, "added %s (%s)\n", p.Sku, p.Name) },
			})
		},
	})
	cmd.Flags().StringVar(&add.Name, "name", "", "the product's name")
	cmd.Flags().StringVar(&price, "price", "", "price per day, e.g. 60.00")
	cmd.Flags().StringVar(&add.Currency, "currency", "USD", "ISO 4217 currency")
	cmd.Flags().StringVar(&maxDur, "max-duration", "", "longest lease, e.g. 30d")
	cmd.PreRun = func(*cobra.Command, []string) {
		if maxDur != "" {
			add.MaxDuration = &maxDur
		}
	}
	return cmd
}

func (o *options) productsRetire() *cobra.Command {
	return o.verb(&cobra.Command{
		Use:               "retire SKU",
		Short:             "Retire a product: it stays for history but can no longer be vended (admins)",
		Example:           "  hardcandy products retire 4D.medium",
		ValidArgsFunction: o.completeSKUs,
		Args:              exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(cmd.Context(), o, call[RetireProductRetireProduct]{
				do: func(ctx context.Context, c graphql.Client) (RetireProductRetireProduct, error) {
					p, err := ProductID(ctx, c, args[0])
					if err != nil {
						return RetireProductRetireProduct{}, err
					}
					if p.Product == nil {
						return RetireProductRetireProduct{}, fmt.Errorf("NOT_FOUND: no product %q", args[0])
					}
					res, err := RetireProduct(ctx, c, p.Product.Id)
					if err != nil {
						return RetireProductRetireProduct{}, err
					}
					return res.RetireProduct, nil
				},
				text: func(w io.Writer, p RetireProductRetireProduct) { fmt.Fprintf(w, "retired %s\n", p.Sku) },
			})
		},
	})
}
