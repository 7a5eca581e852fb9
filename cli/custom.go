package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// customCommands: custom request|list|fulfil|decline.
func (o *options) customCommands() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "custom",
		Short:   "Ask for what the catalog does not have; admins fulfil (a custom product for you) or decline",
		Example: "  hardcandy custom request 'a GPU box with 2 A100' --duration 5d\n  hardcandy custom list",
		Args:    exact(0),
	}
	var qty int
	var dur string
	var attrs []string
	request := o.verb(&cobra.Command{
		Use:     "request DESCRIPTION [--quantity N] [--duration 7d] [--attr KEY=VALUE]...",
		Short:   "Ask for something not in the catalog",
		Example: "  hardcandy custom request 'a GPU box with 2 A100' --duration 5d --attr gpu=a100",
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in := CustomRequestInput{Description: args[0], Quantity: qty, Duration: dur}
			for _, a := range attrs {
				k, v, ok := strings.Cut(a, "=")
				if !ok {
					return UsageError{fmt.Errorf("--attr %q: KEY=VALUE", a)}
				}
				in.Attributes = append(in.Attributes, AttributeInput{Key: k, Value: v})
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := RequestCustom(cmd.Context(), c, in)
			if err != nil {
				return err
			}
			r := res.RequestCustom
			return o.print(r, func(w io.Writer) {
				fmt.Fprintf(w, "custom request %s is %s; an admin fulfils or declines it (`hardcandy custom list --all`)\n", r.Id, r.Status)
			})
		},
	})
	request.Flags().IntVar(&qty, "quantity", 1, "how many")
	request.Flags().StringVar(&dur, "duration", "7d", "for how long")
	request.Flags().StringArrayVar(&attrs, "attr", nil, "an attribute KEY=VALUE (repeatable)")

	var all bool
	list := o.verb(&cobra.Command{
		Use:     "list [--all]",
		Short:   "Open custom requests you may see (admins: all; --all: every status)",
		Example: "  hardcandy custom list\n  hardcandy custom list --all",
		Args:    exact(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			status := CustomRequestStatusOpen
			st := &status
			if all {
				st = nil
			}
			res, err := CustomRequests(cmd.Context(), c, st)
			if err != nil {
				return err
			}
			return o.print(res.CustomRequests, func(w io.Writer) {
				if len(res.CustomRequests) == 0 {
					fmt.Fprintln(w, "no custom requests")
					return
				}
				table(w, "ID\tSTATUS\tBY\tQTY\tFOR\tDESCRIPTION\tOUTCOME", func(tw io.Writer) {
					for _, r := range res.CustomRequests {
						outcome := "-"
						switch {
						case r.Product != nil:
							outcome = "product " + r.Product.Sku + ", until " + day(r.Product.ExpiresAt)
						case r.Reason != nil:
							outcome = "declined: " + *r.Reason
						}
						fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\t%s\n", r.Id, r.Status, r.Requester.Name, r.Quantity, r.Duration, r.Description, outcome)
					}
				})
			})
		},
	})
	list.Flags().BoolVar(&all, "all", false, "every status, not only open ones")

	var in FulfilCustomRequestInput
	var price, expires, pool string
	fulfil := o.verb(&cobra.Command{
		Use:     "fulfil ID --sku SKU --name N --price 90.00 --expires 2026-12-31 --item NAME... [--currency USD] [--pool P]",
		Short:   "Fulfil a custom request with a custom product only its requester (and their managers) may vend (admins)",
		Example: "  hardcandy custom fulfil 12 --sku 4D.gpu --name 'GPU box' --price 90.00 --expires 2026-12-31 --item gpu-01",
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cents, err := parseMoney(price)
			if err != nil {
				return UsageError{err}
			}
			until, err := parseDay(expires)
			if err != nil {
				return UsageError{fmt.Errorf("--expires: %w", err)}
			}
			if len(in.Items) == 0 {
				return UsageError{errors.New("--item: name at least one item")}
			}
			in.PricePerDay, in.ExpiresAt, in.Pool = cents, until, optional(pool)
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := FulfilCustomRequest(cmd.Context(), c, args[0], in)
			if err != nil {
				return err
			}
			r := res.FulfilCustomRequest
			return o.print(r, func(w io.Writer) {
				fmt.Fprintf(w, "custom request %s is %s: %s may vend %s until %s\n", r.Id, r.Status, r.Requester.Name, r.Product.Sku, day(r.Product.ExpiresAt))
			})
		},
	})
	fulfil.Flags().StringVar(&in.Sku, "sku", "", "the custom product's SKU, e.g. 4D.gpu")
	fulfil.Flags().StringVar(&in.Name, "name", "", "its name")
	fulfil.Flags().StringVar(&price, "price", "", "price per day, e.g. 90.00")
	fulfil.Flags().StringVar(&in.Currency, "currency", "USD", "ISO 4217 currency")
	fulfil.Flags().StringVar(&expires, "expires", "", "the day it stops being vendable, e.g. 2026-12-31")
	fulfil.Flags().StringArrayVar(&in.Items, "item", nil, "an item's name (repeatable)")
	fulfil.Flags().StringVar(&pool, "pool", "", "the items' pool")

	var reason string
	decline := o.verb(&cobra.Command{
		Use:     "decline ID --reason TEXT",
		Short:   "Decline a custom request, with a reason (admins)",
		Example: "  hardcandy custom decline 12 --reason 'none in stock this year'",
		Args:    exact(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return UsageError{errors.New("--reason is required")}
			}
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := DeclineCustomRequest(cmd.Context(), c, args[0], reason)
			if err != nil {
				return err
			}
			r := res.DeclineCustomRequest
			return o.print(r, func(w io.Writer) { fmt.Fprintf(w, "custom request %s is %s\n", r.Id, r.Status) })
		},
	})
	decline.Flags().StringVar(&reason, "reason", "", "why")
	cmd.AddCommand(request, list, fulfil, decline)
	return cmd
}
