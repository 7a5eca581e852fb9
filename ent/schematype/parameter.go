package schematype

import (
	"fmt"
	"io"
	"strconv"
)

// ParameterType is the type of a product's parameter. It is the GraphQL enum ParameterType.
type ParameterType string

// The parameter types.
const (
	ParamString       ParameterType = "STRING"
	ParamInteger      ParameterType = "INTEGER"
	ParamBoolean      ParameterType = "BOOLEAN"
	ParamEnum         ParameterType = "ENUM"
	ParamSSHPublicKey ParameterType = "SSH_PUBLIC_KEY"
	ParamSecret       ParameterType = "SECRET"
)

// ParameterTypes lists every parameter type.
var ParameterTypes = []ParameterType{ParamString, ParamInteger, ParamBoolean, ParamEnum, ParamSSHPublicKey, ParamSecret}

// Valid reports whether t is one of ParameterTypes.
func (t ParameterType) Valid() bool {
	for _, v := range ParameterTypes {
		if t == v {
			return true
		}
	}
	return false
}

// MarshalGQL writes t as a GraphQL enum value.
func (t ParameterType) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(t))) }

// UnmarshalGQL reads a GraphQL enum value.
func (t *ParameterType) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("parameter type must be a string, got %T", v)
	}
	if !ParameterType(s).Valid() {
		return fmt.Errorf("%q is not a parameter type", s)
	}
	*t = ParameterType(s)
	return nil
}

// ParameterSpec declares one parameter a vend of a product may or must pass. It is the GraphQL
// ProductParameter and ProductParameterInput. A bundle's declaration names its components'
// parameters as "SKU.name" (e.g. "4D.small.image") to give them a default or fix them.
type ParameterSpec struct {
	Name        string        `json:"name"`
	Type        ParameterType `json:"type"`
	Description *string       `json:"description,omitempty"`
	// Required: a vend must pass it (a required parameter has no default).
	Required bool `json:"required,omitempty"`
	// Default is taken when a vend passes none.
	Default *string `json:"default,omitempty"`
	// Fixed, on a bundle's entry for a component's parameter: the default is the value and a
	// vend may not pass another.
	Fixed bool `json:"fixed,omitempty"`
	// Values are an ENUM's allowed values.
	Values []string `json:"values,omitempty"`
	// Min and Max bound an INTEGER.
	Min *int `json:"min,omitempty"`
	Max *int `json:"max,omitempty"`
	// MaxLength and Pattern (a regular expression the whole value must match) bound a STRING.
	MaxLength *int    `json:"maxLength,omitempty"`
	Pattern   *string `json:"pattern,omitempty"`
}

// ParameterValue is one parameter as a vend passes it (the GraphQL ParameterValueInput: name and
// value as text) and as a lease keeps it: validated, with its type, and a SECRET's value sealed
// (Sealed set, Value empty), so that the database never holds it in the clear.
type ParameterValue struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	// Type is the declared type, recorded when the value was validated.
	Type ParameterType `json:"type,omitempty"`
	// Sealed is a SECRET's value, AES-GCM sealed.
	Sealed []byte `json:"sealed,omitempty"`
	// SKU and Line are the billed line's SKU and index, on an order's copy.
	SKU  string `json:"sku,omitempty"`
	Line int    `json:"line,omitempty"`
}
