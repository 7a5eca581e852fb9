package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"
)

// ParameterJSON is one parameter of a lease as lease verbs print it with --json. A SECRET's value
// is null unless `show --credentials` asks for it (and the viewer may see it).
type ParameterJSON struct {
	SKU       string  `json:"sku"`
	Component *string `json:"component,omitempty"`
	Name      string  `json:"name"`
	Type      string  `json:"type"`
	Value     *string `json:"value"`
	Secret    bool    `json:"secret"`
}

func parametersJSON(ps []LeaseSummaryParametersLeaseParameter, withSecrets bool) []ParameterJSON {
	out := []ParameterJSON{}
	for _, p := range ps {
		pj := ParameterJSON{SKU: p.Sku, Component: p.Component, Name: p.Name, Type: string(p.Type), Value: p.Value, Secret: p.Secret}
		if p.Secret && !withSecrets {
			pj.Value = nil
		}
		out = append(out, pj)
	}
	return out
}

// printParameters is the human form of a lease's parameters, one line each, secrets masked
// (unless shown), long SSH keys cut short.
func printParameters(w io.Writer, ps []ParameterJSON) {
	if len(ps) == 0 {
		return
	}
	fmt.Fprintln(w, "  parameters:")
	for _, p := range ps {
		name := p.Name
		if p.Component != nil {
			name = *p.Component + "." + name
		}
		val := "(not set)"
		switch {
		case p.Secret && p.Value == nil:
			val = "********"
		case p.Value != nil && p.Type == string(ParameterTypeSshPublicKey):
			val = shortKey(*p.Value)
		case p.Value != nil:
			val = *p.Value
		}
		fmt.Fprintf(w, "    %s %s=%s\n", p.SKU, name, val)
	}
}

// shortKey shows an SSH key as its type, the start and end of its data and its comment.
func shortKey(k string) string {
	f := strings.Fields(k)
	if len(f) < 2 || len(f[1]) < 24 {
		return k
	}
	out := f[0] + " " + f[1][:8] + "…" + f[1][len(f[1])-8:]
	if len(f) > 2 {
		out += " " + strings.Join(f[2:], " ")
	}
	return out
}

// paramFlag is one --param NAME=VALUE.
type paramFlag struct{ name, value string }

// parseParams reads --param flags: NAME=VALUE, where a VALUE of @FILE is that file's contents
// (~ is the home directory; one trailing newline is dropped) and @@ starts a literal @.
func parseParams(flags []string) ([]paramFlag, error) {
	var out []paramFlag
	for _, f := range flags {
		name, value, ok := strings.Cut(f, "=")
		if !ok || name == "" {
			return nil, UsageError{fmt.Errorf("--param %q: give NAME=VALUE (VALUE @FILE reads a file)", f)}
		}
		switch {
		case strings.HasPrefix(value, "@@"):
			value = value[1:]
		case strings.HasPrefix(value, "@"):
			path := value[1:]
			if path == "~" || strings.HasPrefix(path, "~/") {
				home, err := os.UserHomeDir()
				if err != nil {
					return nil, UsageError{fmt.Errorf("--param %s: %w", name, err)}
				}
				path = filepath.Join(home, strings.TrimPrefix(path, "~"))
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return nil, UsageError{fmt.Errorf("--param %s: %w", name, err)}
			}
			value = strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
		}
		out = append(out, paramFlag{name: name, value: value})
	}
	return out, nil
}

// paramsToLines puts parameters on lines: with one line all of them; with several, each names
// its line's SKU first, as SKU.NAME (4D.small.image=ubuntu-24.04), and goes to the first line of
// that SKU.
func paramsToLines(ps []paramFlag, ls []LeaseLineInput) error {
	if len(ps) == 0 {
		return nil
	}
	if len(ls) == 1 {
		for _, p := range ps {
			ls[0].Parameters = append(ls[0].Parameters, ParameterValueInput{Name: p.name, Value: p.value})
		}
		return nil
	}
	skus := make([]string, 0, len(ls))
	for _, l := range ls {
		if l.Sku != nil {
			skus = append(skus, *l.Sku)
		}
	}
	sort.Slice(skus, func(i, j int) bool { return len(skus[i]) > len(skus[j]) }) // longest prefix first
	for _, p := range ps {
		placed := false
		for _, sku := range skus {
			if rest, ok := strings.CutPrefix(p.name, sku+"."); ok && rest != "" {
				for i := range ls {
					if ls[i].Sku != nil && *ls[i].Sku == sku {
						ls[i].Parameters = append(ls[i].Parameters, ParameterValueInput{Name: rest, Value: p.value})
						break
					}
				}
				placed = true
				break
			}
		}
		if !placed {
			first := "SKU"
			if ls[0].Sku != nil {
				first = *ls[0].Sku
			}
			return UsageError{fmt.Errorf("--param %s: with several lines, name the line's SKU first, e.g. --param %s.%s=...", p.name, first, p.name)}
		}
	}
	return nil
}

// productsShow is `products show SKU`: one product with its parameters.
func (o *options) productsShow() *cobra.Command {
	return o.verb(&cobra.Command{
		Use:               "show SKU",
		Short:             "Show one product: price, components and the parameters a vend may or must pass",
		Example:           "  hardcandy products show 4D.small\n  hardcandy products show 4E.lab3 --json",
		Args:              exact(1),
		ValidArgsFunction: o.completeSKUs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := o.client()
			if err != nil {
				return err
			}
			res, err := ProductDetail(cmd.Context(), c, args[0])
			if err != nil {
				return err
			}
			p := res.Product
			if p == nil {
				return fmt.Errorf("NOT_FOUND: no product %s", args[0])
			}
			if p.Parameters == nil {
				p.Parameters = []ProductDetailProductParametersProductParameter{}
			}
			return o.print(p, func(w io.Writer) {
				fmt.Fprintf(w, "%s: %s, %d.%02d %s per day", p.Sku, p.Name, p.PricePerDay/100, p.PricePerDay%100, p.Currency)
				if p.Retired {
					fmt.Fprint(w, " (retired)")
				}
				fmt.Fprintln(w)
				if p.Description != nil {
					fmt.Fprintln(w, *p.Description)
				}
				for _, s := range p.Components {
					fmt.Fprintf(w, "  component: %d×%s\n", s.Quantity, s.Product.Sku)
				}
				if len(p.Parameters) == 0 {
					fmt.Fprintln(w, "no parameters")
					return
				}
				table(w, "PARAMETER\tTYPE\tREQUIRED\tDEFAULT\tRULE\tDESCRIPTION", func(tw io.Writer) {
					for _, pp := range p.Parameters {
						def, desc := "", ""
						if pp.Default != nil {
							def = *pp.Default
							if pp.Fixed {
								def += " (fixed)"
							}
						}
						if pp.Description != nil {
							desc = *pp.Description
						}
						fmt.Fprintf(tw, "%s\t%s\t%v\t%s\t%s\t%s\n", pp.Name, pp.Type, pp.Required, def, paramRule(pp), desc)
					}
				})
				fmt.Fprintf(w, "vend with: hardcandy vend %s --param NAME=VALUE (VALUE @FILE reads a file)\n", p.Sku)
			})
		},
	})
}

func paramRule(p ProductDetailProductParametersProductParameter) string {
	var r []string
	if len(p.Values) > 0 {
		r = append(r, "one of "+strings.Join(p.Values, ", "))
	}
	switch {
	case p.Min != nil && p.Max != nil:
		r = append(r, fmt.Sprintf("%d..%d", *p.Min, *p.Max))
	case p.Min != nil:
		r = append(r, fmt.Sprintf(">= %d", *p.Min))
	case p.Max != nil:
		r = append(r, fmt.Sprintf("<= %d", *p.Max))
	}
	if p.MaxLength != nil {
		r = append(r, fmt.Sprintf("at most %d characters", *p.MaxLength))
	}
	if p.Pattern != nil {
		r = append(r, "matches "+*p.Pattern)
	}
	return strings.Join(r, "; ")
}
