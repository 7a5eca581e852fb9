package lease

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/viewer"
)

// Parameter is one parameter of a lease or an order as people see it (the GraphQL
// LeaseParameter): a SECRET's value only for the lease's owner and admins, never on an order.
type Parameter struct {
	// Line is the index of the requested line and SKU its SKU.
	Line int    `json:"line"`
	SKU  string `json:"sku"`
	// Component is, for a bundle's line, the component the parameter was passed to.
	Component *string                  `json:"component,omitempty"`
	Name      string                   `json:"name"`
	Type      schematype.ParameterType `json:"type"`
	Value     *string                  `json:"value"`
	Secret    bool                     `json:"secret"`
}

// paramField names a line's parameters in errors as the caller sent them.
func paramField(i int, single bool) string {
	if single {
		return "parameters"
	}
	return fmt.Sprintf("lines[%d].parameters", i)
}

// sealParameters is what a lease keeps of validated values: each SECRET sealed with the
// service's box, its clear value dropped.
func (s *Service) sealParameters(vals []schematype.ParameterValue) ([]*schematype.ParameterValue, error) {
	if len(vals) == 0 {
		return nil, nil
	}
	out := make([]*schematype.ParameterValue, len(vals))
	for i, v := range vals {
		v := v
		if v.Type == schematype.ParamSecret {
			sealed, err := s.box.Seal([]byte(v.Value))
			if err != nil {
				return nil, fmt.Errorf("seal parameter %s: %w", v.Name, err)
			}
			v.Value, v.Sealed = "", sealed
		}
		out[i] = &v
	}
	return out, nil
}

// openParameter returns a kept value in the clear.
func (s *Service) openParameter(v *schematype.ParameterValue) (string, error) {
	if v.Sealed == nil {
		return v.Value, nil
	}
	plain, err := s.box.Open(v.Sealed)
	if err != nil {
		return "", fmt.Errorf("open parameter %s: %w", v.Name, err)
	}
	return string(plain), nil
}

// unsealRequest returns a lease's request with its secrets opened, to be resolved again (an
// approval claims what the vend asked for, validated again against today's declarations).
func (s *Service) unsealRequest(lines []schematype.LeaseLine) ([]schematype.LeaseLine, error) {
	out := make([]schematype.LeaseLine, len(lines))
	for i, l := range lines {
		out[i] = l // its constraints and whether its product was picked go with it
		out[i].Parameters = nil
		for _, p := range l.Parameters {
			v, err := s.openParameter(p)
			if err != nil {
				return nil, err
			}
			out[i].Parameters = append(out[i].Parameters, &schematype.ParameterValue{Name: p.Name, Value: v})
		}
	}
	return out, nil
}

// resolveStored resolves what a stored lease asked for (a reservation starting, a queued lease
// served, a reservation moved), its secrets opened, as resolve does for a new vend.
func (s *Service) resolveStored(ctx context.Context, lines []schematype.LeaseLine) (*plan, error) {
	req, err := s.unsealRequest(lines)
	if err != nil {
		return nil, err
	}
	return s.resolve(ctx, req)
}

// lineParameters validates line i's parameters against pr, a bundle with its components (comps,
// in the order of its bag) or a plain product: it returns the line's values and each
// component's (for a plain product, its own as the only entry).
func lineParameters(i int, single bool, pr *ent.Product, comps []*ent.Product, given []*schematype.ParameterValue) ([]schematype.ParameterValue, []catalog.ComponentParameters, error) {
	field := paramField(i, single)
	if pr.ComponentsBagID == nil {
		vals, err := catalog.ResolveParameters(field, pr, given)
		if err != nil {
			return nil, nil, err
		}
		return vals, []catalog.ComponentParameters{{Component: pr, Values: vals}}, nil
	}
	return catalog.ResolveBundleParameters(field, pr, comps, given)
}

// dispenserParameters are values as a dispenser receives them, typed as JSON: an INTEGER a
// number, a BOOLEAN true or false, everything else (secrets in the clear) a string.
func dispenserParameters(vals []schematype.ParameterValue) map[string]any {
	if len(vals) == 0 {
		return nil
	}
	out := make(map[string]any, len(vals))
	for _, v := range vals {
		switch v.Type {
		case schematype.ParamInteger:
			if n, err := strconv.ParseInt(v.Value, 10, 64); err == nil {
				out[v.Name] = n
				continue
			}
		case schematype.ParamBoolean:
			out[v.Name] = v.Value == "true"
			continue
		}
		out[v.Name] = v.Value
	}
	return out
}

// orderParameters is what an order keeps of its billed lines' parameters: secrets without their
// values.
func orderParameters(billed []line) []schematype.ParameterValue {
	var out []schematype.ParameterValue
	for i, b := range billed {
		for _, v := range b.values {
			v.SKU, v.Line = b.product.Sku, i
			if v.Type == schematype.ParamSecret {
				v.Value = ""
			}
			v.Sealed = nil
			out = append(out, v)
		}
	}
	return out
}

// requestValues is a kept request line's parameters for an order (secrets dropped there).
func requestValues(l schematype.LeaseLine) []schematype.ParameterValue {
	out := make([]schematype.ParameterValue, 0, len(l.Parameters))
	for _, p := range l.Parameters {
		out = append(out, schematype.ParameterValue{Name: p.Name, Value: p.Value, Type: p.Type})
	}
	return out
}

func splitName(name string) (*string, string) {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		c := name[:i]
		return &c, name[i+1:]
	}
	return nil, name
}

// Parameters returns the parameters of l's requested lines for the viewer: a SECRET's value
// only when the viewer owns the lease or is an admin.
func (s *Service) Parameters(ctx context.Context, l *ent.Lease) ([]*Parameter, error) {
	v, _ := viewer.FromContext(ctx)
	mayOpen := v.IsAdmin() || (v.UserID != 0 && v.UserID == l.OwnerID)
	var out []*Parameter
	for i, r := range l.Request {
		for _, p := range r.Parameters {
			comp, name := splitName(p.Name)
			lp := &Parameter{Line: i, SKU: r.SKU, Component: comp, Name: name, Type: p.Type, Secret: p.Type == schematype.ParamSecret}
			if !lp.Secret || mayOpen {
				val, err := s.openParameter(p)
				if err != nil {
					return nil, err
				}
				lp.Value = &val
			}
			out = append(out, lp)
		}
	}
	return out, nil
}

// OrderParameters returns what an order keeps of its parameters (secrets never have a value).
func OrderParameters(o *ent.Order) []*Parameter {
	var out []*Parameter
	for _, p := range o.Parameters {
		comp, name := splitName(p.Name)
		lp := &Parameter{Line: p.Line, SKU: p.SKU, Component: comp, Name: name, Type: p.Type, Secret: p.Type == schematype.ParamSecret}
		if !lp.Secret {
			val := p.Value
			lp.Value = &val
		}
		out = append(out, lp)
	}
	return out
}

// replacementParameters are the parameters an item of p gets when it replaces a broken one of
// lease l: those of the first requested line of p, or of a bundle's line that passed p some
// (secrets opened for the dispenser). A lease with several lines of p gives the first line's.
func (s *Service) replacementParameters(l *ent.Lease, p *ent.Product) ([]schematype.ParameterValue, error) {
	var out []schematype.ParameterValue
	for _, r := range l.Request {
		for _, v := range r.Parameters {
			name := v.Name
			if r.SKU != p.Sku {
				comp, local := splitName(v.Name)
				if comp == nil || *comp != p.Sku {
					continue
				}
				name = local
			}
			val, err := s.openParameter(v)
			if err != nil {
				return nil, err
			}
			out = append(out, schematype.ParameterValue{Name: name, Value: val, Type: v.Type})
		}
		if len(out) > 0 || r.SKU == p.Sku {
			return out, nil
		}
	}
	return out, nil
}
