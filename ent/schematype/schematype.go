// Package schematype holds the Go types stored in JSON columns of the ent schema.
package schematype

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hardcandy/hardcandy/apperr"
)

// Attribute is one typed key/value of a product, such as ram_gb=128 (a number).
type Attribute struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	// Type is NUMBER, STRING or BOOLEAN. Attributes written before attributes were typed have
	// none; Kind infers it from the value.
	Type AttributeType `json:"type,omitempty"`
}

// Kind is the attribute's type: Type, or for an untyped attribute the type its value reads as
// (a number, true/false, else a string).
func (a Attribute) Kind() AttributeType {
	if a.Type != "" {
		return a.Type
	}
	return InferAttributeType(a.Value)
}

// AttributeType is the type of a product attribute's value.
type AttributeType string

// The attribute types.
const (
	AttributeNumber  AttributeType = "NUMBER"
	AttributeString  AttributeType = "STRING"
	AttributeBoolean AttributeType = "BOOLEAN"
)

// InferAttributeType is the type a value written without one is taken to have.
func InferAttributeType(v string) AttributeType {
	if _, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && strings.TrimSpace(v) != "" {
		return AttributeNumber
	}
	if v == "true" || v == "false" {
		return AttributeBoolean
	}
	return AttributeString
}

// Valid reports whether t is one of the attribute types.
func (t AttributeType) Valid() bool {
	return t == AttributeNumber || t == AttributeString || t == AttributeBoolean
}

// MarshalGQL writes the type as its GraphQL enum value.
func (t AttributeType) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(t))) }

// UnmarshalGQL reads the GraphQL enum value.
// A null type is none: the value's own type is inferred (see InferAttributeType).
func (t *AttributeType) UnmarshalGQL(v any) error {
	if v == nil {
		*t = ""
		return nil
	}
	s, ok := v.(string)
	if !ok {
		return apperr.New(apperr.InvalidArgument, "attribute type must be NUMBER, STRING or BOOLEAN, got %T", v)
	}
	*t = AttributeType(strings.ToUpper(s))
	if !t.Valid() {
		return apperr.New(apperr.InvalidArgument, "%s is not a valid AttributeType (NUMBER, STRING, BOOLEAN)", s)
	}
	return nil
}

// AttributeConstraint is one condition on a product attribute in a vend of "any product that
// fits": Key Op Value, such as ram_gb >= 256.
type AttributeConstraint struct {
	Key string `json:"key"`
	// Op is >=, <=, =, or !=; empty means >=.
	Op    string `json:"op,omitempty"`
	Value string `json:"value"`
}

// String writes the constraint as it is parsed: "ram_gb>=256".
func (c AttributeConstraint) String() string {
	op := c.Op
	if op == "" {
		op = ">="
	}
	return c.Key + op + c.Value
}

// LeaseLine is one requested line of a lease: so many items of a SKU, optionally narrowed to a
// pool and labels. A line may instead name a tier, a type and attribute constraints ("any product
// that fits"); the lease keeps the product that was picked as its SKU.
type LeaseLine struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
	// Pool, when set, is the only pool items are taken from.
	Pool *string `json:"pool,omitempty"`
	// Labels must all be on an item; NotLabels none of them.
	Labels    []string `json:"labels,omitempty"`
	NotLabels []string `json:"notLabels,omitempty"`
	// Tier, Type and Attributes ask for the cheapest product that fits, instead of a SKU.
	Tier       *int                   `json:"tier,omitempty"`
	Type       *string                `json:"type,omitempty"`
	Attributes []*AttributeConstraint `json:"attributes,omitempty"`
	// Picked says SKU was chosen by tier, type and attributes: what the lease keeps of such a line.
	Picked bool `json:"picked,omitempty"`
	// Parameters are the line's parameters (see ParameterValue): as a vend passes them, and in a
	// lease's request validated, defaults applied, secrets sealed. For a bundle they name its
	// components' parameters "SKU.name".
	Parameters []*ParameterValue `json:"parameters,omitempty"`
}

// Constrained reports whether the line narrows which items it takes.
func (l LeaseLine) Constrained() bool {
	return l.Pool != nil || len(l.Labels) > 0 || len(l.NotLabels) > 0
}

// Any reports whether the line asks for any product that fits rather than a SKU.
func (l LeaseLine) Any() bool { return l.Tier != nil || l.Type != nil || len(l.Attributes) > 0 }

// constraintOps are the operators of an attribute constraint, longest first for parsing.
var constraintOps = []string{">=", "<=", "!=", "="}

// ValidOp reports whether op is an operator of attribute constraints (empty meaning >=).
func ValidOp(op string) bool {
	for _, o := range constraintOps {
		if op == o {
			return true
		}
	}
	return op == ""
}

// ParseConstraint reads "key>=value", "key<=value", "key=value" or "key!=value".
func ParseConstraint(expr string) (AttributeConstraint, error) {
	best, at := "", -1
	for _, op := range constraintOps {
		if i := strings.Index(expr, op); i >= 0 && (at < 0 || i < at || (i == at && len(op) > len(best))) {
			best, at = op, i
		}
	}
	if at < 0 {
		return AttributeConstraint{}, fmt.Errorf("%q: write key>=value, key<=value, key=value or key!=value", expr)
	}
	c := AttributeConstraint{Key: strings.TrimSpace(expr[:at]), Op: best, Value: strings.TrimSpace(expr[at+len(best):])}
	if c.Key == "" || c.Value == "" {
		return AttributeConstraint{}, fmt.Errorf("%q: needs an attribute name and a value", expr)
	}
	return c, nil
}
