package catalog

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/schematype"
)

// TypeAttributes checks a product's attributes and gives each its type: the one written, or
// when none is, NUMBER for a number, BOOLEAN for true/false, else STRING. A value that does not
// read as its type is INVALID_ARGUMENT naming the attribute.
func TypeAttributes(in []*schematype.Attribute) error {
	for i, a := range in {
		if a == nil {
			continue
		}
		if a.Type == "" {
			a.Type = schematype.InferAttributeType(a.Value)
		}
		if _, err := parseValue(a.Type, a.Value); err != nil {
			return apperr.New(apperr.InvalidArgument, "attributes[%d] %s: %v", i, a.Key, err)
		}
	}
	return nil
}

// value is an attribute value read as its type.
type value struct {
	num  float64
	text string
}

func parseValue(t schematype.AttributeType, v string) (value, error) {
	switch t {
	case schematype.AttributeNumber:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return value{}, fmt.Errorf("a NUMBER, and %q is not a number", v)
		}
		return value{num: f}, nil
	case schematype.AttributeBoolean:
		b, err := strconv.ParseBool(strings.TrimSpace(v))
		if err != nil {
			return value{}, fmt.Errorf("a BOOLEAN (true or false), and %q is neither", v)
		}
		return value{text: strconv.FormatBool(b)}, nil
	case schematype.AttributeString:
		return value{text: v}, nil
	}
	return value{}, fmt.Errorf("unknown type %q (NUMBER, STRING or BOOLEAN)", t)
}

// attribute finds key among p's attributes.
func attribute(p *ent.Product, key string) (schematype.Attribute, bool) {
	for _, a := range p.Attributes {
		if a.Key == key {
			return a, true
		}
	}
	return schematype.Attribute{}, false
}

// CheckConstraints validates constraints against the products they would choose among: each
// names an attribute one of them declares, with an operator its type allows and a value of its
// type. field names the constraints as the caller sent them ("lines[0].attributes").
func CheckConstraints(field string, products []*ent.Product, cs []*schematype.AttributeConstraint) error {
	for i, c := range cs {
		at := fmt.Sprintf("%s[%d]", field, i)
		if c == nil {
			continue
		}
		if !schematype.ValidOp(c.Op) {
			return apperr.New(apperr.InvalidArgument, "%s: %s: unknown operator %q; use >=, <=, = or !=", at, c.Key, c.Op)
		}
		var known []string
		var typ schematype.AttributeType
		for _, p := range products {
			if a, ok := attribute(p, c.Key); ok {
				typ = a.Kind()
				break
			}
			for _, a := range p.Attributes {
				if !slices.Contains(known, a.Key) {
					known = append(known, a.Key)
				}
			}
		}
		if typ == "" {
			slices.Sort(known)
			return apperr.New(apperr.InvalidArgument, "%s: unknown attribute %q for these products (they have: %s)", at, c.Key, strings.Join(known, ", "))
		}
		if (c.Op == ">=" || c.Op == "<=" || c.Op == "") && typ != schematype.AttributeNumber {
			return apperr.New(apperr.InvalidArgument, "%s: attribute %s is a %s: compare it with = or != only", at, c.Key, typ)
		}
		if _, err := parseValue(typ, c.Value); err != nil {
			return apperr.New(apperr.InvalidArgument, "%s: attribute %s is %v", at, c.Key, err)
		}
	}
	return nil
}

// Satisfies reports whether p's attributes meet every constraint (checked by CheckConstraints);
// a product without the attribute, or with it of another type, does not.
func Satisfies(p *ent.Product, cs []*schematype.AttributeConstraint) bool {
	for _, c := range cs {
		if c == nil {
			continue
		}
		a, ok := attribute(p, c.Key)
		if !ok {
			return false
		}
		have, err := parseValue(a.Kind(), a.Value)
		if err != nil {
			return false
		}
		want, err := parseValue(a.Kind(), c.Value)
		if err != nil {
			return false
		}
		num := a.Kind() == schematype.AttributeNumber
		switch c.Op {
		case ">=", "":
			if !num || have.num < want.num {
				return false
			}
		case "<=":
			if !num || have.num > want.num {
				return false
			}
		case "=":
			if have != want {
				return false
			}
		case "!=":
			if have == want {
				return false
			}
		default:
			return false
		}
	}
	return true
}
