package catalog

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/ssh"

	"github.com/hardcandy/hardcandy/bag"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/schematype"
)

// Limits of a parameter declaration and of the values a vend passes.
const (
	maxParameters     = 50
	maxEnumValues     = 100
	maxParamValueLen  = 16 << 10 // an SSH public key with a long comment fits easily
	maxSecretLen      = 4096
	maxDescriptionLen = 500
	maxPatternLen     = 500
)

var paramNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// validateDeclaration checks a product's parameter declaration. components are a bundle's
// component products (nil for a plain product): a bundle declares only its components'
// parameters, as "SKU.name", with the component's type, to give them a default or fix them.
func validateDeclaration(specs []*schematype.ParameterSpec, components []*ent.Product) ([]schematype.ParameterSpec, error) {
	if len(specs) > maxParameters {
		return nil, invalid("parameters: at most %d", maxParameters)
	}
	out := make([]schematype.ParameterSpec, 0, len(specs))
	seen := map[string]bool{}
	for i, sp := range specs {
		if sp == nil {
			return nil, invalid("parameters[%d]: must not be null", i)
		}
		field := fmt.Sprintf("parameters[%d]", i)
		if err := validateSpec(field, *sp, components); err != nil {
			return nil, err
		}
		if seen[sp.Name] {
			return nil, invalid("%s.name: %q declared twice", field, sp.Name)
		}
		seen[sp.Name] = true
		out = append(out, *sp)
	}
	return out, nil
}

func validateSpec(field string, sp schematype.ParameterSpec, components []*ent.Product) error {
	name := sp.Name
	if components != nil {
		comp, local, ok := splitComponent(name, components)
		if !ok {
			return invalid("%s.name: a bundle declares its components' parameters as SKU.name (e.g. %s.image); %q names no component", field, components[0].Sku, name)
		}
		decl := Declared(comp, local)
		if decl == nil {
			return invalid("%s.name: %s declares no parameter %q", field, comp.Sku, local)
		}
		if sp.Type != decl.Type {
			return invalid("%s.type: %s's %s is %s, not %s", field, comp.Sku, local, decl.Type, sp.Type)
		}
		if sp.Fixed && sp.Default == nil {
			return invalid("%s.fixed: a fixed parameter needs its value as default", field)
		}
		if sp.Values != nil || sp.Min != nil || sp.Max != nil || sp.MaxLength != nil || sp.Pattern != nil {
			return invalid("%s: a bundle gives a component's parameter a default or fixes it; its rules are the component's", field)
		}
		if sp.Default != nil {
			if _, err := CheckValue(*decl, *sp.Default); err != nil {
				return invalid("%s.default: %v", field, err)
			}
		}
		if sp.Type == schematype.ParamSecret && sp.Default != nil {
			return invalid("%s.default: a SECRET has no default (it would be stored in the clear)", field)
		}
		return nil
	}
	if !paramNameRE.MatchString(name) {
		return invalid("%s.name: must be a lower-case identifier such as ssh_key, got %q", field, name)
	}
	if sp.Fixed {
		return invalid("%s.fixed: only a bundle fixes its components' parameters", field)
	}
	if !sp.Type.Valid() {
		return invalid("%s.type: %q is not a parameter type", field, sp.Type)
	}
	if sp.Description != nil && len(*sp.Description) > maxDescriptionLen {
		return invalid("%s.description: at most %d characters", field, maxDescriptionLen)
	}
	if sp.Required && sp.Default != nil {
		return invalid("%s: a required parameter has no default", field)
	}
	isEnum, isInt, isString := sp.Type == schematype.ParamEnum, sp.Type == schematype.ParamInteger, sp.Type == schematype.ParamString
	switch {
	case isEnum && len(sp.Values) == 0:
		return invalid("%s.values: an ENUM lists its allowed values", field)
	case !isEnum && sp.Values != nil:
		return invalid("%s.values: only an ENUM has values", field)
	case !isInt && (sp.Min != nil || sp.Max != nil):
		return invalid("%s: only an INTEGER has min and max", field)
	case !isString && (sp.MaxLength != nil || sp.Pattern != nil):
		return invalid("%s: only a STRING has maxLength and pattern", field)
	case sp.Min != nil && sp.Max != nil && *sp.Min > *sp.Max:
		return invalid("%s: min (%d) exceeds max (%d)", field, *sp.Min, *sp.Max)
	case sp.MaxLength != nil && (*sp.MaxLength < 1 || *sp.MaxLength > maxParamValueLen):
		return invalid("%s.maxLength: must be 1 to %d, got %d", field, maxParamValueLen, *sp.MaxLength)
	case sp.Type == schematype.ParamSecret && sp.Default != nil:
		return invalid("%s.default: a SECRET has no default (it would be stored in the clear)", field)
	}
	if isEnum {
		if len(sp.Values) > maxEnumValues {
			return invalid("%s.values: at most %d", field, maxEnumValues)
		}
		for j, v := range sp.Values {
			if v == "" || !utf8.ValidString(v) || len(v) > 200 {
				return invalid("%s.values[%d]: must be 1 to 200 characters of text", field, j)
			}
			if slices.Index(sp.Values, v) != j {
				return invalid("%s.values[%d]: %q listed twice", field, j, v)
			}
		}
	}
	if sp.Pattern != nil {
		if len(*sp.Pattern) > maxPatternLen {
			return invalid("%s.pattern: at most %d characters", field, maxPatternLen)
		}
		if _, err := regexp.Compile(*sp.Pattern); err != nil {
			return invalid("%s.pattern: not a regular expression: %v", field, err)
		}
	}
	if sp.Default != nil {
		if _, err := CheckValue(sp, *sp.Default); err != nil {
			return invalid("%s.default: %v", field, err)
		}
	}
	return nil
}

// splitComponent reads "SKU.name" against a bundle's components (a SKU itself contains a dot:
// the name is what follows the last one).
func splitComponent(name string, components []*ent.Product) (*ent.Product, string, bool) {
	i := strings.LastIndexByte(name, '.')
	if i <= 0 {
		return nil, "", false
	}
	for _, c := range components {
		if c.Sku == name[:i] {
			return c, name[i+1:], true
		}
	}
	return nil, "", false
}

// Declared returns p's declaration of the parameter name, or nil.
func Declared(p *ent.Product, name string) *schematype.ParameterSpec {
	for i := range p.Parameters {
		if p.Parameters[i].Name == name {
			return &p.Parameters[i]
		}
	}
	return nil
}

// CheckValue validates one value against its declaration and returns it normalized: an INTEGER
// in decimal, a BOOLEAN as true or false, an SSH key as "type base64 [comment]". The error
// states the rule broken, without the value when it is a SECRET.
func CheckValue(sp schematype.ParameterSpec, v string) (string, error) {
	if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
		return "", fmt.Errorf("must be UTF-8 text without NUL bytes")
	}
	if len(v) > maxParamValueLen {
		return "", fmt.Errorf("at most %d bytes", maxParamValueLen)
	}
	switch sp.Type {
	case schematype.ParamString:
		if sp.MaxLength != nil && utf8.RuneCountInString(v) > *sp.MaxLength {
			return "", fmt.Errorf("at most %d characters, got %d", *sp.MaxLength, utf8.RuneCountInString(v))
		}
		if sp.Pattern != nil {
			re, err := regexp.Compile(`^(?:` + *sp.Pattern + `)$`)
			if err != nil {
				return "", fmt.Errorf("the declared pattern is not a regular expression: %w", err)
			}
			if !re.MatchString(v) {
				return "", fmt.Errorf("must match the pattern %s, got %q", *sp.Pattern, v)
			}
		}
		return v, nil
	case schematype.ParamInteger:
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			return "", fmt.Errorf("must be a whole number, got %q", v)
		}
		if sp.Min != nil && n < int64(*sp.Min) || sp.Max != nil && n > int64(*sp.Max) {
			return "", fmt.Errorf("must be within %s, got %d", intRange(sp), n)
		}
		return strconv.FormatInt(n, 10), nil
	case schematype.ParamBoolean:
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "true", "yes", "1":
			return "true", nil
		case "false", "no", "0":
			return "false", nil
		}
		return "", fmt.Errorf("must be true or false, got %q", v)
	case schematype.ParamEnum:
		if !slices.Contains(sp.Values, v) {
			return "", fmt.Errorf("must be one of %s, got %q", strings.Join(sp.Values, ", "), v)
		}
		return v, nil
	case schematype.ParamSSHPublicKey:
		key, comment, _, rest, err := ssh.ParseAuthorizedKey([]byte(v))
		if err != nil {
			return "", fmt.Errorf("must be one SSH public key in authorized_keys format (such as the contents of id_ed25519.pub): %v", err)
		}
		if strings.TrimSpace(string(rest)) != "" {
			return "", fmt.Errorf("must be one SSH public key, got more than one")
		}
		out := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(key)))
		if comment != "" {
			out += " " + comment
		}
		return out, nil
	case schematype.ParamSecret:
		if v == "" {
			return "", fmt.Errorf("must not be empty")
		}
		if len(v) > maxSecretLen {
			return "", fmt.Errorf("at most %d bytes", maxSecretLen)
		}
		return v, nil
	}
	return "", fmt.Errorf("has the unknown type %q", sp.Type)
}

func intRange(sp schematype.ParameterSpec) string {
	switch {
	case sp.Min != nil && sp.Max != nil:
		return fmt.Sprintf("%d..%d", *sp.Min, *sp.Max)
	case sp.Min != nil:
		return fmt.Sprintf("%d or more", *sp.Min)
	default:
		return fmt.Sprintf("%d or less", *sp.Max)
	}
}

// ResolveParameters validates the parameters a vend passes for p against p's declaration:
// unknown and repeated names are refused, required ones must be given, defaults fill the rest.
// The answer is in declaration order, normalized and typed, secrets still in the clear. field
// names the input in errors ("parameters", "lines[1].parameters").
func ResolveParameters(field string, p *ent.Product, given []*schematype.ParameterValue) ([]schematype.ParameterValue, error) {
	if p.ComponentsBagID != nil {
		return nil, fmt.Errorf("ResolveParameters: %s is a bundle; use ResolveBundleParameters", p.Sku)
	}
	vals := map[string]string{}
	for _, g := range given {
		if g == nil {
			return nil, invalid("%s: must not contain null", field)
		}
		if Declared(p, g.Name) == nil {
			return nil, unknownParameter(field, p, g.Name)
		}
		if _, dup := vals[g.Name]; dup {
			return nil, invalid("%s: %s given twice", field, g.Name)
		}
		vals[g.Name] = g.Value
	}
	return resolveValues(field, "", p, vals)
}

func unknownParameter(field string, p *ent.Product, name string) error {
	if len(p.Parameters) == 0 {
		return invalid("%s: %s: unknown parameter; %s takes no parameters", field, name, p.Sku)
	}
	names := make([]string, len(p.Parameters))
	for i, sp := range p.Parameters {
		names[i] = sp.Name
	}
	return invalid("%s: %s: unknown parameter; %s takes %s", field, name, p.Sku, strings.Join(names, ", "))
}

// resolveValues applies p's declaration to vals (name → raw value); prefix is put before names
// in errors ("4D.small." for a bundle's component).
func resolveValues(field, prefix string, p *ent.Product, vals map[string]string) ([]schematype.ParameterValue, error) {
	out := make([]schematype.ParameterValue, 0, len(p.Parameters))
	for _, sp := range p.Parameters {
		raw, ok := vals[sp.Name]
		switch {
		case !ok && sp.Required:
			return nil, invalid("%s: %s%s: required by %s (%s)", field, prefix, sp.Name, p.Sku, describeSpec(sp))
		case !ok && sp.Default == nil:
			continue
		case !ok:
			raw = *sp.Default
		}
		v, err := CheckValue(sp, raw)
		if err != nil {
			return nil, invalid("%s: %s%s: %v", field, prefix, sp.Name, err)
		}
		out = append(out, schematype.ParameterValue{Name: sp.Name, Value: v, Type: sp.Type})
	}
	return out, nil
}

func describeSpec(sp schematype.ParameterSpec) string {
	switch {
	case sp.Type == schematype.ParamEnum:
		return "one of " + strings.Join(sp.Values, ", ")
	case sp.Type == schematype.ParamInteger && (sp.Min != nil || sp.Max != nil):
		return "a whole number within " + intRange(sp)
	case sp.Type == schematype.ParamSSHPublicKey:
		return "an SSH public key"
	}
	return strings.ToLower(string(sp.Type))
}

// ComponentParameters is what a bundle's line passes one of its components.
type ComponentParameters struct {
	Component *ent.Product
	Values    []schematype.ParameterValue
}

// ResolveBundleParameters validates the parameters a vend of bundle passes for its components:
// "SKU.name" sets one component's parameter, a plain name every component that declares it; the
// bundle's declaration gives defaults and fixed values; each component's own declaration then
// applies. It answers the line's values as "SKU.name" (what the lease keeps) and each
// component's own.
func ResolveBundleParameters(field string, bundle *ent.Product, components []*ent.Product, given []*schematype.ParameterValue) ([]schematype.ParameterValue, []ComponentParameters, error) {
	vals := map[int]map[string]string{}
	for _, c := range components {
		vals[c.ID] = map[string]string{}
	}
	set := func(c *ent.Product, name, v string) error {
		full := c.Sku + "." + name
		if b := Declared(bundle, full); b != nil && b.Fixed && b.Default != nil && *b.Default != v {
			return invalid("%s: %s: fixed to %q by the bundle %s", field, full, *b.Default, bundle.Sku)
		}
		if _, dup := vals[c.ID][name]; dup {
			return invalid("%s: %s given twice", field, full)
		}
		vals[c.ID][name] = v
		return nil
	}
	for _, g := range given {
		if g == nil {
			return nil, nil, invalid("%s: must not contain null", field)
		}
		if c, local, ok := splitComponent(g.Name, components); ok {
			if Declared(c, local) == nil {
				return nil, nil, unknownParameter(field, c, g.Name)
			}
			if err := set(c, local, g.Value); err != nil {
				return nil, nil, err
			}
			continue
		}
		matched := false
		for _, c := range components {
			if Declared(c, g.Name) != nil {
				matched = true
				if err := set(c, g.Name, g.Value); err != nil {
					return nil, nil, err
				}
			}
		}
		if !matched {
			return nil, nil, invalid("%s: %s: unknown parameter; no component of %s declares it (name one as SKU.name)", field, g.Name, bundle.Sku)
		}
	}
	for _, b := range bundle.Parameters {
		c, local, ok := splitComponent(b.Name, components)
		if !ok || b.Default == nil {
			continue
		}
		if _, given := vals[c.ID][local]; !given {
			vals[c.ID][local] = *b.Default
		}
	}
	var line []schematype.ParameterValue
	var per []ComponentParameters
	for _, c := range components {
		v, err := resolveValues(field, c.Sku+".", c, vals[c.ID])
		if err != nil {
			return nil, nil, err
		}
		per = append(per, ComponentParameters{Component: c, Values: v})
		for _, pv := range v {
			pv.Name = c.Sku + "." + pv.Name
			line = append(line, pv)
		}
	}
	return line, per, nil
}

// declaration validates a product's parameter declaration inside tx; bagID is its components
// bag when it is a bundle.
func declaration(ctx context.Context, tx *database.Tx, specs []*schematype.ParameterSpec, bagID *int) ([]schematype.ParameterSpec, error) {
	var components []*ent.Product
	if bagID != nil {
		b, err := bag.Load(ctx, tx.Client(), *bagID)
		if err != nil {
			return nil, err
		}
		var ids []int
		for _, st := range b.Stacks() {
			ids = append(ids, st.ProductID)
		}
		if components, err = tx.Product.Query().Where(product.IDIn(ids...)).Order(ent.Asc(product.FieldSku)).All(ctx); err != nil {
			return nil, fmt.Errorf("bundle components: %w", err)
		}
		if components == nil {
			components = []*ent.Product{}
		}
	}
	return validateDeclaration(specs, components)
}
